import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  UpdateServiceCommand,
  type Service,
} from '@aws-sdk/client-ecs';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import { runOneOff } from '../../src/ecs/run-task';
import { SETTLE_MS } from '../../src/ecs/settle';
import { Progress } from '../../src/progress';
import { rollout, type RolloutInput } from '../../src/stages/rollout';
import { RecordingLog } from '../support/recording-log';

// ECS is eventually consistent (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html):
// right after a write, a read may not see it. These play the exact answers ECS gives then, and
// hold the action to believing them only after the settle window, never on one read.

const ARN = (n: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/web:${n}`;
const MISSING = {
  services: [],
  failures: [{ arn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web', reason: 'MISSING' }],
};

function service(td: string, id: string, rolloutState: 'IN_PROGRESS' | 'COMPLETED' = 'COMPLETED'): Service {
  return {
    serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web',
    serviceName: 'web',
    status: 'ACTIVE',
    desiredCount: 1,
    taskDefinition: td,
    deployments: [
      { id, status: 'PRIMARY', taskDefinition: td, rolloutState, desiredCount: 1, runningCount: 1 },
    ],
    events: [],
  };
}

/** A clock the sleeps move: reads can be counted against the settle window. */
function clock() {
  let t = 0;
  const times: number[] = [];
  return { now: () => t, sleep: async (ms: number) => void (t += ms), times, at: () => t };
}

function ecsWith(setup: (mock: AwsClientStub<ECSClient>) => void) {
  const client = new ECSClient({ region: 'us-east-1' });
  const mock = mockClient(client);
  mock.on(ListTaskDefinitionsCommand).resolves({ taskDefinitionArns: [] });
  mock
    .on(RegisterTaskDefinitionCommand)
    .resolves({ taskDefinition: { taskDefinitionArn: ARN(2), revision: 2 } });
  mock.on(ListTasksCommand).resolves({ taskArns: [] });
  mock.on(DescribeTasksCommand).resolves({ tasks: [] });
  setup(mock);
  return { client, mock };
}

function input(
  checked: Service | undefined,
  c: ReturnType<typeof clock>,
  extra: Partial<RolloutInput> = {},
): RolloutInput {
  const progress = new Progress();
  return {
    cluster: 'prod',
    service: 'web',
    taskDefinition: {
      family: 'web',
      containerDefinitions: [{ name: 'web', image: 'web@sha256:new', memory: 256 }],
    },
    checked,
    pushed: false,
    tags: {},
    forceNewDeployment: false,
    waitTimeoutMs: 10 * 60_000,
    rollbackOnFailure: true,
    keepRevisions: 0,
    log: progress.tracking(new RecordingLog()),
    progress,
    poll: { intervalMs: 15_000, sleep: c.sleep, now: c.now },
    ...extra,
  };
}

describe('reads right after a write', () => {
  it('MISSING after CreateService: the service is waited for, not deleted', async () => {
    const c = clock();
    const { client, mock } = ecsWith((m) => {
      m.on(CreateServiceCommand).resolves({ service: service(ARN(2), 'ecs-svc/1', 'IN_PROGRESS') });
      m.on(DescribeServicesCommand)
        .resolvesOnce(MISSING) // checkService: it does not exist
        .resolvesOnce(MISSING) // the wait's first reads: not visible yet
        .resolvesOnce(MISSING)
        .resolves({ services: [service(ARN(2), 'ecs-svc/1')] });
      m.on(DeleteServiceCommand).resolves({});
    });
    const outcome = await rollout(
      client,
      input(undefined, c, { pushed: true, create: { launchType: 'EC2', desiredCount: 1 } }),
    );
    expect(outcome.end).toEqual({ kind: 'stable' });
    expect(mock.commandCalls(DeleteServiceCommand)).toHaveLength(0);
  });

  it('the service as it was after UpdateService: no rollback while the snapshot is stale', async () => {
    const c = clock();
    const before = service(ARN(1), 'ecs-svc/old');
    const { client, mock } = ecsWith((m) => {
      m.on(DescribeTaskDefinitionCommand).resolves({
        taskDefinition: { taskDefinitionArn: ARN(1), revision: 1, family: 'web', containerDefinitions: [] },
      });
      m.on(UpdateServiceCommand).resolves({
        service: {
          ...service(ARN(2), 'ecs-svc/new', 'IN_PROGRESS'),
          deployments: [
            { id: 'ecs-svc/new', status: 'PRIMARY', taskDefinition: ARN(2), rolloutState: 'IN_PROGRESS' },
            { id: 'ecs-svc/old', status: 'ACTIVE', taskDefinition: ARN(1), rolloutState: 'COMPLETED' },
          ],
        },
      });
      m.on(DescribeServicesCommand)
        .resolvesOnce({ services: [before] }) // deployService's own check
        .resolvesOnce({ services: [before] }) // the wait: the old snapshot, twice
        .resolvesOnce({ services: [before] })
        .resolves({ services: [service(ARN(2), 'ecs-svc/new')] });
    });
    const outcome = await rollout(client, input(before, c, { pushed: true }));
    expect(outcome.end).toEqual({ kind: 'stable' });
    expect(mock.commandCalls(UpdateServiceCommand).map((u) => u.args[0].input.taskDefinition)).toEqual([
      ARN(2),
    ]);
  });

  it('a service really gone is believed only after the settle window and two reads', async () => {
    const c = clock();
    const reads: number[] = [];
    const { client } = ecsWith((m) => {
      m.on(CreateServiceCommand).resolves({ service: service(ARN(2), 'ecs-svc/1', 'IN_PROGRESS') });
      m.on(DescribeServicesCommand).callsFake(() => {
        reads.push(c.at());
        return MISSING;
      });
    });
    const outcome = await rollout(
      client,
      input(undefined, c, { pushed: true, create: { launchType: 'EC2', desiredCount: 1 } }),
    );
    expect(outcome.end).toMatchObject({ kind: 'failed', wait: { reason: 'service web no longer exists' } });
    // checkService, then the wait's reads: the ones that decided came after the window.
    const waitReads = reads.slice(1, -1);
    expect(waitReads.length).toBeGreaterThanOrEqual(2);
    expect(waitReads.at(-1)).toBeGreaterThanOrEqual(SETTLE_MS);
  });
});

describe('a one-off task right after RunTask', () => {
  const TASK = 'arn:aws:ecs:us-east-1:123456789012:task/prod/abc';
  it('MISSING is not "lost": the task is read again until it stops', async () => {
    const c = clock();
    const { client, mock } = ecsWith((m) => {
      m.on(RunTaskCommand).resolves({ tasks: [{ taskArn: TASK, lastStatus: 'PROVISIONING' }] });
      m.on(DescribeTasksCommand)
        .resolvesOnce({ tasks: [], failures: [{ arn: TASK, reason: 'MISSING' }] })
        .resolvesOnce({ tasks: [], failures: [{ arn: TASK, reason: 'MISSING' }] })
        .resolves({
          tasks: [{ taskArn: TASK, lastStatus: 'STOPPED', containers: [{ name: 'web', exitCode: 0 }] }],
        });
      m.on(StopTaskCommand).resolves({});
    });
    const run = await runOneOff(client, {
      cluster: 'prod',
      taskDefinitionArn: ARN(2),
      container: 'web',
      placement: {},
      startedBy: 'habitat-ecs-deploy',
      tags: {},
      stopReason: 'too long',
      timeoutMs: 10 * 60_000,
      log: new RecordingLog(),
      sleep: c.sleep,
      now: c.now,
    });
    expect(run.kind).toBe('stopped');
    expect(mock.commandCalls(StopTaskCommand)).toHaveLength(0);
  });
});
