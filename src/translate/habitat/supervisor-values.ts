/**
 * How `hab sup run` reads the value of each of its flags: the value parsers of Habitat 2.1.78
 * (Rust's `SocketAddr`, `IpAddr` and integer parsers, the `url` crate, Habitat's `ServiceBind`,
 * `EventStreamMetaPair` and `resolve_socket_addr_with_default_port`), rewritten as checks that
 * say what is wrong. Pure: nothing is resolved and no file is read; where the Supervisor reads
 * a file or resolves a name at start, the flag table says so instead.
 */

import { isIPv6 } from 'node:net';

/** What one value of a flag must look like. */
export type ValueSyntax =
  /** An IP:port literal, as Rust's `SocketAddr` parses it: `0.0.0.0:9638`, `[::]:9638`. No host names. */
  | 'socket-address'
  /** `host[:port]`, resolved at start and required to be IPv4; an IP literal must be IPv4. */
  | 'ipv4-host-port'
  /** An IPv4 or IPv6 literal without a port. */
  | 'ip-address'
  /** A whole number that fits Rust's u32 / u64 (digits, an optional leading `+`). */
  | 'u32'
  | 'u64'
  /** An absolute URL (`https://bldr.example.com`). */
  | 'url'
  /** `name:service.group[@org]`. */
  | 'service-bind'
  /** `key=value`, both non-empty. */
  | 'key-value'
  /** A non-empty path. */
  | 'path'
  /** A path to a TOML file: the Supervisor refuses a file whose name does not end in `.toml`. */
  | 'toml-file'
  /** Any text, the empty string included. */
  | 'text'
  /** Any text but the empty string. */
  | 'non-empty'
  /** A service group or organization name: letters, digits, `-` and `_`. */
  | 'name'
  | { oneOf: readonly string[] };

/** Service group and organization names the action accepts: they end up in URLs and a shell command. */
export const SERVICE_GROUP_NAME = /^[A-Za-z0-9_-]+$/;

/** Returns what is wrong with a value, or undefined when the Supervisor accepts it. */
export function valueProblem(syntax: ValueSyntax, value: string): string | undefined {
  if (typeof syntax === 'object') {
    return syntax.oneOf.includes(value) ? undefined : `must be one of ${syntax.oneOf.join(', ')}`;
  }
  switch (syntax) {
    case 'socket-address':
      return isSocketAddress(value)
        ? undefined
        : 'must be an IP address and port such as 0.0.0.0:9638 ([::]:9638 for IPv6); the Supervisor does not resolve host names here';
    case 'ipv4-host-port':
      return ipv4HostPortProblem(value);
    case 'ip-address':
      return isIpv4(value) || isIPv6(value) ? undefined : 'must be an IP address such as 10.0.0.5';
    case 'u32':
      return fitsUnsigned(value, 32n) ? undefined : 'must be a whole number from 0 to 4294967295';
    case 'u64':
      return fitsUnsigned(value, 64n) ? undefined : 'must be a whole number (0 or more)';
    case 'url':
      return isAbsoluteUrl(value) ? undefined : 'must be an absolute URL such as https://bldr.habitat.sh';
    case 'service-bind':
      return parseBind(value)
        ? undefined
        : 'must be <name>:<service>.<group>[@<org>], e.g. database:mongodb.default';
    case 'key-value':
      return /^[^=]+=.+$/s.test(value) ? undefined : 'must be <key>=<value>, both non-empty';
    case 'path':
      return value === '' ? 'must be a path, not empty' : undefined;
    case 'toml-file':
      return isTomlFileName(value) ? undefined : 'must be a path to a TOML file, whose name ends in .toml';
    case 'text':
      return undefined;
    case 'non-empty':
      return value === '' ? 'must not be empty' : undefined;
    case 'name':
      return SERVICE_GROUP_NAME.test(value) ? undefined : 'may contain only letters, digits, "-" and "_"';
  }
}

/** Rust's `Ipv4Addr` parser: four decimal octets, no leading zeros. */
function isIpv4(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

/** Rust's socket-address port: decimal digits, up to 65535 (leading zeros allowed). */
function isPort(value: string): boolean {
  return /^\d{1,5}$/.test(value) && Number(value) <= 65535;
}

function isSocketAddress(value: string): boolean {
  const v6 = /^\[([^\]]+)\]:([^:]+)$/.exec(value);
  if (v6) return isIPv6(v6[1] ?? '') && isPort(v6[2] ?? '');
  const colon = value.lastIndexOf(':');
  return colon > 0 && isIpv4(value.slice(0, colon)) && isPort(value.slice(colon + 1));
}

/**
 * Habitat's `resolve_socket_addr_with_default_port`: `host` or `host:port`, looked up with the
 * system resolver, keeping only IPv4 answers. What can be told without resolving: an IPv6
 * literal is refused, as are an empty host and a port that is not a u16.
 */
function ipv4HostPortProblem(value: string): string | undefined {
  if (value.startsWith('[') || isIPv6(value) || value.split(':').length > 2) {
    return 'must be an IPv4 address or a host name, with an optional :port; the Supervisor refuses IPv6 here';
  }
  const [host = '', port] = value.split(':');
  if (!/^[A-Za-z0-9_.-]+$/.test(host)) return 'must be <host>[:<port>], e.g. mongodb or 10.0.0.5:9638';
  if (port !== undefined && !(/^\+?\d+$/.test(port) && Number(port) <= 65535)) {
    return `has port "${port}": a port is a number from 0 to 65535`;
  }
  return undefined;
}

function fitsUnsigned(value: string, bits: bigint): boolean {
  return /^\+?\d+$/.test(value) && BigInt(value.replace('+', '')) < 1n << bits;
}

function isAbsoluteUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** Rust's `Path::extension() == "toml"`: the part after the last dot of a name that does not start with it. */
function isTomlFileName(value: string): boolean {
  const name = value.split('/').at(-1) ?? '';
  const dot = name.lastIndexOf('.');
  return dot > 0 && name.slice(dot + 1) === 'toml';
}

export interface ServiceBind {
  name: string;
  service: string;
  group: string;
  org?: string;
}

/**
 * `name:service.group[@org]`, as Habitat's `ServiceBind` reads it: exactly one `:`, then a
 * service group whose service and group contain no `.`, `#` or `@`.
 */
export function parseBind(value: string): ServiceBind | undefined {
  const match = /^([^:]+):(?:[^:#@]+#)?([^:#@.]+)\.([^:#@.]+)(?:@([^:#@.]+))?$/.exec(value);
  if (!match) return undefined;
  const [, name = '', service = '', group = '', org] = match;
  return org === undefined ? { name, service, group } : { name, service, group, org };
}

/** `host`, `host:port`, `a.b.c.d:port` or `[v6]:port`; undefined when malformed. */
export function splitHostPort(value: string): { host: string; port?: number } | undefined {
  const bracketed = /^\[([0-9A-Fa-f:.]+)\](?::(\d+))?$/.exec(value);
  const plain = /^([A-Za-z0-9_.-]+)(?::\+?(\d+))?$/.exec(value);
  const match = bracketed ?? plain;
  if (!match || match[1] === undefined) return undefined;
  if (match[2] === undefined) return { host: match[1] };
  const port = Number(match[2]);
  return port >= 0 && port <= 65535 ? { host: match[1], port } : undefined;
}

export function isIpAddress(value: string): boolean {
  return isIpv4(value) || isIPv6(value);
}
