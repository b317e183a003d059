import type { EFSVolumeConfiguration, MountPoint, Tmpfs, Volume, VolumeFrom } from '@aws-sdk/client-ecs';
import type { TmpfsMount, VolumeMount, VolumesFrom } from '../compose/canonical/types';
import { isRecord, scalarText } from '../compose/json';
import type { JsonValue } from '../compose/types';
import type { ServiceInput, TranslateContext } from './context';
import type { DockerVolumeParams } from './ecs-params';
import { EFS_KEYS, readEfsConfiguration, type EfsVolumeParams } from './efs';
import { Reader } from './params-reader';
import type { KeyPath, Place } from '../problems';
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
    private readonly efsVolumes: ReadonlyMap<string, EfsVolumeParams> = new Map(),
  ) {}

  list(): Volume[] {
    return [...this.byName.values()];
  }

  /**
   * A compose named volume; its settings come from ecs-params (efs_volumes, docker_volumes), else
   * the top-level entry (`x-efs:` for an EFS file system).
   */
  named(name: string, path: KeyPath | Place): string | undefined {
    const { project, problems } = this.ctx;
    const ecsName = volumeName(name);
    if (this.byName.has(ecsName)) return ecsName;
    const efs = this.efs(name);
    if (efs === 'invalid') return undefined;
    if (efs) {
      // On Fargate and EC2 alike; the file system outlives every task.
      this.byName.set(ecsName, { name: ecsName, efsVolumeConfiguration: efs });
      return ecsName;
    }
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

  /** The EFS file system a volume is on: ecs-params efs_volumes, else the top-level `x-efs:`. */
  private efs(name: string): EFSVolumeConfiguration | 'invalid' | undefined {
    const params = this.efsVolumes.get(name);
    if (params) return params.configuration;
    const top = this.ctx.project.volumes[name];
    if (!top || top['x-efs'] === undefined) return undefined;
    const path = ['volumes', name, 'x-efs'];
    const r = new Reader(this.ctx.problems);
    const fields = r.map(top['x-efs'], path, EFS_KEYS);
    for (const key of ['driver', 'driver_opts', 'external'])
      if (top[key] !== undefined)
        this.ctx.problems.error(['volumes', name, key], `a volume on EFS (x-efs) takes no ${key}`);
    return readEfsConfiguration(r, fields, path) ?? 'invalid';
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
export function volumeName(text: string): string {
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

/** A service's `volumes:` and `tmpfs:` -> mountPoints and tmpfs mounts. */
export function translateMounts(
  ctx: TranslateContext,
  volumes: TaskVolumes,
  service: ServiceInput,
): ServiceMounts {
  const out: ServiceMounts = { mountPoints: [], tmpfs: [] };
  const mounts = [...(service.canonical.volumes ?? []), ...(service.canonical.tmpfs ?? [])];
  for (const entry of mounts) {
    if (entry.type === 'tmpfs') {
      const mount = tmpfsMount(ctx, entry);
      if (mount) out.tmpfs.push(mount);
    } else if (entry.type === 'other') {
      ctx.problems.error(
        entry.at,
        `mount type "${entry.written}" is not supported on ECS; use volume, bind or tmpfs`,
      );
    } else {
      const mount = mountPoint(ctx, volumes, service, entry);
      if (mount) out.mountPoints.push(mount);
    }
  }
  return out;
}

function mountPoint(
  ctx: TranslateContext,
  volumes: TaskVolumes,
  service: ServiceInput,
  entry: VolumeMount,
): MountPoint | undefined {
  const { source, target, at } = entry;
  for (const option of entry.options) {
    ctx.problems.warn(at, `mount option "${option}" ignored: ECS does not support it`);
  }
  if (!target.startsWith('/')) {
    ctx.problems.error(at, `container path "${target}" must be absolute`);
    return undefined;
  }
  let sourceVolume: string | undefined;
  if (source === undefined) sourceVolume = volumes.anonymous(service.name, target);
  else if (entry.type === 'bind') {
    if (!source.startsWith('/')) {
      ctx.problems.error(
        at,
        `host path "${source}" is relative to your machine, but on ECS it would be read on the container instance: ` +
          'use an absolute path that exists there, or a named volume',
      );
      return undefined;
    }
    if (ctx.launchType === 'FARGATE') {
      ctx.problems.error(at, `Fargate has no host paths to mount ("${source}"); use a named volume`);
      return undefined;
    }
    sourceVolume = volumes.host(source);
  } else sourceVolume = volumes.named(source, at);
  return sourceVolume ? { sourceVolume, containerPath: target, readOnly: entry.read_only } : undefined;
}

function tmpfsMount(ctx: TranslateContext, entry: TmpfsMount): Tmpfs | undefined {
  const { target, size, options, at } = entry;
  if (!target.startsWith('/')) {
    ctx.problems.error(at, `tmpfs path "${target}" must be absolute`);
    return undefined;
  }
  if (ctx.launchType === 'FARGATE') {
    ctx.problems.error(at, 'Fargate does not support tmpfs mounts; use a named volume');
    return undefined;
  }
  const bytes = size === undefined ? undefined : parseBytes(size);
  if (bytes === undefined || bytesToMiB(bytes) < 1) {
    ctx.problems.error(
      at,
      size === undefined
        ? `ECS needs a size for tmpfs ${target}: write "${target}:size=64m"`
        : `tmpfs size "${String(size)}" is not a size of at least 1m (units b, k, m, g)`,
    );
    return undefined;
  }
  return {
    containerPath: target,
    size: bytesToMiB(bytes),
    ...(options.length > 0 && { mountOptions: [...options] }),
  };
}

/** `volumes_from: [service, service:ro]` -> volumesFrom. `container:name` has no ECS equivalent. */
export function translateVolumesFrom(ctx: TranslateContext, entries: readonly VolumesFrom[]): VolumeFrom[] {
  return entries.flatMap(({ type, source, read_only, at }) => {
    if (type === 'container') {
      ctx.problems.error(at, 'ECS can only share volumes between containers of the task; name a service');
      return [];
    }
    if (!ctx.project.services.has(source)) {
      ctx.problems.error(at, `unknown service "${source}"`);
      return [];
    }
    if (ctx.services) {
      ctx.problems.error(
        at,
        `with layout: services, "${source}" runs in a task of its own, and ECS shares volumes only between the containers of one task: use layout: task, or a volume both can mount (EFS)`,
      );
      return [];
    }
    return [{ sourceContainer: source, readOnly: read_only }];
  });
}
