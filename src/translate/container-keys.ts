import type {
  Device,
  HostEntry,
  KeyValuePair,
  LogConfiguration,
  SystemControl,
  Ulimit,
} from '@aws-sdk/client-ecs';
import type { JsonValue } from '../compose/types';
import { isRecord, scalarText, wholeNumber, type TranslateContext } from './context';
import type { KeyPath } from '../problems';
import { splitWords } from './words';

/** `command:` / `entrypoint:`: a string is split into words like a shell would; a list is kept. */
export function commandWords(ctx: TranslateContext, value: JsonValue, path: KeyPath): string[] | undefined {
  if (typeof value === 'string') {
    const split = splitWords(value);
    if ('error' in split) {
      ctx.problems.error(path, `${split.error}; quote or escape it, or write the command as a list`);
      return undefined;
    }
    return split.words;
  }
  if (Array.isArray(value)) {
    const words = value.map(scalarText);
    if (words.every((w): w is string => w !== undefined)) return words;
  }
  ctx.problems.error(path, 'must be a string or a list of strings');
  return undefined;
}

/**
 * A map (`KEY: value`) or a list (`KEY=value`) -> name/value pairs. `sorted` orders them by
 * name, so the same settings always give the same task definition.
 */
export function keyValues(
  ctx: TranslateContext,
  value: JsonValue,
  path: KeyPath,
  what: string,
): Array<[string, string]> | undefined {
  const pairs: Array<[string, string]> = [];
  if (isRecord(value)) {
    for (const [key, v] of Object.entries(value)) {
      const text = v === null ? undefined : scalarText(v);
      if (text === undefined) {
        ctx.problems.warn([...path, key], `${what} "${key}" has no value and is left out; ECS needs one`);
      } else pairs.push([key, text]);
    }
  } else if (Array.isArray(value)) {
    value.forEach((entry, i) => {
      const text = scalarText(entry);
      const eq = text?.indexOf('=') ?? -1;
      if (text === undefined) ctx.problems.error([...path, i], `must be a "NAME=value" string`);
      else if (eq <= 0)
        ctx.problems.warn([...path, i], `${what} "${text}" has no value and is left out; ECS needs one`);
      else pairs.push([text.slice(0, eq), text.slice(eq + 1)]);
    });
  } else {
    ctx.problems.error(path, `must be a mapping or a list of "NAME=value"`);
    return undefined;
  }
  return pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function environment(ctx: TranslateContext, value: JsonValue, path: KeyPath): KeyValuePair[] {
  return (keyValues(ctx, value, path, 'variable') ?? []).map(([name, v]) => ({ name, value: v }));
}

/** A string or a list of strings (dns, dns_search, cap_add, ...). */
export function stringList(ctx: TranslateContext, value: JsonValue, path: KeyPath): string[] {
  const list = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  list.forEach((v, i) => {
    const text = scalarText(v);
    if (text === undefined)
      ctx.problems.error(Array.isArray(value) ? [...path, i] : path, 'must be a string');
    else out.push(text);
  });
  return out;
}

/** `extra_hosts`: `"host:ip"`, `"host=ip"` or a map. The IP may be IPv6, so split at the first separator. */
export function extraHosts(ctx: TranslateContext, value: JsonValue, path: KeyPath): HostEntry[] {
  if (isRecord(value)) {
    return Object.entries(value).map(([hostname, ip]) => ({ hostname, ipAddress: scalarText(ip) ?? '' }));
  }
  return stringList(ctx, value, path).flatMap((entry, i) => {
    const match = /^([^:=]+)[:=](.+)$/.exec(entry);
    if (!match) {
      ctx.problems.error([...path, i], `"${entry}" must be "hostname:ip"`);
      return [];
    }
    return [{ hostname: match[1] as string, ipAddress: (match[2] as string).replace(/^\[|\]$/g, '') }];
  });
}

const ULIMITS = [
  'core', 'cpu', 'data', 'fsize', 'locks', 'memlock', 'msgqueue', 'nice', 'nofile', 'nproc', 'rss', 'rtprio',
  'rttime', 'sigpending', 'stack',
]; // prettier-ignore

export function ulimits(ctx: TranslateContext, value: JsonValue, path: KeyPath): Ulimit[] {
  if (!isRecord(value)) {
    ctx.problems.error(path, 'must be a mapping like { nofile: { soft: 1024, hard: 4096 } }');
    return [];
  }
  const out: Ulimit[] = [];
  for (const [name, limit] of Object.entries(value)) {
    const at = [...path, name];
    if (!ULIMITS.includes(name)) {
      ctx.problems.error(at, `ECS does not support the ulimit "${name}"; it supports ${ULIMITS.join(', ')}`);
      continue;
    }
    const single = wholeNumber(limit);
    const soft = single ?? (isRecord(limit) ? wholeNumber(limit.soft) : undefined);
    const hard = single ?? (isRecord(limit) ? wholeNumber(limit.hard) : undefined);
    if (soft === undefined || hard === undefined)
      ctx.problems.error(at, 'must be a number or { soft, hard } numbers');
    else if (soft > hard) ctx.problems.error(at, `soft limit ${soft} is above hard limit ${hard}`);
    else out.push({ name: name as Ulimit['name'], softLimit: soft, hardLimit: hard });
  }
  return out;
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
  driver: JsonValue | undefined,
  options: JsonValue | undefined,
  path: KeyPath,
): LogConfiguration | undefined {
  if (typeof driver !== 'string') {
    ctx.problems.error(path, 'needs a driver, e.g. awslogs');
    return undefined;
  }
  const allowed = ctx.launchType === 'FARGATE' ? FARGATE_LOG_DRIVERS : LOG_DRIVERS;
  if (!allowed.includes(driver)) {
    ctx.problems.error(
      path,
      `log driver "${driver}" is not supported on ${ctx.launchType}; use one of ${allowed.join(', ')}`,
    );
    return undefined;
  }
  const pairs =
    options === undefined || options === null
      ? []
      : (keyValues(ctx, options, [...path, 'options'], 'option') ?? []);
  return {
    logDriver: driver as LogConfiguration['logDriver'],
    ...(pairs.length > 0 && { options: Object.fromEntries(pairs) }),
  };
}

/** `devices: ["/dev/fuse", "/dev/sda:/dev/xvda:rwm"]` -> devices. */
export function devices(ctx: TranslateContext, value: JsonValue, path: KeyPath): Device[] {
  return stringList(ctx, value, path).flatMap((entry, i) => {
    const [hostPath = '', containerPath, permissions] = entry.split(':');
    if (!hostPath.startsWith('/') || (permissions !== undefined && !/^[rwm]+$/.test(permissions))) {
      ctx.problems.error([...path, i], `"${entry}" must be /host/path[:/container/path[:rwm]]`);
      return [];
    }
    const perms = permissions
      ? [...new Set(permissions)].map((p) => ({ r: 'read', w: 'write', m: 'mknod' })[p])
      : [];
    return [
      {
        hostPath,
        ...(containerPath && { containerPath }),
        ...(perms.length > 0 && { permissions: perms as Device['permissions'] }),
      },
    ];
  });
}

/** Capabilities as ECS names them: upper case, without the CAP_ prefix. */
export function capabilities(ctx: TranslateContext, value: JsonValue, path: KeyPath): string[] {
  return stringList(ctx, value, path).map((c) => c.toUpperCase().replace(/^CAP_/, ''));
}

export function systemControls(ctx: TranslateContext, value: JsonValue, path: KeyPath): SystemControl[] {
  return (keyValues(ctx, value, path, 'sysctl') ?? []).map(([namespace, v]) => ({ namespace, value: v }));
}
