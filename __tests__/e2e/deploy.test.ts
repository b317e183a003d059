import { DescribeServicesCommand, ECSClient, ListTaskDefinitionsCommand } from '@aws-sdk/client-ecs';
import { DescribeRepositoriesCommand, ECRClient } from '@aws-sdk/client-ecr';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AwsCallLog, ECR_CREDENTIALS, requireStackEnv, servedDigest } from '../support/stack';
import { createEc2Cluster } from '../support/cluster';
import { nationalParksWorkspace, runAction, type RunResult } from './harness';

// The bundled action, run as the Actions runner runs it, against the local stack: the stand-in
// hab exports real images, the registry at the ECR host name takes them with moto's ECR token,
// moto answers ECS. One scenario, in order: first deploy, identical rerun, changed compose, teardown.

requireStackEnv();
jest.setTimeout(240_000);

const ecs = new ECSClient({});
const ecr = new ECRClient({});
const registry = process.env.HABITAT_ECS_STACK_REGISTRY ?? '';
const suffix = `${process.pid}-${Date.now().toString(36)}`;
const cluster = `e2e-${suffix}`;
const service = 'national-parks';
const imageTag = `e2e-${suffix}`;
// Families are per account and region, shared by clusters: a fresh one keeps revision numbers known.
const family = `np-${suffix}`;
const workspace = nationalParksWorkspace();
const pushEvent = {
  name: 'push',
  ref: 'refs/heads/main',
  sha: '0123456789abcdef0123456789abcdef01234567',
  payload: JSON.parse(fs.readFileSync(path.join(__dirname, 'events/push.json'), 'utf8')) as unknown,
};

function deploy(extra: Record<string, string> = {}): RunResult {
  return runAction({
    workspace,
    event: pushEvent,
    inputs: {
      'habitat-packages': 'billmeyer/mongodb\nmattray/national-parks',
      // The export path: releases an earlier test pushed are not reused (resolve.test.ts is the rerun).
      'reuse-released-images': 'false',
      cluster,
      service,
      'image-tag': imageTag,
      'task-family': family,
      ...extra,
    },
  });
}

async function describeService() {
  const out = await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }));
  return out.services?.[0];
}

async function revisions(): Promise<string[]> {
  const out = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: family, status: 'ACTIVE' }));
  return (out.taskDefinitionArns ?? []).filter((arn) => arn.includes(`/${family}:`));
}

function explain(r: RunResult): string {
  return `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

beforeAll(async () => {
  await createEc2Cluster(cluster);
});

let first: RunResult;
let revisionsAfterFirst: string[];

test('the first deploy exports, pushes to the registry at the ECR host name, registers and creates the service', async () => {
  first = deploy();
  expect(first.status).toBe(0);
  if (first.status !== 0) throw new Error(explain(first));

  // hab ran through the real code path: export groups, the exporter subcommand, both packages.
  expect(first.stdout).toContain('::group::Export');
  expect(first.stdout).toMatch(/hab pkg export container/);

  // images output: both services pinned by digest, equal to what the registry serves for the tag.
  const images = JSON.parse(first.outputs.images ?? '{}') as Record<string, string>;
  expect(Object.keys(images).sort()).toEqual(['mongo', 'national-parks']);
  for (const [name, repository] of [
    ['mongo', 'billmeyer/mongodb'],
    ['national-parks', 'mattray/national-parks'],
  ] as const) {
    const served = await servedDigest(registry, repository, imageTag);
    expect(served).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(images[name]).toBe(`${registry}/${repository}@${served}`);
  }

  // ECR: both repositories were created in the emulated ECR.
  const repos = await ecr.send(
    new DescribeRepositoriesCommand({ repositoryNames: ['billmeyer/mongodb', 'mattray/national-parks'] }),
  );
  expect((repos.repositories ?? []).map((r) => r.repositoryName).sort()).toEqual([
    'billmeyer/mongodb',
    'mattray/national-parks',
  ]);

  // ECS: the service exists and runs the revision the outputs name.
  const svc = await describeService();
  expect(svc?.status).toBe('ACTIVE');
  expect(svc?.taskDefinition).toBe(first.outputs['task-definition-arn']);
  expect(first.outputs['service-arn']).toBe(svc?.serviceArn);
  expect(first.outputs.changed).toBe('true');
  expect(first.outputs['deployment-id']).toMatch(/^ecs-svc\//);

  // The rendered file is the task definition with the pinned images.
  const file = first.outputs['task-definition-file'] ?? '';
  expect(file.startsWith(first.runnerTemp)).toBe(true);
  const rendered = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(rendered.containerDefinitions.map((c: { image: string }) => c.image)).toEqual([
    images.mongo,
    images['national-parks'],
  ]);

  expect(first.summary).toContain('| mongo |');
  expect(first.summary).toContain('created and stable');
  revisionsAfterFirst = await revisions();
  expect(revisionsAfterFirst).toHaveLength(1);
});

test('Habitat images are pushed through the registry API: docker never logs in, and no credential is left behind', () => {
  expect(first.post?.status).toBe(0);
  expect(first.post?.stdout).toContain('Nothing to clean up: this run did not log in to a registry.');
  expect(first.stdout).not.toMatch(/Logged in to|docker login/);
  const secret = ECR_CREDENTIALS.password;
  const base64 = Buffer.from(`AWS:${secret}`).toString('base64');
  // `::add-mask::` lines are instructions to the runner (which then masks the value everywhere);
  // the runner never logs them. Anything else that holds the password is a leak.
  const masks = first.stdout.split('\n').filter((l) => l.startsWith('::add-mask::'));
  expect(masks).toContain(`::add-mask::${secret}`);
  const awsSecret = process.env.AWS_SECRET_ACCESS_KEY ?? '';
  expect(awsSecret).not.toBe('');
  const places = {
    state: JSON.stringify(first.state),
    stdout: first.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n'),
    stderr: first.stderr,
    outputs: JSON.stringify(first.outputs),
    summary: first.summary,
    'post stdout': first.post?.stdout ?? '',
    'post stderr': first.post?.stderr ?? '',
    ...Object.fromEntries(first.files().map((f) => [f.path, f.content])),
  };
  for (const [where, text] of Object.entries(places)) {
    expect({ where, leaked: [secret, base64, awsSecret].some((s) => text.includes(s)) }).toEqual({
      where,
      leaked: false,
    });
  }
  // No private docker config was ever made under RUNNER_TEMP.
  expect(fs.readdirSync(first.runnerTemp).filter((name) => name.startsWith('habitat-ecs-docker-'))).toEqual(
    [],
  );
});

test('without the post step, the ECR token and the AWS secret key are in no file the main step leaves', () => {
  // The registry API takes the token in memory; no docker login means no docker config to hold it.
  const run = runAction({
    workspace: nationalParksWorkspace(),
    post: false,
    inputs: {
      'habitat-packages': 'billmeyer/mongodb\nmattray/national-parks',
      'reuse-released-images': 'false',
      cluster,
      service: 'login-check',
      'task-family': `${family}-login`,
      'image-tag': `${imageTag}-login`,
    },
  });
  expect(run.status).toBe(0);
  expect(run.state['docker-config']).toBeUndefined();
  const token = ECR_CREDENTIALS.password;
  const base64 = Buffer.from(`AWS:${token}`).toString('base64');
  const awsSecret = process.env.AWS_SECRET_ACCESS_KEY ?? '';
  const holders = run
    .files()
    .filter((f) => [token, base64, awsSecret].some((s) => f.content.includes(s)))
    .map((f) => f.path);
  expect(holders).toEqual([]);
});

test('a second identical run pushes nothing, registers nothing and leaves the service alone', async () => {
  const calls = new AwsCallLog().mark();
  const second = deploy();
  expect(second.status).toBe(0);
  if (second.status !== 0) throw new Error(explain(second));
  expect(second.outputs.changed).toBe('false');
  expect(second.outputs.images).toBe(first.outputs.images);
  expect(second.outputs['task-definition-arn']).toBe(first.outputs['task-definition-arn']);
  expect(second.stdout).not.toMatch(/^The push refers to repository/m);
  expect(second.summary).toContain('no, the registry already had this image');
  expect(calls.calls()).not.toContain('RegisterTaskDefinition');
  expect(calls.calls()).not.toContain('UpdateService');
  expect(await revisions()).toEqual(revisionsAfterFirst);
});

test('a changed compose file gives a new revision and an updated service', async () => {
  const compose = path.join(workspace, 'docker-compose.yml');
  const original = fs.readFileSync(compose, 'utf8');
  fs.writeFileSync(
    compose,
    original.replace(
      '    hostname: "mongodb"\n',
      '    hostname: "mongodb"\n    environment:\n      - LOG_LEVEL=debug\n',
    ),
  );
  try {
    const calls = new AwsCallLog().mark();
    const changed = deploy();
    expect(changed.status).toBe(0);
    if (changed.status !== 0) throw new Error(explain(changed));
    expect(changed.outputs.changed).toBe('true');
    expect(changed.outputs['task-definition-arn']).toMatch(new RegExp(`/${family}:2$`));
    expect(calls.calls()).toEqual(expect.arrayContaining(['RegisterTaskDefinition', 'UpdateService']));
    // Asserted on service.taskDefinition: moto leaves deployments[0].taskDefinition on the old revision.
    expect((await describeService())?.taskDefinition).toBe(changed.outputs['task-definition-arn']);
    expect(changed.summary).toContain('LOG_LEVEL');
  } finally {
    fs.writeFileSync(compose, original);
  }
});

test('teardown deletes the service and deregisters the revisions this action made', async () => {
  const down = runAction({
    workspace,
    event: pushEvent,
    inputs: { mode: 'teardown', cluster, service, 'task-family': family },
  });
  expect(down.status).toBe(0);
  if (down.status !== 0) throw new Error(explain(down));
  expect((await describeService())?.status).toBe('INACTIVE');
  expect(await revisions()).toEqual([]);
  expect(down.summary).toContain(`service ${service} deleted`);
});
