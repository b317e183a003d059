import {
  CreateServiceCommand,
  DescribeServicesCommand,
  ECSClient,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import { createEc2Cluster } from '../support/cluster';
import { setMemory } from '../support/compose-edits';
import { AwsCallLog, awsFault, registryRequests, requireStackEnv } from '../support/stack';
import { nationalParksWorkspace, runAction, type RunResult } from './harness';

// The bundled action against a stack that refuses what ECS refuses (test/stack/ecs_rules.py) and
// loses answers as networks do (aws-fault apply-502: the call takes effect, its answer is a 502,
// and the SDK sends it again).

requireStackEnv();
jest.setTimeout(300_000);

const ecs = new ECSClient({});
const suffix = `${process.pid}-${Date.now().toString(36)}`;
const cluster = `rules-${suffix}`;
const proxy = process.env.HABITAT_ECS_STACK_FAULT_ENDPOINT ?? '';
const workspace = nationalParksWorkspace();

function deploy(service: string, extra: { ref?: string; env?: Record<string, string> } = {}): RunResult {
  const ref = extra.ref ?? 'refs/heads/main';
  return runAction({
    workspace,
    event: { name: 'push', ref, payload: { ref } },
    inputs: {
      'habitat-packages': 'billmeyer/mongodb\nmattray/national-parks',
      cluster,
      service,
      'task-family': `${service}-${suffix}`,
      'image-tag': `${service}-${suffix}`,
    },
    ...(extra.env && { env: extra.env }),
    timeoutMs: 280_000,
  });
}

const explain = (r: RunResult) => `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;

async function activeRevisions(family: string): Promise<string[]> {
  const out = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: family, status: 'ACTIVE' }));
  return (out.taskDefinitionArns ?? []).filter((a) => a.includes(`/${family}:`));
}

beforeAll(async () => {
  await createEc2Cluster(cluster);
  setMemory(workspace, 512);
});

afterAll(() => awsFault('clear'));

test('a branch named fix#12 deploys: its ref is sanitised into a tag value ECS takes', async () => {
  const calls = new AwsCallLog().mark();
  const r = deploy('branchy', { ref: 'refs/heads/fix#12' });
  if (r.status !== 0) throw new Error(explain(r));
  const [registered] = calls
    .requests('RegisterTaskDefinition')
    .map((b) => JSON.parse(b) as { tags: { key: string; value: string }[] });
  expect(registered?.tags).toContainEqual({ key: 'habitat-ecs-deploy:ref', value: 'refs/heads/fix_12' });
});

test('a CODE_DEPLOY service is refused before anything is exported or pushed, saying what to use', async () => {
  const td = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: `bg-${suffix}`,
      containerDefinitions: [{ name: 'web', image: 'nginx', memory: 64 }],
    }),
  );
  await ecs.send(
    new CreateServiceCommand({
      cluster,
      serviceName: 'blue-green',
      taskDefinition: td.taskDefinition?.taskDefinitionArn,
      desiredCount: 1,
      deploymentController: { type: 'CODE_DEPLOY' },
    }),
  );
  const calls = new AwsCallLog().mark();
  const from = registryRequests().length;
  const r = deploy('blue-green');
  expect(r.status).toBe(1);
  expect(r.stdout).toMatch(/::error.*CODE_DEPLOY deployment controller.*AWS CodeDeploy/);
  expect(r.stdout).not.toContain('::group::Export');
  expect(calls.writes()).toEqual([]);
  expect(registryRequests(from).filter((l) => / (PUT|POST|PATCH) /.test(l))).toEqual([]);
});

test.each(['RegisterTaskDefinition', 'CreateService'])(
  'an answer to %s lost after ECS applied it: the SDK sends it again, and nothing is duplicated',
  async (operation) => {
    const service = `lost-${operation.toLowerCase()}`;
    awsFault('apply-502', '1', operation);
    const r = deploy(service, { env: { AWS_ENDPOINT_URL: proxy } });
    if (r.status !== 0) throw new Error(explain(r));
    expect(await activeRevisions(`${service}-${suffix}`)).toEqual([r.outputs['task-definition-arn']]);
    const out = await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }));
    expect(out.services?.map((s) => [s.status, s.taskDefinition])).toEqual([
      ['ACTIVE', r.outputs['task-definition-arn']],
    ]);
  },
);

test('an answer to UpdateService lost after ECS applied it: the deploy completes on the new revision', async () => {
  const service = 'lost-update';
  const first = deploy(service);
  if (first.status !== 0) throw new Error(explain(first));
  setMemory(workspace, 640);
  awsFault('apply-502', '1', 'UpdateService');
  const r = deploy(service, { env: { AWS_ENDPOINT_URL: proxy } });
  if (r.status !== 0) throw new Error(explain(r));
  expect(r.outputs['task-definition-arn']).not.toBe(first.outputs['task-definition-arn']);
  const out = await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }));
  expect(out.services?.[0]?.taskDefinition).toBe(r.outputs['task-definition-arn']);
});
