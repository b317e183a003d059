import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateClusterCommand, DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
  type TargetTypeEnum,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createTaskRole } from '../support/cluster';
import { AwsCallLog, requireStackEnv } from '../support/stack';
import { nationalParksWorkspace, runAction, type RunResult } from './harness';

// The service's own settings, run by the bundled action against the stack: a Fargate service
// created behind a target group (moto serves ELBv2) with deployment settings and ECS Exec; a
// changed setting updated alone; wrong containers, ports and target group types refused before
// anything is written.

requireStackEnv();
jest.setTimeout(300_000);

const ecs = new ECSClient({});
const elb = new ElasticLoadBalancingV2Client({});
const suffix = `${process.pid}-${Date.now().toString(36)}`;
const cluster = `lb-${suffix}`;
const service = 'national-parks';
const family = `np-lb-${suffix}`;
const workspace = nationalParksWorkspace();
const targetGroups: Record<TargetTypeEnum | string, string> = {};
let balancerDns = '';
const lb = (type: string, container = 'national-parks', port = 8080) =>
  `targetGroupArn=${targetGroups[type] ?? ''},container=${container},port=${port}`;

const settings = {
  'health-check-grace-period-seconds': '60',
  'enable-execute-command': 'true',
  'deployment-minimum-healthy-percent': '50',
  'deployment-maximum-percent': '150',
  'capacity-provider-strategy': 'capacityProvider=FARGATE,weight=1',
  'propagate-tags': 'SERVICE',
  'platform-version': '1.4.0',
};

function deploy(extra: Record<string, string> = {}): RunResult {
  return runAction({
    workspace,
    inputs: {
      'habitat-packages': 'billmeyer/mongodb\nmattray/national-parks',
      cluster,
      service,
      'task-family': family,
      'image-tag': `lb-${suffix}`,
      'launch-type': 'FARGATE',
      'ecs-params': 'ecs-params.yml',
      'load-balancer': lb('ip'),
      ...settings,
      ...extra,
    },
  });
}

function explain(r: RunResult): string {
  return `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

const lines = (r: RunResult, kind: 'error' | 'warning') =>
  r.stdout.split('\n').filter((l) => l.startsWith(`::${kind}`));

async function describeService() {
  return (await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }))).services?.[0];
}

beforeAll(async () => {
  await ecs.send(new CreateClusterCommand({ clusterName: cluster }));
  await createTaskRole('ecsTaskExecutionRole');
  const ec2 = new EC2Client({});
  const subnets = (await ec2.send(new DescribeSubnetsCommand({}))).Subnets ?? [];
  const group = (await ec2.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups?.[0]?.GroupId ?? '';
  const balancer = await elb.send(
    new CreateLoadBalancerCommand({
      Name: `np-${Date.now().toString(36)}`,
      Subnets: subnets.slice(0, 2).map((s) => s.SubnetId ?? ''),
    }),
  );
  const balancerArn = balancer.LoadBalancers?.[0]?.LoadBalancerArn ?? '';
  balancerDns = balancer.LoadBalancers?.[0]?.DNSName ?? '';
  for (const [i, type] of (['ip', 'instance'] as const).entries()) {
    const created = await elb.send(
      new CreateTargetGroupCommand({
        Name: `np-${type}-${Date.now().toString(36)}`,
        Protocol: 'HTTP',
        Port: 8080,
        VpcId: subnets[0]?.VpcId,
        TargetType: type,
      }),
    );
    targetGroups[type] = created.TargetGroups?.[0]?.TargetGroupArn ?? '';
    // ECS takes only a target group a load balancer forwards to.
    await elb.send(
      new CreateListenerCommand({
        LoadBalancerArn: balancerArn,
        Protocol: 'HTTP',
        Port: 80 + i,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: targetGroups[type] }],
      }),
    );
  }
  fs.writeFileSync(
    path.join(workspace, 'ecs-params.yml'),
    [
      'version: 1',
      'task_definition:',
      '  task_execution_role: arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      '  task_size: {cpu_limit: 1024, mem_limit: 2048}',
      'run_params:',
      '  network_configuration:',
      '    awsvpc_configuration:',
      `      subnets: [${subnets[0]?.SubnetId ?? ''}]`,
      `      security_groups: [${group}]`,
      '',
    ].join('\n'),
  );
});

test('creates the service behind the target group, with the deployment settings, ECS Exec and capacity providers', async () => {
  const calls = new AwsCallLog().mark();
  const r = deploy();
  if (r.status !== 0) throw new Error(explain(r));
  // No task role in ecs-params: ECS Exec would not connect.
  expect(lines(r, 'warning').filter((l) => l.includes('enable-execute-command'))).toEqual([
    expect.stringContaining('ECS Exec needs a task role that allows ssmmessages:CreateControlChannel'),
  ]);
  const s = await describeService();
  expect(s?.loadBalancers).toEqual([
    { targetGroupArn: targetGroups.ip, containerName: 'national-parks', containerPort: 8080 },
  ]);
  expect(s).toMatchObject({
    healthCheckGracePeriodSeconds: 60,
    enableExecuteCommand: true,
    deploymentConfiguration: {
      minimumHealthyPercent: 50,
      maximumPercent: 150,
      deploymentCircuitBreaker: { enable: true, rollback: true },
    },
    capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1, base: 0 }],
    propagateTags: 'SERVICE',
    platformVersion: '1.4.0',
  });
  // Capacity providers instead of a launch type (moto reports EC2 for a service without one).
  const [create] = calls.requests('CreateService').map((b) => JSON.parse(b) as Record<string, unknown>);
  expect(create).not.toHaveProperty('launchType');
  expect(r.summary).toMatch(
    /\*\*Service settings:\*\* load balancers: national-parks:8080 in target group np-ip-\w+; health check grace period: 60 s; ECS Exec: on; minimum healthy percent: 50; maximum percent: 150; capacity providers: FARGATE \(weight 1, base 0\); propagate tags: SERVICE; platform version: 1\.4\.0/,
  );
  // Where it answers: the load balancer's name and the listener (port 80) forwarding to the group.
  expect(balancerDns).not.toBe('');
  expect(r.outputs.url).toBe(`http://${balancerDns.toLowerCase()}`);
  expect(r.summary).toContain(`- **URL:** <http://${balancerDns.toLowerCase()}>`);
  expect(calls.calls()).toEqual(expect.arrayContaining(['DescribeLoadBalancers', 'DescribeListeners']));
});

test("the url output names the listener of the service's own target group on a run that names none", () => {
  const r = deploy({ 'load-balancer': '' });
  if (r.status !== 0) throw new Error(explain(r));
  expect(r.outputs.url).toBe(`http://${balancerDns.toLowerCase()}`);
});

test('on update, changes only the setting that differs, and then nothing', async () => {
  const calls = new AwsCallLog().mark();
  const r = deploy({ 'health-check-grace-period-seconds': '120' });
  if (r.status !== 0) throw new Error(explain(r));
  const updates = calls.requests('UpdateService').map((b) => JSON.parse(b) as Record<string, unknown>);
  expect(updates).toEqual([
    { cluster, service, forceNewDeployment: false, healthCheckGracePeriodSeconds: 120 },
  ]);
  expect(r.summary).toContain('**Service settings:** health check grace period: 60 s -> 120 s');
  expect(r.summary).toMatch(
    /\*\*State:\*\* unchanged: the service already runs np-lb-.*:1; its settings were updated/,
  );
  expect((await describeService())?.healthCheckGracePeriodSeconds).toBe(120);

  const again = new AwsCallLog().mark();
  const rerun = deploy({ 'health-check-grace-period-seconds': '120' });
  if (rerun.status !== 0) throw new Error(explain(rerun));
  expect(again.writes()).toEqual([]);
});

test('a plan says which settings, and which one-off tasks, a deploy would run; it writes nothing', () => {
  const calls = new AwsCallLog().mark();
  const r = deploy({
    mode: 'plan',
    'health-check-grace-period-seconds': '90',
    'run-before-deploy': 'national-parks',
    'force-new-deployment': 'true',
  });
  if (r.status !== 0) throw new Error(explain(r));
  expect(calls.writes()).toEqual([]);
  expect(calls.calls()).toContain('DescribeTargetGroups');
  expect(r.outputs.changed).toBe('true');
  expect(r.summary).toContain('**Service settings:** health check grace period: 120 s -> 90 s');
  expect(r.summary).toContain(
    'Before the rollout, a deploy would run `national-parks` as one-off tasks on the new revision',
  );
  expect(r.stdout).toContain('Service settings that would change:');
});

test('a plan refuses a target group ECS would refuse, as the deploy does', () => {
  const calls = new AwsCallLog().mark();
  const r = deploy({ mode: 'plan', 'load-balancer': lb('instance') });
  expect(r.status).toBe(1);
  expect(lines(r, 'error').join('\n')).toContain('has target type instance');
  expect(calls.writes()).toEqual([]);
});

test.each([
  [
    'a container the task does not have',
    () => lb('ip', 'nationalparks'),
    'container "nationalparks" is not in the task definition (the task\'s containers are the compose services: mongo, national-parks); did you mean "national-parks"?',
  ],
  [
    'a port the container does not map',
    () => lb('ip', 'national-parks', 80),
    'container "national-parks" has no container port 80 (its container ports are 8080)',
  ],
])('%s is an annotation at the input before any AWS call', (_what, value, message) => {
  const calls = new AwsCallLog().mark();
  const r = deploy({ 'load-balancer': value() });
  expect(r.status).toBe(1);
  const errors = lines(r, 'error');
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain('title=input load-balancer');
  expect(errors[0]).toContain(message);
  expect(calls.calls()).toEqual([]);
});

test('a target group whose type does not fit the network mode is refused before anything is written', () => {
  const calls = new AwsCallLog().mark();
  const r = deploy({ 'load-balancer': lb('instance') });
  expect(r.status).toBe(1);
  const errors = lines(r, 'error');
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain(
    "has target type instance, but the task's network mode is awsvpc, whose tasks register as ip targets: use a target group of type ip",
  );
  // After verify's reads: the service, then the target group, and nothing written.
  expect(calls.calls().slice(-2)).toEqual(['DescribeServices', 'DescribeTargetGroups']);
  expect(calls.writes()).toEqual([]);
});
