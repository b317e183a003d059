import { nextStep, type Observed } from '../../src/local/lifecycle';
import type { ContainerPlan, Dependency } from '../../src/local/types';

function container(name: string, extra: Partial<ContainerPlan> = {}): ContainerPlan {
  return {
    name,
    dockerName: `t-${name}`,
    image: 'x',
    essential: true,
    hasHealthCheck: false,
    dependsOn: [],
    options: [],
    args: [],
    hosts: [],
    secrets: {},
    ports: [],
    ...extra,
  };
}
const on = (container: string, condition: Dependency['condition']): Dependency[] => [
  { container, condition },
];
const running: Observed = { status: 'running', exitCode: 0 };
const exited = (exitCode: number): Observed => ({ status: 'exited', exitCode });
const seen = (entries: Record<string, Observed>) => new Map(Object.entries(entries));

describe('nextStep: the order of starts', () => {
  // db (health checked) <- migrate (non-essential, HEALTHY) <- app (SUCCESS on migrate) <- proxy (START)
  const task = [
    container('migrate', { essential: false, dependsOn: on('db', 'HEALTHY') }),
    container('db', { hasHealthCheck: true }),
    container('app', { dependsOn: on('migrate', 'SUCCESS') }),
    container('proxy', { dependsOn: on('app', 'START') }),
  ];

  test('first the containers that depend on nothing', () => {
    expect(nextStep(task, seen({}))).toEqual({ kind: 'start', containers: ['db'] });
  });

  test('HEALTHY waits for healthy, not for running', () => {
    expect(nextStep(task, seen({ db: { ...running, health: 'starting' } }))).toEqual({
      kind: 'wait',
      waiting: ['migrate (waiting for db HEALTHY)', 'db (health: starting)', 'app (waiting for migrate SUCCESS)', 'proxy (waiting for app START)'],
    }); // prettier-ignore
    expect(nextStep(task, seen({ db: { ...running, health: 'healthy' } }))).toEqual({
      kind: 'start',
      containers: ['migrate'],
    });
  });

  test('SUCCESS waits for exit code 0; START only for the start', () => {
    const db = { ...running, health: 'healthy' as const };
    expect(nextStep(task, seen({ db, migrate: running }))).toMatchObject({ kind: 'wait' });
    expect(nextStep(task, seen({ db, migrate: exited(0) }))).toEqual({ kind: 'start', containers: ['app'] });
    expect(nextStep(task, seen({ db, migrate: exited(0), app: running }))).toEqual({
      kind: 'start',
      containers: ['proxy'],
    });
  });

  test('ready once all started, essential ones running, health checks healthy; a non-essential one may have exited', () => {
    const db = { ...running, health: 'healthy' as const };
    expect(nextStep(task, seen({ db, migrate: exited(0), app: running, proxy: running }))).toEqual({
      kind: 'ready',
    });
  });

  test('COMPLETE accepts any exit code', () => {
    const t = [
      container('once', { essential: false }),
      container('after', { dependsOn: on('once', 'COMPLETE') }),
    ];
    expect(nextStep(t, seen({ once: running }))).toMatchObject({ kind: 'wait' });
    expect(nextStep(t, seen({ once: exited(3) }))).toEqual({ kind: 'start', containers: ['after'] });
  });
});

describe('nextStep: what stops the task', () => {
  test('an essential container that exits, whatever its code', () => {
    const t = [container('a'), container('b')];
    expect(nextStep(t, seen({ a: running, b: exited(0) }))).toEqual({
      kind: 'failed',
      reason: 'essential container "b" exited with code 0, so the task stops (as on ECS)',
      containers: ['b'],
    });
  });

  test('a failed health check, with what it said', () => {
    const t = [container('a', { hasHealthCheck: true })];
    expect(
      nextStep(t, seen({ a: { ...running, health: 'unhealthy', healthOutput: 'connection refused\n' } })),
    ).toEqual({
      kind: 'failed',
      reason: 'container "a" is unhealthy: its health check said: connection refused',
      containers: ['a'],
    });
  });

  test('a dependency that can no longer be met: SUCCESS after a failure, HEALTHY after an exit', () => {
    const success = [
      container('m', { essential: false }),
      container('app', { dependsOn: on('m', 'SUCCESS') }),
    ];
    expect(nextStep(success, seen({ m: exited(2) }))).toEqual({
      kind: 'failed',
      reason: '"app" needs "m" to exit successfully (SUCCESS), but it exited with code 2',
      containers: ['m'],
    });
    const healthy = [
      container('m', { essential: false, hasHealthCheck: true }),
      container('app', { dependsOn: on('m', 'HEALTHY') }),
    ];
    expect(nextStep(healthy, seen({ m: exited(0) }))).toMatchObject({
      kind: 'failed',
      reason: '"app" needs "m" HEALTHY, but it exited with code 0',
    });
  });

  test('a non-essential container that exits does not stop the task', () => {
    const t = [container('a'), container('side', { essential: false })];
    expect(nextStep(t, seen({ a: running, side: exited(1) }))).toEqual({ kind: 'ready' });
  });
});
