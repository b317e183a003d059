import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DeregisterTaskDefinitionCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListServicesCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type RegisterTaskDefinitionCommandInput,
  type Service,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { Progress } from '../../src/progress';
import {
  rolloutServices,
  type RolloutUnit,
  type ServicesRolloutInput,
} from '../../src/stages/rollout-services';
import type { ServiceUnit } from '../../src/translate/services';
import { RecordingLog } from '../support/recording-log';

const arn = (family: string, n: number) =>
  `arn:aws:ecs:us-east-1:123456789012:task-definition/${family}:${n}`;

function unit(name: string, image: string, replicas?: number): ServiceUnit {
  return {
    name,
    ...(replicas !== undefined && { replicas }),
    after: [],
    discovery: name,
    taskDefinition: {
      family: `app-${name}`,
      networkMode: 'awsvpc',
      containerDefinitions: [{ name, image, memory: 64 }],
    },
  };
}

/**
 * ECS behind aws-sdk-client-mock with several services: revisions per family, and deployments
 * that end as `fails` says (an image listed there fails, as the circuit breaker fails it).
 */
function fakeEcs(fails: readonly string[] = []) {
  const client = new ECSClient({ region: 'us-east-1' });
  const mock = mockClient(client);
  const revisions = new Map<string, TaskDefinition>();
  const services = new Map<string, Service>();
  let deployments = 0;
  const register = (input: RegisterTaskDefinitionCommandInput): TaskDefinition => {
    const n = [...revisions.values()].filter((t) => t.family === input.family).length + 1;
    const td = { ...input, taskDefinitionArn: arn(input.family ?? '', n), revision: n } as TaskDefinition;
    revisions.set(td.taskDefinitionArn ?? '', td);
    return td;
  };
  const deploy = (name: string, td: string): Service => {
    const image = revisions.get(td)?.containerDefinitions?.[0]?.image ?? '';
    const service: Service = {
      ...services.get(name),
      serviceArn: `arn:aws:ecs:us-east-1:123456789012:service/prod/${name}`,
      serviceName: name,
      status: 'ACTIVE',
      desiredCount: 1,
      taskDefinition: td,
      deployments: [
        {
          id: `ecs-svc/${++deployments}`,
          status: 'PRIMARY',
          taskDefinition: td,
          rolloutState: fails.includes(image) ? 'FAILED' : 'COMPLETED',
          desiredCount: 1,
          runningCount: 1,
        },
      ],
      events: [],
    };
    services.set(name, service);
    return service;
  };
  mock.on(DescribeTaskDefinitionCommand).callsFake(({ taskDefinition }) => ({
    taskDefinition: revisions.get(taskDefinition),
    tags: [{ key: 'habitat-ecs-deploy:managed', value: 'true' }],
  }));
  mock.on(ListTaskDefinitionsCommand).callsFake(({ familyPrefix }) => ({
    taskDefinitionArns: [...revisions.values()]
      .filter((t) => t.family === familyPrefix)
      .map((t) => t.taskDefinitionArn),
  }));
  mock.on(RegisterTaskDefinitionCommand).callsFake((input) => ({ taskDefinition: register(input) }));
  mock.on(DeregisterTaskDefinitionCommand).resolves({});
  mock.on(DescribeServicesCommand).callsFake(({ services: names }) => ({
    services: (names as string[]).flatMap((n) => (services.has(n) ? [services.get(n)] : [])),
  }));
  mock
    .on(CreateServiceCommand)
    .callsFake(({ serviceName, taskDefinition }) => ({ service: deploy(serviceName, taskDefinition) }));
  mock.on(UpdateServiceCommand).callsFake(({ service, taskDefinition, desiredCount }) => {
    if (taskDefinition) return { service: deploy(service, taskDefinition) };
    services.set(service, { ...services.get(service), desiredCount });
    return { service: services.get(service) };
  });
  mock.on(DeleteServiceCommand).callsFake(({ service }) => {
    services.set(service, { ...services.get(service), status: 'INACTIVE' });
    return { service: services.get(service) };
  });
  mock.on(ListTasksCommand).resolves({ taskArns: [] });
  mock.on(ListServicesCommand).resolves({ serviceArns: [] });
  mock.on(DescribeTasksCommand).resolves({ tasks: [] });
  return {
    client,
    mock,
    /** A service running an earlier revision of its family, as a previous deploy left it. */
    existing(name: string, image: string): Service {
      const td = register(unit(name, image).taskDefinition);
      const registry = { registryArn: `arn:aws:servicediscovery:us-east-1:123456789012:service/srv-${name}` };
      services.set(`app-${name}`, {
        serviceRegistries: [registry],
        networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], assignPublicIp: 'DISABLED' } },
      });
      return deploy(`app-${name}`, td.taskDefinitionArn ?? '');
    },
    calls: () =>
      mock.calls().flatMap((c) => {
        const command = c.args[0] as unknown as {
          constructor: { name: string };
          input: Record<string, unknown>;
        };
        const op = command.constructor.name.replace(/Command$/, '');
        if (!['CreateService', 'UpdateService', 'DeleteService'].includes(op)) return [];
        const input = command.input;
        return [
          `${op} ${String(input.serviceName ?? input.service)} ${
            String(input.taskDefinition ?? '')
              .split('/')
              .pop() ?? ''
          }`.trim(),
        ];
      }),
  };
}

function input(
  ecs: ReturnType<typeof fakeEcs>,
  units: RolloutUnit[],
  extra: Partial<ServicesRolloutInput> = {},
) {
  const log = new RecordingLog();
  const progress = new Progress();
  const value: ServicesRolloutInput = {
    cluster: 'prod',
    units,
    pushed: false,
    create: { launchType: 'FARGATE', desiredCount: 1, network: { subnets: ['subnet-1'] } },
    forceNewDeployment: false,
    waitTimeoutMs: 60_000,
    rollbackOnFailure: true,
    keepRevisions: 0,
    log: progress.tracking(log),
    progress,
    poll: { intervalMs: 1, sleep: async () => undefined },
    ...extra,
  };
  return { value, log, progress };
}

function rolloutUnit(u: ServiceUnit, checked?: Service): RolloutUnit {
  return {
    unit: u,
    service: `app-${u.name}`,
    checked,
    settings: { loadBalancers: [], capacityProviderStrategy: [] },
    tags: { 'habitat-ecs-deploy:compose-service': u.name },
    discovery: async () => ({
      serviceRegistries: [
        { registryArn: `arn:aws:servicediscovery:us-east-1:123456789012:service/srv-${u.name}` },
      ],
    }),
  };
}

describe('rolloutServices', () => {
  test('one service at a time, in order, each created with its replicas and its Cloud Map registry', async () => {
    const ecs = fakeEcs();
    const { value } = input(ecs, [rolloutUnit(unit('db', 'db@1')), rolloutUnit(unit('web', 'web@1', 3))]);
    const out = await rolloutServices(ecs.client, value);
    expect(out.failed).toBeUndefined();
    expect(ecs.calls()).toEqual(['CreateService app-db app-db:1', 'CreateService app-web app-web:1']);
    const creates = ecs.mock.commandCalls(CreateServiceCommand).map((c) => c.args[0].input);
    expect(
      creates.map((c) => [c.serviceName, c.desiredCount, c.serviceRegistries?.[0]?.registryArn]),
    ).toEqual([
      ['app-db', 1, 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-db'],
      ['app-web', 3, 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-web'],
    ]);
    // db was stable (its deployment read COMPLETED) before web was created.
    const order = ecs.mock.calls().map(
      (c) =>
        c.args[0] as {
          constructor: { name: string };
          input: { services?: string[]; serviceName?: string };
        },
    );
    const webCreated = order.findIndex(
      (c) => c.constructor.name === 'CreateServiceCommand' && c.input.serviceName === 'app-web',
    );
    const dbRead = order.findIndex(
      (c) => c.constructor.name === 'DescribeServicesCommand' && c.input.services?.includes('app-db'),
    );
    expect(dbRead).toBeGreaterThanOrEqual(0);
    expect(dbRead).toBeLessThan(webCreated);
  });

  test('a failure rolls back what this run changed, in reverse order, and leaves the services after it alone', async () => {
    const ecs = fakeEcs(['api@2']);
    const db = ecs.existing('db', 'db@1');
    const cache = ecs.existing('cache', 'cache@1');
    const api = ecs.existing('api', 'api@1');
    ecs.mock.resetHistory();
    const { value } = input(ecs, [
      rolloutUnit(unit('db', 'db@2'), db),
      rolloutUnit(unit('cache', 'cache@1'), cache), // unchanged: not rolled back
      rolloutUnit(unit('queue', 'queue@1')), // created by this run: deleted again
      rolloutUnit(unit('api', 'api@2'), api), // fails
      rolloutUnit(unit('web', 'web@1')), // never reached
    ]);
    const out = await rolloutServices(ecs.client, value);
    expect(out.failed?.unit.service).toBe('app-api');
    expect(out.rolledBack.map((r) => [r.service, r.result.action])).toEqual([
      ['app-queue', 'deleted'],
      ['app-db', 'restored'],
    ]);
    expect(out.notReached.map((u) => u.service)).toEqual(['app-web']);
    expect(ecs.calls()).toEqual([
      'UpdateService app-db app-db:2',
      'CreateService app-queue app-queue:1',
      'UpdateService app-api app-api:2',
      // api's own rollback, then the earlier ones in reverse order
      'UpdateService app-api app-api:1',
      'DeleteService app-queue',
      'UpdateService app-db app-db:1',
    ]);
  });

  test('with rollback-on-failure false nothing is rolled back, and the failure is still said', async () => {
    const ecs = fakeEcs(['web@1']);
    const { value } = input(ecs, [rolloutUnit(unit('db', 'db@1')), rolloutUnit(unit('web', 'web@1'))], {
      rollbackOnFailure: false,
    });
    const out = await rolloutServices(ecs.client, value);
    expect(out.failed?.unit.service).toBe('app-web');
    expect(out.rolledBack).toEqual([]);
    expect(ecs.calls()).toEqual(['CreateService app-db app-db:1', 'CreateService app-web app-web:1']);
  });

  test('revisions are pruned only once every service is stable', async () => {
    const ecs = fakeEcs();
    const db = ecs.existing('db', 'db@1');
    ecs.mock.resetHistory();
    const { value } = input(ecs, [rolloutUnit(unit('db', 'db@2'), db), rolloutUnit(unit('web', 'web@1'))], {
      keepRevisions: 1,
    });
    await rolloutServices(ecs.client, value);
    const calls = ecs.mock
      .calls()
      .map((c) => (c.args[0] as { constructor: { name: string } }).constructor.name);
    expect(calls.indexOf('DeregisterTaskDefinitionCommand')).toBeGreaterThan(
      calls.lastIndexOf('CreateServiceCommand'),
    );
    expect(
      ecs.mock.commandCalls(DeregisterTaskDefinitionCommand).map((c) => c.args[0].input.taskDefinition),
    ).toEqual([arn('app-db', 1)]);
  });
});
