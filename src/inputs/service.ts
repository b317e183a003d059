import type { Fail } from './files';
import type { InputName } from './spec';
import { bool, int, lines, oneOf } from './values';
import { readAutoscaling } from './autoscaling';
import { readStrategy } from './strategy';
import type { LaunchType } from '../translate/context';
import type { CapacityProviderItem, LoadBalancerTarget, ServiceSettings } from '../ecs/settings';

type Get = (name: InputName) => string;

const TARGET_GROUP_ARN =
  /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}$/;
const CONTAINER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const CAPACITY_PROVIDER = /^[A-Za-z0-9_-]{1,255}$/;
const PLATFORM_VERSION = /^(LATEST|\d+\.\d+\.\d+)$/;
/** ECS allows at most this many target groups on one service. */
const MAX_TARGET_GROUPS = 5;

export function readServiceSettings(get: Get, launchType: LaunchType, fail: Fail): ServiceSettings {
  const optional = <T>(name: InputName, read: (value: string) => T): T | undefined => {
    const value = get(name);
    return value === '' ? undefined : read(value);
  };
  const loadBalancers = readLoadBalancers(get('load-balancer'), fail);
  const autoscaling = readAutoscaling(get, fail, loadBalancers.length > 0);
  const strategy = readStrategy(get, fail, loadBalancers);
  const settings: ServiceSettings = {
    loadBalancers,
    capacityProviderStrategy: readCapacityProviders(get('capacity-provider-strategy'), launchType, fail),
    ...(autoscaling && { autoscaling }),
    ...(strategy && { strategy }),
  };
  const grace = optional('health-check-grace-period-seconds', (v) =>
    int(v, 'health-check-grace-period-seconds', 0, 2_147_483_647, fail),
  );
  if (grace !== undefined) settings.healthCheckGracePeriodSeconds = grace;
  const exec = optional('enable-execute-command', (v) => bool(v, 'enable-execute-command', fail));
  if (exec !== undefined) settings.enableExecuteCommand = exec;
  const min = optional('deployment-minimum-healthy-percent', (v) =>
    int(v, 'deployment-minimum-healthy-percent', 0, 100, fail),
  );
  if (min !== undefined) settings.minimumHealthyPercent = min;
  const max = optional('deployment-maximum-percent', (v) =>
    int(v, 'deployment-maximum-percent', 100, 1000, fail),
  );
  if (max !== undefined) settings.maximumPercent = max;
  if (min === 100 && max === 100) {
    fail(
      'deployment-maximum-percent',
      'is 100 with deployment-minimum-healthy-percent 100: a deployment could neither start a new task nor stop an old one; raise the maximum or lower the minimum',
    );
  }
  const tags = optional('propagate-tags', (v) =>
    oneOf(v.toUpperCase(), ['TASK_DEFINITION', 'SERVICE', 'NONE'] as const, 'propagate-tags', fail),
  );
  if (tags !== undefined) settings.propagateTags = tags;
  const platform = get('platform-version');
  if (platform !== '') {
    if (!PLATFORM_VERSION.test(platform))
      fail('platform-version', `${JSON.stringify(platform)} is not LATEST or a version such as 1.4.0`);
    else if (launchType !== 'FARGATE')
      fail('platform-version', 'is for Fargate: set launch-type: FARGATE, or leave platform-version empty');
    else settings.platformVersion = platform;
  }
  return settings;
}

/** `key=value,key=value`, keys from `aliases` (each alias -> its canonical key); undefined after a fail. */
function keyValues(
  line: string,
  aliases: Record<string, string>,
  name: InputName,
  fail: Fail,
): Map<string, string> | undefined {
  const values = new Map<string, string>();
  for (const part of line.split(',')) {
    const at = part.indexOf('=');
    const key = aliases[part.slice(0, at).trim()];
    if (at < 0 || key === undefined) {
      const known = [...new Set(Object.keys(aliases))].join(', ');
      fail(
        name,
        `${JSON.stringify(line)}: ${JSON.stringify(part.trim())} is not key=value with a key of ${known}`,
      );
      return undefined;
    }
    if (values.has(key)) {
      fail(name, `${JSON.stringify(line)}: ${key} is given twice`);
      return undefined;
    }
    values.set(key, part.slice(at + 1).trim());
  }
  return values;
}

function readLoadBalancers(value: string, fail: Fail): LoadBalancerTarget[] {
  const name = 'load-balancer';
  // The names this input documents, and the AWS CLI's (containerName, containerPort).
  const aliases = {
    targetGroupArn: 'targetGroupArn',
    container: 'container',
    containerName: 'container',
    port: 'port',
    containerPort: 'port',
    alternateTargetGroupArn: 'alternateTargetGroupArn',
    productionListenerRule: 'productionListenerRule',
    testListenerRule: 'testListenerRule',
    roleArn: 'roleArn',
  };
  const targets: LoadBalancerTarget[] = [];
  for (const line of lines(value)) {
    const kv = keyValues(line, aliases, name, fail);
    if (!kv) continue;
    const arn = kv.get('targetGroupArn') ?? '';
    const container = kv.get('container') ?? '';
    const port = kv.get('port') ?? '';
    const example =
      'targetGroupArn=arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>,container=web,port=8080';
    if (arn === '' || container === '' || port === '') {
      fail(name, `${JSON.stringify(line)}: give targetGroupArn, container and port, e.g. ${example}`);
      continue;
    }
    if (!TARGET_GROUP_ARN.test(arn)) {
      fail(name, `${JSON.stringify(arn)} is not a target group ARN (${example.split(',')[0] ?? ''})`);
      continue;
    }
    if (!CONTAINER_NAME.test(container)) {
      fail(
        name,
        `${JSON.stringify(line)}: container ${JSON.stringify(container)} is not a compose service name`,
      );
      continue;
    }
    const containerPort = /^\d+$/.test(port) ? Number(port) : NaN;
    if (!(containerPort >= 1 && containerPort <= 65535)) {
      fail(
        name,
        `${JSON.stringify(line)}: port ${JSON.stringify(port)} is not a port number from 1 to 65535`,
      );
      continue;
    }
    if (
      targets.some(
        (t) => t.targetGroupArn === arn && t.containerName === container && t.containerPort === containerPort,
      )
    ) {
      fail(name, `${JSON.stringify(line)} is given twice`);
      continue;
    }
    const alternate = kv.get('alternateTargetGroupArn');
    if (alternate !== undefined && !TARGET_GROUP_ARN.test(alternate)) {
      fail(name, `${JSON.stringify(alternate)} is not a target group ARN (alternateTargetGroupArn)`);
      continue;
    }
    const advanced = {
      ...(alternate !== undefined && { alternateTargetGroupArn: alternate }),
      ...(kv.has('productionListenerRule') && { productionListenerRule: kv.get('productionListenerRule') }),
      ...(kv.has('testListenerRule') && { testListenerRule: kv.get('testListenerRule') }),
      ...(kv.has('roleArn') && { roleArn: kv.get('roleArn') }),
    };
    targets.push({
      targetGroupArn: arn,
      containerName: container,
      containerPort,
      ...(Object.keys(advanced).length > 0 && { advanced }),
    });
  }
  if (targets.length > MAX_TARGET_GROUPS)
    fail(name, `has ${targets.length} target groups; ECS allows at most ${MAX_TARGET_GROUPS} on a service`);
  return targets;
}

function readCapacityProviders(value: string, launchType: LaunchType, fail: Fail): CapacityProviderItem[] {
  const name = 'capacity-provider-strategy';
  const aliases = { capacityProvider: 'capacityProvider', weight: 'weight', base: 'base' };
  const items: CapacityProviderItem[] = [];
  for (const line of lines(value)) {
    const kv = keyValues(line, aliases, name, fail);
    if (!kv) continue;
    const provider = kv.get('capacityProvider') ?? '';
    if (!CAPACITY_PROVIDER.test(provider)) {
      fail(
        name,
        `${JSON.stringify(line)}: give capacityProvider=<name>, e.g. capacityProvider=FARGATE_SPOT,weight=1`,
      );
      continue;
    }
    if (items.some((i) => i.capacityProvider === provider)) {
      fail(name, `${JSON.stringify(provider)} is given twice`);
      continue;
    }
    const fargate = provider === 'FARGATE' || provider === 'FARGATE_SPOT';
    if (fargate !== (launchType === 'FARGATE')) {
      fail(
        name,
        fargate
          ? `${provider} runs Fargate tasks: set launch-type: FARGATE, for which the task definition is rendered`
          : `${provider} is not a Fargate capacity provider, but launch-type is FARGATE: use FARGATE or FARGATE_SPOT, or launch-type: EC2`,
      );
      continue;
    }
    items.push({
      capacityProvider: provider,
      weight: int(kv.get('weight') ?? '0', name, 0, 1000, fail),
      base: int(kv.get('base') ?? '0', name, 0, 100_000, fail),
    });
  }
  if (items.length > 0 && items.every((i) => i.weight === 0))
    fail(name, 'needs a weight above 0 on at least one capacity provider');
  if (items.filter((i) => i.base > 0).length > 1)
    fail(name, 'may give a base above 0 to one capacity provider only');
  return items;
}
