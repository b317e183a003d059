import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AwsCallLog, requireStackEnv, servedDigest } from '../support/stack';
import { createEc2Cluster } from '../support/cluster';
import { nationalParksWorkspace, runAction, type RunResult } from './harness';

// Released packages are not exported again: the bundled action, run as the runner runs it, with
// both packages pinned to a release. A first run exports and pushes them (reuse off, so that it
// exports whatever earlier tests left in the shared registry); a second run under a new image-tag
// finds both releases in the registry, calls no `hab pkg export` and no `docker push`, adds the
// tag and leaves the task definition and service alone; a third with reuse off exports again.

requireStackEnv();
jest.setTimeout(300_000);

const registry = process.env.HABITAT_ECS_STACK_REGISTRY ?? '';
const suffix = `${process.pid}-${Date.now().toString(36)}`;
const cluster = `reuse-${suffix}`;
const service = 'national-parks';
const family = `np-reuse-${suffix}`;
const workspace = nationalParksWorkspace();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hed-reuse-'));
const PACKAGES = ['billmeyer/mongodb/3.2.10/20171016003652', 'mattray/national-parks/6.3.0/20190522195009'];
const REPOSITORIES = ['billmeyer/mongodb', 'mattray/national-parks'];

// A docker that notes its arguments, one JSON line per call, then runs the real one: to see
// whether the action (or the exporter) pushed or tagged anything.
const realDocker = spawnSync('sh', ['-c', 'command -v docker'], { encoding: 'utf8' }).stdout.trim();
const shimDir = path.join(scratch, 'bin');
fs.mkdirSync(shimDir);
fs.writeFileSync(
  path.join(shimDir, 'docker'),
  `#!/bin/sh\nnode -e 'require("fs").appendFileSync(process.env.DOCKER_SHIM_LOG, JSON.stringify(process.argv.slice(1)) + "\\n")' -- "$@"\nexec ${realDocker} "$@"\n`,
  { mode: 0o755 },
);

interface Calls {
  hab: string[][];
  docker: string[][];
}

function deploy(name: string, inputs: Record<string, string>): { result: RunResult; calls: () => Calls } {
  const habLog = path.join(scratch, `${name}.hab.jsonl`);
  const dockerLog = path.join(scratch, `${name}.docker.jsonl`);
  const result = runAction({
    workspace,
    inputs: { 'habitat-packages': PACKAGES.join('\n'), cluster, service, 'task-family': family, ...inputs },
    env: {
      HAB_STANDIN_LOG: habLog,
      DOCKER_SHIM_LOG: dockerLog,
      PATH: `${shimDir}:${process.env.PATH ?? ''}`,
    },
  });
  const read = (file: string) =>
    fs.existsSync(file)
      ? fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => JSON.parse(l) as unknown)
      : [];
  return {
    result,
    calls: () => ({
      hab: read(habLog).map((r) => (r as { argv: string[] }).argv),
      docker: read(dockerLog) as string[][],
    }),
  };
}

function explain(r: RunResult): string {
  return `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

/** The packages hab was asked to export (`hab pkg export <subcommand> <ident>`), sorted. */
function exports(calls: Calls): string[] {
  return calls.hab
    .filter((argv) => argv[0] === 'pkg' && argv[1] === 'export' && !argv.includes('--help'))
    .map((argv) => argv.at(-1) ?? '')
    .sort();
}

beforeAll(async () => {
  await createEc2Cluster(cluster);
});

afterAll(() => {
  runAction({ workspace, inputs: { mode: 'teardown', cluster, service, 'task-family': family } });
  fs.rmSync(scratch, { recursive: true, force: true });
});

let first: RunResult;
const firstTag = `first-${suffix}`;

test('a first deploy of the pinned releases exports and pushes both', async () => {
  const run = deploy('first', { 'image-tag': firstTag, 'reuse-released-images': 'false' });
  first = run.result;
  expect(first.status).toBe(0);
  if (first.status !== 0) throw new Error(explain(first));
  expect(exports(run.calls())).toEqual(PACKAGES);
  // The docker shim sees each image read for its push (the registry API takes it, not docker push):
  // its silence in the next run means something.
  expect(run.calls().docker.filter((argv) => argv.slice(0, 2).join(' ') === 'image save')).toHaveLength(2);
  expect(run.calls().docker.filter((argv) => ['push', 'login'].includes(argv[0] ?? ''))).toEqual([]);
  expect(first.outputs.changed).toBe('true');
  for (const repository of REPOSITORIES) {
    const release = await servedDigest(registry, repository, firstTag);
    expect(release).toMatch(/^sha256:/);
    // The release tag the next run looks for names the same image.
    const [version, stamp] = PACKAGES.find((p) => p.startsWith(`${repository}/`))!
      .split('/')
      .slice(2);
    expect(await servedDigest(registry, repository, `${version}-${stamp}`)).toBe(release);
  }
});

test('a plan finds both releases in the registry: reused, nothing to change, nothing exported or written', () => {
  const aws = new AwsCallLog().mark();
  const run = deploy('plan', { mode: 'plan', 'image-tag': `plan-${suffix}` });
  const r = run.result;
  if (r.status !== 0) throw new Error(explain(r));
  expect(exports(run.calls())).toEqual([]);
  expect(run.calls().docker).toEqual([]);
  expect(r.stdout).toMatch(
    /billmeyer\/mongodb: reused, not exported \(the registry holds billmeyer\/mongodb:3\.2\.10-20171016003652\)/,
  );
  expect(r.stdout).toContain('Plan: a deploy would leave the service national-parks alone: it already runs');
  expect(r.outputs.changed).toBe('false');
  // Reads only: verify's look at the cluster and its room, then the plan's own.
  expect([...new Set(aws.calls())].sort()).toEqual([
    'DescribeClusters',
    'DescribeContainerInstances',
    'DescribeImages',
    'DescribeServices',
    'DescribeTaskDefinition',
    'GetAuthorizationToken',
    'ListContainerInstances',
  ]);
});

test('a second run under a new image-tag reuses both releases: no export, no push, nothing registered', async () => {
  const secondTag = `second-${suffix}`;
  const aws = new AwsCallLog().mark();
  const run = deploy('second', { 'image-tag': secondTag });
  const second = run.result;
  expect(second.status).toBe(0);
  if (second.status !== 0) throw new Error(explain(second));
  const calls = run.calls();

  // hab was not asked to export anything, and docker was not run at all: not even a login.
  expect(exports(calls)).toEqual([]);
  expect(calls.docker).toEqual([]);
  expect(second.stdout).toContain('::group::Reuse');
  expect(second.stdout).not.toContain('::group::Export');
  expect(second.stdout).not.toContain('::group::Push');
  expect(second.stdout).toMatch(
    /Reusing billmeyer\/mongodb\/3\.2\.10\/20171016003652: the registry already has billmeyer\/mongodb:3\.2\.10-20171016003652 \(sha256:[0-9a-f]{64}\)/,
  );
  expect(second.stdout).toMatch(/Reusing mattray\/national-parks\/6\.3\.0\/20190522195009: /);

  // The registry serves the new tag at the first run's digest.
  for (const repository of REPOSITORIES)
    expect(await servedDigest(registry, repository, secondTag)).toBe(
      await servedDigest(registry, repository, firstTag),
    );

  // Same images, same task definition, service untouched.
  expect(second.outputs.images).toBe(first.outputs.images);
  expect(second.outputs.changed).toBe('false');
  expect(second.outputs['task-definition-arn']).toBe(first.outputs['task-definition-arn']);
  // Reads only: the token for the registry, the service, the revision it runs, and, as the new
  // tag is a write, verify's look at the cluster and its room before it.
  expect([...aws.calls()].sort()).toEqual([
    'DescribeClusters',
    'DescribeContainerInstances',
    'DescribeServices',
    'DescribeTaskDefinition',
    'GetAuthorizationToken',
    'ListContainerInstances',
  ]);
  expect(second.post?.stdout).toContain('Nothing to clean up');
});

test('a rerun with nothing to change makes three reads: not even verify asks about the cluster', () => {
  const secondTag = `second-${suffix}`;
  const aws = new AwsCallLog().mark();
  const run = deploy('again', { 'image-tag': secondTag });
  const again = run.result;
  if (again.status !== 0) throw new Error(explain(again));
  expect(exports(run.calls())).toEqual([]);
  expect(again.outputs.changed).toBe('false');
  expect(again.stdout).toContain('The cluster and its room for the task: verified before the first change');
  expect(again.stdout).not.toContain('Verified the cluster');
  expect(aws.calls()).toEqual(['DescribeServices', 'GetAuthorizationToken', 'DescribeTaskDefinition']);
});

test('with reuse-released-images: false the releases are exported again', async () => {
  const run = deploy('third', { 'image-tag': `third-${suffix}`, 'reuse-released-images': 'false' });
  const third = run.result;
  expect(third.status).toBe(0);
  if (third.status !== 0) throw new Error(explain(third));
  expect(exports(run.calls())).toEqual(PACKAGES);
  expect(third.stdout).not.toContain('::group::Reuse');
  expect(third.stdout).not.toContain('Reusing ');
});
