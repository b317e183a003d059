import { CloudWatchClient, PutMetricAlarmCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateClusterCommand, DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateRuleCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTaskRole } from '../support/cluster';
import { AwsCallLog, requireStackEnv } from '../support/stack';
import { runAction, type RunResult } from './harness';

// ECS's own blue/green, run by the bundled action against the stack, whose front emulates the
// service deployment APIs moto lacks (test/stack/ecs_deployments.py): verify refuses a listener
// rule that does not forward to both target groups, a hook function and an alarm that do not
// exist; a service created BLUE_GREEN is followed through its stages and bake time; a lifecycle
// hook that fails and an alarm in ALARM make ECS roll back, which the step reports as ECS's,
// starting no rollback of its own; a plan says what a change of strategy would set.

requireStackEnv();
jest.setTimeout(300_000);

const ecs = new ECSClient({});
const elb = new ElasticLoadBalancingV2Client({});
const suffix = `${process.pid}-${Date.now().toString(36)}`;
const cluster = `bg-${suffix}`;
const service = 'web';
const region = 'us-east-1';
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'hed-bg-'));
const arns = { blue: '', green: '', rule: '', loneRule: '', hook: '', role: '' };
const alarm = `web-5xx-${suffix}`;

function compose(version: string): void {
  fs.writeFileSync(
    path.join(workspace, 'docker-compose.yml'),
    `services:\n  web:\n    image: public.ecr.aws/nginx/nginx:1.27\n    ports: ["80"]\n    environment:\n      VERSION: "${version}"\n`,
  );
}

function loadBalancer(rule = arns.rule): string {
  return `targetGroupArn=${arns.blue},container=web,port=80,alternateTargetGroupArn=${arns.green},productionListenerRule=${rule},roleArn=${arns.role}`;
}

function deploy(extra: Record<string, string> = {}): RunResult {
  return runAction({
    workspace,
    inputs: {
      cluster,
      service,
      'task-family': `bg-${suffix}`,
      'launch-type': 'FARGATE',
      'ecs-params': 'ecs-params.yml',
      'load-balancer': loadBalancer(),
      'deployment-strategy': 'BLUE_GREEN',
      'deployment-bake-time-minutes': '1',
      'deployment-alarms': alarm,
      'deployment-lifecycle-hooks': `function=${arns.hook},role=${arns.role},stages=POST_TEST_TRAFFIC_SHIFT`,
      ...extra,
    },
  });
}

function explain(r: RunResult): string {
  return `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

const errors = (r: RunResult) => r.stdout.split('\n').filter((l) => l.startsWith('::error'));

/** How the stack's emulated deployments run: a minute's length, what hook functions answer. */
async function deployments(control: { minuteSeconds?: number; hooks?: Record<string, string> }) {
  const res = await fetch(new URL('/habitat-ecs-stack/service-deployments', process.env.AWS_ENDPOINT_URL), {
    method: 'POST',
    body: JSON.stringify(control),
  });
  if (res.status !== 200) throw new Error(`service-deployments control: ${res.status}`);
}

const taskDefinition = async () =>
  (await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }))).services?.[0]
    ?.taskDefinition;

beforeAll(async () => {
  await ecs.send(new CreateClusterCommand({ clusterName: cluster }));
  await createTaskRole('ecsTaskExecutionRole');
  const iam = new IAMClient({});
  for (const [name, principal] of [
    [`ecs-infra-${suffix}`, 'ecs.amazonaws.com'],
    [`hook-${suffix}`, 'lambda.amazonaws.com'],
  ] as const) {
    const created = await iam.send(
      new CreateRoleCommand({
        RoleName: name,
        AssumeRolePolicyDocument: JSON.stringify({
          Statement: [{ Effect: 'Allow', Principal: { Service: principal }, Action: 'sts:AssumeRole' }],
        }),
      }),
    );
    if (principal === 'ecs.amazonaws.com') arns.role = created.Role?.Arn ?? '';
    else {
      const fn = await new LambdaClient({}).send(
        new CreateFunctionCommand({
          FunctionName: `smoke-${suffix}`,
          Runtime: 'python3.12',
          Role: created.Role?.Arn,
          Handler: 'index.handler',
          // A zip holding index.py; the stack never runs it: its front decides what it answers.
          Code: { ZipFile: Buffer.from('UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==', 'base64') },
        }),
      );
      arns.hook = fn.FunctionArn ?? '';
    }
  }
  await new CloudWatchClient({}).send(
    new PutMetricAlarmCommand({
      AlarmName: alarm,
      MetricName: 'HTTPCode_Target_5XX_Count',
      Namespace: 'AWS/ApplicationELB',
      Statistic: 'Sum',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 10,
      ComparisonOperator: 'GreaterThanThreshold',
    }),
  );
  const ec2 = new EC2Client({});
  const subnets = (await ec2.send(new DescribeSubnetsCommand({}))).Subnets ?? [];
  const group = (await ec2.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups?.[0]?.GroupId ?? '';
  const lb = await elb.send(
    new CreateLoadBalancerCommand({
      Name: `bg-${Date.now().toString(36)}`,
      Subnets: subnets.slice(0, 2).map((s) => s.SubnetId ?? ''),
    }),
  );
  for (const color of ['blue', 'green'] as const) {
    const tg = await elb.send(
      new CreateTargetGroupCommand({
        Name: `${color}-${Date.now().toString(36)}`,
        Protocol: 'HTTP',
        Port: 80,
        VpcId: subnets[0]?.VpcId,
        TargetType: 'ip',
      }),
    );
    arns[color] = tg.TargetGroups?.[0]?.TargetGroupArn ?? '';
  }
  const listener = await elb.send(
    new CreateListenerCommand({
      LoadBalancerArn: lb.LoadBalancers?.[0]?.LoadBalancerArn,
      Protocol: 'HTTP',
      Port: 80,
      DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }],
    }),
  );
  const rule = async (priority: number, groups: string[]) =>
    (
      await elb.send(
        new CreateRuleCommand({
          ListenerArn: listener.Listeners?.[0]?.ListenerArn,
          Priority: priority,
          Conditions: [{ Field: 'path-pattern', Values: [`/${priority}/*`] }],
          Actions: [
            {
              Type: 'forward',
              ForwardConfig: {
                TargetGroups: groups.map((g, i) => ({ TargetGroupArn: g, Weight: i === 0 ? 100 : 0 })),
              },
            },
          ],
        }),
      )
    ).Rules?.[0]?.RuleArn ?? '';
  arns.rule = await rule(1, [arns.blue, arns.green]);
  arns.loneRule = await rule(2, [arns.blue]);
  fs.writeFileSync(
    path.join(workspace, 'ecs-params.yml'),
    [
      'version: 1',
      'task_definition:',
      '  task_execution_role: arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      '  task_size: {cpu_limit: 256, mem_limit: 512}',
      'run_params:',
      '  network_configuration:',
      '    awsvpc_configuration:',
      `      subnets: [${subnets[0]?.SubnetId ?? ''}]`,
      `      security_groups: [${group}]`,
      '',
    ].join('\n'),
  );
  compose('1');
  // One emulated minute lasts 10 s: a stage that waits a minute (a bake time, a canary's step) is
  // seen by one read of the wait (every 15 s) and is over by the next.
  await deployments({ minuteSeconds: 10 });
});

test('verify refuses, before any write, a rule forwarding to one target group, a missing hook and a missing alarm', () => {
  const calls = new AwsCallLog().mark();
  const r = deploy({
    'load-balancer': loadBalancer(arns.loneRule),
    'deployment-alarms': `no-such-alarm-${suffix}`,
    'deployment-lifecycle-hooks': `function=arn:aws:lambda:${region}:123456789012:function:none-${suffix},role=${arns.role},stages=PRE_SCALE_UP`,
  });
  expect(r.status).toBe(1);
  const said = errors(r).join('\n');
  expect(said).toContain('forwards to blue-');
  expect(said).toContain('make the rule forward to both');
  expect(said).toContain(
    `the lifecycle hook function arn:aws:lambda:${region}:123456789012:function:none-${suffix} does not exist`,
  );
  expect(said).toContain(`CloudWatch alarm no-such-alarm-${suffix} not found`);
  expect(calls.writes()).toEqual([]);
});

let first = '';

test('a service created BLUE_GREEN is followed through its lifecycle stages and bake time to the end', async () => {
  const r = deploy();
  if (r.status !== 0) throw new Error(explain(r));
  first = r.outputs['task-definition-arn'] ?? '';
  const s = (await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }))).services?.[0];
  expect(s?.deploymentConfiguration).toMatchObject({
    strategy: 'BLUE_GREEN',
    bakeTimeInMinutes: 1,
    alarms: { alarmNames: [alarm], enable: true, rollback: true },
    lifecycleHooks: [
      expect.objectContaining({ hookTargetArn: arns.hook, lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] }),
    ],
  });
  expect(s?.loadBalancers?.[0]?.advancedConfiguration).toEqual({
    alternateTargetGroupArn: arns.green,
    productionListenerRule: arns.rule,
    roleArn: arns.role,
  });
  expect(r.stdout).toMatch(/stage POST_TEST_TRAFFIC_SHIFT, .*hook smoke-[\w-]+ SUCCEEDED/);
  expect(r.stdout).toMatch(
    /stage BAKE_TIME, production traffic 100% on the new revision, .* of bake time left/,
  );
  expect(r.summary).toMatch(/\*\*Lifecycle stages:\*\* .*`POST_TEST_TRAFFIC_SHIFT` → `BAKE_TIME`/);
  expect(r.summary).toContain('**State:** created and stable');
});

test('a lifecycle hook answering FAILED: ECS rolls back, the step says so, and no second rollback starts', async () => {
  await deployments({ hooks: { [arns.hook]: 'FAILED' } });
  compose('2');
  const calls = new AwsCallLog().mark();
  const r = deploy();
  await deployments({ hooks: { [arns.hook]: 'SUCCEEDED' } });
  expect(r.status).toBe(1);
  expect(errors(r).join('\n')).toContain(
    `ECS rolled the deployment back: lifecycle hook ${arns.hook} failed at POST_TEST_TRAFFIC_SHIFT`,
  );
  expect(r.summary).toMatch(/\*\*State:\*\* failed; rollback: ECS rolled web back to the previous revision/);
  expect(calls.requests('UpdateService')).toHaveLength(1);
  expect(calls.calls()).not.toContain('StopServiceDeployment');
  expect(await taskDefinition()).toBe(first);
});

test('an alarm in ALARM during the deployment: ECS rolls it back, naming the alarm', async () => {
  await new CloudWatchClient({}).send(
    new SetAlarmStateCommand({ AlarmName: alarm, StateValue: 'ALARM', StateReason: '5xx above 10' }),
  );
  compose('3');
  const r = deploy();
  await new CloudWatchClient({}).send(
    new SetAlarmStateCommand({ AlarmName: alarm, StateValue: 'OK', StateReason: 'fine' }),
  );
  expect(r.status).toBe(1);
  expect(errors(r).join('\n')).toContain(
    `ECS rolled the deployment back: CloudWatch alarm ${alarm} in ALARM`,
  );
  expect(await taskDefinition()).toBe(first);
});

test('a plan says what a move to CANARY would set, and writes nothing', () => {
  const calls = new AwsCallLog().mark();
  const r = deploy({
    mode: 'plan',
    'deployment-strategy': 'CANARY',
    'deployment-step-percent': '10',
    'deployment-step-bake-minutes': '5',
  });
  if (r.status !== 0) throw new Error(explain(r));
  expect(calls.writes()).toEqual([]);
  // Markdown text: the underscore escaped (it reads BLUE_GREEN).
  expect(r.summary).toContain('deployment strategy: BLUE\\_GREEN -> CANARY');
  expect(r.summary).toContain(
    'canaryConfiguration: (none) -> {"canaryPercent":10,"canaryBakeTimeInMinutes":5}',
  );
});

// CANARY moves its canary's share, then the rest after its bake; LINEAR a step at a time, each
// after its bake. The wait sees the first share before the rest moves.
test.each([
  {
    strategy: 'CANARY',
    version: '4',
    percent: 10,
    configuration: { canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 1 } },
  },
  {
    strategy: 'LINEAR',
    version: '5',
    percent: 50,
    configuration: { linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 1 } },
  },
])(
  'a move to $strategy shifts $percent% of production traffic first, and the rest once its bake time is over',
  async ({ strategy, version, percent, configuration }) => {
    compose(version);
    const r = deploy({
      'deployment-strategy': strategy,
      'deployment-step-percent': String(percent),
      'deployment-step-bake-minutes': '1',
      'deployment-bake-time-minutes': '0',
    });
    if (r.status !== 0) throw new Error(explain(r));
    const s = (await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }))).services?.[0];
    expect(s?.deploymentConfiguration).toMatchObject({ strategy, ...configuration });
    expect(r.stdout).toContain(
      `stage PRODUCTION_TRAFFIC_SHIFT, production traffic ${percent}% on the new revision`,
    );
    expect(r.summary).toMatch(/\*\*Lifecycle stages:\*\* .*`PRODUCTION_TRAFFIC_SHIFT`/);
    expect(r.summary).toContain('**State:** updated and stable');
    expect(await taskDefinition()).toBe(r.outputs['task-definition-arn']);
  },
);
