/**
 * THE table of `hab sup run` flags: the one source of truth for parsing Supervisor arguments in a
 * container `command` (supervisor.ts) and for docs/habitat.md's list.
 *
 * Checked against Habitat 2.1.78, which is what `hab pkg export container` installs into an image
 * today (`chef/hab-sup` from the base channel): the clap definitions in habitat-sh/habitat
 * components/hab/src/cli_v4/sup/sup_run.rs (`SupRunOptions`) and components/hab/src/cli_v4/utils.rs
 * (`SharedLoad`, `CacheKeyPath`, `SocketAddrProxy`), and the real 2.1.78 binaries' verdicts
 * (__tests__/integration/supervisor-parity.test.ts runs them).
 *
 * clap 4 semantics the parser follows: a flag that is not a list (`Vec`) may be given once; a list
 * flag (`several`) may repeat, and one occurrence takes every following token up to the next one
 * that starts with `-`, each also split at spaces; `--flag=value` takes that value only; short
 * switches cluster (`-DI`) and a short flag that takes a value may end a cluster (`-Dtleader`);
 * a flag given through its environment variable counts as given for conflicts and requirements.
 */

import type { ValueSyntax } from './supervisor-values';

/**
 * - `switch`: no value.
 * - `one`: exactly one value.
 * - `several`: one or more values per occurrence, and may repeat (clap `Vec`, `num_args = 1..`).
 * - `zero-or-more`: none or several values, once (clap `num_args = 0..` with a default when bare).
 */
type Arity = 'switch' | 'one' | 'several' | 'zero-or-more';

export interface FlagSpec {
  /** The name without dashes: the `--long` spelling unless `shortOnly`. */
  long: string;
  short?: string;
  /** `-v` has no long form (its name is clap's field name, `verbose`). */
  shortOnly?: true;
  arity: Arity;
  /** May the flag be given more than once? (clap: only list flags) */
  repeatable: boolean;
  /** The environment variable the Supervisor reads when the flag is not given. */
  env?: string;
  value?: ValueSyntax;
  /** Why the action refuses a value the Supervisor would accept. */
  stricter?: string;
  /** Said as a warning whenever the flag is used: something only the running container can tell. */
  note?: string;
  /** Why the flag is refused although `hab sup run` knows it. */
  refused?: string;
}

const sw = (long: string, extra: Partial<FlagSpec> = {}): FlagSpec => ({
  long,
  arity: 'switch',
  repeatable: false,
  ...extra,
});
const one = (long: string, value: ValueSyntax, extra: Partial<FlagSpec> = {}): FlagSpec => ({
  long,
  arity: 'one',
  repeatable: false,
  value,
  ...extra,
});
const several = (long: string, value: ValueSyntax, extra: Partial<FlagSpec> = {}): FlagSpec => ({
  long,
  arity: 'several',
  repeatable: true,
  value,
  ...extra,
});
const ctlTls = (long: string): FlagSpec => ({
  long,
  arity: 'zero-or-more',
  repeatable: false,
  value: 'path',
  note:
    `--${long} without a value reads /hab/cache/keys/ctl inside the container (hab sup secret generate-tls ` +
    'writes it there), and the Supervisor exits at start when no key or certificate is there: exported images ' +
    'have none, so add it to the image or mount it',
});
const STRICT_NAME =
  'the Supervisor takes any text here, but the name becomes part of the service group, binds and the health-check URL';

export const SUPERVISOR_FLAGS: readonly FlagSpec[] = [
  // Gossip, HTTP and control gateways
  one('listen-gossip', 'socket-address', { env: 'HAB_LISTEN_GOSSIP' }),
  several('peer', 'ipv4-host-port'),
  one('peer-watch-file', 'path'),
  sw('local-gossip-mode'),
  one('listen-http', 'socket-address', { env: 'HAB_LISTEN_HTTP' }),
  sw('http-disable', { short: 'D' }),
  one('listen-ctl', 'ipv4-host-port', { env: 'HAB_LISTEN_CTL' }),
  ctlTls('ctl-server-certificate'),
  ctlTls('ctl-server-key'),
  ctlTls('ctl-client-ca-certificate'),
  one('org', 'name', { stricter: STRICT_NAME }),
  sw('permanent-peer', { short: 'I' }),
  one('cache-key-path', 'path', { env: 'HAB_CACHE_KEY_PATH' }),
  one('ring-key', 'text', { env: 'HAB_RING_KEY' }),
  one('ring', 'text', { short: 'r', env: 'HAB_RING' }),
  // Updates and restarts
  sw('auto-update', { short: 'A' }),
  one('auto-update-period', 'u64'),
  one('service-update-period', 'u64'),
  one('service-min-backoff-period', 'u64'),
  one('service-max-backoff-period', 'u64'),
  one('service-restart-cooldown-period', 'u64'),
  // HTTP gateway TLS
  one('key', 'path'),
  one('certs', 'path'),
  one('ca-certs', 'path'),
  // Logging
  sw('verbose', { short: 'v', shortOnly: true }),
  sw('no-color'),
  sw('json-logging'),
  one('sys-ip-address', 'ip-address'),
  // Event stream
  one('event-stream-application', 'non-empty'),
  one('event-stream-environment', 'non-empty'),
  one('event-stream-connect-timeout', 'u64', { env: 'HAB_EVENT_STREAM_CONNECT_TIMEOUT' }),
  one('event-stream-token', 'non-empty', { env: 'HAB_AUTOMATE_AUTH_TOKEN' }),
  one('event-stream-url', 'non-empty'),
  one('event-stream-site', 'non-empty'),
  several('event-meta', 'key-value'),
  one('event-stream-server-certificate', 'path', {
    note: '--event-stream-server-certificate names a file the Supervisor reads at start: it must exist in the container',
  }),
  one('keep-latest-packages', 'u64', { env: 'HAB_KEEP_LATEST_PACKAGES' }),
  // Configuration files
  several('config-files', 'toml-file', {
    note: '--config-files names files the Supervisor reads at start: they must exist in the container',
  }),
  sw('generate-config', {
    note: '--generate-config prints the Supervisor configuration and exits: the container stops at once',
  }),
  // The service the Supervisor loads (`SharedLoad`, shared with `hab svc load`)
  one('channel', 'text'),
  one('url', 'url', { short: 'u' }),
  one('group', 'name', { stricter: STRICT_NAME }),
  one('topology', { oneOf: ['leader', 'standalone'] }, { short: 't' }),
  one('strategy', { oneOf: ['none', 'at-once', 'rolling'] }, { short: 's' }),
  one('update-condition', { oneOf: ['latest', 'track-channel'] }),
  several('bind', 'service-bind'),
  one('binding-mode', { oneOf: ['strict', 'relaxed'] }),
  one('health-check-interval', 'u64'),
  one('shutdown-timeout', 'u32'),
  one('config-from', 'path', {
    note: '--config-from is for development: the Supervisor warns not to use it in production',
  }),
  sw('help', {
    short: 'h',
    refused: '"--help" prints the help of hab sup run and exits, so the container would stop at once',
  }),
];

/** Pairs `hab sup run` refuses together (clap `conflicts_with`), counting environment variables. */
export const SUPERVISOR_CONFLICTS: readonly (readonly [string, string])[] = [
  ['local-gossip-mode', 'listen-gossip'],
  ['local-gossip-mode', 'peer'],
  ['local-gossip-mode', 'peer-watch-file'],
  ['peer-watch-file', 'peer'],
  ['ring', 'ring-key'],
];

/** A flag and the flags it needs (clap `requires`; `--key` without `--certs` crashes the Supervisor). */
export const SUPERVISOR_REQUIRES: readonly (readonly [string, readonly string[]])[] = [
  ['ca-certs', ['certs', 'key']],
  ['certs', ['key']],
  ['key', ['certs']],
  ['event-stream-url', ['event-stream-application', 'event-stream-environment', 'event-stream-token']],
];

/** Flags older Supervisors took that the 2.x `hab sup run` refuses, with what to write instead. */
export const SUPERVISOR_REMOVED: Readonly<Record<string, string>> = {
  '--svc-config-paths': '--svc-config-paths is no longer a flag of hab sup run in Habitat 2.x: remove it',
  '-i': '-i is no longer short for --health-check-interval on hab sup run in Habitat 2.x: write --health-check-interval',
  '--application':
    '--application (deprecated and ignored) is no longer a flag of hab sup run in Habitat 2.x: remove it',
  '-a': '-a (--application, deprecated and ignored) is no longer a flag of hab sup run in Habitat 2.x: remove it',
  '--environment':
    '--environment (deprecated and ignored) is no longer a flag of hab sup run in Habitat 2.x: remove it',
  '-e': '-e (--environment, deprecated and ignored) is no longer a flag of hab sup run in Habitat 2.x: remove it',
};

export const FLAGS_BY_LONG: ReadonlyMap<string, FlagSpec> = new Map(
  SUPERVISOR_FLAGS.filter((f) => !f.shortOnly).map((f) => [f.long, f]),
);
export const FLAGS_BY_SHORT: ReadonlyMap<string, FlagSpec> = new Map(
  SUPERVISOR_FLAGS.filter((f) => f.short !== undefined).map((f) => [f.short as string, f]),
);

/** How a flag is written in messages: `--peer`, or `-v` for the one without a long form. */
export function displayName(spec: FlagSpec): string {
  return spec.shortOnly ? `-${spec.short ?? spec.long}` : `--${spec.long}`;
}
