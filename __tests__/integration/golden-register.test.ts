import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DescribeTaskDefinitionCommand,
  RegisterTaskDefinitionCommand,
  type RegisterTaskDefinitionCommandInput,
} from '@aws-sdk/client-ecs';
import { stackEcsClient } from '../support/stack';

/**
 * Every golden expected.json must be a RegisterTaskDefinition input ECS (moto, from
 * test/stack/local-stack) accepts as is, and reads back with the same containers.
 */
const ROOT = join(__dirname, '..', 'fixtures', 'golden');

const fixtures = readdirSync(ROOT, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe('golden task definitions register on ECS', () => {
  const ecs = stackEcsClient();
  const run = Math.random().toString(36).slice(2, 8);
  afterAll(() => ecs.destroy());

  // The services layout's fixtures hold a task definition per compose service: each registers.
  const cases = fixtures.flatMap((name) => {
    const doc = JSON.parse(readFileSync(join(ROOT, name, 'expected.json'), 'utf8')) as
      | RegisterTaskDefinitionCommandInput
      | { layout: 'services'; units: { name: string; taskDefinition: RegisterTaskDefinitionCommandInput }[] };
    return 'layout' in doc
      ? doc.units.map((u) => [`${name} ${u.name}`, u.taskDefinition] as const)
      : [[name, doc] as const];
  });

  test.each(cases)('%s', async (name, input) => {
    const family = `golden-${run}-${name.replace(/ /g, '-')}`;
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
