import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DescribeTaskDefinitionCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  type RegisterTaskDefinitionCommandInput,
} from '@aws-sdk/client-ecs';

/**
 * Every golden expected.json must be a RegisterTaskDefinition input ECS (moto, from
 * test/stack/local-stack) accepts as is, and reads back with the same containers.
 */
const ROOT = join(__dirname, '..', 'fixtures', 'golden');
const endpoint = process.env.AWS_ENDPOINT_URL;

function client(): ECSClient {
  if (!endpoint || !/^http:\/\/127\.\d+\.\d+\.\d+:\d+\/?$/.test(endpoint)) {
    throw new Error(
      `AWS_ENDPOINT_URL must name the local stack (test/stack/local-stack up && eval "$(test/stack/local-stack env)"), not ${endpoint}`,
    );
  }
  return new ECSClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIALOCALSTACKTEST00', secretAccessKey: 'local-stack-secret' },
  });
}

const fixtures = readdirSync(ROOT, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe('golden task definitions register on ECS', () => {
  const ecs = client();
  const run = Math.random().toString(36).slice(2, 8);
  afterAll(() => ecs.destroy());

  test.each(fixtures)('%s', async (name) => {
    const input = JSON.parse(
      readFileSync(join(ROOT, name, 'expected.json'), 'utf8'),
    ) as RegisterTaskDefinitionCommandInput;
    const family = `golden-${run}-${name}`;
    const registered = await ecs.send(new RegisterTaskDefinitionCommand({ ...input, family }));
    const arn = registered.taskDefinition?.taskDefinitionArn;
    expect(arn).toMatch(new RegExp(`:task-definition/${family}:1$`));

    const { taskDefinition } = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn }));
    expect(taskDefinition?.networkMode).toBe(input.networkMode);
    const summary = (containers: RegisterTaskDefinitionCommandInput['containerDefinitions']) =>
      (containers ?? []).map((c) => ({
        name: c.name,
        image: c.image,
        command: c.command,
        ports: (c.portMappings ?? []).map((p) => `${p.hostPort ?? '-'}:${p.containerPort}/${p.protocol}`),
      }));
    expect(summary(taskDefinition?.containerDefinitions)).toEqual(summary(input.containerDefinitions));
  });
});
