import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { error, UserError, type Diagnostic } from '../diagnostics';
import { pathText } from '../problems';
import type { ImageBuild } from '../translate/build-plan';
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
  const why = taskDefinition.runtimePlatform
    ? `the task runs on ${task} (its runtime platform)`
    : `the task names no runtime platform, so ECS runs it on ${task}`;
  throw new UserError(
    error(
      `cannot export Habitat packages for this task on this runner: ${why}, but this runner is ${runner ?? arch}, and hab pkg export makes images of the runner's architecture (each Habitat package is built for one): run the job on an ${task} runner (runs-on: ${runnerLabel(task)}), or set runtime-platform to the runner's`,
      { input: taskDefinition.runtimePlatform ? 'runtime-platform' : 'habitat-packages' },
    ),
  );
}

/** GitHub's hosted runner label of an architecture. */
function runnerLabel(architecture: string): string {
  return architecture === 'ARM64' ? 'ubuntu-24.04-arm' : 'ubuntu-latest';
}

/** The ECS architecture of a build platform (`linux/arm64` -> ARM64); undefined for another. */
function buildArchitecture(platform: string): string | undefined {
  const arch = platform.split('/')[1];
  return arch === 'arm64' ? 'ARM64' : arch === 'amd64' ? 'X86_64' : undefined;
}

/**
 * A `build:` service's image is built for its platform by the runner's Docker engine, whose RUN
 * steps execute the image's binaries: on a runner of another architecture they run only through
 * an emulator the kernel knows (binfmt_misc, as docker/setup-qemu-action registers), and fail
 * with "exec format error" without one. So such a build is refused before anything runs, naming
 * the service, unless `emulates(architecture)`. Pure.
 */
export function checkBuildArchitecture(
  builds: readonly Pick<ImageBuild, 'platform' | 'services' | 'places'>[],
  arch: string,
  emulates: (architecture: string) => boolean,
): void {
  const runner = runnerArchitecture(arch);
  const problems = builds.flatMap((b): Diagnostic[] => {
    const wanted = buildArchitecture(b.platform);
    if (!wanted || !runner || wanted === runner || emulates(wanted)) return [];
    return [
      error(
        `cannot build ${b.services.join(', ')} for ${b.platform} on this runner: it is ${runner}, and no emulator for ${wanted} is registered, so the build's RUN steps would fail with "exec format error": run the job on an ${wanted} runner (runs-on: ${runnerLabel(wanted)}), or register QEMU first (docker/setup-qemu-action)`,
        {
          ...(b.places.context.location && { location: b.places.context.location }),
          path: pathText(b.places.context.path),
        },
      ),
    ];
  });
  if (problems.length > 0) throw new UserError(problems);
}
