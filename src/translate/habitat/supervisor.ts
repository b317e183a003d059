/**
 * Supervisor arguments in a container `command`: parse them into flags, let the ECS pass read and
 * rewrite values, and serialise them back to exactly what the user wrote (plus any edits).
 *
 * The image's entrypoint turns arguments that start with `-` into `hab sup run <origin/name> ...`,
 * so the flags are those of `hab sup run` (habitat-sh/habitat, components/hab/src/cli/hab/sup.rs
 * and the shared `svc load` flags in svc.rs).
 */

import { closest } from '../../suggest';

/** What a flag takes. `multi` flags (clap `Vec`) may repeat and take several values at once. */
type Arity = 'boolean' | 'single' | 'multi';

interface FlagSpec {
  /** Canonical name; also the `--long` spelling unless `shortOnly`. */
  long: string;
  shortOnly?: true;
  short?: string;
  arity: Arity;
  /** Returns a problem with a value, or undefined when it is fine. */
  check?: (value: string) => string | undefined;
}

const oneOf =
  (...allowed: string[]) =>
  (value: string): string | undefined =>
    allowed.includes(value) ? undefined : `must be one of ${allowed.join(', ')}`;

const wholeNumber = (value: string): string | undefined =>
  /^\d+$/.test(value) ? undefined : 'must be a whole number of seconds or items';

const listenAddress = (value: string): string | undefined =>
  splitHostPort(value)?.port === undefined ? 'must be <address>:<port>, e.g. 0.0.0.0:9638' : undefined;

const peerAddress = (value: string): string | undefined =>
  splitHostPort(value) ? undefined : 'must be <host>[:<port>]';

const ipAddress = (value: string): string | undefined =>
  isIpAddress(value) ? undefined : 'must be an IP address';

const serviceBind = (value: string): string | undefined =>
  parseBind(value) ? undefined : 'must be <name>:<service>.<group>, e.g. database:mongodb.default';

const SPECS: readonly FlagSpec[] = [
  // Networking and the gossip ring
  { long: 'listen-gossip', arity: 'single', check: listenAddress },
  { long: 'local-gossip-mode', arity: 'boolean' },
  { long: 'listen-http', arity: 'single', check: listenAddress },
  { long: 'http-disable', short: 'D', arity: 'boolean' },
  { long: 'listen-ctl', arity: 'single', check: listenAddress },
  { long: 'ctl-server-certificate', arity: 'single' },
  { long: 'ctl-server-key', arity: 'single' },
  { long: 'ctl-client-ca-certificate', arity: 'single' },
  { long: 'org', arity: 'single' },
  { long: 'peer', arity: 'multi', check: peerAddress },
  { long: 'permanent-peer', short: 'I', arity: 'boolean' },
  { long: 'peer-watch-file', arity: 'single' },
  { long: 'cache-key-path', arity: 'single' },
  { long: 'ring', short: 'r', arity: 'single' },
  { long: 'ring-key', arity: 'single' },
  { long: 'sys-ip-address', arity: 'single', check: ipAddress },
  // Updates and restarts
  { long: 'auto-update', short: 'A', arity: 'boolean' },
  { long: 'auto-update-period', arity: 'single', check: wholeNumber },
  { long: 'service-update-period', arity: 'single', check: wholeNumber },
  { long: 'service-min-backoff-period', arity: 'single', check: wholeNumber },
  { long: 'service-max-backoff-period', arity: 'single', check: wholeNumber },
  { long: 'service-restart-cooldown-period', arity: 'single', check: wholeNumber },
  { long: 'keep-latest-packages', arity: 'single', check: wholeNumber },
  // HTTP gateway TLS
  { long: 'key', arity: 'single' },
  { long: 'certs', arity: 'single' },
  { long: 'ca-certs', arity: 'single' },
  // Logging
  { long: 'verbose', short: 'v', shortOnly: true, arity: 'boolean' },
  { long: 'no-color', arity: 'boolean' },
  { long: 'json-logging', arity: 'boolean' },
  // Event stream
  { long: 'event-stream-application', arity: 'single' },
  { long: 'event-stream-environment', arity: 'single' },
  { long: 'event-stream-connect-timeout', arity: 'single', check: wholeNumber },
  { long: 'event-stream-url', arity: 'single' },
  { long: 'event-stream-site', arity: 'single' },
  { long: 'event-stream-token', arity: 'single' },
  { long: 'event-meta', arity: 'multi' },
  { long: 'event-stream-server-certificate', arity: 'single' },
  { long: 'svc-config-paths', arity: 'multi' },
  // The service the Supervisor loads (shared with `hab svc load`)
  { long: 'channel', arity: 'single' },
  { long: 'url', short: 'u', arity: 'single' },
  { long: 'group', arity: 'single' },
  { long: 'topology', short: 't', arity: 'single', check: oneOf('standalone', 'leader') },
  { long: 'strategy', short: 's', arity: 'single', check: oneOf('none', 'at-once', 'rolling') },
  { long: 'update-condition', arity: 'single', check: oneOf('latest', 'track-channel') },
  { long: 'bind', arity: 'multi', check: serviceBind },
  { long: 'binding-mode', arity: 'single', check: oneOf('strict', 'relaxed') },
  { long: 'health-check-interval', short: 'i', arity: 'single', check: wholeNumber },
  { long: 'shutdown-timeout', arity: 'single', check: wholeNumber },
  { long: 'config-from', arity: 'single' },
];

/** Pairs `hab sup run` refuses together (clap `conflicts_with`). */
const CONFLICTS: readonly (readonly [string, string])[] = [
  ['local-gossip-mode', 'listen-gossip'],
  ['local-gossip-mode', 'peer'],
  ['local-gossip-mode', 'peer-watch-file'],
  ['peer-watch-file', 'peer'],
  ['ring', 'ring-key'],
];

const BY_LONG = new Map(SPECS.filter((s) => !s.shortOnly).map((s) => [s.long, s]));
const BY_SHORT = new Map(SPECS.filter((s) => s.short).map((s) => [s.short as string, s]));

/**
 * One flag as written. `form` says how its first value was attached, so serialising gives back
 * the user's tokens: `--peer x` (separate), `--peer=x` (equals), `-tleader` (attached), or a
 * boolean that continues a short cluster like the `v` of `-Iv` (clustered).
 */
interface SupervisorFlag {
  /** Canonical long name without dashes, e.g. `peer`. */
  name: string;
  /** The flag as written: `--peer`, `-t`, or for a clustered flag just its letter. */
  written: string;
  form: 'separate' | 'equals' | 'attached' | 'clustered';
  /** Empty for booleans; one or more for the rest. */
  values: string[];
}

export interface SupervisorArgs {
  flags: SupervisorFlag[];
}

export type ParseResult = { ok: true; args: SupervisorArgs } | { ok: false; problem: string };

/** True when a container command is Supervisor arguments rather than a program to run. */
export function isSupervisorCommand(command: readonly string[] | undefined): boolean {
  return command === undefined || command.length === 0 || (command[0] ?? '').startsWith('-');
}

export function parseSupervisorArgs(tokens: readonly string[]): ParseResult {
  const flags: SupervisorFlag[] = [];
  let i = 0;
  const fail = (problem: string): ParseResult => ({ ok: false, problem });
  while (i < tokens.length) {
    const token = tokens[i] as string;
    i += 1;
    if (token === '--' || !token.startsWith('-') || token === '-') {
      return fail(
        `unexpected argument "${token}": only Supervisor flags may follow, the image already names the package to run`,
      );
    }
    let spec: FlagSpec | undefined;
    let written: string;
    let inline: string | undefined;
    let form: SupervisorFlag['form'] = 'separate';
    if (token.startsWith('--')) {
      const eq = token.indexOf('=');
      written = eq < 0 ? token : token.slice(0, eq);
      inline = eq < 0 ? undefined : token.slice(eq + 1);
      if (inline !== undefined) form = 'equals';
      spec = BY_LONG.get(written.slice(2));
      if (!spec) return fail(`unknown Supervisor flag "${written}"${suggestion(written.slice(2))}`);
    } else {
      written = token.slice(0, 2);
      spec = BY_SHORT.get(token.charAt(1));
      if (!spec) return fail(`unknown Supervisor flag "${written}"`);
      const rest = token.slice(2);
      if (spec.arity === 'boolean' && rest !== '') {
        // A cluster of short booleans, like `-Iv`.
        flags.push({ name: spec.long, written, form, values: [] });
        for (const letter of rest) {
          const next = BY_SHORT.get(letter);
          if (!next || next.arity !== 'boolean') {
            return fail(
              `"${token}": "-${letter}" cannot be combined with other short flags; write it separately`,
            );
          }
          flags.push({ name: next.long, written: letter, form: 'clustered', values: [] });
        }
        continue;
      }
      if (rest.startsWith('=')) [inline, form] = [rest.slice(1), 'equals'];
      else if (rest !== '') [inline, form] = [rest, 'attached'];
    }
    if (spec.arity === 'boolean') {
      if (inline !== undefined) return fail(`"${written}" is a switch and takes no value (found "${token}")`);
      flags.push({ name: spec.long, written, form, values: [] });
      continue;
    }
    const values: string[] = [];
    if (inline !== undefined) values.push(inline);
    else if (i < tokens.length && !(tokens[i] as string).startsWith('-')) values.push(tokens[i++] as string);
    if (values.length === 0 || values[0] === '') return fail(`"${written}" needs a value`);
    // clap accepts several values after one occurrence of a Vec flag: `--peer a b`.
    while (spec.arity === 'multi' && i < tokens.length && !(tokens[i] as string).startsWith('-')) {
      values.push(tokens[i++] as string);
    }
    for (const value of values) {
      const problem = spec.check?.(value);
      if (problem) return fail(`"${written} ${value}": ${problem}`);
    }
    flags.push({ name: spec.long, written, form, values });
  }
  const names = new Set(flags.map((f) => f.name));
  const conflict = CONFLICTS.find(([a, b]) => names.has(a) && names.has(b));
  if (conflict) return fail(`--${conflict[0]} and --${conflict[1]} cannot be used together`);
  return { ok: true, args: { flags } };
}

/** The tokens for a container `command`, in the user's order and spelling. */
export function serializeSupervisorArgs(args: SupervisorArgs): string[] {
  const tokens: string[] = [];
  for (const flag of args.flags) {
    if (flag.form === 'clustered') {
      const last = tokens.length - 1;
      tokens[last] = `${tokens[last] ?? ''}${flag.written}`;
      continue;
    }
    const [first, ...rest] = flag.values;
    if (first === undefined) tokens.push(flag.written);
    else if (flag.form === 'equals') tokens.push(`${flag.written}=${first}`);
    else if (flag.form === 'attached') tokens.push(`${flag.written}${first}`);
    else tokens.push(flag.written, first);
    tokens.push(...rest);
  }
  return tokens;
}

/** Every value given to a flag, across all its occurrences, in order. */
export function flagValues(args: SupervisorArgs, name: string): string[] {
  return args.flags.filter((f) => f.name === name).flatMap((f) => f.values);
}

/** The last value given to a single-valued flag (clap keeps the last), if any. */
export function lastFlagValue(args: SupervisorArgs, name: string): string | undefined {
  return flagValues(args, name).at(-1);
}

export function hasFlag(args: SupervisorArgs, name: string): boolean {
  return args.flags.some((f) => f.name === name);
}

export interface ServiceBind {
  name: string;
  service: string;
  group: string;
  org?: string;
}

/** `name:service.group[@org]`, as Habitat's ServiceBind reads it. */
export function parseBind(value: string): ServiceBind | undefined {
  const match = /^([A-Za-z0-9_-]+):([^.:@\s]+)\.([^.:@\s]+)(?:@([^.:@\s]+))?$/.exec(value);
  if (!match) return undefined;
  const [, name, service, group, org] = match as unknown as [
    string,
    string,
    string,
    string,
    string | undefined,
  ];
  return org === undefined ? { name, service, group } : { name, service, group, org };
}

/** `host`, `host:port`, `a.b.c.d:port` or `[v6]:port`; undefined when malformed. */
export function splitHostPort(value: string): { host: string; port?: number } | undefined {
  const bracketed = /^\[([0-9A-Fa-f:.]+)\](?::(\d+))?$/.exec(value);
  const plain = /^([A-Za-z0-9_.-]+)(?::(\d+))?$/.exec(value);
  const match = bracketed ?? plain;
  if (!match || match[1] === undefined) return undefined;
  if (match[2] === undefined) return { host: match[1] };
  const port = Number(match[2]);
  return port >= 1 && port <= 65535 ? { host: match[1], port } : undefined;
}

export function isIpAddress(value: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(value);
  if (v4) return v4.slice(1).every((part) => Number(part) <= 255);
  return value.includes(':') && /^[0-9A-Fa-f:.]+$/.test(value);
}

/** The flag a user most likely meant, for "unknown flag" messages. */
function suggestion(long: string): string {
  const match = closest(
    long,
    SPECS.map((s) => s.long),
  );
  return match ? `; did you mean --${match}?` : '';
}
