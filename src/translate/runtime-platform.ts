import type { CPUArchitecture, RuntimePlatform } from '@aws-sdk/client-ecs';
import type { ComposeProject } from '../compose/types';
import { error, type Diagnostic } from '../diagnostics';
import { placeOf } from '../problems';

/**
 * The task's runtime platform: the `runtime-platform` input, else the services' `platform:`, else
 * none (ECS then runs Linux on X86_64). A task runs on one platform, so the services must agree;
 * ECS offers Linux on X86_64 and ARM64, on Fargate and EC2 alike
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#runtime-platform).
 */
export interface TaskPlatform {
  /** `linux/amd64` or `linux/arm64`: what images are built for, as docker names it. */
  platform: string;
  runtimePlatform: RuntimePlatform;
}

const ARCHITECTURES: Readonly<Record<string, CPUArchitecture>> = {
  'linux/amd64': 'X86_64',
  'linux/x86_64': 'X86_64',
  'linux/arm64': 'ARM64',
  'linux/arm64/v8': 'ARM64',
  'linux/aarch64': 'ARM64',
};

/** The docker platform of each ECS architecture. */
const PLATFORM_OF: Readonly<Record<CPUArchitecture, string>> = {
  X86_64: 'linux/amd64',
  ARM64: 'linux/arm64',
};

/** A platform as docker and compose write it -> the ECS architecture; undefined for any other. */
export function architectureOf(platform: string): CPUArchitecture | undefined {
  return ARCHITECTURES[platform.trim().toLowerCase()];
}

/** What ECS runs a task on when its definition names no platform. */
export const DEFAULT_ARCHITECTURE: CPUArchitecture = 'X86_64';

function taskPlatform(architecture: CPUArchitecture): TaskPlatform {
  return {
    platform: PLATFORM_OF[architecture],
    runtimePlatform: { cpuArchitecture: architecture, operatingSystemFamily: 'LINUX' },
  };
}

/**
 * The platform of the task (pure). `input`: the `runtime-platform` input, already checked by the
 * input parser (empty: not given). Errors at the compose lines that name another platform.
 */
export function decidePlatform(
  project: Pick<ComposeProject, 'services' | 'locate'>,
  input: string | undefined,
): { platform?: TaskPlatform; errors: Diagnostic[] } {
  const errors: Diagnostic[] = [];
  const wanted = input ? architectureOf(input) : undefined;
  let chosen: { architecture: CPUArchitecture; by: string } | undefined = wanted
    ? { architecture: wanted, by: `runtime-platform: ${input ?? ''}` }
    : undefined;
  for (const [name, service] of project.services) {
    const written = service.definition.platform;
    if (typeof written !== 'string' || written === '') continue;
    const place = placeOf((p) => project.locate(p), ['services', name, 'platform']);
    const architecture = architectureOf(written);
    if (!architecture) {
      errors.push(
        error(
          `"${written}" is not a platform ECS runs: use linux/amd64 (X86_64) or linux/arm64 (ARM64)`,
          place,
        ),
      );
      continue;
    }
    if (!chosen) chosen = { architecture, by: `service ${name}'s platform: ${written}` };
    else if (chosen.architecture !== architecture) {
      errors.push(
        error(
          `"${written}" differs from ${chosen.by}: the containers of an ECS task all run on one platform; make them agree, or give this service a task of its own`,
          place,
        ),
      );
    }
  }
  return { ...(chosen && { platform: taskPlatform(chosen.architecture) }), errors };
}

/** The ECS architecture of the machine this runs on (Node's `process.arch`); undefined for others. */
export function runnerArchitecture(arch: string): CPUArchitecture | undefined {
  return arch === 'x64' ? 'X86_64' : arch === 'arm64' ? 'ARM64' : undefined;
}
