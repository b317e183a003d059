import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContainerDefinition, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { main } from '../../src/cli/main';
import { docker, habitatImageAs, hasImage, plainImageAs } from '../support/local-images';
import { requireStackEnv } from '../support/stack';

// Every golden task definition that can run offline comes up on the stack's engine and goes down
// cleanly. Habitat images are the hab stand-in's exports; the public images the others name
// (nginx, postgres, example/...) cannot be pulled here, so a stand-in image takes their names: it
// runs with every option the task gives, prints its arguments and waits.

requireStackEnv();
jest.setTimeout(240_000);

const ROOT = join(__dirname, '..', 'fixtures', 'golden');
const run = Math.random().toString(36).slice(2, 7);

/** What the offline stack cannot run, and why. */
const CANNOT_RUN: Record<string, string> = {
  'awsvpc-ecs-params':
    'its health check runs curl, a tool of the nginx image, which cannot be pulled offline',
  healthcheck: 'its health checks run curl, a tool of the nginx image, which cannot be pulled offline',
  'depends-on':
    'its database health check runs pg_isready, a tool of the postgres image, which cannot be pulled offline ' +
    '(the dependsOn conditions are proven in local-up.test.ts)',
  'container-options': 'it needs the host devices /dev/sda and /dev/fuse',
  volumes: 'it mounts an NFS volume from 10.0.0.1',
};

/** Fixtures that must not come up, with the reason up must give. */
const MUST_FAIL: Record<string, RegExp> = {
  // One-shot essential containers: an echo, and its real image's entrypoint script. ECS stops it too.
  'command-words': /essential container "shell" exited with code 0|container "list" could not start/,
};
// nofile 40000: only where the engine may raise the hard limit that far.
if (hardNofileLimit() < 40000) MUST_FAIL.resources = /could not start: .*rlimit/;

const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com/';

const fixtures = readdirSync(ROOT, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(args, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: process.env,
  });
  return { status, stdout: out.join(''), stderr: err.join('') };
}

function hardNofileLimit(): number {
  const line = readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('Max open files'));
  return Number(line?.split(/\s{2,}/)[2] ?? 0);
}

/** The images a fixture names, present on the engine. */
function provideImages(fixture: string): void {
  for (const c of containersOf(fixture)) {
    const image = c.image ?? '';
    if (hasImage(image)) continue;
    if (image.startsWith(REGISTRY)) habitatImageAs(image.slice(REGISTRY.length).split(':')[0] ?? '', image);
    else plainImageAs(image);
  }
}

test('every golden fixture is run here, or says why not', () => {
  const known = new Set([...Object.keys(CANNOT_RUN), ...Object.keys(MUST_FAIL)]);
  for (const name of known) expect(fixtures).toContain(name);
  expect(fixtures.filter((f) => !known.has(f)).length).toBeGreaterThanOrEqual(10);
});

/**
 * Fixtures come up side by side (jest's maxConcurrency at a time), so that their waits overlap;
 * two that hold one host port (8080, 80, ...) never run at once. Those that wait for Docker's
 * 30 s health check intervals come up together, first.
 */
const quick = fixtures.filter((f) => !(f in CANNOT_RUN) && !waitsForHealth(f));
const slow = fixtures.filter((f) => !(f in CANNOT_RUN) && waitsForHealth(f));
const ports = new Set<number>();
const portsFreed: (() => void)[] = [];

async function withHostPorts(fixture: string, work: () => Promise<void>): Promise<void> {
  const mine = [...new Set(fixedHostPorts(fixture))];
  while (mine.some((p) => ports.has(p))) await new Promise<void>((resolve) => portsFreed.push(resolve));
  for (const p of mine) ports.add(p);
  try {
    await work();
  } finally {
    for (const p of mine) ports.delete(p);
    for (const wake of portsFreed.splice(0)) wake();
  }
}

test.concurrent(
  `golden ${slow.join(', ')}: come up side by side once healthy, and down leaves nothing`,
  async () => {
    expect(slow.length).toBeGreaterThan(0);
    await Promise.all(slow.map((f) => withHostPorts(f, () => upAndDown(f))));
  },
  240_000,
);

test.concurrent.each(quick)(
  'golden %s: comes up (or fails as ECS would), and down leaves nothing',
  (fixture) => withHostPorts(fixture, () => upAndDown(fixture)),
  240_000,
);

async function upAndDown(fixture: string): Promise<void> {
  const task = `g-${run}-${fixture}`.slice(0, 63);
  const file = join(ROOT, fixture, 'expected.json');
  try {
    provideImages(fixture);
    const up = await cli(['up', '--task-definition', file, '--name', task]);
    const expectedFailure = MUST_FAIL[fixture];
    if (expectedFailure) {
      expect(up.stderr).toMatch(expectedFailure);
      expect(up.status).toBe(1);
    } else {
      if (up.status !== 0) throw new Error(`${fixture}: up failed:\n${up.stderr}\n${up.stdout}`);
      // One row a container (of every replica, in the services layout): each running.
      const rows = up.stdout.trim().split('\n').slice(1);
      expect(rows.length).toBe(containersOf(fixture).length);
      const services = isServices(document(fixture));
      for (const row of rows) expect(row).toMatch(services ? /^\S+ +\S+ +running / : /^\S+ +running /);
    }
    const down = await cli(['down', '--name', task]);
    expect(down.status).toBe(0);
    for (const kind of ['ps --all', 'network ls', 'volume ls']) {
      for (const label of [`habitat-ecs.task=${task}`, `habitat-ecs.project=${task}`]) {
        const args = [...kind.split(' '), '--filter', `label=${label}`, '--quiet'];
        expect(docker(args)).toBe('');
      }
    }
  } finally {
    await cli(['down', '--name', task]);
  }
}

/** The services layout's golden: a task definition per compose service, with its replicas. */
interface ServicesDocument {
  layout: 'services';
  units: { name: string; replicas?: number; taskDefinition: RegisterTaskDefinitionCommandInput }[];
}

function document(fixture: string): RegisterTaskDefinitionCommandInput | ServicesDocument {
  return JSON.parse(readFileSync(join(ROOT, fixture, 'expected.json'), 'utf8')) as
    RegisterTaskDefinitionCommandInput | ServicesDocument;
}

function isServices(doc: RegisterTaskDefinitionCommandInput | ServicesDocument): doc is ServicesDocument {
  return 'layout' in doc && doc.layout === 'services';
}

/** Every container up runs for a fixture: its task's, or each replica's of each service (one, unless replicas says). */
function containersOf(fixture: string): ContainerDefinition[] {
  const doc = document(fixture);
  const tasks = isServices(doc)
    ? doc.units.flatMap((u) => Array.from({ length: u.replicas ?? 1 }, () => u.taskDefinition))
    : [doc];
  return tasks.flatMap((td) => td.containerDefinitions ?? []);
}

/**
 * The host ports a fixture's tasks hold (src/local/ports.ts): a bridge container's hostPort unless
 * 0 or none, a host-mode container's port; awsvpc publishes on free loopback ports.
 */
function fixedHostPorts(fixture: string): number[] {
  const doc = document(fixture);
  const tasks = isServices(doc) ? doc.units.map((u) => u.taskDefinition) : [doc];
  return tasks
    .flatMap((td) =>
      (td.containerDefinitions ?? []).flatMap((c) =>
        (c.portMappings ?? []).map((m) =>
          (td.networkMode ?? 'bridge') === 'bridge'
            ? (m.hostPort ?? 0)
            : td.networkMode === 'host'
              ? (m.containerPort ?? 0)
              : 0,
        ),
      ),
    )
    .filter((p) => p > 0);
}

/**
 * A dependency waits for HEALTHY (in the services layout, a service with a health check is waited
 * for before those after it): up takes a health check interval or more.
 */
function waitsForHealth(fixture: string): boolean {
  const containers = containersOf(fixture);
  if (isServices(document(fixture)) && containers.some((c) => c.healthCheck)) return true;
  return containers.some((c) => (c.dependsOn ?? []).some((d) => d.condition === 'HEALTHY'));
}
