import { CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  DescribeTasksCommand,
  ECSClient,
  RunTaskCommand,
  StopTaskCommand,
  type ContainerDefinition,
  type Task,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { Progress } from '../../src/progress';
import { oneOffPlacement, runBeforeDeploy, type RunBeforeInput } from '../../src/stages/run-before';
import { RecordingLog } from '../support/recording-log';

const TD = 'arn:aws:ecs:us-east-1:123456789012:task-definition/app:7';
const TASK = 'arn:aws:ecs:us-east-1:123456789012:task/prod/5a4b3c2d1e';
const containers: ContainerDefinition[] = [
  {
    name: 'web',
    essential: true,
    logConfiguration: {
      logDriver: 'awslogs',
      options: { 'awslogs-group': '/ecs/app', 'awslogs-stream-prefix': 'app', 'awslogs-region': 'us-east-1' },
    },
  },
  { name: 'proxy', essential: true },
];
const logs = mockClient(CloudWatchLogsClient);

/** ECS that starts the task and describes it as `states` says, one state per DescribeTasks. */
function fakeEcs(states: Partial<Task>[]) {
  const client = new ECSClient({ region: 'us-east-1' });
  const mock = mockClient(client);
  mock.on(RunTaskCommand).resolves({ tasks: [{ taskArn: TASK, lastStatus: 'PROVISIONING' }], failures: [] });
  let call = 0;
  mock.on(DescribeTasksCommand).callsFake(() => ({
    tasks: [{ taskArn: TASK, ...states[Math.min(call++, states.length - 1)] }],
  }));
  mock.on(StopTaskCommand).resolves({ task: { taskArn: TASK, desiredStatus: 'STOPPED' } });
  return { client, mock };
}

function input(extra: Partial<RunBeforeInput> = {}) {
  const log = new RecordingLog();
  const progress = new Progress();
  let clock = 0;
  const value: RunBeforeInput = {
    cluster: 'prod',
    tasks: [{ container: 'web', command: ['bin/migrate', '--up'], line: 'web: bin/migrate --up' }],
    containers,
    placement: {
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'] } },
    },
    tags: { 'habitat-ecs-deploy:service': 'web-pr-7', 'habitat-ecs-deploy:ref': 'refs/pull/7/merge' },
    timeoutMs: 60_000,
    region: 'us-east-1',
    log,
    progress,
    poll: {
      intervalMs: 6_000,
      sleep: async (ms) => {
        clock += ms;
      },
      now: () => clock,
    },
    ...extra,
  };
  return { value, log, progress };
}

const stopped = (web: number, proxy = 0): Partial<Task> => ({
  lastStatus: 'STOPPED',
  stopCode: 'EssentialContainerExited',
  stoppedReason: 'Essential container in task exited',
  containers: [
    { name: 'web', exitCode: web },
    { name: 'proxy', exitCode: proxy },
  ],
});

beforeEach(() => logs.reset());

describe('runBeforeDeploy', () => {
  it('runs the revision with the command and placement given, waits until it stops, and passes on exit 0', async () => {
    const ecs = fakeEcs([{ lastStatus: 'RUNNING' }, stopped(0)]);
    const { value, log, progress } = input();
    const result = await runBeforeDeploy(ecs.client, TD, value);
    expect(result).toEqual({
      ran: [
        'web: bin/migrate --up: task 5a4b3c2d1e: web exited 0 (EssentialContainerExited: Essential container in task exited)',
      ],
    });
    expect(ecs.mock.commandCalls(RunTaskCommand)[0]?.args[0].input).toEqual({
      cluster: 'prod',
      taskDefinition: TD,
      count: 1,
      startedBy: 'habitat-ecs-deploy',
      // Tagged with its service, so that a policy can allow StopTask on these tasks alone.
      tags: [
        { key: 'habitat-ecs-deploy:service', value: 'web-pr-7' },
        { key: 'habitat-ecs-deploy:ref', value: 'refs/pull/7/merge' },
      ],
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'] } },
      overrides: { containerOverrides: [{ name: 'web', command: ['bin/migrate', '--up'] }] },
    });
    expect(ecs.mock.commandCalls(DescribeTasksCommand)).toHaveLength(2);
    expect(ecs.mock.commandCalls(StopTaskCommand)).toHaveLength(0);
    expect(log.lines).toContain('info: Task 5a4b3c2d1e: STOPPED (Essential container in task exited)');
    expect(progress.account()[0]).toBe('Done before that: one-off task 5a4b3c2d1e (web) started.');
  });

  it('fails on a non-zero exit with the exit codes, the stopped reason and the last log lines', async () => {
    const ecs = fakeEcs([stopped(3)]);
    logs.on(GetLogEventsCommand).resolves({
      events: [{ message: 'applying 0042_parks\n' }, { message: 'ERROR: relation "parks" already exists' }],
    });
    const { value } = input();
    const result = await runBeforeDeploy(ecs.client, TD, value);
    expect(result.failure).toEqual([
      'run-before-deploy "web: bin/migrate --up" failed: task 5a4b3c2d1e: web: exit 3 (EssentialContainerExited: Essential container in task exited)',
      'Containers:',
      '  web (essential): exit 3',
      '  proxy (essential): exit 0',
      'Last 2 log lines of web (log group /ecs/app, stream app/web/5a4b3c2d1e):',
      '  applying 0042_parks',
      '  ERROR: relation "parks" already exists',
    ]);
    expect(logs.commandCalls(GetLogEventsCommand)[0]?.args[0].input).toEqual({
      logGroupName: '/ecs/app',
      logStreamName: 'app/web/5a4b3c2d1e',
      limit: 20,
      startFromHead: false,
    });
  });

  it('says why a container has no log lines, and that a log it cannot read is no reason to stop explaining', async () => {
    const ecs = fakeEcs([stopped(0, 1)]);
    logs
      .on(GetLogEventsCommand)
      .rejects(Object.assign(new Error('no such stream'), { name: 'ResourceNotFoundException' }));
    const result = await runBeforeDeploy(ecs.client, TD, input().value);
    expect(result.failure?.slice(-2)).toEqual([
      'No log lines of web (log group /ecs/app, stream app/web/5a4b3c2d1e): could not read it (logs:GetLogEvents): ResourceNotFoundException: no such stream',
      'No log lines of proxy: it has no log configuration.',
    ]);
  });

  it('stops a task that is still running when the time is up, and says so', async () => {
    const ecs = fakeEcs([{ lastStatus: 'RUNNING' }]);
    const { value } = input({ timeoutMs: 12_000 });
    const result = await runBeforeDeploy(ecs.client, TD, value);
    expect(result.failure?.[0]).toBe(
      'run-before-deploy "web: bin/migrate --up": task 5a4b3c2d1e was still RUNNING after run-timeout-minutes (0.2 min); it was stopped (StopTask)',
    );
    expect(ecs.mock.commandCalls(StopTaskCommand)[0]?.args[0].input).toEqual({
      cluster: 'prod',
      task: TASK,
      reason: 'habitat-ecs-deploy: run-timeout-minutes (0.2 min) passed',
    });
    // Polled at 0, 6 and 12 s: bounded by the time, not by the task.
    expect(ecs.mock.commandCalls(DescribeTasksCommand)).toHaveLength(3);
  });

  it('fails when ECS starts no task, and stops at the first failure', async () => {
    const ecs = fakeEcs([stopped(0)]);
    ecs.mock
      .on(RunTaskCommand)
      .resolves({ tasks: [], failures: [{ reason: 'RESOURCE:MEMORY', arn: 'ci-1' }] });
    const { value } = input({
      tasks: [
        { container: 'web', line: 'web' },
        { container: 'proxy', line: 'proxy' },
      ],
    });
    const result = await runBeforeDeploy(ecs.client, TD, value);
    expect(result).toEqual({
      ran: [],
      failure: ['run-before-deploy "web": ECS did not start the task: RESOURCE:MEMORY'],
    });
    expect(ecs.mock.commandCalls(RunTaskCommand)).toHaveLength(1);
    // Without a command, the container's own runs: no overrides.
    expect(ecs.mock.commandCalls(RunTaskCommand)[0]?.args[0].input.overrides).toBeUndefined();
  });
});

describe('oneOffPlacement', () => {
  const settings = { loadBalancers: [], capacityProviderStrategy: [] };

  it("runs where an existing service's tasks run", () => {
    expect(
      oneOffPlacement(
        {
          launchType: 'FARGATE',
          platformVersion: '1.4.0',
          networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a'], securityGroups: ['sg-a'] } },
        },
        { launchType: 'EC2' },
        settings,
      ),
    ).toEqual({
      launchType: 'FARGATE',
      platformVersion: '1.4.0',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a'], securityGroups: ['sg-a'] } },
    });
    expect(
      oneOffPlacement(
        { capacityProviderStrategy: [{ capacityProvider: 'spot', weight: 1 }], networkConfiguration: {} },
        { launchType: 'EC2' },
        settings,
      ),
    ).toEqual({ capacityProviderStrategy: [{ capacityProvider: 'spot', weight: 1 }] });
  });

  it('runs where a service to be created will run, and where the inputs move it', () => {
    expect(
      oneOffPlacement(undefined, { launchType: 'FARGATE', network: { subnets: ['subnet-b'] } }, settings),
    ).toEqual({
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-b'], assignPublicIp: 'DISABLED' } },
    });
    expect(
      oneOffPlacement(
        { launchType: 'FARGATE' },
        { launchType: 'FARGATE' },
        {
          ...settings,
          capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0 }],
          platformVersion: 'LATEST',
        },
      ),
    ).toEqual({
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0 }],
      platformVersion: 'LATEST',
    });
  });
});
