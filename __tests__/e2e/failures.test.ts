import * as fs from 'node:fs';
import * as path from 'node:path';
import { AwsCallLog, registryRequests, requireStackEnv } from '../support/stack';
import { createEc2Cluster } from '../support/cluster';
import { nationalParksWorkspace, runAction, type RunResult } from './harness';

// How the bundled action fails: one clear annotation, no stack trace, and nothing touched on AWS
// before every input, file and image mapping has been checked.

requireStackEnv();
jest.setTimeout(120_000);

const workspace = nationalParksWorkspace();
const packages = 'billmeyer/mongodb\nmattray/national-parks';
// The cluster exists, so that what fails is what each test is about.
const cluster = `e2e-failures-${Date.now()}`;

beforeAll(async () => {
  await createEc2Cluster(cluster);
});

/** What verify reads of national-parks on EC2 before the first change: the cluster and room for the task. */
const VERIFY_CALLS = ['DescribeClusters', 'ListContainerInstances', 'DescribeContainerInstances'];

function errorLines(r: RunResult): string[] {
  return r.stdout.split('\n').filter((l) => l.startsWith('::error'));
}

function expectNoStackTrace(r: RunResult): void {
  expect(r.stdout + r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}

test.each([
  [{ service: 'web', 'desired-count': 'two' }, 'desired-count', '"two" is not a whole number from 0 to 1000'],
  [{ 'habitat-packages': packages }, 'service', 'is required when mode is deploy'],
  [{ service: 'web', 'launch-type': 'ECS' }, 'launch-type', '"ECS" is not one of EC2, FARGATE'],
  [{ service: 'web', 'compose-file': 'missing.yml' }, 'compose-file', 'missing.yml: no such file'],
  [{ service: 'web', 'habitat-packages': 'mongodb' }, 'habitat-packages', '"mongodb" is not a package'],
  [{ service: 'web', 'habitat-channel': '--url=x' }, 'habitat-channel', '"--url=x" is not a channel name'],
  [
    { service: 'web', 'habitat-builder-url': 'bldr.example' },
    'habitat-builder-url',
    'is not an http:// or https://',
  ],
])('a bad input fails with one error naming it, and no AWS call: %j', (inputs, input, message) => {
  const calls = new AwsCallLog().mark();
  const r = runAction({ workspace, inputs });
  expect(r.status).toBe(1);
  const errors = errorLines(r);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain(`input "${input}": `);
  expect(errors[0]).toContain(message);
  expect(errors[0]).toContain(`title=input ${input}`);
  expectNoStackTrace(r);
  expect(calls.calls()).toEqual([]);
});

test('a missing cluster fails before anything is exported or pushed', () => {
  const calls = new AwsCallLog().mark();
  const r = runAction({
    workspace,
    env: { HAB_STANDIN_LOG: path.join(workspace, 'hab-calls.log') },
    inputs: { cluster: 'no-such-cluster', service: 'np', 'habitat-packages': packages },
  });
  expect(r.status).toBe(1);
  const errors = errorLines(r);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain('cluster "no-such-cluster" was not found in region us-east-1');
  expect(fs.existsSync(path.join(workspace, 'hab-calls.log'))).toBe(false);
  // The service's check finds the cluster missing; verify leaves the cluster to the first change.
  expect(calls.calls()).toEqual(['DescribeServices']);
});

test('a missing service with create-service: false fails before anything is exported or pushed', () => {
  const calls = new AwsCallLog().mark();
  const r = runAction({
    workspace,
    inputs: { cluster, service: 'never-created', 'habitat-packages': packages, 'create-service': 'false' },
  });
  expect(r.status).toBe(1);
  const errors = errorLines(r);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain(`service "never-created" does not exist in cluster "${cluster}"`);
  expect(errors[0]).toContain('set create-service: true');
  expect(calls.calls()).toEqual(['DescribeServices']);
});

test('a compose error is an annotation on its file and line, before any AWS call', () => {
  const ws = nationalParksWorkspace();
  const compose = path.join(ws, 'docker-compose.yml');
  fs.writeFileSync(compose, fs.readFileSync(compose, 'utf8').replace('"8080:8080"', '"99999:8080"'));
  const calls = new AwsCallLog().mark();
  const r = runAction({ workspace: ws, inputs: { service: 'np', 'habitat-packages': packages } });
  expect(r.status).toBe(1);
  const errors = errorLines(r);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(/^::error file=docker-compose\.yml,line=9,col=\d+::/);
  expect(errors[0]).toContain('99999');
  expectNoStackTrace(r);
  expect(calls.calls()).toEqual([]);
});

test('an env_file that leaves the workspace is refused at its line, before any AWS call', () => {
  const ws = nationalParksWorkspace();
  const compose = path.join(ws, 'docker-compose.yml');
  fs.writeFileSync(path.join(path.dirname(ws), 'outside.env'), 'STOLEN=1\n');
  fs.writeFileSync(
    compose,
    fs
      .readFileSync(compose, 'utf8')
      .replace('hostname: "mongodb"', 'hostname: "mongodb"\n    env_file: ../outside.env'),
  );
  const calls = new AwsCallLog().mark();
  const r = runAction({ workspace: ws, inputs: { cluster, service: 'np', 'habitat-packages': packages } });
  expect(r.status).toBe(1);
  const errors = errorLines(r);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(/^::error file=docker-compose\.yml,line=\d+,col=\d+::/);
  expect(errors[0]).toContain('../outside.env');
  expect(calls.calls()).toEqual([]);
});

test('render mode writes the task definition and makes no AWS call', () => {
  const calls = new AwsCallLog().mark();
  const r = runAction({
    workspace,
    inputs: {
      mode: 'render',
      'task-family': 'np',
      'habitat-packages': packages,
      'aws-account-id': '123456789012',
      'aws-region': 'us-east-1',
      'image-tag': 'v1.0.0',
    },
  });
  expect(r.status).toBe(0);
  const td = JSON.parse(fs.readFileSync(r.outputs['task-definition-file'] ?? '', 'utf8'));
  expect(td.family).toBe('np');
  expect(td.containerDefinitions[0].image).toBe(
    '123456789012.dkr.ecr.us-east-1.amazonaws.com/billmeyer/mongodb:v1.0.0',
  );
  expect(r.outputs.images).toBe('{}');
  expect(r.outputs['task-definition-arn']).toBe('');
  expect(r.summary).toContain('nothing was exported, pushed, registered or deployed');
  expect(calls.calls()).toEqual([]);
});

test('hab missing from PATH fails the export with how to install it; ECS was only looked at', () => {
  const calls = new AwsCallLog().mark();
  const PATH = (process.env.PATH ?? '')
    .split(':')
    .filter((dir) => !fs.existsSync(path.join(dir, 'hab')))
    .join(':');
  const r = runAction({
    workspace,
    env: { PATH },
    // Released images in the registry need no hab: exporting is what this is about.
    inputs: { cluster, service: 'np-nohab', 'habitat-packages': packages, 'reuse-released-images': 'false' },
  });
  expect(r.status).toBe(1);
  const errors = errorLines(r);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(/hab.*not.*PATH|install/i);
  expect(errors[0]).toContain('install.sh');
  expectNoStackTrace(r);
  // The cluster's room is verified, and the registry's token fetched and masked (before any child
  // process can print it), before the first export, which then fails.
  expect(calls.calls()).toEqual(['DescribeServices', ...VERIFY_CALLS, 'GetAuthorizationToken']);
});

test('exports by name from habitat-channel and habitat-base-packages-channel, with HAB_AUTH_TOKEN masked', () => {
  const habLog = path.join(workspace, 'hab-channel.log');
  const r = runAction({
    workspace,
    // The second export fails, so the run stops after the exports: they are what this is about.
    env: {
      HAB_STANDIN_LOG: habLog,
      HAB_STANDIN_FAIL: 'mattray/national-parks',
      HAB_AUTH_TOKEN: 'origin-token-1',
    },
    inputs: {
      cluster,
      service: 'np-channel',
      'habitat-packages': packages,
      'habitat-channel': 'unstable',
      'habitat-base-packages-channel': 'base',
      'reuse-released-images': 'false',
    },
  });
  expect(r.status).toBe(1);
  expect(r.stdout).toContain('::add-mask::origin-token-1');
  expect(r.stdout).toMatch(/Using `hab pkg export container`: hab 2\.1\.78\/\d+ has only `container`/);
  const exports = fs
    .readFileSync(habLog, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { argv: string[]; export?: Record<string, unknown> })
    .filter((c) => c.argv[0] === 'pkg');
  expect(exports.map((c) => c.export)).toEqual([
    expect.objectContaining({
      verb: 'container',
      channel: 'unstable',
      channel_given: true,
      base_pkgs_channel: 'base',
    }),
    expect.objectContaining({
      verb: 'container',
      channel: 'unstable',
      channel_given: true,
      base_pkgs_channel: 'base',
    }),
  ]);
  expect(exports.flatMap((c) => c.argv).join(' ')).not.toContain('origin-token-1');
});

test('a failing export names the package and shows the end of its output; no repository, push or revision', () => {
  const calls = new AwsCallLog().mark();
  const requests = registryRequests().length;
  // The first package: what fails is the first thing that would have reached the registry.
  const r = runAction({
    workspace,
    env: { HAB_STANDIN_FAIL: 'billmeyer/mongodb' },
    inputs: {
      cluster,
      service: 'np-failexport',
      'habitat-packages': packages,
      'reuse-released-images': 'false',
    },
  });
  expect(r.status).toBe(1);
  const errors = errorLines(r);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain('exporting billmeyer/mongodb failed');
  expect(errors[0]).toContain('Container image build failed'); // the tail of hab's own output
  expectNoStackTrace(r);
  // Only looked at, and the registry's token asked for (masked before any child process starts):
  // no repository made, nothing registered or deployed.
  expect(calls.calls().filter((c) => !/^(Describe|List)/.test(c))).toEqual(['GetAuthorizationToken']);
  // And the registry was not spoken to at all: nothing pushed.
  expect(registryRequests(requests)).toEqual([]);
});
