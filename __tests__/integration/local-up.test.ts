import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContainerDefinition, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { main } from '../../src/cli/main';
import { BUSYBOX, busyboxImages, docker, habitatImageAs } from '../support/local-images';
import { ECR_CREDENTIALS, requireStackEnv } from '../support/stack';

// habitat-ecs up / down / ps against the stack's Docker engine, through the CLI's own entry
// (cli/main), with tasks that show one ECS rule each. Every task gets a fresh name.

requireStackEnv();
jest.setTimeout(180_000);

const FIXTURES = join(__dirname, '..', 'fixtures', 'local-up');
const run = Math.random().toString(36).slice(2, 7);
const tasks: string[] = [];
const name = (what: string) => {
  const task = `lu-${run}-${what}`;
  tasks.push(task);
  return task;
};

async function cli(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(args, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: { ...process.env, ...env },
  });
  return { status, stdout: out.join(''), stderr: err.join('') };
}

function taskFile(
  containers: ContainerDefinition[],
  extra: Partial<RegisterTaskDefinitionCommandInput> = {},
) {
  const file = join(mkdtempSync(join(tmpdir(), 'local-up-')), 'task.json');
  writeFileSync(file, JSON.stringify({ family: 'f', containerDefinitions: containers, ...extra }));
  return file;
}

/** Runs until stopped (a shell as PID 1 ignores SIGTERM unless it traps it). */
const forever = (before = '') => ['sh', '-c', `${before}trap 'exit 0' TERM; while :; do sleep 1; done`];

const labelled = (kind: 'ps' | 'network' | 'volume', task: string) =>
  docker(
    kind === 'ps'
      ? ['ps', '--all', '--filter', `label=habitat-ecs.task=${task}`, '--format', '{{.Names}}']
      : [kind, 'ls', '--filter', `label=habitat-ecs.task=${task}`, '--format', '{{.Name}}'],
  )
    .split('\n')
    .filter(Boolean)
    .sort();

beforeAll(() => busyboxImages());
afterAll(async () => {
  for (const task of tasks) await cli(['down', '--name', task]);
});

test('dependsOn START, COMPLETE, SUCCESS and HEALTHY order the starts; down removes what up made and nothing else', async () => {
  const task = name('order');
  const shared = [{ sourceVolume: 'shared', containerPath: '/shared' }];
  const file = taskFile(
    [
      {
        name: 'app',
        image: BUSYBOX,
        command: forever('echo app >>/shared/log; '),
        mountPoints: shared,
        dependsOn: [
          { containerName: 'init', condition: 'SUCCESS' },
          { containerName: 'db', condition: 'HEALTHY' },
        ],
      },
      {
        name: 'init',
        image: BUSYBOX,
        essential: false,
        command: ['sh', '-c', 'echo init >>/shared/log'],
        mountPoints: shared,
      },
      {
        name: 'db',
        image: BUSYBOX,
        command: forever('sleep 1; echo db >>/shared/log; mkdir -p /tmp; touch /tmp/ready; '),
        mountPoints: shared,
        healthCheck: { command: ['CMD-SHELL', 'test -f /tmp/ready'], interval: 5, timeout: 2, retries: 1 },
      },
      {
        name: 'late',
        image: BUSYBOX,
        essential: false,
        command: ['sh', '-c', 'echo late >>/shared/log'],
        mountPoints: shared,
        dependsOn: [{ containerName: 'init', condition: 'COMPLETE' }],
      },
    ],
    { volumes: [{ name: 'shared' }] },
  );
  const up = await cli(['up', '--task-definition', file, '--name', task]);
  expect(up.stderr).toContain(`task ${task} is up (bridge network mode)`);
  expect(up.status).toBe(0);
  expect(up.stdout).toMatch(
    /^CONTAINER +STATE +HEALTH +PORTS\napp +running +- *\ninit +exited \(0\) +- *\ndb +running +healthy *\nlate +exited \(0\)/,
  );

  const log = docker(['exec', `${task}-app`, 'cat', '/shared/log']).split('\n');
  expect(log[0]).toBe('init');
  expect(log[log.length - 1]).toBe('app');
  expect(log.indexOf('db')).toBeLessThan(log.indexOf('app'));
  expect(log).toContain('late');

  const ps = await cli(['ps', '--name', task]);
  expect(ps.status).toBe(0);
  expect(ps.stdout).toContain(`task ${task} (bridge): RUNNING`);

  expect(labelled('ps', task)).toEqual([`${task}-app`, `${task}-db`, `${task}-init`, `${task}-late`]);
  expect(labelled('network', task)).toEqual([task]);
  expect(labelled('volume', task)).toEqual([`${task}-shared`]);
  // Something of the same name pattern that up did not make stays.
  docker(['create', '--name', `${task}-mine`, BUSYBOX, 'true']);
  const down = await cli(['down', '--task-definition', file, '--name', task]);
  expect(down.status).toBe(0);
  expect(labelled('ps', task)).toEqual([]);
  expect(labelled('network', task)).toEqual([]);
  expect(labelled('volume', task)).toEqual([]);
  expect(docker(['ps', '--all', '--filter', `name=${task}-mine`, '--format', '{{.Names}}'])).toBe(
    `${task}-mine`,
  );
  docker(['rm', `${task}-mine`]);
  expect((await cli(['ps', '--name', task])).status).toBe(1);
});

test('an essential container that exits stops the task: the reason, its last lines and exit code; kept until down', async () => {
  const task = name('crash');
  const file = taskFile([
    { name: 'web', image: BUSYBOX, command: forever() },
    {
      name: 'worker',
      image: BUSYBOX,
      // Both on stderr: docker stamps each stream as it reads it, so their order across streams is loose.
      command: ['sh', '-c', 'echo reading config >&2; echo "fatal: no config" >&2; exit 3'],
      dependsOn: [{ containerName: 'web', condition: 'START' }],
    },
  ]);
  const up = await cli(['up', '--task-definition', file, '--name', task]);
  expect(up.status).toBe(1);
  expect(up.stderr).toContain(
    `task ${task} failed: essential container "worker" exited with code 3, so the task stops (as on ECS)`,
  );
  expect(up.stderr).toContain(
    '--- worker (exit code 3), last log lines:\n    reading config\n    fatal: no config\n',
  );
  expect(up.stdout).toMatch(/web +exited \(0\)/);
  expect(up.stdout).toMatch(/worker +exited \(3\)/);
  const ps = await cli(['ps', '--name', task]);
  expect(ps.status).toBe(1);
  expect(ps.stdout).toContain('STOPPED (essential container');
  expect(labelled('ps', task)).toHaveLength(2);
  await cli(['down', '--name', task]);
  expect(labelled('ps', task)).toEqual([]);
});

test('a compose file whose health check never passes fails up with what the check said', async () => {
  const task = name('unhealthy');
  const up = await cli(['up', '-f', join(FIXTURES, 'never-healthy', 'docker-compose.yml'), '--name', task]);
  expect(up.status).toBe(1);
  expect(up.stderr).toContain(
    `task ${task} failed: container "web" is unhealthy: its health check said: nothing listens on 8080`,
  );
  expect(up.stdout).toMatch(/web +exited \(0\) +unhealthy/);
});

test('a compose file with a dependsOn cycle fails up before anything runs, at its line', async () => {
  const task = name('cycle');
  const up = await cli(['up', '-f', join(FIXTURES, 'cycle', 'docker-compose.yml'), '--name', task]);
  expect(up.status).toBe(1);
  expect(up.stderr).toMatch(/cycle\/docker-compose\.yml:\d+:\d+: error: .*cycle/);
  expect(labelled('ps', task)).toEqual([]);
});

test("awsvpc: two containers mapping one port fail up before anything runs, at the line (render's check)", async () => {
  const task = name('ports');
  const dir = join(FIXTURES, 'port-clash');
  const up = await cli([
    'up',
    '-f',
    join(dir, 'docker-compose.yml'),
    '--ecs-params',
    join(dir, 'ecs-params.yml'),
    '--name',
    task,
  ]);
  expect(up.stderr).toContain(
    'port-clash/docker-compose.yml:12:13: error: services.admin.ports[0]: port 8080 is used twice in one network namespace',
  );
  expect(up.status).toBe(1);
  expect(labelled('ps', task)).toEqual([]);
});

test('awsvpc: two Supervisors on the default ports clash for real; as Habitat packages they get ports of their own', async () => {
  const dir = join(FIXTURES, 'supervisor-clash');
  const files = ['-f', join(dir, 'docker-compose.yml'), '--ecs-params', join(dir, 'ecs-params.yml')];
  habitatImageAs('billmeyer/mongodb', 'billmeyer/mongodb:latest');
  habitatImageAs('mattray/national-parks', 'mattray/national-parks:latest');
  const plain = name('sup-plain');
  const clash = await cli(['up', ...files, '--name', plain]);
  expect(clash.status).toBe(1);
  expect(clash.stderr).toMatch(/essential container "(mongo|national-parks)" exited with code 1/);
  expect(clash.stderr).toContain('hab-sup(MR): cannot listen on port 9638 (gossip): it is in use');

  const registry = process.env.HABITAT_ECS_STACK_REGISTRY ?? '';
  habitatImageAs('billmeyer/mongodb', `${registry}/billmeyer/mongodb:latest`);
  habitatImageAs('mattray/national-parks', `${registry}/mattray/national-parks:latest`);
  const habitat = name('sup-habitat');
  const packages = ['--habitat-package', 'billmeyer/mongodb', '--habitat-package', 'mattray/national-parks'];
  const up = await cli(['up', ...files, ...packages, '--account-id', '123456789012', '--name', habitat]);
  expect(up.stderr).toContain(`task ${habitat} is up (awsvpc network mode)`);
  expect(up.status).toBe(0);
  const logs = docker(['logs', `${habitat}-national-parks`]);
  expect(logs).not.toContain('9638 (gossip)');
  expect(logs).toMatch(/gossip listening on 0\.0\.0\.0:9\d\d\d/);
});

test('a SUCCESS dependency that fails stops the task, showing that container', async () => {
  const task = name('success');
  const file = taskFile([
    {
      name: 'migrate',
      image: BUSYBOX,
      essential: false,
      command: ['sh', '-c', 'echo "migration 7 failed"; exit 2'],
    },
    {
      name: 'app',
      image: BUSYBOX,
      command: forever(),
      dependsOn: [{ containerName: 'migrate', condition: 'SUCCESS' }],
    },
  ]);
  const up = await cli(['up', '--task-definition', file, '--name', task]);
  expect(up.status).toBe(1);
  expect(up.stderr).toContain(
    '"app" needs "migrate" to exit successfully (SUCCESS), but it exited with code 2',
  );
  expect(up.stderr).toContain('--- migrate (exit code 2), last log lines:\n    migration 7 failed\n');
  expect(up.stdout).toMatch(/app +not started: the task stopped first/);
});

test('up waits at most --timeout, then says for what', async () => {
  const task = name('timeout');
  const file = taskFile([
    {
      name: 'slow',
      image: BUSYBOX,
      command: forever(),
      healthCheck: { command: ['CMD-SHELL', 'true'], interval: 60 },
    },
  ]);
  const started = Date.now();
  const up = await cli(['up', '--task-definition', file, '--name', task, '--timeout', '2']);
  expect(up.status).toBe(1);
  expect(up.stderr).toContain(`task ${task} failed: timed out after 2 s waiting for slow (health: starting)`);
  expect(Date.now() - started).toBeLessThan(60_000);
});

test('bridge: a hostPort of 0 publishes on a free loopback port; host mode listens on the host', async () => {
  const task = name('ports-ok');
  const serve = (port: number) =>
    forever(`mkdir -p /w && echo hello-${port} >/w/index.html && httpd -p ${port} -h /w; `);
  const file = taskFile([
    { name: 'web', image: BUSYBOX, command: serve(80), portMappings: [{ containerPort: 80, hostPort: 0 }] },
  ]);
  const up = await cli(['up', '--task-definition', file, '--name', task]);
  expect(up.status).toBe(0);
  const port = /127\.0\.0\.1:(\d+)->80\/tcp/.exec(up.stdout)?.[1];
  expect(Number(port)).toBeGreaterThan(1024);
  expect(spawnSync('curl', ['-sf', `http://127.0.0.1:${port}/`], { encoding: 'utf8' }).stdout).toBe(
    'hello-80\n',
  );

  const host = name('host');
  const hostFile = taskFile(
    [{ name: 'web', image: BUSYBOX, command: serve(18081), portMappings: [{ containerPort: 18081 }] }],
    { networkMode: 'host' },
  );
  const upHost = await cli(['up', '--task-definition', hostFile, '--name', host]);
  expect(upHost.status).toBe(0);
  expect(upHost.stdout).toContain('18081/tcp (host)');
  expect(spawnSync('curl', ['-sf', 'http://127.0.0.1:18081/'], { encoding: 'utf8' }).stdout).toBe(
    'hello-18081\n',
  );
});

test('a second up replaces the first; names up did not make are refused', async () => {
  const task = name('again');
  const file = taskFile([{ name: 'web', image: BUSYBOX, command: forever() }]);
  expect((await cli(['up', '--task-definition', file, '--name', task])).status).toBe(0);
  const first = docker(['inspect', '--format', '{{.Id}}', `${task}-web`]);
  const again = await cli(['up', '--task-definition', file, '--name', task]);
  expect(again.status).toBe(0);
  expect(again.stderr).toContain(`replacing task ${task} (removed container ${task}-web, network ${task})`);
  expect(docker(['inspect', '--format', '{{.Id}}', `${task}-web`])).not.toBe(first);

  const other = name('taken');
  docker(['create', '--name', `${other}-web`, BUSYBOX, 'true']);
  const refused = await cli(['up', '--task-definition', file, '--name', other]);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toBe(
    `habitat-ecs up: container ${other}-web already exists and was not made by habitat-ecs up: remove them, or give the task another --name\n`,
  );
  docker(['rm', `${other}-web`]);
});

test('an image the engine lacks is pulled from the registry the task names (with docker login), else the error says how to log in', async () => {
  const registry = process.env.HABITAT_ECS_STACK_REGISTRY ?? '';
  const ref = `${registry}/habitat-ecs-test/pulled:${run}`;
  const config = mkdtempSync(join(tmpdir(), 'docker-config-'));
  const login = spawnSync(
    'docker',
    ['login', '--username', ECR_CREDENTIALS.username, '--password-stdin', registry],
    {
      input: ECR_CREDENTIALS.password,
      env: { ...process.env, DOCKER_CONFIG: config },
      encoding: 'utf8',
    },
  );
  expect(login.status).toBe(0);
  docker(['tag', BUSYBOX, ref]);
  docker(['push', ref], { DOCKER_CONFIG: config });
  docker(['rmi', ref]);

  const task = name('pull');
  const file = taskFile([{ name: 'web', image: ref, command: forever() }]);
  const anonymous = await cli(['up', '--task-definition', file, '--name', task], {
    DOCKER_CONFIG: mkdtempSync(join(tmpdir(), 'docker-config-')),
  });
  expect(anonymous.status).toBe(1);
  expect(anonymous.stderr).toContain(
    `habitat-ecs up: image ${ref} is not on the local engine and could not be pulled: `,
  );
  expect(anonymous.stderr).toContain(
    `(log in first: aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin ${registry})`,
  );

  const up = await cli(['up', '--task-definition', file, '--name', task], { DOCKER_CONFIG: config });
  expect(up.stderr).toContain(`pulling ${ref}`);
  expect(up.status).toBe(0);
});

test('no engine at DOCKER_HOST: one error, nothing else runs', async () => {
  const file = taskFile([{ name: 'web', image: BUSYBOX, command: forever() }]);
  const up = await cli(['up', '--task-definition', file, '--name', name('no-engine')], {
    DOCKER_HOST: 'unix:///nonexistent/docker.sock',
  });
  expect(up.status).toBe(1);
  expect(up.stderr).toMatch(/^habitat-ecs up: cannot reach the Docker engine: .*nonexistent\/docker\.sock/);
  expect(up.stderr.trim().split('\n')).toHaveLength(1);
});
