import {
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  type ECSClient,
  type Service,
} from '@aws-sdk/client-ecs';
import { explainFailure, waitForDeployment } from '../../src/ecs/wait';
import { RecordingLog } from '../support/recording-log';
import { OURS, START, TASK_DEFINITIONS, at, serviceShape } from './fixtures';

/** Answers DescribeServices with the next shape (repeating the last), and stopped tasks. */
const listed: object[] = [];

function fakeEcs(shapes: Service[]): { ecs: ECSClient; calls: string[] } {
  const calls: string[] = [];
  let i = 0;
  const send = async (command: object): Promise<unknown> => {
    calls.push(command.constructor.name);
    if (command instanceof DescribeServicesCommand) {
      const s = shapes[Math.min(i++, shapes.length - 1)];
      return { services: [s], failures: [] };
    }
    if (command instanceof ListTasksCommand) {
      listed.push((command as ListTasksCommand).input);
      return {
        taskArns: [
          'arn:aws:ecs:us-east-1:1:task/shop-cluster/old',
          'arn:aws:ecs:us-east-1:1:task/shop-cluster/abc',
        ],
      };
    }
    if (command instanceof DescribeTasksCommand) {
      return {
        tasks: [
          {
            taskArn: 'arn:aws:ecs:us-east-1:1:task/shop-cluster/old',
            startedBy: 'ecs-svc/0000',
            lastStatus: 'STOPPED',
            stoppedReason: 'Task stopped by scale-in (another deployment)',
            containers: [{ name: 'web', exitCode: 137 }],
          },
          {
            taskArn: 'arn:aws:ecs:us-east-1:1:task/shop-cluster/abc',
            startedBy: OURS,
            lastStatus: 'STOPPED',
            stoppedReason: 'Essential container in task exited',
            containers: [
              { name: 'web', exitCode: 1, reason: undefined },
              { name: 'db', exitCode: 0 },
            ],
          },
        ],
      };
    }
    throw new Error(`unexpected ${command.constructor.name}`);
  };
  return { ecs: { send, config: { region: async () => 'us-east-1' } } as unknown as ECSClient, calls };
}

function clock(): { now: () => number; sleep: (ms: number) => Promise<void> } {
  let t = 0;
  return { now: () => t, sleep: async (ms) => void (t += ms) };
}

const base = {
  cluster: 'shop-cluster',
  service: 'shop',
  deploymentId: OURS,
  taskDefinitionArn: TASK_DEFINITIONS.ours,
  since: START,
};

describe('waitForDeployment', () => {
  it('prints each new event once, oldest first, and stops when stable', async () => {
    const inProgress = serviceShape();
    const later = serviceShape({
      events: [
        { id: 'e4', createdAt: at(60), message: 'has reached a steady state.' },
        ...inProgress.events!,
      ],
    });
    const done = {
      ...later,
      deployments: [
        { ...later.deployments![0]!, rolloutState: 'COMPLETED' as const, runningCount: 2, pendingCount: 0 },
      ],
    };
    const { ecs, calls } = fakeEcs([inProgress, later, done]);
    const log = new RecordingLog();
    const result = await waitForDeployment(ecs, {
      ...base,
      timeoutMs: 60_000,
      intervalMs: 10,
      log,
      ...clock(),
    });
    expect(result.outcome).toBe('stable');
    expect(result.stoppedTasks).toEqual([]);
    expect(log.of('info', 'warning')).toEqual([
      'info: 2026-11-24T12:00:30.000Z (service shop) has started 1 tasks: (task 9f1).',
      'info: 2026-11-24T12:01:00.000Z has reached a steady state.',
    ]);
    expect(calls).toEqual(['DescribeServicesCommand', 'DescribeServicesCommand', 'DescribeServicesCommand']);
  });

  it('times out within its bound and explains with events and stopped tasks', async () => {
    const { ecs, calls } = fakeEcs([serviceShape()]);
    const result = await waitForDeployment(ecs, {
      ...base,
      timeoutMs: 1_000,
      intervalMs: 300,
      log: new RecordingLog(),
      ...clock(),
    });
    expect(result.outcome).toBe('timed-out');
    expect(result.reason).toMatch(/^not stable after 1 s: deployment ecs-svc\/1111 IN_PROGRESS/);
    expect(calls.filter((c) => c === 'DescribeServicesCommand').length).toBe(5);
    expect(explainFailure(result)).toEqual([
      `Deployment timed-out: ${result.reason}`,
      'Recent service events:',
      '  2026-11-24T12:00:30.000Z (service shop) has started 1 tasks: (task 9f1).',
      'Stopped tasks:',
      '  abc: Essential container in task exited',
      '    web: exit 1',
    ]);
  });

  it('without a start time, prints only events since our deployment was created', async () => {
    const { since: _since, ...noSince } = base;
    const done = serviceShape();
    done.deployments = [
      { ...done.deployments![0]!, rolloutState: 'FAILED', rolloutStateReason: 'tasks failed to start' },
    ];
    const { ecs } = fakeEcs([done]);
    const log = new RecordingLog();
    const result = await waitForDeployment(ecs, {
      ...noSince,
      timeoutMs: 1_000,
      intervalMs: 300,
      log,
      ...clock(),
    });
    expect(result.outcome).toBe('failed');
    expect(log.of('info', 'warning')).toEqual([
      'info: 2026-11-24T12:00:30.000Z (service shop) has started 1 tasks: (task 9f1).',
    ]);
    expect(result.events.map((e) => e.id)).toEqual(['e3']);
    expect(result.stoppedTasks.map((t) => t.stoppedReason)).toEqual(['Essential container in task exited']);
  });

  it("shows only the stopped tasks of our deployment (startedBy), never another revision's", async () => {
    listed.length = 0;
    const { ecs } = fakeEcs([serviceShape()]);
    const result = await waitForDeployment(ecs, {
      ...base,
      timeoutMs: 1,
      intervalMs: 1,
      ...clock(),
      log: new RecordingLog(),
    });
    expect(listed).toEqual([{ cluster: 'shop-cluster', startedBy: OURS, maxResults: 100 }]);
    expect(result.stoppedTasks.map((t) => t.taskArn)).toEqual([
      'arn:aws:ecs:us-east-1:1:task/shop-cluster/abc',
    ]);
  });

  it('stops polling even when the clock does not move', async () => {
    const { ecs, calls } = fakeEcs([serviceShape()]);
    const result = await waitForDeployment(ecs, {
      ...base,
      timeoutMs: 100,
      intervalMs: 50,
      log: new RecordingLog(),
      now: () => 0,
      sleep: async () => undefined,
    });
    expect(result.outcome).toBe('timed-out');
    expect(calls.filter((c) => c === 'DescribeServicesCommand').length).toBe(3);
  });
});
