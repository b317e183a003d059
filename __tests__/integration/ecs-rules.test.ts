// What ECS refuses that moto takes, as the stack's front refuses it (test/stack/ecs_rules.py): so
// that the action's e2e runs meet the rules of the AWS its users have.
//
// Needs the stack: test/stack/local-stack up && eval "$(test/stack/local-stack env)".
import {
  CreateClusterCommand,
  CreateServiceCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type ContainerDefinition,
  type RegisterTaskDefinitionCommandInput,
} from '@aws-sdk/client-ecs';
import { requireStackEnv, stackEcsClient } from '../support/stack';

jest.setTimeout(60_000);
requireStackEnv();

const ecs = stackEcsClient();
const suffix = Date.now().toString(36);
const cluster = `rules-${suffix}`;
const web: ContainerDefinition = { name: 'web', image: 'nginx', memory: 64 };

const register = (input: Partial<RegisterTaskDefinitionCommandInput>) =>
  ecs.send(
    new RegisterTaskDefinitionCommand({ family: `rules-${suffix}`, containerDefinitions: [web], ...input }),
  );

beforeAll(() => ecs.send(new CreateClusterCommand({ clusterName: cluster })));

test.each([
  [
    'a tag value with a character ECS refuses',
    { tags: [{ key: 'ref', value: 'refs/heads/fix#12' }] },
    /tags.1.member.value/,
  ],
  ['a tag key starting with aws:', { tags: [{ key: 'aws:x', value: 'y' }] }, /reserved/],
  [
    '51 tags',
    { tags: Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: 'v' })) },
    /at most 50 tags/,
  ],
  [
    '11 containers',
    { containerDefinitions: Array.from({ length: 11 }, (_, i) => ({ ...web, name: `c${i}` })) },
    /at most 10 containers/,
  ],
  [
    'a Fargate task size Fargate does not offer',
    { requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '4096' },
    /No Fargate configuration/,
  ],
  [
    'Fargate without awsvpc',
    { requiresCompatibilities: ['FARGATE'], networkMode: 'bridge', cpu: '256', memory: '512' },
    /awsvpc/,
  ],
  [
    'an awsvpc host port other than its container port',
    {
      networkMode: 'awsvpc',
      containerDefinitions: [{ ...web, portMappings: [{ containerPort: 80, hostPort: 8080 }] }],
    },
    /must match/,
  ],
  [
    'a health-check timeout over 60 s',
    { containerDefinitions: [{ ...web, healthCheck: { command: ['CMD', 'true'], timeout: 61 } }] },
    /healthCheck.timeout/,
  ],
  ['a container memory under 6 MiB', { containerDefinitions: [{ ...web, memory: 5 }] }, /at least 6 MiB/],
  ['a family with a character ECS refuses', { family: 'bad.family' }, /Family/],
] as [string, Partial<RegisterTaskDefinitionCommandInput>, RegExp][])(
  'RegisterTaskDefinition refuses %s',
  async (_what, input, message) => {
    await expect(register(input)).rejects.toThrow(message);
  },
);

test('a valid task definition with valid tags registers', async () => {
  const out = await register({ tags: [{ key: 'habitat-ecs-deploy:ref', value: 'refs/heads/fix_12' }] });
  expect(out.taskDefinition?.revision).toBeGreaterThan(0);
});

test.each(['CODE_DEPLOY', 'EXTERNAL'] as const)(
  'UpdateService with a task definition is refused on a %s service',
  async (type) => {
    const td = (await register({})).taskDefinition?.taskDefinitionArn ?? '';
    const name = `svc-${type.toLowerCase()}`;
    await ecs.send(
      new CreateServiceCommand({
        cluster,
        serviceName: name,
        taskDefinition: td,
        desiredCount: 1,
        deploymentController: { type },
      }),
    );
    await expect(
      ecs.send(new UpdateServiceCommand({ cluster, service: name, taskDefinition: td })),
    ).rejects.toThrow(/Unable to update task definition/);
  },
);

test('CreateService again: the same request answers the service; another one is refused as not idempotent', async () => {
  const td = (await register({})).taskDefinition?.taskDefinitionArn ?? '';
  const create = { cluster, serviceName: 'twice', taskDefinition: td, desiredCount: 1 };
  const first = await ecs.send(new CreateServiceCommand(create));
  const again = await ecs.send(new CreateServiceCommand(create));
  expect(again.service?.serviceArn).toBe(first.service?.serviceArn);
  const other = (await register({ containerDefinitions: [{ ...web, memory: 128 }] })).taskDefinition
    ?.taskDefinitionArn;
  await expect(ecs.send(new CreateServiceCommand({ ...create, taskDefinition: other }))).rejects.toThrow(
    /not idempotent/,
  );
});
