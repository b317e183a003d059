import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  AwsCallLog,
  awsFault,
  fault,
  proxiedAwsCalls,
  registryRequests,
  publish,
  requireStackEnv,
  servedDigest,
} from '../support/stack';
import { createEc2Cluster } from '../support/cluster';
import { nationalParksWorkspace, runAction, runActionInterrupted, type RunResult } from './harness';

// Faults on every side of a deploy, each run by the bundled action as the runner runs it. For
// each: the step recovers by bounded retry, or fails saying what happened and what to do; the
// service never moves to a task definition whose images are not all pushed; the post step still
// cleans up; and a rerun once the fault is gone completes.

requireStackEnv();
jest.setTimeout(300_000);

const suffix = `${process.pid}-${Date.now().toString(36)}`;
const cluster = `faults-${suffix}`;
const stuckCluster = `faults-stuck-${suffix}`;
const packages = 'billmeyer/mongodb\nmattray/national-parks';
const proxy = process.env.HABITAT_ECS_STACK_FAULT_ENDPOINT ?? '';
const stuck = process.env.HABITAT_ECS_STACK_STUCK_ENDPOINT ?? '';
const registry = process.env.HABITAT_ECS_STACK_REGISTRY ?? '';
/** Calls that change what ECS runs; none may happen when a run fails before its images are in. */
const MOVES = ['RegisterTaskDefinition', 'CreateService', 'UpdateService'];

function deploy(
  service: string,
  options: { inputs?: Record<string, string>; env?: Record<string, string>; workspace?: string } = {},
): RunResult {
  return runAction({
    workspace: options.workspace ?? nationalParksWorkspace(),
    inputs: inputsFor(service, options.inputs),
    ...(options.env && { env: options.env }),
  });
}

function inputsFor(service: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'habitat-packages': packages,
    // Faults on the way of an export and push: releases an earlier test pushed are not reused.
    'reuse-released-images': 'false',
    cluster,
    service,
    'task-family': `${service}-${suffix}`,
    'image-tag': `${service}-${suffix}`,
    ...extra,
  };
}

function errorLines(r: RunResult): string[] {
  return r.stdout.split('\n').filter((l) => l.startsWith('::error'));
}

function explain(r: RunResult): string {
  return `status ${r.status}\n${r.stdout.slice(-4000)}\n${r.stderr.slice(-2000)}`;
}

/** The post step ran and the private docker config of the login (if any) is gone. */
function expectCleanedUp(r: RunResult): void {
  expect(r.post?.status).toBe(0);
  const dir = r.state['docker-config'];
  if (dir) expect(fs.existsSync(dir)).toBe(false);
  expect(fs.readdirSync(r.runnerTemp).filter((n) => n.startsWith('habitat-ecs-docker-'))).toEqual([]);
}

function expectRerunCompletes(service: string, env?: Record<string, string>): RunResult {
  const again = deploy(service, { ...(env && { env }) });
  if (again.status !== 0) throw new Error(`the rerun failed: ${explain(again)}`);
  expect(again.summary).toMatch(/created and stable|updated and stable|unchanged/);
  return again;
}

beforeAll(async () => {
  if (!proxy || !stuck) throw new Error('the stack env is incomplete: eval "$(test/stack/local-stack env)"');
  await createEc2Cluster(cluster);
  await createEc2Cluster(stuckCluster, stuck);
});

afterEach(() => {
  fault('clear');
  awsFault('clear');
});

describe('the registry', () => {
  test.each([
    ['500', 'fault:500'],
    ['429', 'fault:429'],
  ])(
    'answering %s twice mid-push (the manifest PUT) is retried, and the deploy completes',
    (code, logged) => {
      const service = `reg${code}`;
      const from = registryRequests().length;
      fault(code, '2', 'PUT /v2/mattray/national-parks/manifests/');
      const r = deploy(service);
      if (r.status !== 0) throw new Error(explain(r));
      const injected = registryRequests(from).filter((l) => l.includes(logged));
      expect(injected).toHaveLength(2);
      expect(r.summary).toContain('created and stable');
      expectCleanedUp(r);
    },
  );

  test('down mid-push (every manifest PUT unanswered): the step fails after bounded retries, nothing is registered, a rerun completes', () => {
    const service = 'regdown';
    const calls = new AwsCallLog().mark();
    fault('drop', '1000', 'PUT /v2/mattray/national-parks/manifests/');
    const started = Date.now();
    const r = deploy(service);
    expect(r.status).toBe(1);
    expect(Date.now() - started).toBeLessThan(150_000);
    const errors = errorLines(r);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('mattray/national-parks');
    expect(errors[0]).toMatch(/5 attempts|after 5/);
    expect(r.stdout).toContain('Failed during Export and push.');
    expect(r.stdout).toContain('Images pushed so far are harmless: no task definition names them yet.');
    expect(r.stdout).toContain('No service was created.');
    expect(r.summary).toContain('failed during Export and push');
    expect(calls.calls().filter((c) => MOVES.includes(c))).toEqual([]);
    expectCleanedUp(r);
    fault('clear');
    expectRerunCompletes(service);
  });
});

describe('ECS and ECR behind the fault proxy', () => {
  const viaProxy = () => ({ AWS_ENDPOINT_URL: proxy });

  test.each([
    ['throttle', 'RegisterTaskDefinition', 'fault:throttle'],
    ['503', 'CreateService', 'fault:503'],
    ['throttle', 'GetAuthorizationToken', 'fault:throttle'],
    ['500', 'CreateRepository', 'fault:500'],
  ])('%s twice on %s is retried by the SDK, and the deploy completes', (kind, operation, logged) => {
    const service = `aws-${kind}-${operation.toLowerCase()}`.slice(0, 60);
    const from = proxiedAwsCalls().length;
    if (operation === 'CreateRepository') {
      // Repositories of their own, so that this run has to create them.
      const ws = nationalParksWorkspace();
      const compose = path.join(ws, 'docker-compose.yml');
      fs.writeFileSync(
        compose,
        fs
          .readFileSync(compose, 'utf8')
          .replace(/billmeyer\/mongodb/g, `faults${suffix.replace(/-/g, '')}/mongodb`),
      );
      // Listed in the emulated Builder, where the hab stand-in looks packages up by name.
      publish(
        'stable',
        `faults${suffix.replace(/-/g, '')}/mongodb/3.2.10/20171016003652`,
        '--exposes',
        '27017',
      );
      awsFault(kind, '2', operation);
      const r = runAction({
        workspace: ws,
        env: viaProxy(),
        inputs: inputsFor(service, {
          'habitat-packages': `faults${suffix.replace(/-/g, '')}/mongodb\nmattray/national-parks`,
        }),
      });
      if (r.status !== 0) throw new Error(explain(r));
      expect(r.summary).toContain('created and stable');
    } else {
      awsFault(kind, '2', operation);
      const r = deploy(service, { env: viaProxy() });
      if (r.status !== 0) throw new Error(explain(r));
      expect(r.summary).toContain('created and stable');
    }
    // Two calls answered with the fault, then retried until one went through (two pushes can
    // make their CreateRepository at once, so the order between them is not fixed).
    const seen = proxiedAwsCalls(from).filter((l) => l.startsWith(`${operation} `));
    expect(seen.filter((l) => l === `${operation} ${logged}`)).toHaveLength(2);
    expect(seen).toContain(`${operation} 200`);
  });

  test('persistent throttling of RegisterTaskDefinition fails the step with what to do; the service is untouched; a rerun completes', () => {
    const service = 'aws-throttled';
    const calls = new AwsCallLog().mark();
    const from = proxiedAwsCalls().length;
    awsFault('throttle', '1000', 'RegisterTaskDefinition');
    const r = deploy(service, { env: viaProxy() });
    expect(r.status).toBe(1);
    const errors = errorLines(r);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(
      'AWS ECS RegisterTaskDefinition was throttled by AWS (5 attempts): ThrottlingException: Rate exceeded',
    );
    expect(errors[0]).toContain('Run again in a few minutes');
    expect(r.stdout).toContain('Failed during Register.');
    expect(r.stdout).toMatch(
      /Done before that: 2 package\(s\) exported; \d image\(s\) pushed|Done before that: 2 package\(s\) exported\./,
    );
    expect(r.stdout).toContain('No service was created.');
    // Exactly the SDK's 5 attempts, then it gave up.
    expect(proxiedAwsCalls(from).filter((l) => l === 'RegisterTaskDefinition fault:throttle')).toHaveLength(
      5,
    );
    expect(calls.calls().filter((c) => MOVES.includes(c))).toEqual([]);
    expectCleanedUp(r);
    awsFault('clear');
    expectRerunCompletes(service, viaProxy());
  });

  test('slow answers (the first 3 DescribeServices each 1.5 s late) only make the deploy slower', () => {
    awsFault('delay:1500', '3', 'DescribeServices');
    const r = deploy('aws-slow', { env: viaProxy() });
    if (r.status !== 0) throw new Error(explain(r));
    expect(r.summary).toContain('created and stable');
  });

  test('an unreachable endpoint fails at the first call, naming it and what to check; nothing is exported; a rerun completes', () => {
    const service = 'aws-unreachable';
    const habLog = path.join(fs.mkdtempSync('/tmp/hab-log-'), 'calls.log');
    const r = deploy(service, { env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:9', HAB_STANDIN_LOG: habLog } });
    expect(r.status).toBe(1);
    const errors = errorLines(r);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBe(
      // The first call is the service's check: its failures are explained like any AWS call's.
      '::error::AWS ECS DescribeServices could not reach http://127.0.0.1:9/ (5 attempts): ECONNREFUSED. ' +
        "Check the runner's network and proxy, aws-region, and AWS_ENDPOINT_URL if it is set",
    );
    expect(fs.existsSync(habLog)).toBe(false);
    expectCleanedUp(r);
    expectRerunCompletes(service);
  });
});

test('the export of the 2nd of 3 packages failing stops the run: no 3rd export, no revision, the service untouched; a rerun completes', () => {
  const service = 'export3';
  const ws = nationalParksWorkspace();
  const compose = path.join(ws, 'docker-compose.yml');
  fs.appendFileSync(compose, '  cache:\n    image: core/redis\n    mem_limit: 128m\n');
  const inputs = { 'habitat-packages': 'billmeyer/mongodb\nmattray/national-parks\ncore/redis' };
  const calls = new AwsCallLog().mark();
  const r = runAction({
    workspace: ws,
    env: { HAB_STANDIN_FAIL: 'mattray/national-parks' },
    inputs: inputsFor(service, inputs),
  });
  expect(r.status).toBe(1);
  const errors = errorLines(r);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain('exporting mattray/national-parks failed');
  expect(r.stdout).toContain('Failed during Export and push.');
  // The 1st image may have pushed meanwhile (harmless: nothing names it); the 3rd was not exported.
  expect(r.stdout).not.toMatch(/hab pkg export container core\/redis/);
  expect(calls.calls().filter((c) => MOVES.includes(c))).toEqual([]);
  expectCleanedUp(r);
  const again = runAction({ workspace: ws, inputs: inputsFor(service, inputs) });
  if (again.status !== 0) throw new Error(explain(again));
  expect(Object.keys(JSON.parse(again.outputs.images ?? '{}')).sort()).toEqual([
    'cache',
    'mongo',
    'national-parks',
  ]);
});

describe('the job cancelled', () => {
  test('by SIGTERM mid-push: the upload stops, no tag is written, nothing is registered, the post step cleans up, a rerun completes', async () => {
    const service = 'cancel-push';
    const calls = new AwsCallLog().mark();
    // Slow PUTs (closing each blob upload, storing each manifest) keep the push busy long enough.
    fault('delay:5000', '20', 'PUT /v2/');
    const r = await runActionInterrupted({
      workspace: nationalParksWorkspace(),
      inputs: inputsFor(service),
      // A dependency of this run alone: layers the registry cannot hold yet (exports are
      // reproducible, so the packages' own layers may be there from earlier tests).
      env: { HAB_STANDIN_DEPS: `acme/cancel-${suffix}/1.0.0/20260101000000=2` },
      // A layer upload is under way.
      when: /: layer \d+ of \d+: uploading /,
      signal: 'SIGTERM',
    });
    expect(r.signalledAt).toBeDefined();
    expect(r.status).toBe(1);
    expect(r.exitedAt - (r.signalledAt ?? 0)).toBeLessThan(5_000);
    expect(errorLines(r)).toEqual(['::error::Cancelled (SIGTERM) during Export and push.']);
    expect(r.stdout).toContain('No service was created.');
    expect(r.summary).toContain('cancelled during Export and push');
    expect(calls.calls().filter((c) => MOVES.includes(c))).toEqual([]);
    // The upload under way never closed: no image is tagged under this run's tag.
    for (const repository of ['billmeyer/mongodb', 'mattray/national-parks'])
      expect(await servedDigest(registry, repository, `${service}-${suffix}`)).toBeUndefined();
    expectCleanedUp(r);
    fault('clear');
    expectRerunCompletes(service);
  });

  // The runner sends SIGINT first, then SIGTERM: both stop the run the same way.
  test('by SIGINT mid-wait: the step stops at once, says ECS carries on with a deployment whose images are all pushed, and a rerun completes', async () => {
    const service = 'cancel-wait';
    const ecs = new ECSClient({ endpoint: stuck });
    const r = await runActionInterrupted({
      workspace: nationalParksWorkspace(),
      env: { AWS_ENDPOINT_URL: stuck },
      inputs: { ...inputsFor(service), cluster: stuckCluster },
      when: /::group::Wait/,
      signal: 'SIGINT',
    });
    expect(r.signalledAt).toBeDefined();
    expect(r.status).toBe(1);
    expect(r.exitedAt - (r.signalledAt ?? 0)).toBeLessThan(5_000);
    expect(errorLines(r)).toEqual(['::error::Cancelled (SIGINT) during Wait.']);
    const svc = (await ecs.send(new DescribeServicesCommand({ cluster: stuckCluster, services: [service] })))
      .services?.[0];
    expect(r.stdout).toContain(
      `The service was pointed at ${svc?.taskDefinition?.split('/').pop()} (it was created), after every image it names was pushed; ECS carries on with that deployment.`,
    );
    expectCleanedUp(r);
    // The rerun finds the service already on that revision: nothing to change, nothing to wait for.
    const again = runAction({
      workspace: nationalParksWorkspace(),
      env: { AWS_ENDPOINT_URL: stuck },
      inputs: { ...inputsFor(service), cluster: stuckCluster },
    });
    if (again.status !== 0) throw new Error(explain(again));
    expect(again.outputs['task-definition-arn']).toBe(svc?.taskDefinition);
    expect(again.summary).toContain('unchanged');
  });
});
