import type { Inspected } from '../../src/local/docker';
import { formatTable, taskRows, taskState } from '../../src/local/status';

function found(name: string, labels: Record<string, string>, extra: Partial<Inspected> = {}): Inspected {
  return {
    name,
    labels,
    status: 'running',
    exitCode: 0,
    error: '',
    published: new Map(),
    addresses: {},
    ...extra,
  };
}
const labels = (container: string, order: number, mode: string, ports = '', essential = true) => ({
  'habitat-ecs.task': 't',
  'habitat-ecs.container': container,
  'habitat-ecs.order': String(order),
  'habitat-ecs.network-mode': mode,
  'habitat-ecs.ports': ports,
  'habitat-ecs.essential': String(essential),
});

test('bridge: each container shows what it publishes, in task definition order', () => {
  const rows = taskRows([
    found('t-web', labels('web', 1, 'bridge', '8080/tcp'), {
      published: new Map([['8080/tcp', ['127.0.0.1:32768']]]),
      health: 'healthy',
    }),
    found('t-db', labels('db', 0, 'bridge'), { status: 'exited', exitCode: 3 }),
  ]);
  expect(formatTable(rows)).toBe(
    [
      'CONTAINER  STATE       HEALTH   PORTS',
      'db         exited (3)  -',
      'web        running     healthy  127.0.0.1:32768->8080/tcp',
    ].join('\n'),
  );
});

test('awsvpc: the ports come from the pause container, which is not a row', () => {
  const rows = taskRows([
    found(
      't.pause',
      { 'habitat-ecs.task': 't', 'habitat-ecs.role': 'pause' },
      {
        published: new Map([['8080/tcp', ['127.0.0.1:40001']]]),
      },
    ),
    found('t-app', labels('app', 0, 'awsvpc', '8080/tcp,9631/tcp')),
  ]);
  expect(rows).toEqual([
    { container: 'app', state: 'running', health: '-', ports: '127.0.0.1:40001->8080/tcp, 9631/tcp' },
  ]);
});

test('the task is STOPPED once an essential container is not running; a non-essential one may exit', () => {
  const side = found('t-side', labels('side', 1, 'bridge', '', false), { status: 'exited', exitCode: 1 });
  expect(taskState([found('t-a', labels('a', 0, 'bridge')), side])).toBe('RUNNING');
  expect(taskState([found('t-a', labels('a', 0, 'bridge'), { status: 'exited', exitCode: 137 }), side])).toBe(
    'STOPPED (essential container a exited with code 137)',
  );
});
