import {
  ApplicationAutoScalingClient,
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
} from '@aws-sdk/client-application-auto-scaling';
import { DescribeServicesCommand, ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEc2Cluster } from '../support/cluster';
import { AwsCallLog, requireStackEnv } from '../support/stack';
import { runAction, type RunResult } from './harness';

// Autoscaling the deploy respects, run by the bundled action against the stack (moto serves
// Application Auto Scaling): the inputs register the service's scalable target and a
// target-tracking policy, once; a service created starts within its bounds; a later deploy of a
// new revision leaves the desired count autoscaling set; a plan says what would change.

requireStackEnv();
jest.setTimeout(240_000);

const ecs = new ECSClient({});
const aas = new ApplicationAutoScalingClient({});
const suffix = `${process.pid}-${Date.now().toString(36)}`;
const cluster = `scale-${suffix}`;
const service = 'web';
const resourceId = `service/${cluster}/${service}`;
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'hed-scale-'));
const scaling = {
  'autoscaling-min-capacity': '1',
  'autoscaling-max-capacity': '4',
  'autoscaling-target-tracking': 'metric=cpu,target=60,scaleInCooldown=120',
};

function compose(version: string): void {
  fs.writeFileSync(
    path.join(workspace, 'docker-compose.yml'),
    `services:\n  web:\n    image: public.ecr.aws/nginx/nginx:1.27\n    mem_limit: 128m\n    environment:\n      VERSION: "${version}"\n`,
  );
}

function deploy(extra: Record<string, string> = {}): RunResult {
  return runAction({
    workspace,
    inputs: { cluster, service, 'task-family': `scale-${suffix}`, ...scaling, ...extra },
  });
}

function explain(r: RunResult): string {
  return `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

const desiredCount = async () =>
  (await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }))).services?.[0]?.desiredCount;

beforeAll(async () => {
  await createEc2Cluster(cluster);
  compose('1');
});

test('a created service starts within the bounds, with its scalable target and policy', async () => {
  // desired-count 0, raised to the minimum (the stack's services report one task running).
  const r = deploy({ 'desired-count': '0' });
  if (r.status !== 0) throw new Error(explain(r));
  expect(await desiredCount()).toBe(1);
  const targets = await aas.send(
    new DescribeScalableTargetsCommand({ ServiceNamespace: 'ecs', ResourceIds: [resourceId] }),
  );
  expect(targets.ScalableTargets?.map((t) => [t.MinCapacity, t.MaxCapacity])).toEqual([[1, 4]]);
  const policies = await aas.send(
    new DescribeScalingPoliciesCommand({ ServiceNamespace: 'ecs', ResourceId: resourceId }),
  );
  expect(
    policies.ScalingPolicies?.map((p) => [p.PolicyName, p.TargetTrackingScalingPolicyConfiguration]),
  ).toEqual([
    [
      'habitat-ecs-deploy-cpu',
      expect.objectContaining({
        TargetValue: 60,
        ScaleInCooldown: 120,
        PredefinedMetricSpecification: expect.objectContaining({
          PredefinedMetricType: 'ECSServiceAverageCPUUtilization',
        }),
      }),
    ],
  ]);
  expect(r.summary).toContain(
    'autoscaling: 1-4 tasks; autoscaling policy habitat-ecs-deploy-cpu: average CPU at 60%',
  );
});

test('a new revision keeps the desired count autoscaling set, and the same inputs change no autoscaling', async () => {
  // What Application Auto Scaling does when the CPU rises: it sets the service's desired count.
  await ecs.send(new UpdateServiceCommand({ cluster, service, desiredCount: 3 }));
  compose('2');
  const calls = new AwsCallLog().mark();
  const r = deploy();
  if (r.status !== 0) throw new Error(explain(r));
  const updates = calls.requests('UpdateService').map((b) => JSON.parse(b) as Record<string, unknown>);
  expect(updates).toHaveLength(1);
  expect(updates[0]).not.toHaveProperty('desiredCount');
  expect(await desiredCount()).toBe(3);
  expect(calls.writes().filter((c) => /Scal/.test(c))).toEqual([]);
});

test('a plan says which autoscaling would change, and writes nothing', () => {
  const calls = new AwsCallLog().mark();
  const r = deploy({
    mode: 'plan',
    'autoscaling-max-capacity': '6',
    'autoscaling-target-tracking': 'metric=cpu,target=70,scaleInCooldown=120',
  });
  if (r.status !== 0) throw new Error(explain(r));
  expect(calls.writes()).toEqual([]);
  expect(r.outputs.changed).toBe('true');
  expect(r.summary).toContain(
    '**Service settings:** autoscaling: 1-4 -> 1-6 tasks; autoscaling policy habitat-ecs-deploy-cpu: 60 -> average CPU at 70%',
  );
});
