import type { DeploymentLifecycleHookStage, DeploymentStrategy } from '@aws-sdk/client-ecs';
import type { Fail } from './files';
import type { InputName } from './spec';
import { int, lines, oneOf } from './values';
import type { LoadBalancerTarget } from '../ecs/settings';
import { shiftsTraffic, type LifecycleHook, type StrategySettings } from '../ecs/strategy';

type Get = (name: InputName) => string;

const STRATEGIES: readonly DeploymentStrategy[] = ['ROLLING', 'BLUE_GREEN', 'LINEAR', 'CANARY'];
/** The stages a hook may run at (RECONCILE_SERVICE included, as ECS allows). */
const STAGES: readonly DeploymentLifecycleHookStage[] = [
  'RECONCILE_SERVICE', 'PRE_SCALE_UP', 'POST_SCALE_UP', 'TEST_TRAFFIC_SHIFT', 'POST_TEST_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT', 'POST_PRODUCTION_TRAFFIC_SHIFT',
]; // prettier-ignore
const LAMBDA_ARN =
  /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]+)?$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const ALARM_NAME = /^[^\s,][^,]{0,254}$/;

/**
 * The deployment strategy inputs, checked against ECS's rules before anything runs
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html,
 * API_CanaryConfiguration, API_LinearConfiguration, API_DeploymentLifecycleHook). Undefined when
 * none is given: the service keeps what it has.
 */
export function readStrategy(
  get: Get,
  fail: Fail,
  loadBalancers: readonly LoadBalancerTarget[],
): StrategySettings | undefined {
  const names: InputName[] = [
    'deployment-strategy', 'deployment-bake-time-minutes', 'deployment-step-percent',
    'deployment-step-bake-minutes', 'deployment-alarms', 'deployment-lifecycle-hooks',
  ]; // prettier-ignore
  if (names.every((n) => get(n) === '')) return undefined;
  const given = get('deployment-strategy').toUpperCase();
  const strategy =
    given === '' ? 'ROLLING' : (oneOf(given, STRATEGIES, 'deployment-strategy', fail) ?? 'ROLLING');
  const shifts = shiftsTraffic(strategy);
  const only = (name: InputName, when: boolean, which: string) => {
    if (get(name) !== '' && !when)
      fail(name, `is for ${which} deployments (deployment-strategy is ${strategy})`);
    return get(name) !== '' && when;
  };
  const settings: StrategySettings = {
    strategy,
    alarms: readAlarms(get('deployment-alarms'), fail),
    hooks: [],
  };
  if (only('deployment-bake-time-minutes', shifts, 'BLUE_GREEN, LINEAR and CANARY'))
    settings.bakeTimeInMinutes = int(
      get('deployment-bake-time-minutes'),
      'deployment-bake-time-minutes',
      0,
      1440,
      fail,
    );
  const stepped = strategy === 'LINEAR' || strategy === 'CANARY';
  if (only('deployment-step-percent', stepped, 'LINEAR and CANARY'))
    settings.stepPercent = readPercent(get('deployment-step-percent'), strategy === 'LINEAR' ? 3 : 0.1, fail);
  if (only('deployment-step-bake-minutes', stepped, 'LINEAR and CANARY'))
    settings.stepBakeTimeInMinutes = int(
      get('deployment-step-bake-minutes'),
      'deployment-step-bake-minutes',
      0,
      1440,
      fail,
    );
  if (only('deployment-lifecycle-hooks', shifts, 'BLUE_GREEN, LINEAR and CANARY'))
    settings.hooks = readHooks(get('deployment-lifecycle-hooks'), fail);
  if (shifts) {
    // ECS shifts traffic between the target group and its alternate, through the production
    // listener rule, with this role; a service without a load balancer is "headless": no traffic
    // is shifted (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/blue-green-deployment-implementation.html).
    for (const lb of loadBalancers) {
      const a = lb.advanced;
      if (!a?.alternateTargetGroupArn || !a.productionListenerRule || !a.roleArn)
        fail(
          'load-balancer',
          `${strategy} shifts traffic between two target groups: give the line of ${lb.containerName}:${lb.containerPort} alternateTargetGroupArn=<arn>, productionListenerRule=<arn> and roleArn=<arn> (testListenerRule=<arn> optional)`,
        );
    }
  } else if (loadBalancers.some((lb) => lb.advanced)) {
    fail(
      'load-balancer',
      `an alternate target group is for BLUE_GREEN, LINEAR and CANARY deployments (deployment-strategy is ${strategy})`,
    );
  }
  return settings;
}

/** A multiple of 0.1 from `min` to 100. */
function readPercent(value: string, min: number, fail: Fail): number | undefined {
  const n = Number(value);
  if (!/^\d+(\.\d)?$/.test(value) || n < min || n > 100) {
    fail(
      'deployment-step-percent',
      `${JSON.stringify(value)} is not a percentage from ${min} to 100 in steps of 0.1`,
    );
    return undefined;
  }
  return n;
}

function readAlarms(value: string, fail: Fail): string[] {
  const names = value
    .split(/[\n,]/)
    .map((n) => n.trim())
    .filter((n) => n !== '' && !n.startsWith('#'));
  for (const n of names)
    if (!ALARM_NAME.test(n)) fail('deployment-alarms', `${JSON.stringify(n)} is not a CloudWatch alarm name`);
  return [...new Set(names)];
}

/** `function=<lambda arn>,role=<role arn>,stages=<STAGE>[|<STAGE>...]`, one a line. */
function readHooks(value: string, fail: Fail): LifecycleHook[] {
  const name = 'deployment-lifecycle-hooks';
  const example =
    'function=arn:aws:lambda:<region>:<account>:function:<name>,role=arn:aws:iam::<account>:role/<name>,stages=POST_TEST_TRAFFIC_SHIFT';
  return lines(value).flatMap((line) => {
    const kv = new Map<string, string>();
    for (const part of line.split(',')) {
      const at = part.indexOf('=');
      kv.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
    }
    const functionArn = kv.get('function') ?? '';
    const roleArn = kv.get('role') ?? '';
    const stages = (kv.get('stages') ?? '')
      .split('|')
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean);
    if ([...kv.keys()].some((k) => !['function', 'role', 'stages'].includes(k)) || stages.length === 0) {
      fail(name, `${JSON.stringify(line)}: give ${example}`);
      return [];
    }
    if (!LAMBDA_ARN.test(functionArn)) {
      fail(name, `${JSON.stringify(functionArn)} is not a Lambda function ARN`);
      return [];
    }
    if (!ROLE_ARN.test(roleArn)) {
      fail(name, `${JSON.stringify(line)}: role must be the ARN of the role ECS invokes the function with`);
      return [];
    }
    const bad = stages.filter((s) => !(STAGES as readonly string[]).includes(s));
    if (bad.length > 0) {
      fail(
        name,
        `${JSON.stringify(line)}: ${bad.join(', ')} is not a stage a hook runs at (${STAGES.join(', ')})`,
      );
      return [];
    }
    return [{ functionArn, roleArn, stages: stages as DeploymentLifecycleHookStage[] }];
  });
}
