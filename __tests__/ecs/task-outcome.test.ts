import type { ContainerDefinition, Task } from '@aws-sdk/client-ecs';
import { logStreamOf } from '../../src/ecs/task-logs';
import { judgeStoppedTask } from '../../src/ecs/task-outcome';

const ARN = 'arn:aws:ecs:us-east-1:123456789012:task/prod/0f1e2d3c4b5a';
const definitions: ContainerDefinition[] = [
  { name: 'web', essential: true },
  { name: 'proxy' },
  { name: 'log-router', essential: false },
];
const stopped = (containers: Task['containers']): Task => ({
  taskArn: ARN,
  lastStatus: 'STOPPED',
  stopCode: 'EssentialContainerExited',
  stoppedReason: 'Essential container in task exited',
  containers,
});

describe('judgeStoppedTask', () => {
  it('passes when every essential container exited 0, whatever the others did', () => {
    const verdict = judgeStoppedTask(
      stopped([
        { name: 'web', exitCode: 0 },
        { name: 'proxy', exitCode: 0 },
        { name: 'log-router', exitCode: 137 },
      ]),
      definitions,
      'web',
    );
    expect(verdict).toEqual({
      ok: true,
      containers: [
        'web (essential): exit 0',
        'proxy (essential): exit 0',
        'log-router (not essential): exit 137',
      ],
      failed: [],
      summary: 'web exited 0 (EssentialContainerExited: Essential container in task exited)',
    });
  });

  it('fails on any essential container that did not exit 0, and names whose output to show', () => {
    const verdict = judgeStoppedTask(
      stopped([
        { name: 'web', exitCode: 0 },
        { name: 'proxy', exitCode: 143 },
        { name: 'log-router', exitCode: 0 },
      ]),
      definitions,
      'web',
    );
    expect(verdict.ok).toBe(false);
    expect(verdict.summary).toBe(
      'proxy: exit 143 (EssentialContainerExited: Essential container in task exited)',
    );
    expect(verdict.failed).toEqual(['web', 'proxy']);
  });

  it('counts a container without an exit code (it never started) as failed, with ECS reason', () => {
    const verdict = judgeStoppedTask(
      {
        taskArn: ARN,
        stopCode: 'TaskFailedToStart',
        stoppedReason: 'CannotPullContainerError: pull access denied',
        containers: [{ name: 'web', reason: 'CannotPullContainerError: pull access denied' }],
      },
      definitions,
      'web',
    );
    expect(verdict.ok).toBe(false);
    expect(verdict.containers).toEqual([
      'web (essential): no exit code: CannotPullContainerError: pull access denied',
      'proxy (essential): no exit code: ECS does not list the container',
      'log-router (not essential): no exit code: ECS does not list the container',
    ]);
    expect(verdict.failed).toEqual(['web', 'proxy']);
  });
});

describe('logStreamOf', () => {
  const awslogs = (options: Record<string, string>): ContainerDefinition => ({
    name: 'web',
    logConfiguration: { logDriver: 'awslogs', options },
  });

  it('is <prefix>/<container>/<task id> with a stream prefix, in the region the options name', () => {
    expect(
      logStreamOf(
        awslogs({
          'awslogs-group': '/ecs/app',
          'awslogs-stream-prefix': 'app',
          'awslogs-region': 'eu-west-1',
        }),
        stopped([]),
        'us-east-1',
      ),
    ).toEqual({ region: 'eu-west-1', group: '/ecs/app', stream: 'app/web/0f1e2d3c4b5a' });
  });

  it('is the container id without a prefix (EC2), as the awslogs driver names it', () => {
    expect(
      logStreamOf(
        awslogs({ 'awslogs-group': '/ecs/app' }),
        stopped([{ name: 'web', runtimeId: 'abc123' }]),
        'us-east-1',
      ),
    ).toEqual({ region: 'us-east-1', group: '/ecs/app', stream: 'abc123' });
    expect(logStreamOf(awslogs({ 'awslogs-group': '/ecs/app' }), stopped([]), 'us-east-1')).toBe(
      'it has no awslogs-stream-prefix, and ECS gave no container id to find its stream by',
    );
  });

  it('says why there is no stream to read', () => {
    expect(logStreamOf({ name: 'web' }, stopped([]), 'us-east-1')).toBe('it has no log configuration');
    expect(
      logStreamOf({ name: 'web', logConfiguration: { logDriver: 'json-file' } }, stopped([]), 'us-east-1'),
    ).toBe('it logs with json-file, not awslogs');
  });
});
