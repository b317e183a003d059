import type { ContainerDefinition, KeyValuePair, PortMapping, TaskDefinition } from '@aws-sdk/client-ecs';
import { normalizeTaskDefinition, stableStringify, type AnyTaskDefinition } from './normalize';
import { SECRET_WORD } from '../translate/secret-names';

/**
 * Environment keys whose values never appear in a diff: every secret word, and more words that
 * often hide one (a false alarm here costs nothing, unlike a warning).
 */
const SECRET_KEY = new RegExp(
  `${SECRET_WORD.source}|pass|pwd|private|auth|(^|[-_])key$|signature|cookie|session|dsn`,
  'i',
);
const MASK = '***';

const TASK_FIELDS = [
  'cpu',
  'memory',
  'networkMode',
  'pidMode',
  'ipcMode',
  'taskRoleArn',
  'executionRoleArn',
] as const;
const CONTAINER_FIELDS = [
  'cpu',
  'memory',
  'memoryReservation',
  'essential',
  'user',
  'workingDirectory',
] as const;

/**
 * How environment values appear in a diff. `names` (the default): never, only the variable's
 * name and whether it was added, changed or removed, for anything published outside the log (the
 * job summary, a pull request comment: `DATABASE_URL=postgres://u:pw@...` is a secret whatever
 * its name says). `masked`: shown, except those whose names look secret, for the log only.
 */
export type EnvironmentValues = 'names' | 'masked';

/**
 * What changes between two task definitions, one short line each: task sizes and roles, and per
 * container image, environment, secrets, ports, command and entry point. Defaults ECS fills in
 * are not reported as changes. No previous definition: one line naming the containers. Nothing
 * changed: no lines.
 */
export function diffTaskDefinitions(
  previous: AnyTaskDefinition | undefined,
  next: AnyTaskDefinition,
  values: EnvironmentValues = 'names',
): string[] {
  const after = canonical(next);
  if (!previous) {
    const names = (after.containerDefinitions ?? []).map((c) => c.name).join(', ');
    return [`new task definition: containers ${names}`];
  }
  const before = canonical(previous);
  const lines: string[] = [];
  for (const field of TASK_FIELDS) {
    const [a, b] = [before[field], after[field]];
    if (a !== b) lines.push(`task: ${field} ${a ?? '(none)'} → ${b ?? '(none)'}`);
  }
  const [oldPlatform, newPlatform] = [platform(before), platform(after)];
  if (oldPlatform !== newPlatform) lines.push(`task: runtimePlatform ${oldPlatform} → ${newPlatform}`);
  const [oldVolumes, newVolumes] = [volumes(before), volumes(after)];
  for (const [volume, what] of newVolumes) {
    const old = oldVolumes.get(volume);
    if (old === undefined) lines.push(`task: volume + ${volume} (${what})`);
    else if (old !== what) lines.push(`task: volume ~ ${volume} (${old} → ${what})`);
  }
  for (const volume of oldVolumes.keys()) if (!newVolumes.has(volume)) lines.push(`task: volume - ${volume}`);
  const oldContainers = new Map((before.containerDefinitions ?? []).map((c) => [c.name ?? '', c]));
  const newContainers = new Map((after.containerDefinitions ?? []).map((c) => [c.name ?? '', c]));
  for (const [name, c] of newContainers) {
    const old = oldContainers.get(name);
    if (!old) lines.push(`${name}: added (image ${c.image ?? '?'})`);
    else lines.push(...diffContainer(name, old, c, values));
  }
  for (const name of oldContainers.keys()) if (!newContainers.has(name)) lines.push(`${name}: removed`);
  if (lines.length === 0 && stableStringify(before) !== stableStringify(after)) {
    lines.push('task: other settings changed');
  }
  return lines;
}

function diffContainer(
  name: string,
  a: ContainerDefinition,
  b: ContainerDefinition,
  values: EnvironmentValues,
): string[] {
  const lines: string[] = [];
  if (a.image !== b.image) lines.push(`${name}: image ${a.image ?? '?'} → ${b.image ?? '?'}`);
  for (const field of CONTAINER_FIELDS) {
    if (a[field] !== b[field])
      lines.push(`${name}: ${field} ${a[field] ?? '(none)'} → ${b[field] ?? '(none)'}`);
  }
  lines.push(...diffEnvironment(name, a.environment ?? [], b.environment ?? [], values));
  const [oldSecrets, newSecrets] = [names(a.secrets ?? []), names(b.secrets ?? [])];
  for (const s of newSecrets) if (!oldSecrets.includes(s)) lines.push(`${name}: secret + ${s}`);
  for (const s of oldSecrets) if (!newSecrets.includes(s)) lines.push(`${name}: secret - ${s}`);
  const [oldPorts, newPorts] = [ports(a.portMappings ?? []), ports(b.portMappings ?? [])];
  if (oldPorts !== newPorts) lines.push(`${name}: ports ${oldPorts || '(none)'} → ${newPorts || '(none)'}`);
  for (const field of ['command', 'entryPoint'] as const) {
    const [x, y] = [argv(a[field]), argv(b[field])];
    if (x !== y) lines.push(`${name}: ${field} ${x || '(none)'} → ${y || '(none)'}`);
  }
  const rest = (c: ContainerDefinition): string => stableStringify({ ...c, ...SHOWN_EMPTY });
  if (lines.length === 0 && rest(a) !== rest(b)) lines.push(`${name}: other settings changed`);
  return lines;
}

/** The container fields reported line by line above, blanked to compare the rest. */
const SHOWN_EMPTY: Partial<Record<keyof ContainerDefinition, undefined>> = Object.fromEntries(
  ['image', ...CONTAINER_FIELDS, 'environment', 'secrets', 'portMappings', 'command', 'entryPoint'].map(
    (k) => [k, undefined],
  ),
);

function diffEnvironment(
  name: string,
  a: readonly KeyValuePair[],
  b: readonly KeyValuePair[],
  values: EnvironmentValues,
): string[] {
  const before = new Map(a.map((e) => [e.name ?? '', e.value ?? '']));
  const after = new Map(b.map((e) => [e.name ?? '', e.value ?? '']));
  const lines: string[] = [];
  for (const [key, value] of after) {
    const old = before.get(key);
    if (values === 'names') {
      if (old === undefined) lines.push(`${name}: env + ${key}`);
      else if (old !== value) lines.push(`${name}: env ~ ${key} (value changed)`);
    } else if (old === undefined) lines.push(`${name}: env + ${key}=${shown(key, value)}`);
    else if (old !== value) lines.push(`${name}: env ~ ${key}=${shown(key, old)} → ${shown(key, value)}`);
  }
  for (const key of before.keys()) if (!after.has(key)) lines.push(`${name}: env - ${key}`);
  return lines;
}

function shown(key: string, value: string): string {
  return SECRET_KEY.test(key) ? MASK : JSON.stringify(value);
}

function names(items: readonly { name?: string | undefined }[]): string[] {
  return items.map((i) => i.name ?? '');
}

function ports(mappings: readonly PortMapping[]): string {
  return mappings
    .map((p) => {
      const host = p.hostPort !== undefined && p.hostPort !== p.containerPort ? `${p.hostPort}:` : '';
      return `${host}${p.containerPort ?? '?'}/${p.protocol ?? 'tcp'}`;
    })
    .join(', ');
}

function argv(args: readonly string[] | undefined): string {
  return (args ?? []).map((x) => (/^[\w@%+=:,./-]+$/.test(x) ? x : JSON.stringify(x))).join(' ');
}

function platform(td: TaskDefinition): string {
  const p = td.runtimePlatform;
  return p ? [p.operatingSystemFamily, p.cpuArchitecture].filter(Boolean).join(' ') : '(none)';
}

/** Volume name -> what backs it, in a few words (an EFS file system, a host path, Docker). */
function volumes(td: TaskDefinition): Map<string, string> {
  return new Map(
    (td.volumes ?? []).map((v) => {
      const efs = v.efsVolumeConfiguration;
      const what = efs
        ? `EFS ${efs.fileSystemId ?? '?'}${efs.authorizationConfig?.accessPointId ? ` ${efs.authorizationConfig.accessPointId}` : ''}${efs.rootDirectory ? ` ${efs.rootDirectory}` : ''}`
        : v.host?.sourcePath
          ? `host ${v.host.sourcePath}`
          : v.dockerVolumeConfiguration
            ? `docker ${v.dockerVolumeConfiguration.driver ?? 'local'} ${v.dockerVolumeConfiguration.scope ?? 'task'}`
            : 'docker';
      return [v.name ?? '', what];
    }),
  );
}

function canonical(td: AnyTaskDefinition): TaskDefinition {
  return normalizeTaskDefinition(td) as unknown as TaskDefinition;
}
