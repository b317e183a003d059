import type { Place } from '../../problems';

/**
 * The typed long form of the service keys compose lets be written more than one way (a string
 * or a list, a list or a mapping, short syntax or long syntax). The canonical pass reads each
 * form into one of these, so the translation reads a single shape. Every value keeps the place
 * it was written, so a later complaint about it still points at the user's line.
 */
export interface CanonicalService {
  readonly command?: Located<readonly string[]>;
  readonly entrypoint?: Located<readonly string[]>;
  readonly environment?: readonly KeyValue[];
  readonly ports?: readonly PortConfig[];
  /** `expose:` entries: container ports only (`"80"`, `"8000-8002"`, `"53/udp"`). */
  readonly expose?: readonly PortConfig[];
  readonly volumes?: readonly ServiceVolume[];
  readonly tmpfs?: readonly TmpfsMount[];
  readonly volumes_from?: readonly VolumesFrom[];
  readonly links?: readonly Link[];
  readonly dns?: readonly Located<string>[];
  readonly dns_search?: readonly Located<string>[];
  readonly extra_hosts?: readonly HostEntry[];
  readonly security_opt?: readonly Located<string>[];
  readonly labels?: readonly KeyValue[];
  readonly ulimits?: readonly Ulimit[];
  /** `logging:`, or the version 1 `log_driver:` with `log_opt:`. */
  readonly logging?: Logging;
  readonly healthcheck?: Healthcheck;
  readonly sysctls?: readonly KeyValue[];
  readonly cap_add?: readonly Located<string>[];
  readonly cap_drop?: readonly Located<string>[];
  readonly devices?: readonly Device[];
  readonly networks?: readonly Located<string>[];
  readonly depends_on?: readonly Dependency[];
  readonly build?: BuildConfig;
}

/** A value in its canonical form, and where it was written. */
export interface Located<T> {
  readonly value: T;
  readonly at: Place;
}

/**
 * `NAME: value` or `"NAME=value"`. Null when no value was given (`NAME`, `NAME:`); an entry with
 * nothing before its `=` has no name either, and is kept whole as a name without a value.
 */
export interface KeyValue {
  readonly key: string;
  readonly value: string | null;
  readonly at: Place;
}

/** `first-last`, or one port (first = last); first <= last. */
export interface PortRange {
  readonly first: number;
  readonly last: number;
}

/** A `ports:` entry: `"[host_ip:][published:]target[/protocol]"`, a number, or the long syntax. */
export interface PortConfig {
  /** The container port(s). */
  readonly target: PortRange;
  /** The host port(s), as many as target has; absent when the host side is left to the engine. */
  readonly published?: PortRange;
  readonly host_ip?: string;
  /** In lower case; tcp when none is written. */
  readonly protocol: string;
  /** The long syntax's `name` (the port mapping's name on ECS, which Service Connect uses). */
  readonly name?: Located<string>;
  /** The long syntax's `app_protocol`, as written (http, grpc, mysql, ...). */
  readonly app_protocol?: Located<string>;
  /** The long syntax's `mode: ingress` (swarm's routing mesh), where it was written; `host` is ECS's own. */
  readonly ingress?: Located<'ingress'>;
  readonly at: Place;
}

/** A `volumes:` entry: `"[source:]target[:options]"` or the long syntax. */
export type ServiceVolume = VolumeMount | TmpfsMount | OtherMount;

export interface VolumeMount {
  /** bind for a host path; volume for a named volume, or an anonymous one (no source). */
  readonly type: 'volume' | 'bind';
  readonly source?: string;
  /** As written; may be empty or relative (the translation says what it needs). */
  readonly target: string;
  readonly read_only: boolean;
  /** Short-syntax options other than ro and rw (z, nocopy, rprivate, ...), as written. */
  readonly options: readonly string[];
  readonly at: Place;
}

/** A tmpfs mount: a `tmpfs:` entry (`"/run:size=64m,mode=1777"`) or a volume of type tmpfs. */
export interface TmpfsMount {
  readonly type: 'tmpfs';
  readonly target: string;
  /** `size=` or `tmpfs.size`, as written. */
  readonly size?: string | number;
  /** The other mount options, e.g. `mode=1777`. */
  readonly options: readonly string[];
  readonly at: Place;
}

/** A volume of another type (npipe, cluster, image, or a misspelling); `at` is its `type:`. */
interface OtherMount {
  readonly type: 'other';
  readonly written: string;
  readonly at: Place;
}

/** `service[:ro|rw]` or `container:name[:ro|rw]`. */
export interface VolumesFrom {
  readonly type: 'service' | 'container';
  readonly source: string;
  readonly read_only: boolean;
  readonly at: Place;
}

/** `service[:alias]`. */
export interface Link {
  readonly service: string;
  readonly alias?: string;
  readonly at: Place;
}

/** `"host:ip"`, `"host=ip"` or `host: ip`; an IPv6 address without its brackets. */
export interface HostEntry {
  readonly hostname: string;
  readonly ip: string;
  readonly at: Place;
}

/** `nofile: 1024` (soft = hard) or `nofile: {soft: 1024, hard: 4096}`; soft <= hard. */
export interface Ulimit {
  readonly name: string;
  readonly soft: number;
  readonly hard: number;
  readonly at: Place;
}

export interface Logging {
  /** Absent when none is written (compose would use the engine's default). */
  readonly driver?: string;
  readonly options: readonly KeyValue[];
  readonly at: Place;
}

/** A `devices:` entry, `/host/path[:/container/path[:rwm]]`. */
export interface Device {
  readonly source: string;
  readonly target?: string;
  /** Some of r, w and m. */
  readonly permissions?: string;
  readonly at: Place;
}

export interface Healthcheck {
  /**
   * What to run; off for `disable: true`, `test: NONE` or `""`; absent when no test is written
   * (compose then keeps the image's own check).
   */
  readonly test?: HealthTest | 'off';
  /** Durations and retries as written: the translation reads them in ECS's units and limits. */
  readonly interval?: Located<string | number | boolean>;
  readonly timeout?: Located<string | number | boolean>;
  readonly start_period?: Located<string | number | boolean>;
  readonly retries?: Located<string | number | boolean>;
  /** Where `start_interval` was written, if it was. */
  readonly start_interval?: Place;
  readonly at: Place;
}

/** A test string is `CMD-SHELL` with that string. */
export type HealthTest = readonly ['CMD', string, ...string[]] | readonly ['CMD-SHELL', string];

export type DependsCondition = 'service_started' | 'service_healthy' | 'service_completed_successfully';

/** A `depends_on` entry: a name of the list form is `condition: service_started`. */
export interface Dependency {
  readonly service: string;
  readonly condition: DependsCondition;
  readonly at: Place;
}

/** `build: ./dir` or `build: {context, dockerfile, args, target, labels, platforms, ...}`. */
export interface BuildConfig {
  /** The context as written (`.` when a mapping has none): relative to the project's directory. */
  readonly context: Located<string>;
  /** The Dockerfile as written, relative to the context; absent: `Dockerfile`. */
  readonly dockerfile?: Located<string>;
  /** `--build-arg`s; an arg without a value is taken from the environment at build time. */
  readonly args: readonly KeyValue[];
  readonly target?: Located<string>;
  readonly labels: readonly KeyValue[];
  readonly platforms?: readonly Located<string>[];
  /** The other keys written under `build:` (cache_from, ssh, secrets, ...), each where it was written. */
  readonly others: readonly Located<string>[];
  readonly at: Place;
}
