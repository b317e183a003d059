import type { MountPoint, Tmpfs, Volume, VolumeFrom } from '@aws-sdk/client-ecs';
import type { JsonValue } from '../compose/types';
import { isRecord, scalarText, type ServiceInput, type TranslateContext } from './context';
import type { DockerVolumeParams } from './ecs-params';
import type { KeyPath } from '../problems';
import { bytesToMiB, parseBytes } from './units';

/**
 * The task's `volumes`, filled as containers mount them: one ECS volume per compose named volume,
 * per host path and per anonymous volume, in the order they are first used.
 */
export class TaskVolumes {
  private readonly byName = new Map<string, Volume>();
  private readonly hostNames = new Map<string, string>();

  constructor(
    private readonly ctx: TranslateContext,
    private readonly dockerVolumes: ReadonlyMap<string, DockerVolumeParams>,
  ) {}

  list(): Volume[] {
    return [...this.byName.values()];
  }

  /** A compose named volume; its settings come from ecs-params docker_volumes, else the top-level entry. */
  named(name: string, path: KeyPath): string | undefined {
    const { project, problems } = this.ctx;
    const ecsName = volumeName(name);
    if (this.byName.has(ecsName)) return ecsName;
    const params = this.dockerVolumes.get(name);
    if (!(name in project.volumes) && !params) {
      problems.error(path, `named volume "${name}" is not declared under the top-level volumes: key`);
      return undefined;
    }
    const top = project.volumes[name] ?? null;
    if (params) {
      this.byName.set(ecsName, { name: ecsName, dockerVolumeConfiguration: params.configuration });
    } else if (top && (top.driver !== undefined || top.driver_opts !== undefined || top.external)) {
      if (top.external) {
        problems.warn(
          ['volumes', name, 'external'],
          'ECS has no external volumes; the task gets its own Docker volume. For one shared between tasks, ' +
            `declare "${name}" under task_definition.docker_volumes in ecs-params.yml with scope: shared`,
        );
      }
      this.byName.set(ecsName, { name: ecsName, dockerVolumeConfiguration: dockerConfig(top) });
    } else {
      // Docker-managed scratch space that lives as long as the task, like a compose volume in one run.
      this.byName.set(ecsName, { name: ecsName });
    }
    if (this.ctx.launchType === 'FARGATE' && this.byName.get(ecsName)?.dockerVolumeConfiguration) {
      problems.error(path, `volume "${name}" needs a Docker volume driver, which Fargate does not have`);
    }
    return ecsName;
  }

  host(sourcePath: string): string {
    const known = this.hostNames.get(sourcePath);
    if (known) return known;
    const name = this.unique(volumeName(`host${sourcePath}`));
    this.hostNames.set(sourcePath, name);
    this.byName.set(name, { name, host: { sourcePath } });
    return name;
  }

  anonymous(service: string, target: string): string {
    const name = this.unique(volumeName(`${service}${target}`));
    this.byName.set(name, { name });
    return name;
  }

  private unique(base: string): string {
    let name = base;
    for (let n = 2; this.byName.has(name); n++) name = `${base}-${n}`;
    return name;
  }
}

/** ECS volume names allow letters, digits, `-` and `_`; compose names and paths may hold more. */
function volumeName(text: string): string {
  return (
    text
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 255) || 'volume'
  );
}

function dockerConfig(top: Record<string, JsonValue>): NonNullable<Volume['dockerVolumeConfiguration']> {
  const strings = (value: JsonValue | undefined): Record<string, string> | undefined => {
    if (!isRecord(value)) return undefined;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(value)) out[k] = scalarText(v) ?? '';
    return out;
  };
  const driverOpts = strings(top.driver_opts);
  const labels = strings(top.labels);
  return {
    scope: 'task',
    driver: typeof top.driver === 'string' ? top.driver : 'local',
    ...(driverOpts && { driverOpts }),
    ...(labels && { labels }),
  };
}

export interface ServiceMounts {
  mountPoints: MountPoint[];
  tmpfs: Tmpfs[];
}

/** A service's `volumes:` (short and long syntax) and `tmpfs:` -> mountPoints and tmpfs mounts. */
export function translateMounts(
  ctx: TranslateContext,
  volumes: TaskVolumes,
  service: ServiceInput,
): ServiceMounts {
  const out: ServiceMounts = { mountPoints: [], tmpfs: [] };
  const list = service.definition.volumes;
  const path = [...service.path, 'volumes'];
  if (list !== undefined && list !== null) {
    if (!Array.isArray(list))
      ctx.problems.error(path, 'must be a list of mounts, e.g. ["data:/var/lib/data"]');
    else list.forEach((entry, i) => mount(ctx, volumes, service, entry, [...path, i], out));
  }
  const tmpfs = service.definition.tmpfs;
  if (tmpfs !== undefined && tmpfs !== null) {
    const tmpfsPath = [...service.path, 'tmpfs'];
    const entries = Array.isArray(tmpfs) ? tmpfs : [tmpfs];
    entries.forEach((entry, i) => {
      const at = Array.isArray(tmpfs) ? [...tmpfsPath, i] : tmpfsPath;
      if (typeof entry !== 'string') ctx.problems.error(at, 'must be a path like "/run:size=64m"');
      else {
        const [target = '', options = ''] = splitOnce(entry, ':');
        const mount = tmpfsMount(ctx, target, options.split(',').filter(Boolean), undefined, at);
        if (mount) out.tmpfs.push(mount);
      }
    });
  }
  return out;
}

function mount(
  ctx: TranslateContext,
  volumes: TaskVolumes,
  service: ServiceInput,
  entry: JsonValue,
  path: KeyPath,
  out: ServiceMounts,
): void {
  let source: string | undefined;
  let target: string;
  let readOnly = false;
  let type: string | undefined;
  if (isRecord(entry)) {
    type = typeof entry.type === 'string' ? entry.type : undefined;
    source = typeof entry.source === 'string' && entry.source !== '' ? entry.source : undefined;
    target = typeof entry.target === 'string' ? entry.target : '';
    readOnly = entry.read_only === true;
    if (type === 'tmpfs') {
      const size = isRecord(entry.tmpfs) ? entry.tmpfs.size : undefined;
      const mode = isRecord(entry.tmpfs) ? scalarText(entry.tmpfs.mode ?? null) : undefined;
      const mount = tmpfsMount(ctx, target, mode ? [`mode=${mode}`] : [], size, path);
      if (mount) out.tmpfs.push(mount);
      return;
    }
    if (type !== undefined && type !== 'volume' && type !== 'bind') {
      ctx.problems.error(
        [...path, 'type'],
        `mount type "${type}" is not supported on ECS; use volume, bind or tmpfs`,
      );
      return;
    }
  } else if (typeof entry === 'string') {
    const parts = entry.split(':');
    if (parts.length > 3 || parts.some((p) => p === '')) {
      ctx.problems.error(path, `"${entry}" is not a mount; write [source:]target[:ro]`);
      return;
    }
    if (parts.length === 1) target = parts[0] as string;
    else [source, target = ''] = parts as [string, string];
    for (const option of (parts[2] ?? '').split(',').filter(Boolean)) {
      if (option === 'ro') readOnly = true;
      else if (option !== 'rw')
        ctx.problems.warn(path, `mount option "${option}" ignored: ECS does not support it`);
    }
  } else {
    ctx.problems.error(
      path,
      'must be a mount string like "data:/data:ro" or a mapping with type, source, target',
    );
    return;
  }
  if (!target.startsWith('/')) {
    ctx.problems.error(path, `container path "${target}" must be absolute`);
    return;
  }
  const isPath = source !== undefined && /^[./~]/.test(source);
  let sourceVolume: string | undefined;
  if (source === undefined) sourceVolume = volumes.anonymous(service.name, target);
  else if (type === 'bind' || (type === undefined && isPath)) {
    if (!source.startsWith('/')) {
      ctx.problems.error(
        path,
        `host path "${source}" is relative to your machine, but on ECS it would be read on the container instance: ` +
          'use an absolute path that exists there, or a named volume',
      );
      return;
    }
    if (ctx.launchType === 'FARGATE') {
      ctx.problems.error(path, `Fargate has no host paths to mount ("${source}"); use a named volume`);
      return;
    }
    sourceVolume = volumes.host(source);
  } else sourceVolume = volumes.named(source, path);
  if (sourceVolume) out.mountPoints.push({ sourceVolume, containerPath: target, readOnly });
}

function tmpfsMount(
  ctx: TranslateContext,
  target: string,
  options: string[],
  size: JsonValue | undefined,
  path: KeyPath,
): Tmpfs | undefined {
  if (!target.startsWith('/')) {
    ctx.problems.error(path, `tmpfs path "${target}" must be absolute`);
    return undefined;
  }
  if (ctx.launchType === 'FARGATE') {
    ctx.problems.error(path, 'Fargate does not support tmpfs mounts; use a named volume');
    return undefined;
  }
  const mountOptions: string[] = [];
  for (const option of options) {
    if (option.startsWith('size=')) size = option.slice(5);
    else mountOptions.push(option);
  }
  const bytes = size === undefined ? undefined : parseBytes(size);
  if (bytes === undefined || bytesToMiB(bytes) < 1) {
    ctx.problems.error(
      path,
      size === undefined
        ? `ECS needs a size for tmpfs ${target}: write "${target}:size=64m"`
        : `tmpfs size "${String(size)}" is not a size of at least 1m (units b, k, m, g)`,
    );
    return undefined;
  }
  return { containerPath: target, size: bytesToMiB(bytes), ...(mountOptions.length > 0 && { mountOptions }) };
}

/** `volumes_from: [service, service:ro]` -> volumesFrom. `container:name` has no ECS equivalent. */
export function translateVolumesFrom(ctx: TranslateContext, value: JsonValue, path: KeyPath): VolumeFrom[] {
  if (!Array.isArray(value)) {
    ctx.problems.error(path, 'must be a list of service names');
    return [];
  }
  const out: VolumeFrom[] = [];
  value.forEach((entry, i) => {
    const at = [...path, i];
    if (typeof entry !== 'string') return ctx.problems.error(at, 'must be a service name');
    const parts = entry.split(':');
    if (parts[0] === 'container') {
      return ctx.problems.error(
        at,
        'ECS can only share volumes between containers of the task; name a service',
      );
    }
    const [source = '', mode] = parts;
    if (!ctx.project.services.has(source)) return ctx.problems.error(at, `unknown service "${source}"`);
    if (mode !== undefined && mode !== 'ro' && mode !== 'rw') {
      return ctx.problems.error(at, `mode "${mode}" must be ro or rw`);
    }
    out.push({ sourceContainer: source, readOnly: mode === 'ro' });
  });
  return out;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}
