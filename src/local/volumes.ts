import type { EFSVolumeConfiguration, Volume } from '@aws-sdk/client-ecs';
import { error, notice, warning, type Diagnostic } from '../diagnostics';
import type { VolumeSource } from './container-options';
import { LABEL, type TaskPlan } from './types';

const VOLUME_NAME = /^[A-Za-z0-9_-]{1,255}$/;

interface PlannedVolume {
  source: VolumeSource;
  create?: TaskPlan['volumes'][number];
}

/**
 * ECS volumes -> local ones: a host path is bind-mounted; a Docker volume (or a volume with no
 * host path, which ECS gives a fresh directory per task) is a named volume of the task, removed
 * with it; a shared Docker volume keeps its own name and outlives the task, as on ECS; an EFS
 * file system is a named volume of its own (per file system, access point and directory), which
 * outlives the task as the file system does, so the data is there again at the next `up`.
 */
export function planVolumes(
  list: readonly Volume[],
  task: string,
  errors: Diagnostic[],
  warnings: Diagnostic[],
): Map<string, PlannedVolume> {
  const out = new Map<string, PlannedVolume>();
  list.forEach((v, i) => {
    const path = `volumes[${i}]`;
    const name = v.name ?? '';
    if (!VOLUME_NAME.test(name))
      return errors.push(error(`name "${name}": use letters, digits, - and _`, { path }));
    if (v.host?.sourcePath) {
      if (!v.host.sourcePath.startsWith('/')) {
        return errors.push(
          error(`host.sourcePath "${v.host.sourcePath}" must be an absolute path`, { path }),
        );
      }
      out.set(name, { source: { kind: 'host', path: v.host.sourcePath } });
      return;
    }
    const efs = v.efsVolumeConfiguration;
    if (efs?.fileSystemId) {
      const dockerName = efsVolumeName(efs);
      warnings.push(
        notice(
          `EFS ${efs.fileSystemId} is not reached from here: the named Docker volume ${dockerName} stands in, and outlives the task as the file system does (docker volume rm ${dockerName} empties it)`,
          { path },
        ),
      );
      out.set(name, {
        source: { kind: 'named', dockerName },
        create: { dockerName, shared: true, options: [] },
      });
      return;
    }
    const config = v.dockerVolumeConfiguration;
    const shared = config?.scope === 'shared';
    const dockerName = shared ? name : `${task}-${name}`;
    const stand = v.fsxWindowsFileServerVolumeConfiguration
      ? 'FSx'
      : v.configuredAtLaunch
        ? 'a volume configured at launch'
        : undefined;
    if (stand)
      warnings.push(warning(`${stand} is not emulated: an empty volume of the task stands in`, { path }));
    const options = [
      ...(config?.driver ? ['--driver', config.driver] : []),
      ...Object.entries(config?.driverOpts ?? {}).flatMap(([k, val]) => ['--opt', `${k}=${val}`]),
      ...Object.entries(config?.labels ?? {}).flatMap(([k, val]) => ['--label', `${k}=${val}`]),
      // A shared volume is not the task's: down leaves it, as ECS leaves it after the task.
      ...(shared ? [] : ['--label', `${LABEL.task}=${task}`]),
    ];
    out.set(name, { source: { kind: 'named', dockerName }, create: { dockerName, shared, options } });
  });
  return out;
}

/** `efs-fs-12345678[-fsap-...][-dir]`: one local volume per place in a file system. */
function efsVolumeName(efs: EFSVolumeConfiguration): string {
  const parts = [
    'efs',
    efs.fileSystemId ?? '',
    efs.authorizationConfig?.accessPointId ?? '',
    (efs.rootDirectory ?? '/').replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, ''),
  ];
  return parts.filter(Boolean).join('-').slice(0, 255);
}
