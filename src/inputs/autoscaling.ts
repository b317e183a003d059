import type { Fail } from './files';
import type { InputName } from './spec';
import { int, lines } from './values';
import type { AutoscalingSettings, ScalingMetric, TargetTracking } from '../ecs/autoscaling';

type Get = (name: InputName) => string;

/** ECS services run at most this many tasks (Application Auto Scaling takes the same bound). */
const MAX_TASKS = 5000;
const METRICS: readonly ScalingMetric[] = ['cpu', 'memory', 'alb-requests'];

/**
 * The autoscaling inputs: none, or a min and max capacity with target-tracking policies. `lb`:
 * whether the service has a target group, which ALB requests per target need. Undefined: the
 * service's autoscaling is left as it is.
 */
export function readAutoscaling(get: Get, fail: Fail, lb: boolean): AutoscalingSettings | undefined {
  const minText = get('autoscaling-min-capacity');
  const maxText = get('autoscaling-max-capacity');
  const policyLines = lines(get('autoscaling-target-tracking'));
  if (minText === '' && maxText === '') {
    if (policyLines.length > 0)
      fail('autoscaling-target-tracking', 'needs autoscaling-min-capacity and autoscaling-max-capacity');
    return undefined;
  }
  if (minText === '' || maxText === '') {
    fail(
      minText === '' ? 'autoscaling-min-capacity' : 'autoscaling-max-capacity',
      'give both the min and the max capacity',
    );
    return undefined;
  }
  const min = int(minText, 'autoscaling-min-capacity', 0, MAX_TASKS, fail);
  const max = int(maxText, 'autoscaling-max-capacity', 1, MAX_TASKS, fail);
  if (min > max) fail('autoscaling-min-capacity', `${min} is above autoscaling-max-capacity ${max}`);
  const policies: TargetTracking[] = [];
  for (const line of policyLines) {
    const policy = readPolicy(line, fail, lb);
    if (!policy) continue;
    if (policies.some((p) => p.metric === policy.metric))
      fail('autoscaling-target-tracking', `${policy.metric} is given twice: one policy a metric`);
    else policies.push(policy);
  }
  return { min, max, policies };
}

/** `metric=cpu,target=60[,scaleInCooldown=300][,scaleOutCooldown=60]`. */
function readPolicy(line: string, fail: Fail, lb: boolean): TargetTracking | undefined {
  const name = 'autoscaling-target-tracking';
  const values = new Map<string, string>();
  for (const part of line.split(',')) {
    const at = part.indexOf('=');
    const key = part.slice(0, at).trim();
    if (at < 0 || !['metric', 'target', 'scaleInCooldown', 'scaleOutCooldown'].includes(key)) {
      fail(
        name,
        `${JSON.stringify(line)}: give metric=<cpu|memory|alb-requests>,target=<value>[,scaleInCooldown=<s>][,scaleOutCooldown=<s>]`,
      );
      return undefined;
    }
    values.set(key, part.slice(at + 1).trim());
  }
  const metric = values.get('metric') as ScalingMetric | undefined;
  if (!metric || !METRICS.includes(metric)) {
    fail(name, `${JSON.stringify(line)}: metric must be one of ${METRICS.join(', ')}`);
    return undefined;
  }
  const target = Number(values.get('target'));
  const percent = metric !== 'alb-requests';
  if (!Number.isFinite(target) || target <= 0 || (percent && target > 100)) {
    fail(
      name,
      `${JSON.stringify(line)}: target must be ${percent ? 'a percentage above 0, at most 100' : 'a number of requests per task above 0'}`,
    );
    return undefined;
  }
  if (metric === 'alb-requests' && !lb) {
    fail(name, `${JSON.stringify(line)}: ALB requests per target need a target group: set load-balancer`);
    return undefined;
  }
  const cooldown = (key: string) => {
    const v = values.get(key);
    return v === undefined ? undefined : int(v, name, 0, 86_400, fail);
  };
  const scaleInCooldown = cooldown('scaleInCooldown');
  const scaleOutCooldown = cooldown('scaleOutCooldown');
  return {
    metric,
    target,
    ...(scaleInCooldown !== undefined && { scaleInCooldown }),
    ...(scaleOutCooldown !== undefined && { scaleOutCooldown }),
  };
}
