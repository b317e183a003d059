import {
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListServiceDeploymentsCommand,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
  StopServiceDeploymentCommand,
  UpdateServiceCommand,
  type Service,
  type ServiceDeployment,
} from '@aws-sdk/client-ecs';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import { Progress } from '../../src/progress';
import { rollout, type RolloutInput } from '../../src/stages/rollout';
import { RecordingLog } from '../support/recording-log';

// A BLUE_GREEN deployment, played as ECS's service deployment APIs answer it
// (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceDeployment.html): the
// rollout follows its lifecycle stages, says when ECS rolled it back (a failed hook, an alarm)
// and never starts a rollback of its own then; one that runs out of time is rolled back by ECS
// at the action's request (StopServiceDeployment), not by a second UpdateService.

const ARN = (n: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/web:${n}`;
const SD = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/ours';
const OTHER = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/theirs';
const REV = (n: number) => `arn:aws:ecs:us-east-1:123456789012:service-revision/prod/web/${n}`;
const HOOK = 'arn:aws:lambda:us-east-1:123456789012:function:smoke';

function service(td: string): Service {
  return {
    serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web',
    serviceName: 'web',
    status: 'ACTIVE',
    taskDefinition: td,
    deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 2 },
    deployments: [{ id: 'ecs-svc/1', status: 'PRIMARY', taskDefinition: td, rolloutState: 'COMPLETED' }],
  };
}

function stage(
  lifecycleStage: ServiceDeployment['lifecycleStage'],
  status: ServiceDeployment['status'] = 'IN_PROGRESS',
  more: Partial<ServiceDeployment> = {},
): { serviceDeployments: ServiceDeployment[] } {
  return {
    serviceDeployments: [
      {
        serviceDeploymentArn: SD,
        status,
        lifecycleStage,
        deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 2 },
        targetServiceRevision: {
          arn: REV(2),
          requestedTaskCount: 1,
          runningTaskCount: 1,
          requestedProductionTrafficWeight:
            lifecycleStage === 'BAKE_TIME' || status === 'SUCCESSFUL' ? 100 : 0,
        },
        ...more,
      },
    ],
  };
}

function clock() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms) };
}

function ecsWith(answers: ReturnType<typeof stage>[]): { client: ECSClient; mock: AwsClientStub<ECSClient> } {
  const client = new ECSClient({ region: 'us-east-1' });
  const mock = mockClient(client);
  mock.on(ListTaskDefinitionsCommand).resolves({ taskDefinitionArns: [] });
  mock
    .on(RegisterTaskDefinitionCommand)
    .resolves({ taskDefinition: { taskDefinitionArn: ARN(2), revision: 2 } });
  mock.on(DescribeTaskDefinitionCommand).resolves({
    taskDefinition: { taskDefinitionArn: ARN(1), revision: 1, family: 'web', containerDefinitions: [] },
  });
  mock.on(DescribeServicesCommand).resolves({ services: [service(ARN(1))] });
  mock.on(UpdateServiceCommand).resolves({ service: service(ARN(2)) });
  // Another deploy's deployment, listed too: never followed.
  mock.on(ListServiceDeploymentsCommand).resolves({
    serviceDeployments: [
      { serviceDeploymentArn: OTHER, targetServiceRevisionArn: REV(9), createdAt: new Date(1000) },
      { serviceDeploymentArn: SD, targetServiceRevisionArn: REV(2), createdAt: new Date(2000) },
    ],
  });
  mock.on(DescribeServiceRevisionsCommand).resolves({
    serviceRevisions: [
      { serviceRevisionArn: REV(9), taskDefinition: ARN(9) },
      { serviceRevisionArn: REV(2), taskDefinition: ARN(2) },
    ],
  });
  let d = mock.on(DescribeServiceDeploymentsCommand);
  for (const a of answers) d = d.resolvesOnce(a);
  return { client, mock };
}

function input(c: ReturnType<typeof clock>, log: RecordingLog, timeoutMs = 30 * 60_000): RolloutInput {
  const progress = new Progress();
  return {
    cluster: 'prod',
    service: 'web',
    taskDefinition: {
      family: 'web',
      containerDefinitions: [{ name: 'web', image: 'web@sha256:new', memory: 256 }],
    },
    checked: service(ARN(1)),
    pushed: true,
    tags: {},
    forceNewDeployment: false,
    waitTimeoutMs: timeoutMs,
    rollbackOnFailure: true,
    keepRevisions: 0,
    log,
    progress,
    poll: { intervalMs: 15_000, sleep: c.sleep, now: c.now },
  };
}

test('follows the stages to SUCCESSFUL, saying the traffic and the bake time left', async () => {
  const log = new RecordingLog();
  const { client, mock } = ecsWith([
    stage('PRE_SCALE_UP'),
    stage('SCALE_UP'),
    stage('TEST_TRAFFIC_SHIFT'),
    stage('PRODUCTION_TRAFFIC_SHIFT'),
    stage('BAKE_TIME'),
    stage('BAKE_TIME'),
    stage('CLEAN_UP'),
    stage('CLEAN_UP', 'SUCCESSFUL'),
  ]);
  const outcome = await rollout(client, input(clock(), log));
  expect(outcome.end).toEqual({ kind: 'stable' });
  expect(outcome.deployment && outcome.stages).toEqual([
    'PRE_SCALE_UP',
    'SCALE_UP',
    'TEST_TRAFFIC_SHIFT',
    'PRODUCTION_TRAFFIC_SHIFT',
    'BAKE_TIME',
    'CLEAN_UP',
  ]);
  expect(log.lines).toContain(
    'info: web: IN_PROGRESS, stage BAKE_TIME, production traffic 100% on the new revision, 1/1 new tasks running, 2 min 0 s of bake time left',
  );
  expect(mock.commandCalls(DescribeServiceDeploymentsCommand)[0]?.args[0].input).toEqual({
    serviceDeploymentArns: [SD],
  });
});

test.each([
  [
    'a failed lifecycle hook',
    {
      lifecycleHookDetails: [
        { hookId: 'h1', targetType: 'AWS_LAMBDA' as const, targetArn: HOOK, status: 'FAILED' as const },
      ],
    },
    `lifecycle hook ${HOOK} FAILED`,
  ],
  [
    'an alarm in ALARM',
    { alarms: { status: 'TRIGGERED' as const, alarmNames: ['web-5xx'], triggeredAlarmNames: ['web-5xx'] } },
    'alarm web-5xx in ALARM',
  ],
])(
  '%s: ECS rolls back, the step says so, and the action starts no rollback of its own',
  async (_, more, said) => {
    const log = new RecordingLog();
    const { client, mock } = ecsWith([
      stage('POST_TEST_TRAFFIC_SHIFT'),
      stage('POST_TEST_TRAFFIC_SHIFT', 'ROLLBACK_IN_PROGRESS', more),
      stage('POST_TEST_TRAFFIC_SHIFT', 'ROLLBACK_SUCCESSFUL', more),
    ]);
    const outcome = await rollout(client, input(clock(), log));
    expect(outcome.end.kind).toBe('failed');
    if (outcome.end.kind !== 'failed') return;
    expect(outcome.end.wait.reason).toContain('ECS rolled the deployment back');
    expect(outcome.end.wait.reason).toContain(said);
    expect(outcome.end.rollback?.detail).toMatch(/^ECS rolled web back to the previous revision/);
    expect(mock.commandCalls(UpdateServiceCommand)).toHaveLength(1); // ours, not a second one
    expect(mock.commandCalls(StopServiceDeploymentCommand)).toHaveLength(0);
  },
);

test('out of time: ECS is asked to roll back (StopServiceDeployment ROLLBACK), and that is followed', async () => {
  const log = new RecordingLog();
  const { client, mock } = ecsWith([
    ...Array.from({ length: 5 }, () => stage('BAKE_TIME')),
    stage('BAKE_TIME', 'ROLLBACK_IN_PROGRESS'),
    stage('BAKE_TIME', 'ROLLBACK_SUCCESSFUL'),
  ]);
  mock.on(StopServiceDeploymentCommand).resolves({ serviceDeploymentArn: SD });
  const outcome = await rollout(client, input(clock(), log, 60_000));
  expect(outcome.end.kind).toBe('failed');
  if (outcome.end.kind !== 'failed') return;
  expect(outcome.end.wait.outcome).toBe('timed-out');
  expect(mock.commandCalls(StopServiceDeploymentCommand).map((c) => c.args[0].input)).toEqual([
    { serviceDeploymentArn: SD, stopType: 'ROLLBACK' },
  ]);
  expect(outcome.end.rollback).toEqual({
    action: 'restored',
    detail: 'ECS rolled ours back to the previous revision',
  });
  expect(mock.commandCalls(UpdateServiceCommand)).toHaveLength(1);
});
