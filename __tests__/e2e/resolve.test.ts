import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEc2Cluster } from '../support/cluster';
import { AwsCallLog, publish, requireStackEnv, servedDigest } from '../support/stack';
import { nationalParksWorkspace, runAction, type RunResult } from './harness';

// Packages named without a release are not exported again when nothing changed: the bundled
// action, run as the runner runs it, against the stack's emulated Builder (which the harness
// passes as habitat-builder-url). A first run with reuse off exports both packages by name; a
// rerun asks Builder for the latest release of each in the channel, finds both in the registry,
// and runs no `hab` and no `docker` at all, with three AWS calls; a run on a channel where only
// national-parks has a newer release exports that one alone, by name.

requireStackEnv();
jest.setTimeout(300_000);

const registry = process.env.HABITAT_ECS_STACK_REGISTRY ?? '';
const builderLog = path.join(process.env.HABITAT_ECS_STACK_DIR ?? '', 'builder', 'requests.log');
const suffix = `${process.pid}-${Date.now().toString(36)}`;
const cluster = `resolve-${suffix}`;
const service = 'national-parks';
const family = `np-resolve-${suffix}`;
const workspace = nationalParksWorkspace();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hed-resolve-'));
const PACKAGES = ['billmeyer/mongodb', 'mattray/national-parks'];
// What the emulated Builder's stable channel holds (test/stack/builder-seed.jsonl).
const STABLE = {
  'billmeyer/mongodb': '3.2.10/20171016003652',
  'mattray/national-parks': '6.3.0/20190522195009',
};
// A channel of this test's own, where national-parks has a release the registry never saw.
const channel = `resolve-${suffix}`;
/**
 * Lists mongodb's stable release in the seed's channels (stable, unstable) and `more`: publishing
 * an ident again replaces its channels, and every other test expects it in stable.
 */
const publishMongodb = (...more: string[]) =>
  publish(
    'stable',
    ...['unstable', ...more].flatMap((c) => ['--channel', c]),
    `billmeyer/mongodb/${STABLE['billmeyer/mongodb']}`,
    '--exposes',
    '27017',
  );
const newRelease = `6.3.9/2030${String(Date.now() % 1e10).padStart(10, '0')}`;

// A docker that notes its arguments, then runs the real one (as in reuse.test.ts).
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

function deploy(name: string, inputs: Record<string, string>): { result: RunResult; calls: Calls } {
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
    calls: {
      hab: read(habLog).map((r) => (r as { argv: string[] }).argv),
      docker: read(dockerLog) as string[][],
    },
  };
}

function explain(r: RunResult): string {
  return `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

/** The packages hab was asked to export (`hab pkg export <subcommand> ... <ident>`), sorted. */
function exports(calls: Calls): string[] {
  return calls.hab
    .filter((argv) => argv[0] === 'pkg' && argv[1] === 'export' && !argv.includes('--help'))
    .map((argv) => argv.at(-1) ?? '')
    .sort();
}

/** Requests the emulated Builder logged since `from` lines: `GET <path> <status>`. */
function builderRequests(from: number): string[] {
  const lines = fs.existsSync(builderLog) ? fs.readFileSync(builderLog, 'utf8').split('\n') : [];
  return lines
    .slice(from)
    .filter((l) => l !== '')
    .map((l) =>
      l
        .split(' ')
        .slice(1)
        .join(' ')
        .replace(/\?.*? /, ' '),
    );
}
const builderMark = () =>
  fs.existsSync(builderLog) ? fs.readFileSync(builderLog, 'utf8').split('\n').length - 1 : 0;

beforeAll(async () => {
  await createEc2Cluster(cluster); // verify refuses an EC2 deploy to a cluster with no instance
  publishMongodb(channel);
  publish(channel, `mattray/national-parks/${newRelease}`, '--exposes', '8080');
});

afterAll(() => {
  publishMongodb();
  runAction({ workspace, inputs: { mode: 'teardown', cluster, service, 'task-family': family } });
  fs.rmSync(scratch, { recursive: true, force: true });
});

let first: RunResult;
const firstTag = `first-${suffix}`;

test('a first deploy with reuse off exports both packages by name and asks Builder nothing itself', () => {
  const mark = builderMark();
  const run = deploy('first', { 'image-tag': firstTag, 'reuse-released-images': 'false' });
  first = run.result;
  if (first.status !== 0) throw new Error(explain(first));
  expect(exports(run.calls)).toEqual(PACKAGES);
  expect(first.stdout).not.toContain('::group::Resolve');
  // Only the stand-in exporter looked the packages up (with its ?target=), once each.
  expect(builderRequests(mark).filter((r) => r.includes('/pkgs/'))).toHaveLength(2);
});

test("a rerun resolves both through Builder, finds them in the registry: no hab, no docker, 3 AWS calls besides verify's reads", async () => {
  const secondTag = `second-${suffix}`;
  const aws = new AwsCallLog().mark();
  const mark = builderMark();
  const run = deploy('second', { 'image-tag': secondTag });
  const second = run.result;
  if (second.status !== 0) throw new Error(explain(second));

  // Not a single hab process (not even `hab --version`), and docker not run at all.
  expect(run.calls.hab).toEqual([]);
  expect(run.calls.docker).toEqual([]);
  expect(second.stdout).not.toContain('::group::Export');
  // The action itself asked Builder, once per package, for the latest in stable.
  expect(builderRequests(mark).sort()).toEqual([
    'GET /v1/depot/channels/billmeyer/stable/pkgs/mongodb/latest 200',
    'GET /v1/depot/channels/mattray/stable/pkgs/national-parks/latest 200',
  ]);
  expect(second.stdout).toContain('::group::Resolve');
  expect(second.stdout).toContain(
    `billmeyer/mongodb: the latest in stable is billmeyer/mongodb/${STABLE['billmeyer/mongodb']}`,
  );
  expect(second.stdout).toMatch(
    /Reusing mattray\/national-parks\/6\.3\.0\/20190522195009: the registry already has mattray\/national-parks:6\.3\.0-20190522195009 \(sha256:[0-9a-f]{64}\)/,
  );
  // The job summary says which package resolved to which release.
  expect(second.summary).toContain(
    'Resolved through Builder to the latest release in the channel: `billmeyer/mongodb` → `3.2.10/20171016003652` (stable), `mattray/national-parks` → `6.3.0/20190522195009` (stable).',
  );

  // The first run's images, under the new tag too; the same task definition, the service untouched.
  for (const repository of PACKAGES)
    expect(await servedDigest(registry, repository, secondTag)).toBe(
      await servedDigest(registry, repository, firstTag),
    );
  expect(second.outputs.images).toBe(first.outputs.images);
  expect(second.outputs.changed).toBe('false');
  expect(second.outputs['task-definition-arn']).toBe(first.outputs['task-definition-arn']);
  // Reads only: verify's look at the cluster and its room, then the token for the registry, the
  // service, the revision it runs.
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

test('a channel where only national-parks has a new release exports that package alone, by name', async () => {
  const tag = `third-${suffix}`;
  const run = deploy('third', { 'image-tag': tag, 'habitat-channel': channel });
  const third = run.result;
  if (third.status !== 0) throw new Error(explain(third));
  // mongodb's release is the one in the registry; national-parks' is new, and exported as named.
  expect(exports(run.calls)).toEqual(['mattray/national-parks']);
  expect(third.stdout).toContain(
    `mattray/national-parks: the latest in ${channel} is mattray/national-parks/${newRelease}`,
  );
  expect(third.stdout).toContain(
    `the registry has no mattray/national-parks:${newRelease.replace('/', '-')} yet: exporting it`,
  );
  expect(await servedDigest(registry, 'billmeyer/mongodb', tag)).toBe(
    await servedDigest(registry, 'billmeyer/mongodb', firstTag),
  );
  expect(await servedDigest(registry, 'mattray/national-parks', newRelease.replace('/', '-'))).toBe(
    await servedDigest(registry, 'mattray/national-parks', tag),
  );
  expect(third.outputs.changed).toBe('true');
});
