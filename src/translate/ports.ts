import type { PortMapping } from '@aws-sdk/client-ecs';
import type { JsonValue } from '../compose/types';
import { isRecord, type TranslateContext } from './context';
import type { KeyPath } from '../problems';

/** A range written as `8000-8002` expands to this many mappings at most; ECS has a small limit anyway. */
const MAX_RANGE = 100;

/**
 * `ports:` entries -> portMappings. Short syntax `[host_ip:][host[-end]:]container[-end][/proto]`
 * and the long syntax `{ target, published, protocol, host_ip, mode }`. A port with no host side
 * gets no hostPort, which ECS reads as "dynamic" in bridge mode and "same" in awsvpc.
 */
export function translatePorts(ctx: TranslateContext, value: JsonValue, path: KeyPath): PortMapping[] {
  if (!Array.isArray(value)) {
    ctx.problems.error(path, 'must be a list of ports, e.g. ["8080:80", "9000/udp"]');
    return [];
  }
  if (ctx.networkMode === 'none') {
    ctx.problems.error(
      path,
      'a task with network mode none has no ports to publish; remove ports or change the mode',
    );
    return [];
  }
  const mappings: PortMapping[] = [];
  value.forEach((entry, i) => mappings.push(...translatePort(ctx, entry, [...path, i])));
  return mappings;
}

interface PortSpec {
  hostIp?: string;
  host?: [number, number];
  container: [number, number];
  protocol: string;
}

function translatePort(ctx: TranslateContext, entry: JsonValue, path: KeyPath): PortMapping[] {
  const spec = isRecord(entry) ? longSyntax(ctx, entry, path) : shortSyntax(ctx, entry, path);
  if (!spec) return [];
  const { problems } = ctx;
  if (spec.protocol !== 'tcp' && spec.protocol !== 'udp') {
    problems.error(path, `protocol "${spec.protocol}" is not supported by ECS; use tcp or udp`);
    return [];
  }
  if (spec.hostIp !== undefined) {
    problems.warn(path, `host IP ${spec.hostIp} ignored: ECS cannot bind a port to one host address`);
  }
  const count = spec.container[1] - spec.container[0] + 1;
  if (count < 1) {
    problems.error(path, `port range ${spec.container[0]}-${spec.container[1]} ends before it starts`);
    return [];
  }
  if (count > MAX_RANGE) {
    problems.error(path, `port range of ${count} ports is too large; ECS takes at most ${MAX_RANGE} here`);
    return [];
  }
  if (spec.host && spec.host[1] - spec.host[0] + 1 !== count) {
    problems.error(path, 'host and container port ranges must have the same length');
    return [];
  }
  const protocol = spec.protocol as 'tcp' | 'udp';
  const mappings: PortMapping[] = [];
  for (let k = 0; k < count; k++) {
    const containerPort = spec.container[0] + k;
    const hostPort = spec.host ? spec.host[0] + k : undefined;
    // Containers that share the host's or the task's network stack cannot remap a port.
    const shared = ctx.networkMode === 'awsvpc' || ctx.networkMode === 'host';
    if (hostPort !== undefined && hostPort !== containerPort && shared) {
      problems.error(
        path,
        `host port ${hostPort} differs from container port ${containerPort}, which ${ctx.networkMode} mode` +
          `${ctx.launchType === 'FARGATE' ? ' (required by Fargate)' : ''} does not allow: write "${containerPort}:${containerPort}" or just "${containerPort}"`,
      );
      continue;
    }
    mappings.push({ containerPort, ...(hostPort !== undefined && { hostPort }), protocol });
  }
  return mappings;
}

function shortSyntax(ctx: TranslateContext, entry: JsonValue, path: KeyPath): PortSpec | undefined {
  if (typeof entry !== 'string' && typeof entry !== 'number') {
    ctx.problems.error(path, 'must be a port string like "8080:80" or a mapping with target');
    return undefined;
  }
  const text = String(entry).trim();
  const slash = text.indexOf('/');
  const protocol = (slash >= 0 ? text.slice(slash + 1) : 'tcp').toLowerCase();
  const body = slash >= 0 ? text.slice(0, slash) : text;
  // The host IP may be IPv6 in brackets; everything after it splits on ':'.
  const v6 = /^\[([^\]]+)\]:(.*)$/.exec(body);
  const parts = v6 ? [v6[1] as string, ...(v6[2] as string).split(':')] : body.split(':');
  if (parts.length > 3 || (v6 && parts.length !== 3)) {
    ctx.problems.error(
      path,
      `"${text}" is not a port; write [host_ip:][host:]container[/protocol], e.g. "8080:80"`,
    );
    return undefined;
  }
  const container = portRange(ctx, parts[parts.length - 1] as string, 'container', text, path);
  const hostText = parts.length >= 2 ? (parts[parts.length - 2] as string) : '';
  const host = hostText === '' ? undefined : portRange(ctx, hostText, 'host', text, path);
  if (!container || (hostText !== '' && !host)) return undefined;
  return {
    ...(parts.length === 3 && parts[0] !== '' && { hostIp: parts[0] }),
    ...(host && { host }),
    container,
    protocol,
  };
}

function longSyntax(
  ctx: TranslateContext,
  entry: Record<string, JsonValue>,
  path: KeyPath,
): PortSpec | undefined {
  const target = entry.target;
  if (target === undefined) {
    ctx.problems.error([...path, 'target'], 'a long-syntax port needs target (the container port)');
    return undefined;
  }
  const container = portRange(ctx, String(target), 'container', String(target), [...path, 'target']);
  const published = entry.published;
  const hasHost = published !== undefined && published !== null && published !== '';
  const host = hasHost
    ? portRange(ctx, String(published), 'host', String(published), [...path, 'published'])
    : undefined;
  if (!container || (hasHost && !host)) return undefined;
  if (entry.mode !== undefined && entry.mode !== 'host' && entry.mode !== 'ingress') {
    ctx.problems.error([...path, 'mode'], 'must be host or ingress');
  }
  const hostIp = typeof entry.host_ip === 'string' && entry.host_ip !== '' ? entry.host_ip : undefined;
  return {
    ...(hostIp !== undefined && { hostIp }),
    ...(host && { host }),
    container,
    protocol: typeof entry.protocol === 'string' ? entry.protocol.toLowerCase() : 'tcp',
  };
}

function portRange(
  ctx: TranslateContext,
  text: string,
  side: 'host' | 'container',
  whole: string,
  path: KeyPath,
): [number, number] | undefined {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (!match) {
    ctx.problems.error(path, `"${whole}": ${side} port "${text}" is not a number or a range like 8000-8002`);
    return undefined;
  }
  const first = Number(match[1]);
  const last = match[2] === undefined ? first : Number(match[2]);
  for (const port of [first, last]) {
    if (port < 1 || port > 65535) {
      ctx.problems.error(path, `"${whole}": ${side} port ${port} out of range 1-65535`);
      return undefined;
    }
  }
  return [first, last];
}
