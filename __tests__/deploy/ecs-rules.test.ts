import {
  DeregisterTaskDefinitionCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { UserError } from '../../src/diagnostics';
import { registerTaskDefinition } from '../../src/deploy/register';
import { checkService, deployService } from '../../src/deploy/service';
import { ecsTags } from '../../src/deploy/tags';
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
