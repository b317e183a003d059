import { isRecord, scalarText, wholeNumber } from '../json';
import type { JsonValue } from '../types';
import type { KeyPath, Problems } from '../../problems';
import type { Device, HostEntry, KeyValue, Link, Located, Ulimit } from './types';
import { splitWords } from './words';

/** `command:` / `entrypoint:`: a string is split into words like a shell would; a list is kept. */
export function readCommand(
  value: JsonValue,
  path: KeyPath,
  problems: Problems,
): Located<readonly string[]> | undefined {
  if (typeof value === 'string') {
    const split = splitWords(value);
    if ('error' in split) {
      problems.error(path, `${split.error}; quote or escape it, or write the command as a list`);
      return undefined;
    }
    return { value: split.words, at: problems.place(path) };
  }
  if (Array.isArray(value)) {
    const words = value.map(scalarText);
    if (words.every((w): w is string => w !== undefined)) return { value: words, at: problems.place(path) };
  }
  problems.error(path, 'must be a string or a list of strings');
  return undefined;
}

/** A mapping (`NAME: value`) or a list (`"NAME=value"`) -> entries in the order written. */
export function readKeyValues(value: JsonValue, path: KeyPath, problems: Problems): KeyValue[] {
  if (isRecord(value)) {
    return Object.entries(value).map(([key, v]) => ({
      key,
      value: v === null ? null : (scalarText(v) ?? null),
      at: problems.place([...path, key]),
    }));
  }
  if (!Array.isArray(value)) {
    problems.error(path, `must be a mapping or a list of "NAME=value"`);
    return [];
  }
  return value.flatMap((entry, i) => {
    const text = scalarText(entry);
    const at = [...path, i];
    if (text === undefined) {
      problems.error(at, `must be a "NAME=value" string`);
      return [];
    }
    const eq = text.indexOf('=');
    return [
      eq <= 0
        ? { key: text, value: null, at: problems.place(at) }
        : { key: text.slice(0, eq), value: text.slice(eq + 1), at: problems.place(at) },
    ];
  });
}

/** One string or a list of them (dns, dns_search, cap_add, ...) -> a list. */
export function readStrings(value: JsonValue, path: KeyPath, problems: Problems): Located<string>[] {
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((v, i) => {
    const at = Array.isArray(value) ? [...path, i] : path;
    const text = scalarText(v);
    if (text !== undefined) return [{ value: text, at: problems.place(at) }];
    problems.error(at, 'must be a string');
    return [];
  });
}

/** `links:` -> `service[:alias]` per entry. */
export function readLinks(value: JsonValue, path: KeyPath, problems: Problems): Link[] {
  return readStrings(value, path, problems).map(({ value: link, at }) => {
    const colon = link.indexOf(':');
    if (colon < 0) return { service: link, at };
    return { service: link.slice(0, colon), alias: link.slice(colon + 1), at };
  });
}

/** `extra_hosts`: `"host:ip"`, `"host=ip"` or a mapping. The IP may be IPv6, so split at the first separator. */
export function readExtraHosts(value: JsonValue, path: KeyPath, problems: Problems): HostEntry[] {
  if (isRecord(value)) {
    return Object.entries(value).map(([hostname, ip]) => ({
      hostname,
      ip: scalarText(ip) ?? '',
      at: problems.place([...path, hostname]),
    }));
  }
  return readStrings(value, path, problems).flatMap(({ value: entry, at }) => {
    const match = /^([^:=]+)[:=](.+)$/.exec(entry);
    if (!match) {
      problems.error(at, `"${entry}" must be "hostname:ip"`);
      return [];
    }
    return [{ hostname: match[1] as string, ip: (match[2] as string).replace(/^\[|\]$/g, ''), at }];
  });
}

/** `ulimits:` -> soft and hard limit per name; a single number is both. */
export function readUlimits(value: JsonValue, path: KeyPath, problems: Problems): Ulimit[] {
  if (!isRecord(value)) {
    problems.error(path, 'must be a mapping like { nofile: { soft: 1024, hard: 4096 } }');
    return [];
  }
  return Object.entries(value).flatMap(([name, limit]) => {
    const at = [...path, name];
    const single = wholeNumber(limit);
    const soft = single ?? (isRecord(limit) ? wholeNumber(limit.soft) : undefined);
    const hard = single ?? (isRecord(limit) ? wholeNumber(limit.hard) : undefined);
    if (soft === undefined || hard === undefined)
      problems.error(at, 'must be a number or { soft, hard } numbers');
    else if (soft > hard) problems.error(at, `soft limit ${soft} is above hard limit ${hard}`);
    else return [{ name, soft, hard, at: problems.place(at) }];
    return [];
  });
}

/** `devices:` -> `/host/path[:/container/path[:rwm]]` per entry. */
export function readDevices(value: JsonValue, path: KeyPath, problems: Problems): Device[] {
  return readStrings(value, path, problems).flatMap(({ value: entry, at }) => {
    const [source = '', target, permissions] = entry.split(':');
    if (!source.startsWith('/') || (permissions !== undefined && !/^[rwm]+$/.test(permissions))) {
      problems.error(at, `"${entry}" must be /host/path[:/container/path[:rwm]]`);
      return [];
    }
    return [{ source, ...(target && { target }), ...(permissions && { permissions }), at }];
  });
}

/** `networks:` -> the names, from a list or from a mapping's keys. */
export function readNetworks(value: JsonValue, path: KeyPath, problems: Problems): Located<string>[] {
  if (Array.isArray(value))
    return value.map((name, i) => ({ value: String(name), at: problems.place([...path, i]) }));
  if (!isRecord(value)) return [];
  return Object.keys(value).map((name) => ({ value: name, at: problems.place([...path, name]) }));
}
