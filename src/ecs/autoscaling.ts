import type {
  ApplicationAutoScalingClient,
  PutScalingPolicyCommandInput,
  ScalableTarget,
  ScalingPolicy,
} from '@aws-sdk/client-application-auto-scaling';
import type { Log } from '../log';

/**
 * One ECS service's Application Auto Scaling: a scalable target on its desired count (min, max)
 * and target-tracking policies, registered and put only where they differ from what is there
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-autoscaling-targettracking.html).
 * The deploy never sends a desired count on update, so what autoscaling set stays.
 */

/** What a target-tracking policy keeps at its target: average CPU or memory, or ALB requests per task. */
export type ScalingMetric = 'cpu' | 'memory' | 'alb-requests';

export interface TargetTracking {
  metric: ScalingMetric;
  /** Percent for cpu and memory; requests per target for alb-requests. */
  target: number;
  scaleInCooldown?: number;
  scaleOutCooldown?: number;
}

export interface AutoscalingSettings {
  min: number;
  max: number;
  policies: TargetTracking[];
}

const METRIC_TYPE = {
  cpu: 'ECSServiceAverageCPUUtilization',
  memory: 'ECSServiceAverageMemoryUtilization',
  'alb-requests': 'ALBRequestCountPerTarget',
} as const;

const DIMENSION = 'ecs:service:DesiredCount';
/** Our policies are named so, and only they are updated or removed. */
const POLICY_PREFIX = 'habitat-ecs-deploy-';

/** What is there now for the service. */
export interface CurrentScaling {
  target?: Pick<ScalableTarget, 'MinCapacity' | 'MaxCapacity'>;
  policies: readonly ScalingPolicy[];
}

/** The calls that make `current` what the settings ask, and a line for each change. */
export interface ScalingChange {
  register?: { min: number; max: number };
  put: PutScalingPolicyCommandInput[];
  remove: string[];
  lines: string[];
}

/** The resource id Application Auto Scaling names an ECS service by. */
export function scalingResourceId(cluster: string, service: string): string {
  const name = (s: string) => s.split('/').pop() ?? s;
  return `service/${name(cluster)}/${name(service)}`;
}

/** The desired count a service is created with: the input, within the scalable target's bounds. */
export function initialDesiredCount(desired: number, scaling: AutoscalingSettings | undefined): number {
  return scaling ? Math.min(scaling.max, Math.max(scaling.min, desired)) : desired;
}

/**
 * What to change (pure). `resourceLabel`: the ALB's `app/<lb>/<id>/targetgroup/<tg>/<id>`, for
 * an alb-requests policy.
 */
export function scalingChange(
  resourceId: string,
  current: CurrentScaling,
  wanted: AutoscalingSettings,
  resourceLabel?: string,
): ScalingChange {
  const change: ScalingChange = { put: [], remove: [], lines: [] };
  const have = current.target;
  if (!have) {
    change.register = { min: wanted.min, max: wanted.max };
    change.lines.push(`autoscaling: ${wanted.min}-${wanted.max} tasks`);
  } else if (have.MinCapacity !== wanted.min || have.MaxCapacity !== wanted.max) {
    change.register = { min: wanted.min, max: wanted.max };
    change.lines.push(
      `autoscaling: ${have.MinCapacity ?? '?'}-${have.MaxCapacity ?? '?'} -> ${wanted.min}-${wanted.max} tasks`,
    );
  }
  for (const policy of wanted.policies) {
    const name = `${POLICY_PREFIX}${policy.metric}`;
    const input: PutScalingPolicyCommandInput = {
      PolicyName: name,
      ServiceNamespace: 'ecs',
      ResourceId: resourceId,
      ScalableDimension: DIMENSION,
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: policy.target,
        PredefinedMetricSpecification: {
          PredefinedMetricType: METRIC_TYPE[policy.metric],
          ...(policy.metric === 'alb-requests' && resourceLabel && { ResourceLabel: resourceLabel }),
        },
        ...(policy.scaleInCooldown !== undefined && { ScaleInCooldown: policy.scaleInCooldown }),
        ...(policy.scaleOutCooldown !== undefined && { ScaleOutCooldown: policy.scaleOutCooldown }),
      },
    };
    const existing = current.policies.find((p) => p.PolicyName === name);
    const what = `${describeMetric(policy.metric)} at ${policy.target}${policy.metric === 'alb-requests' ? '' : '%'}`;
    if (!existing) {
      change.put.push(input);
      change.lines.push(`autoscaling policy ${name}: ${what}`);
    } else if (!samePolicy(existing, input)) {
      change.put.push(input);
      const was = existing.TargetTrackingScalingPolicyConfiguration?.TargetValue;
      change.lines.push(`autoscaling policy ${name}: ${was ?? '?'} -> ${what}`);
    }
  }
  const wantedNames = new Set(wanted.policies.map((p) => `${POLICY_PREFIX}${p.metric}`));
  for (const p of current.policies) {
    const name = p.PolicyName ?? '';
    if (name.startsWith(POLICY_PREFIX) && !wantedNames.has(name)) {
      change.remove.push(name);
      change.lines.push(`autoscaling policy ${name}: removed`);
    }
  }
  return change;
}

function describeMetric(metric: ScalingMetric): string {
  return metric === 'cpu' ? 'average CPU' : metric === 'memory' ? 'average memory' : 'ALB requests per task';
}

function samePolicy(existing: ScalingPolicy, wanted: PutScalingPolicyCommandInput): boolean {
  const a = existing.TargetTrackingScalingPolicyConfiguration;
  const b = wanted.TargetTrackingScalingPolicyConfiguration;
  return (
    existing.PolicyType === 'TargetTrackingScaling' &&
    a?.TargetValue === b?.TargetValue &&
    a?.PredefinedMetricSpecification?.PredefinedMetricType ===
      b?.PredefinedMetricSpecification?.PredefinedMetricType &&
    (a?.PredefinedMetricSpecification?.ResourceLabel ?? '') ===
      (b?.PredefinedMetricSpecification?.ResourceLabel ?? '') &&
    a?.ScaleInCooldown === b?.ScaleInCooldown &&
    a?.ScaleOutCooldown === b?.ScaleOutCooldown
  );
}

/** The service's scalable target and its policies, read. */
export async function readScaling(
  aas: ApplicationAutoScalingClient,
  resourceId: string,
): Promise<CurrentScaling> {
  const sdk = await import('../aws/sdk/autoscaling');
  const targets = await aas.send(
    new sdk.DescribeScalableTargetsCommand({
      ServiceNamespace: 'ecs',
      ResourceIds: [resourceId],
      ScalableDimension: DIMENSION,
    }),
  );
  const target = targets.ScalableTargets?.[0];
  if (!target) return { policies: [] };
  const policies = await aas.send(
    new sdk.DescribeScalingPoliciesCommand({
      ServiceNamespace: 'ecs',
      ResourceId: resourceId,
      ScalableDimension: DIMENSION,
      MaxResults: 50,
    }),
  );
  return { target, policies: policies.ScalingPolicies ?? [] };
}

/** Makes the calls of a change; each is idempotent, so a rerun after a failure finishes the job. */
export async function applyScaling(
  aas: ApplicationAutoScalingClient,
  resourceId: string,
  change: ScalingChange,
  log: Log,
): Promise<void> {
  const sdk = await import('../aws/sdk/autoscaling');
  if (change.register) {
    // Registering an existing target updates it; the service-linked role is ECS's own.
    await aas.send(
      new sdk.RegisterScalableTargetCommand({
        ServiceNamespace: 'ecs',
        ResourceId: resourceId,
        ScalableDimension: DIMENSION,
        MinCapacity: change.register.min,
        MaxCapacity: change.register.max,
      }),
    );
  }
  for (const input of change.put) await aas.send(new sdk.PutScalingPolicyCommand(input));
  for (const name of change.remove) {
    await aas.send(
      new sdk.DeleteScalingPolicyCommand({
        PolicyName: name,
        ServiceNamespace: 'ecs',
        ResourceId: resourceId,
        ScalableDimension: DIMENSION,
      }),
    );
  }
  for (const line of change.lines) log.info(`Autoscaling of ${resourceId}: ${line}`);
}
