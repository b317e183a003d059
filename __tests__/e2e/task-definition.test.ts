import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEc2Cluster } from '../support/cluster';
import { AwsCallLog, failRollouts, requireStackEnv } from '../support/stack';
import { runAction, type RunResult } from './harness';

// A task definition of their own, run by the bundled action against the stack, without compose:
// the JSON file's Habitat images are exported, pushed and pinned by digest, the service created;
// a rerun registers nothing; a plan of a registered revision's ARN reads it and writes nothing;
// a revision registered elsewhere deploys under the service's family, and one whose rollout
// fails is rolled back as with compose. The migration path for
// users of the AWS render and deploy actions.

requireStackEnv();
jest.setTimeout(240_000);

const ecs = new ECSClient({});
const suffix = `${process.pid}-${Date.now().toString(36)}`;
const cluster = `given-${suffix}`;
const family = `np-given-${suffix}`;
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'hed-given-'));
const taskDefinition = {
  family: 'national-parks',
  networkMode: 'bridge',
  containerDefinitions: [
    {
      name: 'mongo',
      image: 'aws_account_id.dkr.ecr.ap-southeast-2.amazonaws.com/billmeyer/mongodb:latest',
      memory: 512,
      essential: true,
      environment: [{ name: 'HAB_LICENSE', value: 'accept-no-persist' }],
    },
    {
      name: 'national-parks',
      image: 'mattray/national-parks:latest',
      memory: 512,
      essential: true,
      portMappings: [{ containerPort: 8080, hostPort: 8080 }],
      links: ['mongo'],
    },
  ],
};

function deploy(extra: Record<string, string> = {}): RunResult {
  return runAction({
    workspace,
    inputs: {
      'task-definition': 'task-definition.json',
      'habitat-packages': 'billmeyer/mongodb\nmattray/national-parks',
      cluster,
      service: 'national-parks',
      'task-family': family,
      'image-tag': `given-${suffix}`,
      ...extra,
    },
  });
}

function explain(r: RunResult): string {
  return `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

beforeAll(async () => {
  await createEc2Cluster(cluster);
  fs.writeFileSync(path.join(workspace, 'task-definition.json'), JSON.stringify(taskDefinition, null, 2));
});

let arn = '';

test('a JSON file and no compose file: its Habitat images exported, pinned by digest, and the service created', async () => {
  const r = deploy();
  if (r.status !== 0) throw new Error(explain(r));
  arn = r.outputs['task-definition-arn'] ?? '';
  const td = (await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn }))).taskDefinition;
  expect(td?.family).toBe(family);
  const images = JSON.parse(r.outputs.images ?? '{}') as Record<string, string>;
  expect(Object.keys(images).sort()).toEqual(['mongo', 'national-parks']);
  expect(td?.containerDefinitions?.map((c) => [c.name, c.image])).toEqual([
    ['mongo', images.mongo],
    ['national-parks', images['national-parks']],
  ]);
  expect(images.mongo).toMatch(/\/billmeyer\/mongodb@sha256:[0-9a-f]{64}$/);
  // What is theirs is kept as written.
  expect(td?.containerDefinitions?.[1]).toMatchObject({ links: ['mongo'], memory: 512 });
  const service = (await ecs.send(new DescribeServicesCommand({ cluster, services: ['national-parks'] })))
    .services?.[0];
  expect(service?.taskDefinition).toBe(arn);
});

test('a rerun registers nothing and leaves the service alone', () => {
  const calls = new AwsCallLog().mark();
  const r = deploy();
  if (r.status !== 0) throw new Error(explain(r));
  expect(calls.writes().filter((c) => /TaskDefinition|Service/.test(c))).toEqual([]);
  expect(r.outputs.changed).toBe('false');
  expect(r.outputs['task-definition-arn']).toBe(arn);
});

test("a plan of the registered revision's ARN reads it, writes nothing and finds nothing to change", () => {
  const calls = new AwsCallLog().mark();
  const r = deploy({ mode: 'plan', 'task-definition': arn });
  if (r.status !== 0) throw new Error(explain(r));
  expect(calls.writes()).toEqual([]);
  expect(calls.calls()).toContain('DescribeTaskDefinition');
  expect(r.outputs.changed).toBe('false');
});

/** Their revision of `image`, registered outside the action, deployed as the web service. */
async function deployTheirs(image: string): Promise<RunResult> {
  const theirs = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: `theirs-${suffix}`,
      containerDefinitions: [{ name: 'web', image, memory: 128 }],
    }),
  );
  return runAction({
    workspace,
    inputs: {
      'task-definition': theirs.taskDefinition?.taskDefinitionArn ?? '',
      cluster,
      service: 'web',
      'task-family': `web-given-${suffix}`,
    },
  });
}

let theirs = '';

test('a revision registered elsewhere deploys under the service family, its image kept', async () => {
  const r = await deployTheirs('public.ecr.aws/nginx/nginx:1.27');
  if (r.status !== 0) throw new Error(explain(r));
  theirs = r.outputs['task-definition-arn'] ?? '';
  const td = (
    await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: r.outputs['task-definition-arn'] ?? '' }),
    )
  ).taskDefinition;
  expect(td?.family).toBe(`web-given-${suffix}`);
  expect(td?.containerDefinitions?.map((c) => c.image)).toEqual(['public.ecr.aws/nginx/nginx:1.27']);
});

test('a rollout that fails is rolled back to the revision before, as with compose', async () => {
  // Revision 2's tasks never start: ECS's circuit breaker fails the deployment, and rolls back.
  await failRollouts({ cluster, service: 'web', taskDefinition: `web-given-${suffix}:2` });
  const calls = new AwsCallLog().mark();
  const r = await deployTheirs('public.ecr.aws/nginx/nginx:1.28');
  expect(r.status).toBe(1);
  expect(r.outputs['task-definition-arn']).toMatch(new RegExp(`/web-given-${suffix}:2$`));
  expect(r.stdout).toContain(
    `Rollback: ECS rolled web back to ${theirs} (its circuit breaker), and it is stable`,
  );
  expect(calls.requests('UpdateService')).toHaveLength(1);
  const service = (await ecs.send(new DescribeServicesCommand({ cluster, services: ['web'] }))).services?.[0];
  expect(service?.taskDefinition).toBe(theirs);
});
