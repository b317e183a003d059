import type {
  DeploymentConfiguration,
  DeploymentLifecycleHook,
  DeploymentLifecycleHookStage,
  DeploymentStrategy,
} from '@aws-sdk/client-ecs';

/**
 * One service's deployment strategy, as ECS's own deployment controller takes it since 2025
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-blue-green.html):
 * rolling, blue/green, linear or canary, with a bake time, CloudWatch alarms that roll the
 * deployment back, and Lambda functions run at lifecycle stages. Pure.
 */
export interface StrategySettings {
  strategy: DeploymentStrategy;
  /** Both revisions run this long after production traffic moved (BLUE_GREEN, LINEAR, CANARY). */
  bakeTimeInMinutes?: number;
  /** CANARY: the share moved first; LINEAR: the share moved at each step. */
  stepPercent?: number;
  /** CANARY: how long the canary runs; LINEAR: how long between steps. */
  stepBakeTimeInMinutes?: number;
  /** CloudWatch alarms: one in ALARM fails the deployment, and ECS rolls it back. */
  alarms: string[];
  hooks: LifecycleHook[];
}

export interface LifecycleHook {
  functionArn: string;
  /** The role ECS invokes the function with. */
  roleArn: string;
  stages: DeploymentLifecycleHookStage[];
}

/** Strategies whose traffic ECS shifts between two revisions. */
export function shiftsTraffic(strategy: string | undefined): boolean {
  return strategy === 'BLUE_GREEN' || strategy === 'LINEAR' || strategy === 'CANARY';
}

/** The deploymentConfiguration fields of the strategy (merged over the rest by the caller). */
export function strategyFields(s: StrategySettings): DeploymentConfiguration {
  return {
    strategy: s.strategy,
    ...(s.bakeTimeInMinutes !== undefined && { bakeTimeInMinutes: s.bakeTimeInMinutes }),
    ...(s.strategy === 'CANARY' && {
      canaryConfiguration: {
        ...(s.stepPercent !== undefined && { canaryPercent: s.stepPercent }),
        ...(s.stepBakeTimeInMinutes !== undefined && { canaryBakeTimeInMinutes: s.stepBakeTimeInMinutes }),
      },
    }),
    ...(s.strategy === 'LINEAR' && {
      linearConfiguration: {
        ...(s.stepPercent !== undefined && { stepPercent: s.stepPercent }),
        ...(s.stepBakeTimeInMinutes !== undefined && { stepBakeTimeInMinutes: s.stepBakeTimeInMinutes }),
      },
    }),
    ...(s.alarms.length > 0 && { alarms: { alarmNames: [...s.alarms], enable: true, rollback: true } }),
    ...(s.hooks.length > 0 && { lifecycleHooks: s.hooks.map(lifecycleHook) }),
  };
}

function lifecycleHook(h: LifecycleHook): DeploymentLifecycleHook {
  return {
    targetType: 'AWS_LAMBDA',
    hookTargetArn: h.functionArn,
    roleArn: h.roleArn,
    lifecycleStages: [...h.stages],
  };
}

/**
 * What the strategy inputs would change in the service's deploymentConfiguration: the fields to
 * send (the whole configuration, so what is not ours stays) and a line each; none when it
 * already has them.
 */
export function strategyUpdate(
  current: DeploymentConfiguration | undefined,
  s: StrategySettings,
): { lines: string[] } {
  const want = strategyFields(s);
  const lines: string[] = [];
  const have = current ?? {};
  const said = (v: unknown) =>
    v === undefined ? '(none)' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  const haveStrategy = have.strategy ?? 'ROLLING';
  if (haveStrategy !== want.strategy)
    lines.push(`deployment strategy: ${haveStrategy} -> ${want.strategy ?? '?'}`);
  if (want.bakeTimeInMinutes !== undefined && want.bakeTimeInMinutes !== have.bakeTimeInMinutes)
    lines.push(`bake time: ${said(have.bakeTimeInMinutes)} -> ${want.bakeTimeInMinutes} min`);
  for (const key of ['canaryConfiguration', 'linearConfiguration'] as const) {
    if (want[key] && !same(want[key], have[key]))
      lines.push(`${key}: ${said(have[key])} -> ${said(want[key])}`);
  }
  if (want.alarms && !same(want.alarms.alarmNames, have.alarms?.enable ? have.alarms.alarmNames : undefined))
    lines.push(`deployment alarms: ${(want.alarms.alarmNames ?? []).join(', ')}`);
  if (
    want.lifecycleHooks &&
    !same(want.lifecycleHooks.map(hookKey), (have.lifecycleHooks ?? []).map(hookKey))
  )
    lines.push(
      `lifecycle hooks: ${s.hooks.map((h) => `${h.functionArn.split(':').pop() ?? '?'} at ${h.stages.join(', ')}`).join('; ')}`,
    );
  return { lines };
}

const hookKey = (h: DeploymentLifecycleHook) =>
  `${h.hookTargetArn ?? ''} ${h.roleArn ?? ''} ${[...(h.lifecycleStages ?? [])].sort().join(',')}`;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}

function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .sort(([x], [y]) => x.localeCompare(y))
        .map(([k, x]) => [k, sorted(x)]),
    );
  return v;
}
