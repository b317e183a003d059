import type {
  Device,
  HostEntry,
  KeyValuePair,
  LogConfiguration,
  SystemControl,
  Ulimit,
} from '@aws-sdk/client-ecs';
import type * as compose from '../compose/canonical/types';
import type { TranslateContext } from './context';

/**
 * Name/value entries as ECS takes them: an entry without a value is left out with a warning,
 * and the rest are ordered by name, so the same settings always give the same task definition.
 */
export function keyValues(
  ctx: TranslateContext,
  entries: readonly compose.KeyValue[],
  what: string,
): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const { key, value, at } of entries) {
    if (value === null) ctx.problems.warn(at, `${what} "${key}" has no value and is left out; ECS needs one`);
    else pairs.push([key, value]);
  }
  return pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function environment(ctx: TranslateContext, entries: readonly compose.KeyValue[]): KeyValuePair[] {
  return keyValues(ctx, entries, 'variable').map(([name, v]) => ({ name, value: v }));
}

export function extraHosts(entries: readonly compose.HostEntry[]): HostEntry[] {
  return entries.map(({ hostname, ip }) => ({ hostname, ipAddress: ip }));
}

const ULIMITS = [
  'core', 'cpu', 'data', 'fsize', 'locks', 'memlock', 'msgqueue', 'nice', 'nofile', 'nproc', 'rss', 'rtprio',
  'rttime', 'sigpending', 'stack',
] as const; // prettier-ignore

export function ulimits(ctx: TranslateContext, limits: readonly compose.Ulimit[]): Ulimit[] {
  return limits.flatMap(({ name, soft, hard, at }) => {
    const supported = ULIMITS.find((u) => u === name);
    if (supported) return [{ name: supported, softLimit: soft, hardLimit: hard }];
    ctx.problems.error(at, `ECS does not support the ulimit "${name}"; it supports ${ULIMITS.join(', ')}`);
    return [];
  });
}

const LOG_DRIVERS = [
  'awslogs',
  'fluentd',
  'gelf',
  'json-file',
  'journald',
  'logentries',
  'splunk',
  'syslog',
  'awsfirelens',
];
const FARGATE_LOG_DRIVERS = ['awslogs', 'splunk', 'awsfirelens'];

/** `logging: { driver, options }` (or v1 `log_driver` + `log_opt`) -> logConfiguration. */
export function logConfiguration(
  ctx: TranslateContext,
  logging: compose.Logging,
): LogConfiguration | undefined {
  const { driver, at } = logging;
  if (driver === undefined) {
    ctx.problems.error(at, 'needs a driver, e.g. awslogs');
    return undefined;
  }
  const allowed = ctx.launchType === 'FARGATE' ? FARGATE_LOG_DRIVERS : LOG_DRIVERS;
  if (!allowed.includes(driver)) {
    ctx.problems.error(
      at,
      `log driver "${driver}" is not supported on ${ctx.launchType}; use one of ${allowed.join(', ')}`,
    );
    return undefined;
  }
  const pairs = keyValues(ctx, logging.options, 'option');
  return {
    logDriver: driver as LogConfiguration['logDriver'],
    ...(pairs.length > 0 && { options: Object.fromEntries(pairs) }),
  };
}

const PERMISSIONS = { r: 'read', w: 'write', m: 'mknod' } as const;

/** `devices:` -> devices, permissions in ECS's words. */
export function devices(entries: readonly compose.Device[]): Device[] {
  return entries.map(({ source, target, permissions }) => {
    const perms = [...new Set(permissions ?? '')].map((p) => PERMISSIONS[p as keyof typeof PERMISSIONS]);
    return {
      hostPath: source,
      ...(target && { containerPath: target }),
      ...(perms.length > 0 && { permissions: perms }),
    };
  });
}

/** Capabilities as ECS names them: upper case, without the CAP_ prefix. */
export function capabilities(entries: readonly compose.Located<string>[] = []): string[] {
  return entries.map(({ value }) => value.toUpperCase().replace(/^CAP_/, ''));
}

export function systemControls(ctx: TranslateContext, entries: readonly compose.KeyValue[]): SystemControl[] {
  return keyValues(ctx, entries, 'sysctl').map(([namespace, v]) => ({ namespace, value: v }));
}
