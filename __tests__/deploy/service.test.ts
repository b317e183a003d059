import {
  CreateServiceCommand,
  DescribeServicesCommand,
  UpdateServiceCommand,
  type ECSClient,
  type Service,
} from '@aws-sdk/client-ecs';
import { deployService } from '../../src/deploy/service';
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
});
