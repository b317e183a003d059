import type { ContainerDefinition, HealthCheck, LinuxParameters } from '@aws-sdk/client-ecs';
import type { NetworkMode } from './types';

/** Where an ECS volume's data lives on the local engine. */
export type VolumeSource = { kind: 'named'; dockerName: string } | { kind: 'host'; path: string };

export interface ContainerContext {
  mode: NetworkMode;
  network?: string;
  pause?: string;
  /** ECS container name -> Docker container name. */
  dockerNames: ReadonlyMap<string, string>;
  volumes: ReadonlyMap<string, VolumeSource>;
}

export interface ContainerOptions {
  options: string[];
  /** Problems ECS or Docker would refuse, as `key: message`. */
  errors: string[];
  /** What runs differently here than on ECS, as `key: message`. */
  warnings: string[];
  /** awsvpc: net.* sysctls, which belong to the namespace the pause container owns. */
  namespaceSysctls: string[];
}

/** ECS's stop timeout when the task does not set one (ECS_CONTAINER_STOP_TIMEOUT). */
const ECS_STOP_TIMEOUT = 30;

/** The keys this module turns into `docker run` options; task-plan.ts handles the others it names. */
const HANDLED = new Set<keyof ContainerDefinition>([
  'name', 'image', 'essential', 'command', 'entryPoint', 'environment', 'secrets', 'dependsOn',
  'links', 'portMappings', 'hostname', 'user', 'workingDirectory', 'mountPoints', 'volumesFrom',
  'cpu', 'memory', 'memoryReservation', 'ulimits', 'linuxParameters', 'healthCheck', 'privileged',
  'readonlyRootFilesystem', 'dnsServers', 'dnsSearchDomains', 'extraHosts', 'dockerSecurityOptions',
  'interactive', 'pseudoTerminal', 'dockerLabels', 'systemControls', 'stopTimeout', 'startTimeout',
  'disableNetworking', 'logConfiguration', 'repositoryCredentials', 'firelensConfiguration',
  'environmentFiles', 'versionConsistency',
]); // prettier-ignore

/**
 * One container definition -> the `docker run` options that give it ECS's behaviour, except the
 * parts task-plan.ts owns (name, labels, ports, secrets' values, dependencies). Pure.
 */
export function containerOptions(c: ContainerDefinition, ctx: ContainerContext): ContainerOptions {
  const out: ContainerOptions = { options: [], errors: [], warnings: [], namespaceSysctls: [] };
  const o = out.options;
  network(c, ctx, out);
  for (const e of c.environment ?? []) {
    if (e.name) o.push('--env', `${e.name}=${e.value ?? ''}`);
  }
  if (c.user) o.push('--user', c.user);
  if (c.workingDirectory) o.push('--workdir', c.workingDirectory);
  const [entry] = c.entryPoint ?? [];
  if (entry !== undefined) o.push('--entrypoint', entry);
  mounts(c, ctx, out);
  resources(c, out);
  if (c.linuxParameters) linux(c.linuxParameters, c.memory, out);
  health(c.healthCheck, out);
  if (c.privileged) o.push('--privileged');
  if (c.readonlyRootFilesystem) o.push('--read-only');
  for (const s of c.dockerSecurityOptions ?? []) o.push('--security-opt', s);
  if (c.interactive) o.push('--interactive');
  if (c.pseudoTerminal) o.push('--tty');
  for (const [k, v] of Object.entries(c.dockerLabels ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    o.push('--label', `${k}=${v}`);
  }
  for (const s of c.systemControls ?? []) {
    if (!s.namespace) continue;
    const flag = `${s.namespace}=${s.value ?? ''}`;
    if (ctx.mode === 'awsvpc' && s.namespace.startsWith('net.')) out.namespaceSysctls.push(flag);
    else o.push('--sysctl', flag);
  }
  o.push('--stop-timeout', String(c.stopTimeout ?? ECS_STOP_TIMEOUT));
  notEmulated(c, out);
  return out;
}

/** What follows the image: ECS's entryPoint beyond its first word (which is --entrypoint), then command. */
export function containerArgs(c: ContainerDefinition): string[] {
  return [...(c.entryPoint ?? []).slice(1), ...(c.command ?? [])];
}

/** The container has a health check ECS runs (not absent, not NONE). */
export function hasHealthCheck(c: ContainerDefinition): boolean {
  const kind = c.healthCheck?.command?.[0];
  return kind !== undefined && kind !== 'NONE';
}

function network(c: ContainerDefinition, ctx: ContainerContext, out: ContainerOptions): void {
  const o = out.options;
  const refuse = (key: string, what: string) =>
    out.errors.push(`${key}: ECS does not allow ${what} in ${ctx.mode} network mode`);
  if (ctx.mode === 'awsvpc' || ctx.mode === 'host') {
    if (c.links?.length) refuse('links', 'links');
    if (c.disableNetworking) refuse('disableNetworking', 'disableNetworking');
  }
  if (ctx.mode === 'awsvpc') {
    if (c.hostname) refuse('hostname', 'a hostname');
    if (c.dnsServers?.length) refuse('dnsServers', 'dnsServers');
    if (c.dnsSearchDomains?.length) refuse('dnsSearchDomains', 'dnsSearchDomains');
    if (c.extraHosts?.length) refuse('extraHosts', 'extraHosts');
    o.push('--network', `container:${ctx.pause}`);
    return;
  }
  if (ctx.mode === 'bridge') o.push('--network', c.disableNetworking ? 'none' : (ctx.network ?? ''));
  else o.push('--network', ctx.mode);
  if (c.hostname) o.push('--hostname', c.hostname);
  if (ctx.mode === 'bridge' && !c.disableNetworking) {
    for (const link of c.links ?? []) {
      const [target = '', alias = target] = link.split(':');
      const dockerName = ctx.dockerNames.get(target);
      if (dockerName === undefined) out.errors.push(`links: "${link}" names no container of the task`);
      else o.push('--link', `${dockerName}:${alias}`);
    }
  }
  for (const d of c.dnsServers ?? []) o.push('--dns', d);
  for (const d of c.dnsSearchDomains ?? []) o.push('--dns-search', d);
  for (const h of c.extraHosts ?? []) o.push('--add-host', `${h.hostname}:${h.ipAddress}`);
}

function mounts(c: ContainerDefinition, ctx: ContainerContext, out: ContainerOptions): void {
  for (const m of c.mountPoints ?? []) {
    const source = ctx.volumes.get(m.sourceVolume ?? '');
    if (!source) {
      out.errors.push(`mountPoints: sourceVolume "${m.sourceVolume}" is not a volume of the task`);
      continue;
    }
    if (!m.containerPath) {
      out.errors.push(`mountPoints: the mount of "${m.sourceVolume}" needs a containerPath`);
      continue;
    }
    const from = source.kind === 'host' ? source.path : source.dockerName;
    // -v (not --mount): a missing host directory is created, as ECS's Docker daemon does.
    out.options.push('--volume', `${from}:${m.containerPath}${m.readOnly ? ':ro' : ''}`);
  }
  for (const v of c.volumesFrom ?? []) {
    const dockerName = ctx.dockerNames.get(v.sourceContainer ?? '');
    if (dockerName === undefined) {
      out.errors.push(`volumesFrom: "${v.sourceContainer}" names no container of the task`);
    } else {
      out.options.push('--volumes-from', `${dockerName}${v.readOnly ? ':ro' : ''}`);
    }
  }
}

function resources(c: ContainerDefinition, out: ContainerOptions): void {
  const o = out.options;
  // ECS gives the cpu value to Docker as relative CPU shares; Docker's smallest is 2.
  if (c.cpu) o.push('--cpu-shares', String(Math.max(2, c.cpu)));
  if (c.memory) o.push('--memory', `${c.memory}m`);
  if (c.memoryReservation) o.push('--memory-reservation', `${c.memoryReservation}m`);
  for (const u of c.ulimits ?? []) {
    if (u.name) o.push('--ulimit', `${u.name}=${u.softLimit}:${u.hardLimit}`);
  }
}

function linux(p: LinuxParameters, memory: number | undefined, out: ContainerOptions): void {
  const o = out.options;
  for (const cap of p.capabilities?.add ?? []) o.push('--cap-add', cap);
  for (const cap of p.capabilities?.drop ?? []) o.push('--cap-drop', cap);
  for (const d of p.devices ?? []) {
    const perms = (d.permissions ?? []).map((x) => ({ read: 'r', write: 'w', mknod: 'm' })[x] ?? '').join('');
    o.push('--device', [d.hostPath, d.containerPath ?? d.hostPath, ...(perms ? [perms] : [])].join(':'));
  }
  if (p.initProcessEnabled) o.push('--init');
  if (p.sharedMemorySize) o.push('--shm-size', `${p.sharedMemorySize}m`);
  for (const t of p.tmpfs ?? []) {
    o.push('--tmpfs', `${t.containerPath}:${[`size=${t.size}m`, ...(t.mountOptions ?? [])].join(',')}`);
  }
  if (p.maxSwap !== undefined) {
    // Docker's limit is memory plus swap; ECS's maxSwap is the swap alone, and needs memory.
    if (memory) o.push('--memory-swap', `${memory + p.maxSwap}m`);
    else out.errors.push("linuxParameters.maxSwap: ECS needs the container's memory set with it");
  }
  if (p.swappiness !== undefined) o.push('--memory-swappiness', String(p.swappiness));
}

/** ECS's health check as a Docker one: same command, interval, timeout, retries, start period. */
function health(h: HealthCheck | undefined, out: ContainerOptions): void {
  const [kind, ...words] = h?.command ?? [];
  if (!h || kind === undefined) return;
  if (kind === 'NONE') {
    out.options.push('--no-healthcheck');
    return;
  }
  if (kind !== 'CMD' && kind !== 'CMD-SHELL') {
    out.errors.push(`healthCheck.command must start with CMD, CMD-SHELL or NONE, not "${kind}"`);
    return;
  }
  const ranges: [string, number | undefined, number, number, number][] = [
    ['interval', h.interval, 30, 5, 300],
    ['timeout', h.timeout, 5, 2, 120],
    ['retries', h.retries, 3, 1, 10],
    ['startPeriod', h.startPeriod, 0, 0, 300],
  ];
  const [interval, timeout, retries, startPeriod] = ranges.map(([key, value, fallback, min, max]) => {
    if (value !== undefined && !(Number.isInteger(value) && value >= min && value <= max)) {
      out.errors.push(`healthCheck.${key}: ${value} is outside what ECS accepts (${min}-${max})`);
    }
    return value ?? fallback;
  });
  // The docker CLI only takes the shell form: CMD words are quoted for /bin/sh -c.
  if (kind === 'CMD') {
    out.warnings.push(
      'healthCheck: a CMD check runs through /bin/sh -c here (the docker CLI has no exec form)',
    );
  }
  const command = kind === 'CMD' ? words.map(shellQuote).join(' ') : words.join(' ');
  out.options.push(
    '--health-cmd', command,
    '--health-interval', `${interval}s`,
    '--health-timeout', `${timeout}s`,
    '--health-retries', String(retries),
    '--health-start-period', `${startPeriod}s`,
  ); // prettier-ignore
}

function notEmulated(c: ContainerDefinition, out: ContainerOptions): void {
  const w = out.warnings;
  const driver = c.logConfiguration?.logDriver;
  if (driver && driver !== 'json-file') {
    w.push(`logConfiguration: ${driver} is not emulated: the logs stay in the local engine (docker logs)`);
  }
  if (c.firelensConfiguration) w.push('firelensConfiguration: FireLens is not emulated: no log router runs');
  if (c.repositoryCredentials) {
    w.push("repositoryCredentials: the image is pulled with the local engine's own docker login");
  }
  if (c.environmentFiles?.length) {
    w.push('environmentFiles: files in S3 are not read: their variables are not set');
  }
  for (const key of Object.keys(c) as (keyof ContainerDefinition)[]) {
    if (!HANDLED.has(key) && c[key] !== undefined) w.push(`${key}: not emulated locally, ignored`);
  }
}

/** A word for /bin/sh, quoted only when it needs it. */
function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
