import { isRecord } from '../json';
import type { JsonValue } from '../types';
import type { KeyPath, Problems } from '../../problems';
import type { PortConfig, PortRange } from './types';

/**
 * `ports:` -> PortConfig per entry. Short syntax `[host_ip:][host[-end]:]container[-end][/proto]`
 * (the host IP may be IPv6 in brackets), a bare number, or the long syntax
 * `{ target, published, protocol, host_ip, mode }`. Ranges stay ranges: the translation expands them.
 */
export function readPorts(value: JsonValue, path: KeyPath, problems: Problems): PortConfig[] {
  if (!Array.isArray(value)) {
    problems.error(path, 'must be a list of ports, e.g. ["8080:80", "9000/udp"]');
    return [];
  }
  const ports: PortConfig[] = [];
  value.forEach((entry, i) => {
    const at = [...path, i];
    const port = isRecord(entry) ? longSyntax(problems, entry, at) : shortSyntax(problems, entry, at);
    if (port && sameLengths(problems, port, at)) ports.push(port);
  });
  return ports;
}

function shortSyntax(problems: Problems, entry: JsonValue, path: KeyPath): PortConfig | undefined {
  if (typeof entry !== 'string' && typeof entry !== 'number') {
    problems.error(path, 'must be a port string like "8080:80" or a mapping with target');
    return undefined;
  }
  const text = String(entry).trim();
  const slash = text.indexOf('/');
  const protocol = (slash >= 0 ? text.slice(slash + 1) : 'tcp').toLowerCase();
  const body = slash >= 0 ? text.slice(0, slash) : text;
  const v6 = /^\[([^\]]+)\]:(.*)$/.exec(body);
  const parts = v6 ? [v6[1] as string, ...(v6[2] as string).split(':')] : body.split(':');
  if (parts.length > 3 || (v6 && parts.length !== 3)) {
    problems.error(
      path,
      `"${text}" is not a port; write [host_ip:][host:]container[/protocol], e.g. "8080:80"`,
    );
    return undefined;
  }
  const target = portRange(problems, parts[parts.length - 1] as string, 'container', text, path);
  const hostText = parts.length >= 2 ? (parts[parts.length - 2] as string) : '';
  const published = hostText === '' ? undefined : portRange(problems, hostText, 'host', text, path);
  if (!target || (hostText !== '' && !published)) return undefined;
  return {
    target,
    ...(published && { published }),
    ...(parts.length === 3 && parts[0] !== '' && { host_ip: parts[0] }),
    protocol,
    at: problems.place(path),
  };
}

function longSyntax(
  problems: Problems,
  entry: Record<string, JsonValue>,
  path: KeyPath,
): PortConfig | undefined {
  if (entry.target === undefined) {
    problems.error([...path, 'target'], 'a long-syntax port needs target (the container port)');
    return undefined;
  }
  const written = String(entry.target);
  const target = portRange(problems, written, 'container', written, [...path, 'target']);
  const hostText = entry.published;
  const hasHost = hostText !== undefined && hostText !== null && hostText !== '';
  const published = hasHost
    ? portRange(problems, String(hostText), 'host', String(hostText), [...path, 'published'])
    : undefined;
  if (!target || (hasHost && !published)) return undefined;
  if (entry.mode !== undefined && entry.mode !== 'host' && entry.mode !== 'ingress') {
    problems.error([...path, 'mode'], 'must be host or ingress');
  }
  const named = (key: 'name' | 'app_protocol') => {
    const value = entry[key];
    return typeof value === 'string' && value !== ''
      ? { [key]: { value, at: problems.place([...path, key]) } }
      : {};
  };
  return {
    target,
    ...(published && { published }),
    ...(typeof entry.host_ip === 'string' && entry.host_ip !== '' && { host_ip: entry.host_ip }),
    protocol: typeof entry.protocol === 'string' ? entry.protocol.toLowerCase() : 'tcp',
    ...named('name'),
    ...named('app_protocol'),
    ...(entry.mode === 'ingress' && {
      ingress: { value: 'ingress' as const, at: problems.place([...path, 'mode']) },
    }),
    at: problems.place(path),
  };
}

/** `expose:` -> a PortConfig per entry, container side only: `"80"`, `80`, `"8000-8002"`, `"53/udp"`. */
export function readExpose(value: JsonValue, path: KeyPath, problems: Problems): PortConfig[] {
  if (!Array.isArray(value)) {
    problems.error(path, 'must be a list of ports, e.g. ["9631", "27017"]');
    return [];
  }
  const ports: PortConfig[] = [];
  value.forEach((entry, i) => {
    const at = [...path, i];
    if (typeof entry !== 'string' && typeof entry !== 'number') {
      problems.error(at, 'must be a port such as "80", "8000-8002" or "53/udp"');
      return;
    }
    const text = String(entry).trim();
    const [body = '', protocol = 'tcp'] = text.split('/');
    const target = portRange(problems, body, 'container', text, at);
    if (!target) return;
    const port: PortConfig = { target, protocol: protocol.toLowerCase(), at: problems.place(at) };
    if (sameLengths(problems, port, at)) ports.push(port);
  });
  return ports;
}

/** `80` or `8000-8002`, each port in 1-65535. */
function portRange(
  problems: Problems,
  text: string,
  side: 'host' | 'container',
  whole: string,
  path: KeyPath,
): PortRange | undefined {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (!match) {
    problems.error(path, `"${whole}": ${side} port "${text}" is not a number or a range like 8000-8002`);
    return undefined;
  }
  const first = Number(match[1]);
  const last = match[2] === undefined ? first : Number(match[2]);
  for (const port of [first, last]) {
    if (port < 1 || port > 65535) {
      problems.error(path, `"${whole}": ${side} port ${port} out of range 1-65535`);
      return undefined;
    }
  }
  return { first, last };
}

/** A range ends after it starts, and host and container ranges are equally long. */
function sameLengths(problems: Problems, port: PortConfig, path: KeyPath): boolean {
  const { target, published } = port;
  if (target.last < target.first) {
    problems.error(path, `port range ${target.first}-${target.last} ends before it starts`);
    return false;
  }
  if (published && published.last - published.first !== target.last - target.first) {
    problems.error(path, 'host and container port ranges must have the same length');
    return false;
  }
  return true;
}
