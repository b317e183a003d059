import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UserError } from '../../src/diagnostics';
import type { RunContext } from '../../src/inputs/run-context';
import { parseConfig } from '../../src/inputs/parse';
import type { InputName } from '../../src/inputs/spec';

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'inputs-service-'));
fs.writeFileSync(path.join(workspace, 'docker-compose.yml'), 'services: {}\n');
const push: RunContext = { eventName: 'push', ref: 'refs/heads/main', sha: 'abcdef0123456789', workspace };
const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef';

function parse(inputs: Partial<Record<InputName, string>>) {
  return parseConfig(
    (name) => ({ service: 'web', ...inputs })[name] ?? '',
    { AWS_REGION: 'us-east-1' },
    push,
  );
}

function problems(inputs: Partial<Record<InputName, string>>): string[] {
  try {
    parse(inputs);
  } catch (e) {
    if (e instanceof UserError) return e.diagnostics.map((d) => `${d.input}: ${d.message}`);
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('service settings inputs', () => {
  it('leave everything to ECS on create and as it is on update when empty', () => {
    const config = parse({});
    expect(config.serviceSettings).toEqual({ loadBalancers: [], capacityProviderStrategy: [] });
    expect(config.runBeforeDeploy).toEqual([]);
    expect(config.runTimeoutMs).toBe(600_000);
  });

  it('reads every setting', () => {
    const config = parse({
      'launch-type': 'FARGATE',
      'load-balancer': `targetGroupArn=${TG},container=web,port=8080\n# a comment\ntargetGroupArn=${TG},containerName=web,containerPort=9090`,
      'health-check-grace-period-seconds': '60',
      'enable-execute-command': 'true',
      'deployment-minimum-healthy-percent': '50',
      'deployment-maximum-percent': '150',
      'capacity-provider-strategy':
        'capacityProvider=FARGATE,weight=1,base=1\ncapacityProvider=FARGATE_SPOT,weight=3',
      'propagate-tags': 'service',
      'platform-version': '1.4.0',
    });
    expect(config.serviceSettings).toEqual({
      loadBalancers: [
        { targetGroupArn: TG, containerName: 'web', containerPort: 8080 },
        { targetGroupArn: TG, containerName: 'web', containerPort: 9090 },
      ],
      healthCheckGracePeriodSeconds: 60,
      enableExecuteCommand: true,
      minimumHealthyPercent: 50,
      maximumPercent: 150,
      capacityProviderStrategy: [
        { capacityProvider: 'FARGATE', weight: 1, base: 1 },
        { capacityProvider: 'FARGATE_SPOT', weight: 3, base: 0 },
      ],
      propagateTags: 'SERVICE',
      platformVersion: '1.4.0',
    });
  });

  it.each<[Partial<Record<InputName, string>>, string]>([
    [
      { 'load-balancer': `targetGroupArn=${TG},container=web` },
      `load-balancer: "targetGroupArn=${TG},container=web": give targetGroupArn, container and port, e.g. targetGroupArn=arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>,container=web,port=8080`,
    ],
    [
      { 'load-balancer': 'targetGroupArn=tg-1,container=web,port=80' },
      'load-balancer: "tg-1" is not a target group ARN (targetGroupArn=arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>)',
    ],
    [
      { 'load-balancer': `targetGroupArn=${TG},container=web,port=http` },
      `load-balancer: "targetGroupArn=${TG},container=web,port=http": port "http" is not a port number from 1 to 65535`,
    ],
    [
      { 'load-balancer': `targetGroupArn=${TG},container=web,port=80,weight=2` },
      `load-balancer: "targetGroupArn=${TG},container=web,port=80,weight=2": "weight=2" is not key=value with a key of targetGroupArn, container, containerName, port, containerPort, alternateTargetGroupArn, productionListenerRule, testListenerRule, roleArn`,
    ],
    [
      { 'health-check-grace-period-seconds': '-1' },
      'health-check-grace-period-seconds: "-1" is not a whole number from 0 to 2147483647',
    ],
    [
      { 'enable-execute-command': 'yes' },
      'enable-execute-command: "yes" is not a boolean: use true or false',
    ],
    [
      { 'deployment-minimum-healthy-percent': '100', 'deployment-maximum-percent': '100' },
      'deployment-maximum-percent: is 100 with deployment-minimum-healthy-percent 100: a deployment could neither start a new task nor stop an old one; raise the maximum or lower the minimum',
    ],
    [
      { 'deployment-maximum-percent': '50' },
      'deployment-maximum-percent: "50" is not a whole number from 100 to 1000',
    ],
    [
      { 'capacity-provider-strategy': 'capacityProvider=FARGATE_SPOT,weight=1' },
      'capacity-provider-strategy: FARGATE_SPOT runs Fargate tasks: set launch-type: FARGATE, for which the task definition is rendered',
    ],
    [
      { 'capacity-provider-strategy': 'capacityProvider=my-asg,weight=0' },
      'capacity-provider-strategy: needs a weight above 0 on at least one capacity provider',
    ],
    [{ 'propagate-tags': 'ALL' }, 'propagate-tags: "ALL" is not one of TASK_DEFINITION, SERVICE, NONE'],
    [
      { 'platform-version': '1.4.0' },
      'platform-version: is for Fargate: set launch-type: FARGATE, or leave platform-version empty',
    ],
    [
      { 'run-before-deploy': 'web:' },
      'run-before-deploy: "web:": no command after the colon; give one, or only the service name',
    ],
    [
      { 'run-before-deploy': 'web: bin/migrate "unclosed' },
      'run-before-deploy: "web: bin/migrate \\"unclosed": the command has an unterminated double quote',
    ],
    [
      { 'run-before-deploy': '--rm web' },
      'run-before-deploy: "--rm web": give a compose service name, or "service: command", e.g. web: bin/migrate',
    ],
    [{ 'run-timeout-minutes': '0' }, 'run-timeout-minutes: "0" is not a number of minutes from 0.1 to 360'],
    [{ 'run-timeout-minutes': '1m' }, 'run-timeout-minutes: "1m" is not a number of minutes from 0.1 to 360'],
  ])('refuses %j', (inputs, expected) => {
    expect(problems(inputs)).toEqual([expected]);
  });

  it('reads one-off tasks: a service alone, or a command split as compose splits a command string', () => {
    const config = parse({
      'run-before-deploy': "migrate\nweb: bin/rails db:migrate 'VERBOSE=true'\n",
      'run-timeout-minutes': '0.5',
    });
    expect(config.runBeforeDeploy).toEqual([
      { container: 'migrate', line: 'migrate' },
      {
        container: 'web',
        command: ['bin/rails', 'db:migrate', 'VERBOSE=true'],
        line: "web: bin/rails db:migrate 'VERBOSE=true'",
      },
    ]);
    expect(config.runTimeoutMs).toBe(30_000);
  });
});

describe('autoscaling inputs', () => {
  it('read the capacities and the target-tracking policies', () => {
    expect(
      parse({
        'autoscaling-min-capacity': '1',
        'autoscaling-max-capacity': '4',
        'autoscaling-target-tracking': 'metric=cpu,target=60\nmetric=memory,target=75.5,scaleInCooldown=300',
      }).serviceSettings.autoscaling,
    ).toEqual({
      min: 1,
      max: 4,
      policies: [
        { metric: 'cpu', target: 60 },
        { metric: 'memory', target: 75.5, scaleInCooldown: 300 },
      ],
    });
  });

  it('refuse what cannot scale, before anything runs', () => {
    expect(problems({ 'autoscaling-max-capacity': '4' })).toEqual([
      'autoscaling-min-capacity: give both the min and the max capacity',
    ]);
    expect(
      problems({
        'autoscaling-min-capacity': '5',
        'autoscaling-max-capacity': '4',
        'autoscaling-target-tracking':
          'metric=cpu,target=160\nmetric=alb-requests,target=100\nmetric=disk,target=1',
      }),
    ).toEqual([
      'autoscaling-min-capacity: 5 is above autoscaling-max-capacity 4',
      'autoscaling-target-tracking: "metric=cpu,target=160": target must be a percentage above 0, at most 100',
      'autoscaling-target-tracking: "metric=alb-requests,target=100": ALB requests per target need a target group: set load-balancer',
      'autoscaling-target-tracking: "metric=disk,target=1": metric must be one of cpu, memory, alb-requests',
    ]);
    expect(problems({ 'autoscaling-target-tracking': 'metric=cpu,target=60' })).toEqual([
      'autoscaling-target-tracking: needs autoscaling-min-capacity and autoscaling-max-capacity',
    ]);
  });

  it('ALB requests with a target group', () => {
    expect(
      parse({
        'load-balancer': `targetGroupArn=${TG},container=web,port=80`,
        'autoscaling-min-capacity': '1',
        'autoscaling-max-capacity': '2',
        'autoscaling-target-tracking': 'metric=alb-requests,target=1000',
      }).serviceSettings.autoscaling?.policies,
    ).toEqual([{ metric: 'alb-requests', target: 1000 }]);
  });
});

describe('deployment strategy inputs', () => {
  const GREEN = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green/fedcba9876543210';
  const RULE =
    'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/0123456789abcdef/0123456789abcdef/0123456789abcdef';
  const ROLE = 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers';
  const HOOK = 'arn:aws:lambda:us-east-1:123456789012:function:smoke';
  const blueGreen = `targetGroupArn=${TG},container=web,port=80,alternateTargetGroupArn=${GREEN},productionListenerRule=${RULE},roleArn=${ROLE}`;

  it('reads a canary with its alternate target group, alarms and hooks', () => {
    const config = parse({
      'load-balancer': blueGreen,
      'deployment-strategy': 'canary',
      'deployment-bake-time-minutes': '10',
      'deployment-step-percent': '12.5',
      'deployment-step-bake-minutes': '5',
      'deployment-alarms': 'web-5xx, web-latency',
      'deployment-lifecycle-hooks': `function=${HOOK},role=${ROLE},stages=POST_TEST_TRAFFIC_SHIFT|PRE_SCALE_UP`,
    });
    expect(config.serviceSettings.strategy).toEqual({
      strategy: 'CANARY',
      bakeTimeInMinutes: 10,
      stepPercent: 12.5,
      stepBakeTimeInMinutes: 5,
      alarms: ['web-5xx', 'web-latency'],
      hooks: [{ functionArn: HOOK, roleArn: ROLE, stages: ['POST_TEST_TRAFFIC_SHIFT', 'PRE_SCALE_UP'] }],
    });
    expect(config.serviceSettings.loadBalancers[0]?.advanced).toEqual({
      alternateTargetGroupArn: GREEN,
      productionListenerRule: RULE,
      roleArn: ROLE,
    });
  });

  it.each([
    [
      { 'deployment-strategy': 'RED_BLACK' },
      'deployment-strategy: "RED_BLACK" is not one of ROLLING, BLUE_GREEN, LINEAR, CANARY',
    ],
    [
      { 'deployment-bake-time-minutes': '5' },
      'deployment-bake-time-minutes: is for BLUE_GREEN, LINEAR and CANARY deployments (deployment-strategy is ROLLING)',
    ],
    [
      { 'deployment-strategy': 'BLUE_GREEN', 'deployment-step-percent': '10' },
      'deployment-step-percent: is for LINEAR and CANARY deployments (deployment-strategy is BLUE_GREEN)',
    ],
    [
      { 'deployment-strategy': 'LINEAR', 'deployment-step-percent': '2' },
      'deployment-step-percent: "2" is not a percentage from 3 to 100 in steps of 0.1',
    ],
    [
      { 'deployment-strategy': 'BLUE_GREEN', 'load-balancer': `targetGroupArn=${TG},container=web,port=80` },
      'load-balancer: BLUE_GREEN shifts traffic between two target groups: give the line of web:80 alternateTargetGroupArn=<arn>, productionListenerRule=<arn> and roleArn=<arn> (testListenerRule=<arn> optional)',
    ],
    [
      { 'load-balancer': blueGreen, 'deployment-strategy': 'ROLLING' },
      'load-balancer: an alternate target group is for BLUE_GREEN, LINEAR and CANARY deployments (deployment-strategy is ROLLING)',
    ],
    [
      {
        'deployment-strategy': 'BLUE_GREEN',
        'deployment-lifecycle-hooks': `function=${HOOK},role=${ROLE},stages=BAKE_TIME`,
      },
      `deployment-lifecycle-hooks: "function=${HOOK},role=${ROLE},stages=BAKE_TIME": BAKE_TIME is not a stage a hook runs at (RECONCILE_SERVICE, PRE_SCALE_UP, POST_SCALE_UP, TEST_TRAFFIC_SHIFT, POST_TEST_TRAFFIC_SHIFT, PRODUCTION_TRAFFIC_SHIFT, POST_PRODUCTION_TRAFFIC_SHIFT)`,
    ],
  ])('refuses %j', (inputs, expected) => {
    expect(problems(inputs as Partial<Record<InputName, string>>)).toEqual([expected]);
  });
});
