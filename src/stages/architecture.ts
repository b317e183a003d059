import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { error, UserError } from '../diagnostics';
import { DEFAULT_ARCHITECTURE, runnerArchitecture } from '../translate/runtime-platform';

/**
 * A Habitat package is built for one architecture, and `hab pkg export` makes an image of the
 * runner's (https://docs.chef.io/habitat/pkg_exports/), so a deploy that exports runs on a
 * runner of the task's architecture: refused, before anything runs, on another. Pure.
 */
export function checkExportArchitecture(
  taskDefinition: Pick<RegisterTaskDefinitionCommandInput, 'runtimePlatform'>,
  packages: number,
  arch: string,
): void {
  if (packages === 0) return;
  const task = taskDefinition.runtimePlatform?.cpuArchitecture ?? DEFAULT_ARCHITECTURE;
  const runner = runnerArchitecture(arch);
  if (runner === task) return;
  const runsOn = task === 'ARM64' ? 'ubuntu-24.04-arm' : 'ubuntu-latest';
  const why = taskDefinition.runtimePlatform
    ? `the task runs on ${task} (its runtime platform)`
    : `the task names no runtime platform, so ECS runs it on ${task}`;
  throw new UserError(
    error(
      `cannot export Habitat packages for this task on this runner: ${why}, but this runner is ${runner ?? arch}, and hab pkg export makes images of the runner's architecture (each Habitat package is built for one): run the job on an ${task} runner (runs-on: ${runsOn}), or set runtime-platform to the runner's`,
      { input: taskDefinition.runtimePlatform ? 'runtime-platform' : 'habitat-packages' },
    ),
  );
}
