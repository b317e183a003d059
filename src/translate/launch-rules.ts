import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import { error, type Diagnostic } from '../diagnostics';
import type { LaunchType, NetworkMode } from './context';
import type { EcsParams } from './ecs-params';
import { Problems } from '../problems';

/** Fargate task sizes: CPU units -> the memory sizes (MiB) allowed with it. */
const FARGATE_SIZES: ReadonlyMap<number, readonly number[]> = new Map([
  [256, [512, 1024, 2048]],
  [512, steps(1024, 4096, 1024)],
  [1024, steps(2048, 8192, 1024)],
  [2048, steps(4096, 16384, 1024)],
  [4096, steps(8192, 30720, 1024)],
  [8192, steps(16384, 61440, 4096)],
  [16384, steps(32768, 122880, 8192)],
]);

function steps(from: number, to: number, by: number): number[] {
  const out: number[] = [];
  for (let n = from; n <= to; n += by) out.push(n);
  return out;
}

/** `256 CPU: 512, 1024, 2048 MiB; 512 CPU: 1024-4096 MiB in 1024 steps; ...` for error messages. */
function fargateSizesText(): string {
  return [...FARGATE_SIZES]
    .map(([cpu, mems]) => {
      const first = mems[0] ?? 0;
      const last = mems[mems.length - 1] ?? 0;
      const step = (mems[1] ?? 0) - first;
      return mems.length <= 3
        ? `cpu ${cpu}: ${mems.join(', ')}`
        : `cpu ${cpu}: ${first}-${last} in steps of ${step}`;
    })
    .join('; ');
}

/** The task's network mode: ecs-params decides; else bridge on EC2 (like compose) and awsvpc on Fargate (its only mode). */
export function decideNetworkMode(launchType: LaunchType, params?: EcsParams): NetworkMode {
  return params?.networkMode ?? (launchType === 'FARGATE' ? 'awsvpc' : 'bridge');
}

/**
 * Task-level rules of the launch type, checked before anything reaches AWS: Fargate needs
 * awsvpc, a task size from its table, and an execution role to pull images from ECR.
 */
export function checkLaunchType(
  launchType: LaunchType,
  networkMode: NetworkMode,
  params?: EcsParams,
): Diagnostic[] {
  // Placed in ecs-params.yml when it has a task_definition to point into, else on the input.
  const p = params?.locate(['task_definition']) ? new Problems(params.locate) : undefined;
  const out: Diagnostic[] = [];
  const problem = (path: string[], message: string) => {
    if (p) p.error(path, message);
    else out.push(error(message, { input: params ? 'ecs-params' : 'launch-type' }));
  };
  if (launchType === 'FARGATE') {
    if (networkMode !== 'awsvpc') {
      problem(
        ['task_definition', 'ecs_network_mode'],
        `Fargate needs ecs_network_mode awsvpc, not ${networkMode}`,
      );
    }
    const cpu = params?.cpu === undefined ? undefined : Number(params.cpu);
    const memory = params?.memory === undefined ? undefined : Number(params.memory);
    if (cpu === undefined || memory === undefined) {
      problem(
        ['task_definition', 'task_size'],
        'Fargate needs a task size: set task_definition.task_size.cpu_limit and mem_limit in ecs-params.yml, ' +
          `from these pairs (MiB): ${fargateSizesText()}`,
      );
    } else if (!FARGATE_SIZES.get(cpu)?.includes(memory)) {
      problem(
        ['task_definition', 'task_size'],
        `cpu ${cpu} with memory ${memory} MiB is not a Fargate task size; valid pairs (MiB): ${fargateSizesText()}`,
      );
    }
    if (params?.pidMode === 'host')
      problem(['task_definition', 'pid_mode'], 'Fargate does not allow pid_mode host');
    if (params?.ipcMode)
      problem(['task_definition', 'ipc_mode'], 'Fargate does not support ipc_mode; remove it');
    if (!params?.executionRoleArn) {
      problem(
        ['task_definition'],
        'Fargate needs an execution role to pull images from ECR (and to send awslogs): set task_definition.task_execution_role in ecs-params.yml',
      );
    }
  }
  return [...out, ...(p?.errors ?? [])];
}

/**
 * Rules between containers ECS enforces at registration or start: a HEALTHY dependency needs a
 * health check on its target, and COMPLETE/SUCCESS ones a target that is not essential.
 * Run after the Habitat pass, which may add health checks.
 */
export function checkDependencies(containers: readonly ContainerDefinition[], problems: Problems): void {
  const byName = new Map(containers.map((c) => [c.name, c]));
  for (const c of containers) {
    for (const dep of c.dependsOn ?? []) {
      const target = byName.get(dep.containerName);
      const path = ['services', c.name ?? '', 'depends_on'];
      if (dep.condition === 'HEALTHY' && !target?.healthCheck) {
        problems.error(
          path,
          `waits for ${dep.containerName} to be healthy, but ${dep.containerName} has no healthcheck`,
        );
      }
      if ((dep.condition === 'SUCCESS' || dep.condition === 'COMPLETE') && target?.essential) {
        problems.error(
          path,
          `waits for ${dep.containerName} to complete, but an essential container stops the task when it exits: ` +
            `set essential: false for ${dep.containerName} under task_definition.services in ecs-params.yml`,
        );
      }
    }
  }
}
