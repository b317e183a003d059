import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EcsLikeTask, until } from '../support/ecs-task';
import { realHabitat } from '../support/real-habitat';
import { run } from '../support/run';
import { requireStackEnv } from '../support/stack';
import { createEc2Cluster } from '../support/cluster';
import { nationalParksWorkspace, runAction, type RunResult } from './harness';
import { habitatEcs, habitatEcsDown, habitatEcsUp, type Finished } from '../support/habitat-ecs-up';

// The proofs that the action works with the real Habitat (2.1.78, built from the official
// source): the bundled action exports real packages with the real exporter, against the stack's
// emulated Builder, pushes and registers them; then the task definitions it wrote are run the way
// ECS runs them, and real Supervisors form the ring, satisfy the binds and answer the health
// checks; and the product's own `habitat-ecs up` runs the same two task definitions, real
// Supervisors and all. Needs HAB_TEST_BINARIES (see support/real-habitat.ts).

requireStackEnv();
jest.setTimeout(300_000);

const suffix = `${process.pid}-${Date.now().toString(36)}`;
const cluster = `real-${suffix}`;
const imageTag = `real-${suffix}`;
const real = realHabitat();
const tasks: EcsLikeTask[] = [];

function explain(r: RunResult): string {
  return `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

function deploy(workspace: string, inputs: Record<string, string>): RunResult {
  const r = runAction({
    workspace,
    hab: 'real',
    // Always the real exporter's images: the stand-in's images of the same releases, which other
    // tests push to the same registry, must not be reused in their place.
    inputs: {
      cluster,
      'image-tag': imageTag,
      'supervisor-health-checks': 'true',
      'reuse-released-images': 'false',
      ...inputs,
    },
    timeoutMs: 280_000,
  });
  if (r.status !== 0) throw new Error(explain(r));
  // hab's own lines reach the log without terminal colour codes (docker's build output keeps its own).
  // eslint-disable-next-line no-control-regex -- the escape is what it looks for
  expect(r.stdout).not.toMatch(/\u001b\[[0-9;]*m[»☁★✓☛]/u);
  return r;
}

function taskDefinition(r: RunResult): RegisterTaskDefinitionCommandInput {
  return JSON.parse(fs.readFileSync(r.outputs['task-definition-file'] ?? '', 'utf8'));
}

function startTask(td: RegisterTaskDefinitionCommandInput, name: string): EcsLikeTask {
  const task = new EcsLikeTask(td, `${name}-${suffix}`);
  tasks.push(task);
  return task;
}

/** A Supervisor's HTTP API, asked from inside the task (busybox wget; IP literal, see real-packages). */
function supervisor(task: EcsLikeTask, container: string, port: number, route: string): unknown {
  const out = task.exec(container, 'wget', '-qO-', `http://127.0.0.1:${port}${route}`);
  return out ? JSON.parse(out) : undefined;
}

interface CensusMember {
  service: string;
  alive: boolean;
  cfg?: Record<string, unknown>;
  sys: { ip: string };
}
/** The members of every service group in a Supervisor's census, alive ones flagged. */
function census(task: EcsLikeTask, container: string, port = 9631): CensusMember[] {
  const body = supervisor(task, container, port, '/census') as
    | { census_groups: Record<string, { population: Record<string, CensusMember>; service_group: string }> }
    | undefined;
  return Object.values(body?.census_groups ?? {}).flatMap((g) => Object.values(g.population));
}

/** hab colours its status words; the Actions log shows the colours, the assertions want the text. */
function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}

/**
 * Starts a task without waiting for it, for the proofs to run side by side (each waits for Docker
 * health checks, `interval` seconds apart); the test that owns it awaits it.
 */
function starting(task: EcsLikeTask): Promise<EcsLikeTask> {
  const started = task.start().then(() => task);
  started.catch(() => undefined); // reported by the test that awaits it
  return started;
}

const upTasks: string[] = [];

/** The census members a Supervisor of a task `up` ran lists (its containers are `<name>-<container>`). */
function upCensus(name: string, container: string, port = 9631): CensusMember[] {
  const out = run('docker', [
    'exec',
    `${name}-${container}`,
    'wget',
    '-qO-',
    `http://127.0.0.1:${port}/census`,
  ]);
  if (out.status !== 0 || !out.stdout) return []; // not listening yet
  const body = JSON.parse(out.stdout) as {
    census_groups?: Record<string, { population: Record<string, CensusMember> }>;
  };
  return Object.values(body.census_groups ?? {}).flatMap((g) => Object.values(g.population));
}

const bothAlive = (members: CensusMember[]) =>
  ['mongodb', 'national-parks'].every((s) => members.some((m) => m.service === s && m.alive));

function fargateWorkspace(): string {
  const ws = nationalParksWorkspace();
  fs.writeFileSync(
    path.join(ws, 'ecs-params.yml'),
    [
      'version: 1',
      'task_definition:',
      '  task_execution_role: arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      '  task_size:',
      '    cpu_limit: 512',
      '    mem_limit: 1024',
      '',
    ].join('\n'),
  );
  return ws;
}

/** Render mode for FARGATE: the same images (pushed by the EC2 deploy under imageTag). */
function renderFargate(): RegisterTaskDefinitionCommandInput {
  const r = runAction({
    workspace: fargateWorkspace(),
    inputs: {
      mode: 'render',
      'launch-type': 'FARGATE',
      'ecs-params': 'ecs-params.yml',
      'habitat-packages': 'billmeyer/mongodb\nmattray/national-parks',
      'image-tag': imageTag,
      'aws-account-id': '123456789012',
      'aws-region': 'us-east-1',
      'supervisor-health-checks': 'true',
      'task-family': `np-fargate-${suffix}`,
    },
  });
  if (r.status !== 0) throw new Error(explain(r));
  return taskDefinition(r);
}

/**
 * `habitat-ecs up --layout services` of the reference example with national-parks at 2 replicas:
 * the images the EC2 deploy pushed (by tag), each service's tasks on one network where its Cloud
 * Map name resolves to all of them. Run again, it keeps what runs and replaces what stopped.
 */
const servicesName = `up-svc-${suffix}`;
function upServices(): Promise<Finished> {
  const ws = nationalParksWorkspace();
  const file = path.join(ws, 'docker-compose.yml');
  fs.writeFileSync(
    file,
    fs
      .readFileSync(file, 'utf8')
      .replace('  national-parks:\n', '  national-parks:\n    deploy:\n      replicas: 2\n'),
  );
  return habitatEcs([
    'up', '-f', file, '--layout', 'services', '--namespace', 'national-parks.internal',
    '--habitat-package', 'billmeyer/mongodb', '--habitat-package', 'mattray/national-parks',
    '--account-id', '123456789012', '--region', 'us-east-1', '--image-tag', imageTag,
    '--name', servicesName, '--timeout', '240',
  ]); // prettier-ignore
}

let ec2: RunResult;
let fargate: RegisterTaskDefinitionCommandInput;
let sick: EcsLikeTask;
let sickStartedAt = 0;
const running: Record<'bridge' | 'awsvpc' | 'clash', Promise<EcsLikeTask>> = {} as never;
const upped: Record<'bridge' | 'awsvpc', { name: string; up: Promise<Finished> }> = {} as never;
let servicesUp: Promise<Finished>;

beforeAll(async () => {
  await createEc2Cluster(cluster);
  ec2 = deploy(nationalParksWorkspace(), {
    service: 'national-parks',
    'task-family': `np-real-${suffix}`,
    'habitat-packages': 'billmeyer/mongodb\nmattray/national-parks',
  });

  // The health proof's failing service, started first: Docker needs `retries` failed checks,
  // `interval` apart, to call it unhealthy, and the other proofs run meanwhile.
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'hed-sick-'));
  fs.writeFileSync(
    path.join(ws, 'docker-compose.yml'),
    'version: "2"\nservices:\n  sick:\n    image: testbed/unhealthy\n',
  );
  const r = deploy(ws, {
    service: 'sick',
    'task-family': `sick-${suffix}`,
    'habitat-packages': 'testbed/unhealthy',
  });
  // Without its start period: failures in it only start counting later, which would add 2 minutes.
  const td = taskDefinition(r);
  for (const c of td.containerDefinitions ?? []) if (c.healthCheck) c.healthCheck.startPeriod = undefined;
  sick = startTask(td, 'sick');
  await sick.start();
  sickStartedAt = Date.now();

  running.bridge = starting(startTask(taskDefinition(ec2), 'bridge'));
  fargate = renderFargate();
  running.awsvpc = starting(startTask(fargate, 'awsvpc'));
  // What the action would run if it did not remap: the compose file's flags, the peer on loopback.
  const clash = structuredClone(fargate);
  const parks = clash.containerDefinitions?.find((c) => c.name === 'national-parks');
  if (!parks) throw new Error('no national-parks container rendered');
  parks.command = ['--peer', '127.0.0.1:9638', '--bind', 'database:mongodb.default'];
  parks.healthCheck = undefined;
  running.clash = starting(startTask(clash, 'clash'));
  for (const [mode, td] of [
    ['bridge', taskDefinition(ec2)],
    ['awsvpc', fargate],
  ] as const) {
    const name = `up-${mode}-${suffix}`;
    upTasks.push(name);
    upped[mode] = { name, up: habitatEcsUp(td, name) };
  }
  upTasks.push(servicesName);
  servicesUp = upServices();
}, 600_000); // two deploys; on a fresh runner the first downloads and builds every layer

afterAll(() => {
  for (const t of tasks) t.stop();
  for (const name of upTasks) habitatEcsDown(name);
});

test('the action exported both packages with the real hab 2.1.78 from the stable channel of the Builder input', () => {
  const out = plain(ec2.stdout);
  expect(out).toMatch(/Using `hab pkg export container`: hab 2\.1\.78\b/);
  // The default habitat-channel (stable), the habitat-builder-url input and the default
  // habitat-multi-layer (true), on hab's command line.
  expect(out).toContain(
    `hab pkg export container --channel stable --url ${real.builderUrl} --base-pkgs-url ${real.builderUrl} --multi-layer billmeyer/mongodb`,
  );
  // The real exporter's own output, and the package it resolved in `stable` (3.2.11 is in unstable only).
  expect(out).toContain("Determining latest version of billmeyer/mongodb in the 'stable' channel");
  expect(out).toContain(
    "Container image 'billmeyer/mongodb' created with tags: latest, 3.2.10, 3.2.10-20171016003652",
  );
  const builderLog = fs.readFileSync(
    path.join(process.env.HABITAT_ECS_STACK_DIR ?? '', 'builder', 'requests.log'),
    'utf8',
  );
  expect(builderLog).toContain(
    'GET /v1/depot/channels/billmeyer/stable/pkgs/mongodb/latest?target=x86_64-linux 200',
  );
  const td = taskDefinition(ec2);
  expect(td.networkMode).toBe('bridge');
  const config = JSON.parse(
    run('docker', [
      'image',
      'inspect',
      '--format',
      '{{json .Config}}',
      td.containerDefinitions?.[0]?.image ?? '',
    ]).stdout,
  );
  expect(config).toMatchObject({
    Entrypoint: ['/init.sh'],
    Cmd: ['run', 'billmeyer/mongodb'],
    Env: ['PATH=/bin'],
  });
  // The image the registry API pushed is the exporter's multi-layer one: a layer per package, in
  // dependency order, the user's package last (normalising keeps the history's commands).
  const history = run('docker', [
    'image',
    'history',
    '--no-trunc',
    '--format',
    '{{.CreatedBy}}',
    td.containerDefinitions?.[0]?.image ?? '',
  ]).stdout;
  const packages = [...history.matchAll(/COPY dir:[0-9a-f]+ in \/hab\/pkgs\/([^/\s]+\/[^/\s]+)\//g)]
    .map((m) => m[1])
    .reverse(); // docker lists the top layer first
  expect(packages).toEqual(expect.arrayContaining(['core/glibc', 'chef/hab-sup', 'chef/hab-launcher']));
  expect(packages.at(-1)).toBe('billmeyer/mongodb');
});

test("bridge mode: national-parks joins the ring by the name its --peer uses, its database bind gets mongodb's port, and both health checks pass", async () => {
  const td = taskDefinition(ec2);
  const parks = td.containerDefinitions?.find((c) => c.name === 'national-parks');
  expect(parks?.command).toEqual(['--peer', 'mongodb', '--bind', 'database:mongodb.default']);
  expect(td.containerDefinitions?.find((c) => c.name === 'mongo')?.hostname).toBe('mongodb');
  expect(parks?.dependsOn).toEqual([{ containerName: 'mongo', condition: 'HEALTHY' }]);

  // dependsOn HEALTHY: national-parks started only once mongo's Supervisor health check passed.
  const task = await running.bridge;
  const mongoIp = task.address('mongo');
  await until("both services alive in national-parks' census", 90_000, () => {
    const members = census(task, 'national-parks');
    return ['mongodb', 'national-parks'].every((s) => members.some((m) => m.service === s && m.alive));
  });
  const mongo = census(task, 'national-parks').find((m) => m.service === 'mongodb');
  expect(mongo?.sys.ip).toBe(mongoIp);
  expect(mongo?.cfg).toEqual({ port: 27017 }); // what billmeyer/mongodb exports
  expect(mongo?.sys).toMatchObject({ hostname: 'mongodb', gossip_port: 9638 });
  // mongodb's Supervisor sees national-parks too: one ring.
  await until("national-parks alive in mongodb's census", 60_000, () =>
    census(task, 'mongo').some((m) => m.service === 'national-parks' && m.alive),
  );
  // The bind is satisfied: national-parks rendered its config from the bound group's members.
  await until('national-parks to serve the bound database address', 60_000, () =>
    task.exec('national-parks', 'wget', '-qO-', 'http://127.0.0.1:8080/index.html').includes('database='),
  );
  expect(task.exec('national-parks', 'wget', '-qO-', 'http://127.0.0.1:8080/index.html').trim()).toBe(
    `database=${mongoIp}:27017`,
  );
  expect(task.logs('national-parks')).toContain("The group 'mongodb.default' satisfies the `database` bind");

  // health: both health checks the action wrote pass (mongo's already did, or parks would not run).
  expect(task.health('mongo')).toBe('healthy');
  await task.waitForHealth('national-parks', 'healthy', 90_000);
});

test("awsvpc: in one network namespace, with the action's remapped ports and --peer 127.0.0.1:<port>, the ring forms", async () => {
  expect(fargate.networkMode).toBe('awsvpc');
  const parks = fargate.containerDefinitions?.find((c) => c.name === 'national-parks');
  expect(parks?.command).toEqual([
    '--peer',
    '127.0.0.1:9638',
    '--bind',
    'database:mongodb.default',
    '--listen-gossip',
    '0.0.0.0:9648',
    '--listen-http',
    '0.0.0.0:9641',
    '--listen-ctl',
    '127.0.0.1:9642',
  ]);
  const task = await running.awsvpc;
  await until('both Supervisors to list both services', 90_000, () =>
    [9631, 9641].every((port) => {
      const members = census(task, 'mongo', port);
      return ['mongodb', 'national-parks'].every((s) => members.some((m) => m.service === s && m.alive));
    }),
  );
  // No listener clash: both Supervisors still run, each on its own ports.
  expect(task.state('mongo').running).toBe(true);
  expect(task.state('national-parks').running).toBe(true);
  expect(task.logs('national-parks')).toContain('Starting gossip-listener on 0.0.0.0:9648');
  await until('the database bind to be rendered', 60_000, () =>
    task.exec('mongo', 'wget', '-qO-', 'http://127.0.0.1:8080/index.html').includes(':27017'),
  );
  // The national-parks health check (on the remapped HTTP port) passes too.
  await task.waitForHealth('national-parks', 'healthy', 90_000);
});

test('awsvpc without the remapping: the second Supervisor cannot bind the ports the first holds, and exits', async () => {
  const task = await running.clash;
  await until('national-parks to exit', 60_000, () => !task.state('national-parks').running);
  expect(task.state('national-parks').exitCode).not.toBe(0);
  const logs = task.logs('national-parks');
  expect(logs).toContain('Address already in use');
  expect(task.state('mongo').running).toBe(true);
});

test('health: the health check the action wrote turns a service whose health hook fails unhealthy', async () => {
  const td = sick.task.containerDefinitions?.[0];
  expect(td?.healthCheck?.command).toEqual([
    'CMD-SHELL',
    'wget -qO- http://127.0.0.1:9631/services/unhealthy/default/health || exit 1',
  ]);
  const { interval = 30, retries = 3 } = td?.healthCheck ?? {};
  const waited = Date.now() - sickStartedAt;
  await sick.waitForHealth('sick', 'unhealthy', Math.max(interval * (retries + 2) * 1000 - waited, 30_000));
  // The Supervisor ran the hook and reports it: CRITICAL, which its API answers with 503.
  const health = run('docker', [
    'exec',
    sick.name('sick'),
    'wget',
    '-S',
    '-qO-',
    'http://127.0.0.1:9631/services/unhealthy/default/health',
  ]);
  expect(health.stderr).toContain('503');
});

test('habitat-ecs up, bridge: the task the action wrote comes up healthy; national-parks joins the ring by --peer mongodb and serves the bound address on its published port', async () => {
  const { name, up } = upped.bridge;
  const r = await up;
  expect({ status: r.status, stderr: r.stderr }).toEqual({
    status: 0,
    stderr: expect.stringContaining(`task ${name} is up (bridge network mode)`),
  });
  // up waited for both Supervisor health checks (national-parks depends on mongo HEALTHY).
  expect(r.stdout).toMatch(/^mongo +running +healthy/m);
  expect(r.stdout).toMatch(/^national-parks +running +healthy +127\.0\.0\.1:8080->8080\/tcp$/m);
  await until("both services alive in national-parks' census", 90_000, () =>
    bothAlive(upCensus(name, 'national-parks')),
  );
  const mongoIp = run('docker', [
    'inspect',
    '--format',
    '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}',
    `${name}-mongo`,
  ]).stdout.trim();
  expect(upCensus(name, 'national-parks').find((m) => m.service === 'mongodb')?.sys.ip).toBe(mongoIp);
  const page = run('curl', ['-sf', '--max-time', '5', 'http://127.0.0.1:8080/index.html']);
  expect(page.stdout.trim()).toBe(`database=${mongoIp}:27017`);
});

test('habitat-ecs up, awsvpc: one namespace, the remapped Supervisor ports, the ring forms and both are healthy', async () => {
  const { name, up } = upped.awsvpc;
  const r = await up;
  expect({ status: r.status, stderr: r.stderr }).toEqual({
    status: 0,
    stderr: expect.stringContaining(`task ${name} is up (awsvpc network mode)`),
  });
  expect(r.stdout).toMatch(/^mongo +running +healthy/m);
  expect(r.stdout).toMatch(/^national-parks +running +healthy/m);
  // Both Supervisors' HTTP gateways answer in the one namespace, each listing both services.
  await until('both Supervisors to list both services', 90_000, () =>
    [9631, 9641].every((port) => bothAlive(upCensus(name, 'mongo', port))),
  );
});

test("channel: an export by name without --channel (hab's default, base) fails as it does for users today", () => {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'hed-base-'));
  const r = run(
    'hab',
    [
      'pkg',
      'export',
      'container',
      '--url',
      real.builderUrl,
      '--base-pkgs-url',
      real.builderUrl,
      'billmeyer/mongodb',
    ],
    {
      cwd,
      env: { ...process.env, ...real.env, HAB_LICENSE: 'accept-no-persist', HAB_NOCOLORING: 'true' },
      timeout: 120_000,
    },
  );
  expect(r.status).toBe(1);
  const out = plain(r.stdout + r.stderr);
  expect(out).toContain("No releases of billmeyer/mongodb exist in the 'base' channel");
  expect(out).toContain("billmeyer/mongodb/3.2.10/20171016003652 in the 'stable' channel");
  expect(out).toContain('Package not found.');
  expect(fs.existsSync(path.join(cwd, 'results'))).toBe(false);
});

test('habitat-ecs up --layout services: national-parks ×2 and mongodb ×1, each a task of its own, form one ring by their Cloud Map names, both national-parks bound to mongodb; a replica that stops is replaced and rejoins', async () => {
  const first = await servicesUp;
  expect({ status: first.status, stderr: first.stderr }).toEqual({
    status: 0,
    stderr: expect.stringContaining(`project ${servicesName} is up: mongo (1), national-parks (2)`),
  });
  const task = (service: string, n: number) => `${servicesName}-${service}-${n}`;
  /** [task, container] of each Supervisor. */
  const supervisors: [string, string][] = [
    [task('mongo', 1), 'mongo'],
    [task('national-parks', 1), 'national-parks'],
    [task('national-parks', 2), 'national-parks'],
  ];
  const address = (t: string) =>
    run('docker', [
      'inspect',
      '--format',
      `{{index .NetworkSettings.Networks "${servicesName}" "IPAddress"}}`,
      `${t}.pause`,
    ]).stdout.trim();
  /** The members alive in a Supervisor's census: service@address, sorted. */
  const alive = ([t, c]: [string, string]) =>
    upCensus(t, c)
      .filter((m) => m.alive)
      .map((m) => `${m.service}@${m.sys.ip}`)
      .sort();
  /** What every census must say: the three tasks' Supervisors, at their addresses now. */
  const ring = () => supervisors.map(([t, c]) => `${c === 'mongo' ? 'mongodb' : c}@${address(t)}`).sort();
  const oneRing = () => supervisors.every((s) => JSON.stringify(alive(s)) === JSON.stringify(ring()));
  // The ring spans the three tasks: every Supervisor lists the three, alive.
  await until('all three Supervisors in every census', 150_000, oneRing);
  expect(new Set(ring()).size).toBe(3);
  // national-parks peered by the Cloud Map name the translation gave it.
  const parks = JSON.parse(
    run('docker', ['inspect', '--format', '{{json .Args}}', `${task('national-parks', 1)}-national-parks`])
      .stdout,
  );
  expect(parks).toEqual(['--peer', 'mongo.national-parks.internal', '--bind', 'database:mongodb.default']);
  // Both national-parks bound to mongodb, and serve it on 8080.
  const mongoIp = address(task('mongo', 1));
  for (const n of [1, 2]) {
    const c = `${task('national-parks', n)}-national-parks`;
    await until(`${c} to serve the bound database`, 90_000, () =>
      run('docker', ['exec', c, 'wget', '-qO-', 'http://127.0.0.1:8080/index.html']).stdout.includes(
        'database=',
      ),
    );
    expect(run('docker', ['exec', c, 'wget', '-qO-', 'http://127.0.0.1:8080/index.html']).stdout.trim()).toBe(
      `database=${mongoIp}:27017`,
    );
  }

  // A replica stops, as a task dies; up again replaces it, as ECS's scheduler would, keeping the rest.
  run('docker', ['stop', `${task('national-parks', 1)}-national-parks`], { timeout: 120_000 });
  const again = await upServices();
  expect({ status: again.status, stderr: again.stderr }).toEqual({
    status: 0,
    stderr: expect.stringContaining(`${task('national-parks', 2)} runs: kept`),
  });
  expect(again.stderr).toContain(`${task('mongo', 1)} runs: kept`);
  expect(again.stderr).toContain(`starting national-parks`);
  // The new replica rejoined through mongo's name: the ring is three again, at the addresses now.
  await until('the ring of three again, with the new replica', 150_000, oneRing);
});
