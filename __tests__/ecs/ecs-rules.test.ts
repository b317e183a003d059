import {
  DeregisterTaskDefinitionCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListServicesCommand,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { UserError } from '../../src/diagnostics';
import { pruneRevisions, registerTaskDefinition } from '../../src/ecs/register';
import { checkService, deployService } from '../../src/ecs/service';
import { ecsTags } from '../../src/ecs/tags';
import { RecordingLog } from '../support/recording-log';
import { TASK_DEFINITIONS, serviceShape } from './fixtures';

// ECS's own rules on the calls a deploy makes, played with aws-sdk-client-mock.

function ecs() {
  const client = new ECSClient({ region: 'us-east-1' });
  return { client, mock: mockClient(client) };
}

describe('tags ECS takes (API_Tag: letters, digits, spaces and _ . : / = + - @)', () => {
  it('replaces what a branch name may hold and ECS refuses, keeping the length; cuts at 128/256', () => {
    expect(
      ecsTags({ 'habitat-ecs-deploy:ref': 'refs/heads/fix#12', b: 'feat(x)', c: 'é ok', d: '' }),
    ).toEqual({
      'habitat-ecs-deploy:ref': 'refs/heads/fix_12',
      b: 'feat_x_',
      c: 'é ok',
    });
    expect(ecsTags({ k: 'v'.repeat(300) }).k).toHaveLength(256);
    expect(Object.keys(ecsTags({ ['k'.repeat(200)]: 'v' }))[0]).toHaveLength(128);
  });
});

describe('a service another deployment controller runs', () => {
  it.each([
    ['CODE_DEPLOY', /CODE_DEPLOY deployment controller.*AWS CodeDeploy/],
    ['EXTERNAL', /EXTERNAL deployment controller.*CreateTaskSet/],
  ] as const)('%s is refused when checked, before any change', async (type, message) => {
    const { client, mock } = ecs();
    mock
      .on(DescribeServicesCommand)
      .resolves({ services: [serviceShape({ deploymentController: { type } })] });
    const check = checkService(client, { cluster: 'c', service: 'shop', canCreate: true });
    await expect(check).rejects.toThrow(UserError);
    await expect(check).rejects.toThrow(message);
  });
});

describe('the network on update', () => {
  const network = { subnets: ['subnet-2'], securityGroups: ['sg-1'], assignPublicIp: 'DISABLED' as const };

  it('is sent when it differs from the service, and the service moves even on the same revision', async () => {
    const { client, mock } = ecs();
    const existing = serviceShape({
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'] } },
    });
    mock.on(UpdateServiceCommand).resolves({ service: existing });
    const out = await deployService(client, {
      cluster: 'c',
      service: 'shop',
      taskDefinitionArn: existing.taskDefinition ?? '',
      checked: { service: existing },
      network,
      log: new RecordingLog(),
    });
    expect(mock.commandCalls(UpdateServiceCommand)[0]?.args[0].input.networkConfiguration).toEqual({
      awsvpcConfiguration: network,
    });
    expect(out.settingsChanged).toEqual([
      'network: subnets subnet-1; security groups sg-1; public IP DISABLED -> subnets subnet-2; security groups sg-1; public IP DISABLED',
    ]);
  });

  it('is sent when a bridge service moves to awsvpc (ECS refuses that without one)', async () => {
    const { client, mock } = ecs();
    const existing = serviceShape({
      networkConfiguration: undefined,
      taskDefinition: TASK_DEFINITIONS.previous,
    });
    mock.on(UpdateServiceCommand).resolves({ service: existing });
    await deployService(client, {
      cluster: 'c',
      service: 'shop',
      taskDefinitionArn: TASK_DEFINITIONS.ours,
      checked: { service: existing },
      network,
      log: new RecordingLog(),
    });
    expect(mock.commandCalls(UpdateServiceCommand)[0]?.args[0].input).toMatchObject({
      taskDefinition: TASK_DEFINITIONS.ours,
      networkConfiguration: { awsvpcConfiguration: network },
    });
  });

  it('is not sent when it is the same', async () => {
    const { client, mock } = ecs();
    const existing = serviceShape({ networkConfiguration: { awsvpcConfiguration: network } });
    const out = await deployService(client, {
      cluster: 'c',
      service: 'shop',
      taskDefinitionArn: existing.taskDefinition ?? '',
      checked: { service: existing },
      network,
      log: new RecordingLog(),
    });
    expect(out.updated).toBe(false);
    expect(mock.commandCalls(UpdateServiceCommand)).toHaveLength(0);
  });
});

describe('RegisterTaskDefinition whose answer was lost (the SDK sent it again)', () => {
  const input = {
    family: 'web',
    containerDefinitions: [{ name: 'web', image: 'web@sha256:1', memory: 256 }],
  };
  const arn = (n: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/web:${n}`;
  const RUN = 'https://github.com/o/r/actions/runs/1';

  it('deregisters the copy the lost attempt registered, so one run leaves one ACTIVE revision', async () => {
    const { client, mock } = ecs();
    mock.on(ListTaskDefinitionsCommand).resolves({ taskDefinitionArns: [arn(1)] });
    mock.on(DescribeTaskDefinitionCommand, { taskDefinition: arn(1) }).resolves({
      taskDefinition: {
        ...input,
        containerDefinitions: [{ name: 'web', image: 'web@sha256:0', memory: 256 }],
        taskDefinitionArn: arn(1),
        revision: 1,
        status: 'ACTIVE',
      },
    });
    mock.on(DescribeTaskDefinitionCommand, { taskDefinition: 'web:2', include: ['TAGS'] }).resolves({
      taskDefinition: { ...input, taskDefinitionArn: arn(2), revision: 2, status: 'ACTIVE' },
      tags: [{ key: 'habitat-ecs-deploy:run', value: RUN }],
    });
    mock
      .on(RegisterTaskDefinitionCommand)
      .resolves({ taskDefinition: { ...input, taskDefinitionArn: arn(3), revision: 3 } });
    mock.on(DeregisterTaskDefinitionCommand).resolves({});
    const out = await registerTaskDefinition(client, input, {
      tags: { 'habitat-ecs-deploy:run': RUN },
      log: new RecordingLog(),
    });
    expect(out.arn).toBe(arn(3));
    expect(
      mock.commandCalls(DeregisterTaskDefinitionCommand).map((c) => c.args[0].input.taskDefinition),
    ).toEqual([arn(2)]);
  });

  it('leaves a revision between alone that another run registered', async () => {
    const { client, mock } = ecs();
    mock.on(ListTaskDefinitionsCommand).resolves({ taskDefinitionArns: [] });
    mock.on(DescribeTaskDefinitionCommand).resolves({
      taskDefinition: { ...input, taskDefinitionArn: arn(1), revision: 1, status: 'ACTIVE' },
      tags: [{ key: 'habitat-ecs-deploy:run', value: 'https://github.com/o/r/actions/runs/2' }],
    });
    mock
      .on(RegisterTaskDefinitionCommand)
      .resolves({ taskDefinition: { ...input, taskDefinitionArn: arn(2), revision: 2 } });
    await registerTaskDefinition(client, input, {
      tags: { 'habitat-ecs-deploy:run': RUN },
      log: new RecordingLog(),
    });
    expect(mock.commandCalls(DeregisterTaskDefinitionCommand)).toHaveLength(0);
  });
});

describe("the circuit breaker's own rollback (rollback: true)", () => {
  it('read FAILED before ECS switched back: recognised, reported, and no second rollback deployment', async () => {
    const { client, mock } = ecs();
    const breaker = { deploymentCircuitBreaker: { enable: true, rollback: true } };
    const base = serviceShape({
      deploymentConfiguration: breaker,
      taskDefinition: TASK_DEFINITIONS.ours,
      events: [],
    });
    const deployment = (
      id: string,
      td: string,
      state: 'IN_PROGRESS' | 'FAILED' | 'COMPLETED',
      status = 'PRIMARY',
    ) => ({
      id,
      status,
      taskDefinition: td,
      rolloutState: state,
      desiredCount: 1,
      runningCount: state === 'COMPLETED' ? 1 : 0,
    });
    const before = {
      ...base,
      taskDefinition: TASK_DEFINITIONS.previous,
      deployments: [deployment('ecs-svc/0', TASK_DEFINITIONS.previous, 'COMPLETED')],
    };
    const failed = {
      ...base,
      deployments: [
        deployment('ecs-svc/1', TASK_DEFINITIONS.ours, 'FAILED'),
        deployment('ecs-svc/0', TASK_DEFINITIONS.previous, 'COMPLETED', 'ACTIVE'),
      ],
    };
    const rolledBack = {
      ...base,
      taskDefinition: TASK_DEFINITIONS.previous,
      deployments: [
        deployment('ecs-svc/2', TASK_DEFINITIONS.previous, 'COMPLETED'),
        deployment('ecs-svc/1', TASK_DEFINITIONS.ours, 'FAILED', 'ACTIVE'),
      ],
    };
    mock.on(UpdateServiceCommand).resolves({
      service: {
        ...failed,
        deployments: [deployment('ecs-svc/1', TASK_DEFINITIONS.ours, 'IN_PROGRESS'), failed.deployments[1]!],
      },
    });
    mock
      .on(DescribeServicesCommand)
      .resolvesOnce({ services: [before] }) // deployService's own look
      .resolvesOnce({ services: [failed] }) // the wait: FAILED
      .resolvesOnce({ services: [failed] }) // the rollback's first look: ECS has not switched yet
      .resolvesOnce({ services: [failed] })
      .resolves({ services: [rolledBack] });
    mock.on(DescribeTaskDefinitionCommand).resolves({
      taskDefinition: {
        taskDefinitionArn: TASK_DEFINITIONS.previous,
        family: 'shop',
        containerDefinitions: [],
      },
    });
    mock.on(ListTaskDefinitionsCommand).resolves({ taskDefinitionArns: [] });
    mock
      .on(RegisterTaskDefinitionCommand)
      .resolves({ taskDefinition: { taskDefinitionArn: TASK_DEFINITIONS.ours, revision: 7 } });
    const { Progress } = await import('../../src/progress');
    const { rollout } = await import('../../src/stages/rollout');
    const progress = new Progress();
    const outcome = await rollout(client, {
      cluster: 'shop-cluster',
      service: 'shop',
      taskDefinition: {
        family: 'shop',
        containerDefinitions: [{ name: 'web', image: 'web@sha256:new', memory: 256 }],
      },
      checked: before,
      pushed: true,
      tags: {},
      forceNewDeployment: false,
      waitTimeoutMs: 600_000,
      rollbackOnFailure: true,
      keepRevisions: 0,
      log: progress.tracking(new RecordingLog()),
      progress,
      poll: { intervalMs: 1, sleep: async () => undefined },
    });
    expect(outcome.end).toMatchObject({
      kind: 'failed',
      rollback: {
        action: 'restored',
        detail: expect.stringMatching(
          /^ECS rolled shop back to .*shop:6 \(its circuit breaker\), and it is stable$/,
        ),
      },
    });
    expect(mock.commandCalls(UpdateServiceCommand)).toHaveLength(1);
  });
});

describe('pruning old revisions', () => {
  const arn = (n: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/web:${n}`;
  const MANAGED = [{ key: 'habitat-ecs-deploy:managed', value: 'true' }];

  function family(revisions: number, perPage: number, runs: Record<string, string>) {
    const { client, mock } = ecs();
    const all = Array.from({ length: revisions }, (_, i) => arn(revisions - i)); // newest first
    mock.on(ListTaskDefinitionsCommand).callsFake(({ nextToken }) => {
      const start = Number(nextToken ?? 0);
      const page = all.slice(start, start + perPage);
      return {
        taskDefinitionArns: page,
        ...(start + perPage < all.length && { nextToken: String(start + perPage) }),
      };
    });
    let inFlight = 0;
    let most = 0;
    mock.on(DescribeTaskDefinitionCommand).callsFake(async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setImmediate(r));
      inFlight--;
      return { taskDefinition: {}, tags: MANAGED };
    });
    mock.on(ListServicesCommand).resolves({ serviceArns: Object.keys(runs) });
    mock.on(DescribeServicesCommand).callsFake(({ services }: { services: string[] }) => ({
      services: services.map((s) => ({ serviceArn: s, taskDefinition: runs[s] })),
    }));
    mock.on(DeregisterTaskDefinitionCommand).resolves({});
    const deregistered = () =>
      mock.commandCalls(DeregisterTaskDefinitionCommand).map((c) => c.args[0].input.taskDefinition);
    return { client, deregistered, most: () => most };
  }

  it('pages through every revision (past the 2,000 read before), reading them in parallel within a bound', async () => {
    const f = family(2_100, 100, { 'svc/web': arn(2_100) });
    const done = await pruneRevisions(f.client, {
      family: 'web',
      cluster: 'c',
      keep: 2_099,
      log: new RecordingLog(),
    });
    expect(done).toEqual([arn(1)]);
    expect(f.most()).toBeGreaterThan(1);
    expect(f.most()).toBeLessThanOrEqual(10);
  });

  it('never deregisters a revision another service of the cluster runs', async () => {
    const f = family(5, 100, { 'svc/web': arn(5), 'svc/worker': arn(2) });
    await pruneRevisions(f.client, { family: 'web', cluster: 'c', keep: 1, log: new RecordingLog() });
    expect(f.deregistered()).toEqual([arn(4), arn(3), arn(1)]);
  });

  it('prunes nothing, with a warning naming the permissions, when it cannot read what the services run', async () => {
    const { client, mock } = ecs();
    mock.on(ListServicesCommand).rejects(
      Object.assign(new Error('not authorized to perform: ecs:ListServices'), {
        name: 'AccessDeniedException',
      }),
    );
    const log = new RecordingLog();
    expect(await pruneRevisions(client, { family: 'web', cluster: 'c', keep: 1, log })).toEqual([]);
    expect(log.of('warning').join('\n')).toMatch(/allow ecs:ListServices and ecs:DescribeServices/);
    expect(mock.commandCalls(DeregisterTaskDefinitionCommand)).toHaveLength(0);
  });
});
