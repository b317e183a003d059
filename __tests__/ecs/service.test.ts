import {
  CreateServiceCommand,
  DescribeServicesCommand,
  UpdateServiceCommand,
  type ECSClient,
  type Service,
} from '@aws-sdk/client-ecs';
import { deployService } from '../../src/ecs/service';
import { RecordingLog } from '../support/recording-log';
import { TASK_DEFINITIONS, serviceShape } from './fixtures';

const log = new RecordingLog();

/** Records the commands; DescribeServices answers with `existing`. */
function fakeEcs(existing: Service | undefined): { ecs: ECSClient; sent: object[] } {
  const sent: object[] = [];
  const send = async (command: { input: object }): Promise<unknown> => {
    sent.push(command);
    if (command instanceof DescribeServicesCommand) {
      return existing
        ? { services: [existing], failures: [] }
        : { services: [], failures: [{ reason: 'MISSING' }] };
    }
    if (command instanceof CreateServiceCommand || command instanceof UpdateServiceCommand) {
      return { service: serviceShape({ taskDefinition: TASK_DEFINITIONS.ours }) };
    }
    throw new Error(`unexpected ${command.constructor.name}`);
  };
  return { ecs: { send, config: { region: async () => 'eu-west-1' } } as unknown as ECSClient, sent };
}

describe('deployService', () => {
  it('creates a missing service with the circuit breaker, tag propagation and the awsvpc network', async () => {
    const { ecs, sent } = fakeEcs(undefined);
    const result = await deployService(ecs, {
      cluster: 'c',
      service: 'shop',
      taskDefinitionArn: TASK_DEFINITIONS.ours,
      create: {
        launchType: 'FARGATE',
        desiredCount: 2,
        network: { subnets: ['subnet-1'], securityGroups: ['sg-1'], assignPublicIp: 'ENABLED' },
        tags: { env: 'pr-7' },
      },
      log,
    });
    expect(result).toMatchObject({ created: true, updated: false, deploymentId: 'ecs-svc/1111' });
    expect(result.previousTaskDefinition).toBeUndefined();
    const create = sent.find((c) => c instanceof CreateServiceCommand) as CreateServiceCommand;
    expect(create.input).toEqual({
      cluster: 'c',
      serviceName: 'shop',
      taskDefinition: TASK_DEFINITIONS.ours,
      desiredCount: 2,
      launchType: 'FARGATE',
      networkConfiguration: {
        awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'], assignPublicIp: 'ENABLED' },
      },
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
      propagateTags: 'TASK_DEFINITION',
      enableECSManagedTags: true,
      tags: [{ key: 'env', value: 'pr-7' }],
    });
  });

  it('creates again when the service is INACTIVE', async () => {
    const { ecs, sent } = fakeEcs(serviceShape({ status: 'INACTIVE' }));
    const create = { desiredCount: 1 };
    await deployService(ecs, {
      cluster: 'c',
      service: 'shop',
      taskDefinitionArn: TASK_DEFINITIONS.ours,
      create,
      log,
    });
    expect(sent.some((c) => c instanceof CreateServiceCommand)).toBe(true);
  });

  it('says what to do when the service is missing and may not be created', async () => {
    const { ecs } = fakeEcs(undefined);
    await expect(
      deployService(ecs, { cluster: 'c', service: 'shop', taskDefinitionArn: TASK_DEFINITIONS.ours, log }),
    ).rejects.toThrow(
      'input "service": service "shop" does not exist in cluster "c" (region eu-west-1); create it first, or set create-service: true',
    );
  });

  it('updates onto the new revision and remembers the previous one', async () => {
    const { ecs, sent } = fakeEcs(serviceShape({ taskDefinition: TASK_DEFINITIONS.previous }));
    const result = await deployService(ecs, {
      cluster: 'c',
      service: 'shop',
      taskDefinitionArn: TASK_DEFINITIONS.ours,
      log,
    });
    expect(result).toMatchObject({ updated: true, previousTaskDefinition: TASK_DEFINITIONS.previous });
    const update = sent.find((c) => c instanceof UpdateServiceCommand) as UpdateServiceCommand;
    expect(update.input).toEqual({
      cluster: 'c',
      service: 'shop',
      taskDefinition: TASK_DEFINITIONS.ours,
      forceNewDeployment: false,
    });
  });

  it('leaves a service that already runs the revision alone, unless forced', async () => {
    const same = fakeEcs(serviceShape({ taskDefinition: TASK_DEFINITIONS.ours }));
    const args = { cluster: 'c', service: 'shop', taskDefinitionArn: TASK_DEFINITIONS.ours, log };
    expect(await deployService(same.ecs, args)).toMatchObject({ updated: false, created: false });
    expect(same.sent.some((c) => c instanceof UpdateServiceCommand)).toBe(false);

    const forced = fakeEcs(serviceShape({ taskDefinition: TASK_DEFINITIONS.ours }));
    expect(await deployService(forced.ecs, { ...args, forceNewDeployment: true })).toMatchObject({
      updated: true,
    });
  });

  // Issue 25, finding 7: a teardown interrupted after scaling to 0 left the service ACTIVE with no
  // task; a deploy that kept its desired count would wait for 0 of 0 tasks and call that stable.
  it('gives a service found at a desired count of 0 the desired count again, even on the same revision', async () => {
    const { ecs, sent } = fakeEcs(serviceShape({ taskDefinition: TASK_DEFINITIONS.ours, desiredCount: 0 }));
    const args = { cluster: 'c', service: 'shop', taskDefinitionArn: TASK_DEFINITIONS.ours, log };
    const result = await deployService(ecs, { ...args, reviveCount: 2 });
    expect(result).toMatchObject({ updated: true, settingsChanged: ['desired count: 0 -> 2'] });
    const update = sent.find((c) => c instanceof UpdateServiceCommand) as UpdateServiceCommand;
    expect(update.input).toEqual({
      cluster: 'c',
      service: 'shop',
      forceNewDeployment: false,
      desiredCount: 2,
    });
  });

  it('creates with the settings given, capacity providers instead of the launch type, and says what it set', async () => {
    const { ecs, sent } = fakeEcs(undefined);
    const tg = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/shop/0123456789abcdef';
    const result = await deployService(ecs, {
      cluster: 'c',
      service: 'shop',
      taskDefinitionArn: TASK_DEFINITIONS.ours,
      create: { launchType: 'FARGATE', desiredCount: 1 },
      settings: {
        loadBalancers: [{ targetGroupArn: tg, containerName: 'web', containerPort: 8080 }],
        healthCheckGracePeriodSeconds: 60,
        enableExecuteCommand: true,
        capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0 }],
      },
      log,
    });
    const create = sent.find((c) => c instanceof CreateServiceCommand) as CreateServiceCommand;
    expect(create.input).toMatchObject({
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0 }],
      loadBalancers: [{ targetGroupArn: tg, containerName: 'web', containerPort: 8080 }],
      healthCheckGracePeriodSeconds: 60,
      enableExecuteCommand: true,
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
      propagateTags: 'TASK_DEFINITION',
    });
    expect(create.input.launchType).toBeUndefined();
    expect(result.settingsChanged).toEqual([
      'load balancers: web:8080 in target group shop',
      'health check grace period: 60 s',
      'ECS Exec: on',
      'capacity providers: FARGATE_SPOT (weight 1, base 0)',
    ]);
  });

  it('updates the revision and the settings that differ in one call', async () => {
    const { ecs, sent } = fakeEcs(
      serviceShape({ taskDefinition: TASK_DEFINITIONS.previous, healthCheckGracePeriodSeconds: 30 }),
    );
    const result = await deployService(ecs, {
      cluster: 'c',
      service: 'shop',
      taskDefinitionArn: TASK_DEFINITIONS.ours,
      settings: {
        loadBalancers: [],
        capacityProviderStrategy: [],
        healthCheckGracePeriodSeconds: 30,
        enableExecuteCommand: true,
      },
      log,
    });
    const update = sent.find((c) => c instanceof UpdateServiceCommand) as UpdateServiceCommand;
    expect(update.input).toEqual({
      cluster: 'c',
      service: 'shop',
      taskDefinition: TASK_DEFINITIONS.ours,
      forceNewDeployment: false,
      enableExecuteCommand: true,
    });
    expect(result).toMatchObject({ updated: true, settingsChanged: ['ECS Exec: off -> on'] });
  });
});
