import type { Volume } from '@aws-sdk/client-ecs';
import { error, warning, type Diagnostic } from '../diagnostics';
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
 * with it; a shared Docker volume keeps its own name and outlives the task, as on ECS.
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
    const config = v.dockerVolumeConfiguration;
    const shared = config?.scope === 'shared';
    const dockerName = shared ? name : `${task}-${name}`;
    const stand = v.efsVolumeConfiguration
      ? 'EFS'
      : v.fsxWindowsFileServerVolumeConfiguration
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
