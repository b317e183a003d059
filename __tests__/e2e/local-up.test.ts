import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { dockerLogin, requireStackEnv } from '../support/stack';
import { nationalParksWorkspace, ROOT, runAction } from './harness';
import { createEc2Cluster } from '../support/cluster';

// The reference example, as the action renders it, run by the bundled CLI (dist/cli/index.js) on
// the stack's Docker engine: EC2/bridge from the deploy's task-definition-file, FARGATE/awsvpc
// rendered by `up` itself. The hab stand-in's images start a listener on every Supervisor port
// and report which peer answered, so reachability is observed, not assumed. The deploy pushes
// through the registry API, so the engine lacks the images `up` runs: it pulls them, with the
// login a user would do first (dockerLogin, into this file's own DOCKER_CONFIG: nothing another
// test left in ~/.docker).

requireStackEnv();
jest.setTimeout(240_000);

const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');
const suffix = `${process.pid}-${Date.now().toString(36)}`;
const imageTag = `lu-${suffix}`;
const workspace = nationalParksWorkspace();
const registry = process.env.HABITAT_ECS_STACK_REGISTRY ?? '';
const mongoIdent = 'billmeyer/mongodb/3.2.10/20171016003652';
const parksIdent = 'mattray/national-parks/6.3.0/20190522195009';
const tasks: string[] = [];

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: workspace,
    encoding: 'utf8',
    timeout: 200_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function docker(args: string[]): string {
  return spawnSync('docker', args, { encoding: 'utf8', timeout: 60_000 }).stdout.trim();
}

/** The container's log once it holds `pattern` (bounded), else as it is after 30 s. */
async function logWith(container: string, pattern: RegExp): Promise<string> {
  let log = '';
  for (let i = 0; i < 60 && !pattern.test(log); i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, 500));
    log = docker(['logs', container]);
  }
  return log;
}

/** The ports a stand-in Supervisor says it listens on, by kind. */
function listening(log: string): Record<string, string> {
  return Object.fromEntries(
    [...log.matchAll(/(gossip|http|ctl) listening on 0\.0\.0\.0:(\d+)/g)].map((m) => [m[1], m[2]]),
  );
}

function curl(port: string): string {
  return spawnSync('curl', ['-sf', '--max-time', '5', `http://127.0.0.1:${port}/`], { encoding: 'utf8' })
    .stdout;
}

let taskDefinitionFile = '';

beforeAll(async () => {
  const cluster = `lu-${suffix}`;
  await createEc2Cluster(cluster);
  const deploy = runAction({
    workspace,
    inputs: {
      'habitat-packages': 'billmeyer/mongodb\nmattray/national-parks',
      cluster,
      service: 'national-parks',
      'image-tag': imageTag,
      'task-family': `np-${suffix}`,
      // The stand-in's own images, which listen and report: with reuse, a release the real
      // exporter pushed earlier (real-habitat.test) would be run instead, and no listener answers.
      'reuse-released-images': 'false',
    },
  });
  if (deploy.status !== 0) throw new Error(`deploy failed:\n${deploy.stdout}\n${deploy.stderr}`);
  taskDefinitionFile = deploy.outputs['task-definition-file'] ?? '';
  // Everything `up` gets from the registry depends on this login (and nothing else does).
  dockerLogin(registry);
});

afterAll(() => {
  for (const task of tasks) cli(['down', '--name', task]);
});

test('EC2 / bridge, the task-definition-file of a deploy: national-parks reaches mongodb by the name its --peer uses', async () => {
  const task = `np-bridge-${suffix}`.slice(0, 63);
  tasks.push(task);
  const up = cli(['up', '--task-definition', taskDefinitionFile, '--name', task]);
  expect(up.stderr).toContain(`task ${task} is up (bridge network mode)`);
  expect(up.status).toBe(0);
  expect(up.stdout).toMatch(/^mongo +running +- *$/m);
  expect(up.stdout).toMatch(/^national-parks +running +- +127\.0\.0\.1:8080->8080\/tcp$/m);

  // The images the deploy pushed, pinned by digest (pulled unless an earlier run left them).
  expect(docker(['inspect', '--format', '{{.Config.Image}}', `${task}-mongo`])).toMatch(
    new RegExp(`^${registry}/billmeyer/mongodb@sha256:[0-9a-f]{64}$`),
  );
  const log = await logWith(`${task}-national-parks`, /peer mongodb .*answered/);
  expect(log).toMatch(
    new RegExp(`peer mongodb \\((\\d+\\.){3}\\d+:9638\\) answered: hab-standin ${mongoIdent}`),
  );
  // The published port reaches the app's port in its container.
  expect(curl('8080')).toBe(`${parksIdent}\n`);

  const ps = cli(['ps', '--name', task]);
  expect(ps.status).toBe(0);
  expect(ps.stdout).toContain(`task ${task} (bridge): RUNNING`);
  const down = cli(['down', '--name', task]);
  expect(down.status).toBe(0);
  expect(docker(['ps', '--all', '--quiet', '--filter', `label=habitat-ecs.task=${task}`])).toBe('');
});

test('FARGATE / awsvpc, rendered by up: the Supervisors on ports of their own, the peer reached on 127.0.0.1', async () => {
  const task = `np-awsvpc-${suffix}`.slice(0, 63);
  tasks.push(task);
  const args = [
    '-f', 'docker-compose.yml',
    '--ecs-params', path.join(ROOT, 'examples/national-parks/ecs-params.fargate.yml'),
    '--launch-type', 'FARGATE',
    '--habitat-package', 'billmeyer/mongodb',
    '--habitat-package', 'mattray/national-parks',
    '--account-id', '123456789012',
    '--region', 'us-east-1',
    '--image-tag', imageTag,
    '--name', task,
  ]; // prettier-ignore
  const up = cli(['up', ...args]);
  expect(up.stderr).toContain(`task ${task} is up (awsvpc network mode)`);
  expect(up.status).toBe(0);
  expect(up.stderr).toContain('warning: executionRoleArn: not used locally');

  const mongo = listening(await logWith(`${task}-mongo`, /ctl listening/));
  const parksLog = await logWith(`${task}-national-parks`, /peer .* answered/);
  const parks = listening(parksLog);
  expect(mongo).toEqual({ gossip: '9638', http: '9631', ctl: '9632' });
  expect(Object.keys(parks).sort()).toEqual(['ctl', 'gossip', 'http']);
  for (const port of Object.values(parks)) expect(Object.values(mongo)).not.toContain(port);
  expect(parksLog).toContain(`peer 127.0.0.1:9638 (127.0.0.1:9638) answered: hab-standin ${mongoIdent}`);

  // One namespace: both are still running (a clash would have stopped one, and the task).
  const ps = cli(['ps', ...args]);
  expect(ps.status).toBe(0);
  expect(ps.stdout).toContain(`task ${task} (awsvpc): RUNNING`);
  const published = /^national-parks +running +- +127\.0\.0\.1:(\d+)->8080\/tcp$/m.exec(ps.stdout)?.[1] ?? '';
  expect(curl(published)).toBe(`${parksIdent}\n`);

  const down = cli(['down', ...args]);
  expect(down.status).toBe(0);
  expect(docker(['ps', '--all', '--quiet', '--filter', `label=habitat-ecs.task=${task}`])).toBe('');
});
