import type {
  AdvancedConfiguration,
  CapacityProviderStrategyItem,
  CreateServiceCommandInput,
  LaunchType,
  LoadBalancer,
  Service,
  UpdateServiceCommandInput,
} from '@aws-sdk/client-ecs';

import type { AutoscalingSettings } from './autoscaling';
import { shiftsTraffic, strategyFields, strategyUpdate, type StrategySettings } from './strategy';

/**
 * The service settings as ECS takes them (pure): the fields of CreateService, and the fields of
 * UpdateService that differ from what the service has, each change said in a line.
 */

/** A target group the service registers one container port with. */
export interface LoadBalancerTarget {
  targetGroupArn: string;
  /** A compose service: its container in the task definition. */
  containerName: string;
  containerPort: number;
  /** For BLUE_GREEN, LINEAR and CANARY: the alternate target group, listener rules and the role ECS shifts traffic with. */
  advanced?: AdvancedConfiguration;
}

export interface CapacityProviderItem {
  capacityProvider: string;
  weight: number;
  base: number;
}

type PropagateTags = 'TASK_DEFINITION' | 'SERVICE' | 'NONE';

/**
 * The service's own settings, as a deploy is asked for them (the action's inputs). A setting left undefined (or a list left
 * empty) is ECS's default on create and left as it is on update, so an input nobody set never
 * undoes what someone changed in the console.
 */
export interface ServiceSettings {
  loadBalancers: LoadBalancerTarget[];
  healthCheckGracePeriodSeconds?: number;
  enableExecuteCommand?: boolean;
  minimumHealthyPercent?: number;
  maximumPercent?: number;
  /** Empty: the service uses launch-type. */
  capacityProviderStrategy: CapacityProviderItem[];
  propagateTags?: PropagateTags;
  platformVersion?: string;
  /** Application Auto Scaling of the service's desired count; undefined: left as it is. */
  autoscaling?: AutoscalingSettings;
  /** ECS's deployment strategy and what goes with it; undefined: ROLLING on create, as it is on update. */
  strategy?: StrategySettings;
}

/** ECS's defaults for what a description may leave out. */
const DEFAULT_MINIMUM_HEALTHY = 100;
const DEFAULT_MAXIMUM = 200;

type CreateFields = Pick<
  CreateServiceCommandInput,
  | 'launchType'
  | 'capacityProviderStrategy'
  | 'loadBalancers'
  | 'healthCheckGracePeriodSeconds'
  | 'enableExecuteCommand'
  | 'deploymentConfiguration'
  | 'propagateTags'
  | 'platformVersion'
>;

export function createFields(
  settings: ServiceSettings | undefined,
  launchType: LaunchType | undefined,
): CreateFields {
  const s = settings ?? { loadBalancers: [], capacityProviderStrategy: [] };
  return {
    // A capacity provider strategy and a launch type are exclusive.
    ...(s.capacityProviderStrategy.length > 0
      ? { capacityProviderStrategy: s.capacityProviderStrategy.map((i) => ({ ...i })) }
      : { launchType }),
    ...(s.loadBalancers.length > 0 && { loadBalancers: loadBalancers(s) }),
    ...(s.healthCheckGracePeriodSeconds !== undefined && {
      healthCheckGracePeriodSeconds: s.healthCheckGracePeriodSeconds,
    }),
    ...(s.enableExecuteCommand !== undefined && { enableExecuteCommand: s.enableExecuteCommand }),
    deploymentConfiguration: {
      // The circuit breaker stops a deployment whose tasks keep failing and rolls it back; it is
      // the rolling strategy's (the others roll back on a failed stage, alarm or hook).
      ...(!shiftsTraffic(s.strategy?.strategy) && {
        deploymentCircuitBreaker: { enable: true, rollback: true },
      }),
      ...(s.minimumHealthyPercent !== undefined && { minimumHealthyPercent: s.minimumHealthyPercent }),
      ...(s.maximumPercent !== undefined && { maximumPercent: s.maximumPercent }),
      ...(s.strategy && strategyFields(s.strategy)),
    },
    propagateTags: s.propagateTags ?? 'TASK_DEFINITION',
    ...(s.platformVersion !== undefined && { platformVersion: s.platformVersion }),
  };
}

/** What a created service was given beyond ECS's defaults, for the report. */
export function describeCreated(settings: ServiceSettings | undefined): string[] {
  if (!settings) return [];
  const none: Service = {};
  return settingsUpdate(none, settings, { creating: true }).changes;
}

type UpdateFields = Pick<
  UpdateServiceCommandInput,
  | 'capacityProviderStrategy'
  | 'loadBalancers'
  | 'healthCheckGracePeriodSeconds'
  | 'enableExecuteCommand'
  | 'deploymentConfiguration'
  | 'propagateTags'
  | 'platformVersion'
  | 'forceNewDeployment'
>;

/** The UpdateService fields for the settings that differ from the service's, and a line for each. */
export function settingsUpdate(
  service: Service,
  settings: ServiceSettings,
  options: { creating?: boolean } = {},
): { fields: UpdateFields; changes: string[] } {
  const fields: UpdateFields = {};
  const changes: string[] = [];
  const change = (what: string, from: string, to: string) =>
    changes.push(options.creating ? `${what}: ${to}` : `${what}: ${from} -> ${to}`);

  if (settings.loadBalancers.length > 0) {
    const want = loadBalancers(settings);
    const have = service.loadBalancers ?? [];
    if (!sameSet(have.map(lbKey), want.map(lbKey))) {
      fields.loadBalancers = want;
      change('load balancers', describeLbs(have), describeLbs(want));
    }
  }
  const grace = settings.healthCheckGracePeriodSeconds;
  if (grace !== undefined && grace !== (service.healthCheckGracePeriodSeconds ?? 0)) {
    fields.healthCheckGracePeriodSeconds = grace;
    change('health check grace period', `${service.healthCheckGracePeriodSeconds ?? 0} s`, `${grace} s`);
  }
  const exec = settings.enableExecuteCommand;
  if (exec !== undefined && exec !== (service.enableExecuteCommand ?? false)) {
    fields.enableExecuteCommand = exec;
    change('ECS Exec', onOff(service.enableExecuteCommand ?? false), onOff(exec));
  }
  const current = service.deploymentConfiguration;
  const min = settings.minimumHealthyPercent;
  const max = settings.maximumPercent;
  const haveMin = current?.minimumHealthyPercent ?? DEFAULT_MINIMUM_HEALTHY;
  const haveMax = current?.maximumPercent ?? DEFAULT_MAXIMUM;
  const strategy = settings.strategy ? strategyUpdate(current, settings.strategy) : { lines: [] };
  if (
    (min !== undefined && min !== haveMin) ||
    (max !== undefined && max !== haveMax) ||
    strategy.lines.length > 0
  ) {
    // The whole object, so that what is not ours (the circuit breaker, alarms) stays as it is.
    const moving =
      settings.strategy && shiftsTraffic(settings.strategy.strategy) && !shiftsTraffic(current?.strategy);
    fields.deploymentConfiguration = {
      ...current,
      ...(min !== undefined && { minimumHealthyPercent: min }),
      ...(max !== undefined && { maximumPercent: max }),
      ...(settings.strategy && strategyFields(settings.strategy)),
      // The circuit breaker is the rolling strategy's.
      ...(moving && { deploymentCircuitBreaker: { enable: false, rollback: false } }),
    };
    if (min !== undefined && min !== haveMin) change('minimum healthy percent', `${haveMin}`, `${min}`);
    if (max !== undefined && max !== haveMax) change('maximum percent', `${haveMax}`, `${max}`);
    for (const line of strategy.lines)
      changes.push(options.creating ? line.replace(/^([^:]+): .* -> /, '$1: ') : line);
  }
  if (settings.capacityProviderStrategy.length > 0) {
    const have = service.capacityProviderStrategy ?? [];
    const want = settings.capacityProviderStrategy;
    if (!sameSet(have.map(cpKey), want.map(cpKey))) {
      fields.capacityProviderStrategy = want.map((i) => ({ ...i }));
      // ECS takes a new capacity provider strategy only with a new deployment.
      if (!options.creating) fields.forceNewDeployment = true;
      change(
        'capacity providers',
        have.length > 0 ? describeCps(have) : `launch type ${service.launchType ?? '(cluster default)'}`,
        describeCps(want),
      );
    }
  }
  const tags = settings.propagateTags;
  if (tags !== undefined && tags !== (service.propagateTags ?? 'NONE')) {
    fields.propagateTags = tags;
    change('propagate tags', service.propagateTags ?? 'NONE', tags);
  }
  const platform = settings.platformVersion;
  if (platform !== undefined && platform !== (service.platformVersion ?? 'LATEST')) {
    fields.platformVersion = platform;
    change('platform version', service.platformVersion ?? 'LATEST', platform);
  }
  return { fields, changes };
}

function loadBalancers(settings: ServiceSettings): LoadBalancer[] {
  return settings.loadBalancers.map((t) => ({
    targetGroupArn: t.targetGroupArn,
    containerName: t.containerName,
    containerPort: t.containerPort,
    ...(t.advanced && { advancedConfiguration: { ...t.advanced } }),
  }));
}

const lbKey = (l: LoadBalancer) => {
  const a = l.advancedConfiguration;
  const advanced = a
    ? ` ${a.alternateTargetGroupArn ?? ''} ${a.productionListenerRule ?? ''} ${a.testListenerRule ?? ''} ${a.roleArn ?? ''}`
    : '';
  return `${l.targetGroupArn ?? l.loadBalancerName ?? ''} ${l.containerName ?? ''}:${l.containerPort ?? ''}${advanced}`;
};
const cpKey = (i: CapacityProviderStrategyItem) =>
  `${i.capacityProvider ?? ''} ${i.weight ?? 0} ${i.base ?? 0}`;

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

function describeLbs(list: readonly LoadBalancer[]): string {
  if (list.length === 0) return 'none';
  return list
    .map((l) => {
      const group = l.targetGroupArn
        ? `target group ${l.targetGroupArn.split(':targetgroup/').pop()?.split('/')[0] ?? '?'}`
        : `load balancer ${l.loadBalancerName ?? '?'}`;
      const alternate = l.advancedConfiguration?.alternateTargetGroupArn
        ?.split(':targetgroup/')
        .pop()
        ?.split('/')[0];
      return `${l.containerName ?? '?'}:${l.containerPort ?? '?'} in ${group}${alternate ? ` (alternate ${alternate})` : ''}`;
    })
    .join(', ');
}

function describeCps(list: readonly CapacityProviderStrategyItem[]): string {
  return list
    .map((i) => `${i.capacityProvider ?? '?'} (weight ${i.weight ?? 0}, base ${i.base ?? 0})`)
    .join(', ');
}

function onOff(value: boolean): string {
  return value ? 'on' : 'off';
}
