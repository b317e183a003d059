import type { ContainerDefinition, ECSClient, Service, Task } from '@aws-sdk/client-ecs';
import type { ServicePoll } from '../ecs/poll';
import { runOneOff, taskId, type OneOffRun, type OneOffTask, type TaskPlacement } from '../ecs/run-task';
import type { NetworkOptions } from '../ecs/service';
import { lastLogLines, logStreamOf } from '../ecs/task-logs';
import { judgeStoppedTask } from '../ecs/task-outcome';
import type { ServiceSettings } from '../ecs/settings';
import type { Log } from '../log';
import type { Progress } from '../progress';

export interface RunBeforeInput {
  cluster: string;
  tasks: readonly OneOffTask[];
  /** The new revision's containers: which are essential, and where each one logs. */
  containers: readonly ContainerDefinition[];
  placement: TaskPlacement;
  /** Tags of each task: where it came from, and the service it runs for (ONE_OFF_SERVICE_TAG). */
  tags: Readonly<Record<string, string>>;
  /** How long each task may run. */
  timeoutMs: number;
  /** For log groups whose awslogs options name no region. */
  region: string;
  log: Log;
  progress: Progress;
  poll?: Pick<ServicePoll, 'intervalMs' | 'sleep' | 'now'>;
}

/** Lines for the report of the tasks that passed; and, when one did not, why, its headline first. */
export interface RunBeforeResult {
  ran: string[];
  failure?: string[];
}

/** Lines of output shown for each failed container, and at most this many containers. */
const LOG_LINES = 20;
const LOG_CONTAINERS = 3;
/** What ListTasks --started-by finds these tasks by. */
const STARTED_BY = 'habitat-ecs-deploy';

/** Runs each task on the revision in turn, as the service's tasks run; stops at the first that fails. */
export async function runBeforeDeploy(
  ecs: ECSClient,
  taskDefinitionArn: string,
  input: RunBeforeInput,
): Promise<RunBeforeResult> {
  const { log, progress } = input;
  const ran: string[] = [];
  for (const task of input.tasks) {
    log.info(`run-before-deploy: ${task.line}`);
    const run = await runOneOff(ecs, {
      cluster: input.cluster,
      taskDefinitionArn,
      container: task.container,
      ...(task.command && { command: task.command }),
      placement: input.placement,
      startedBy: STARTED_BY,
      tags: input.tags,
      stopReason: `habitat-ecs-deploy: run-timeout-minutes (${minutes(input.timeoutMs)}) passed`,
      // Said if the run stops here: a started task runs on in ECS.
      onStarted: (arn) => progress.record(`one-off task ${taskId(arn)} (${task.container}) started`),
      timeoutMs: input.timeoutMs,
      log,
      ...input.poll,
    });
    const failure = await explain(run, task, input);
    if (failure) return { ran, failure };
    if (run.kind === 'stopped') {
      const line = `${task.line}: task ${taskId(run.task.taskArn ?? '')}: ${judgeStoppedTask(run.task, input.containers, task.container).summary}`;
      log.info(line);
      ran.push(line);
    }
  }
  return { ran };
}

/** Why the run did not pass, with the logs that say more; undefined when it passed. */
async function explain(
  run: OneOffRun,
  task: OneOffTask,
  input: RunBeforeInput,
): Promise<string[] | undefined> {
  const head = `run-before-deploy "${task.line}"`;
  switch (run.kind) {
    case 'not-started':
      return [`${head}: ECS did not start the task: ${run.reason}`];
    case 'lost':
      return [
        `${head}: task ${taskId(run.taskArn)} is gone from ECS (${run.reason}); its exit codes are unknown`,
      ];
    case 'timed-out': {
      const stopped = run.stopError
        ? `StopTask failed (${run.stopError}); stop it with: aws ecs stop-task --cluster ${input.cluster} --task ${run.taskArn}`
        : 'it was stopped (StopTask)';
      const lines = [
        `${head}: task ${taskId(run.taskArn)} was still ${run.lastStatus} after run-timeout-minutes (${minutes(input.timeoutMs)}); ${stopped}`,
      ];
      if (run.task) lines.push(...(await logsOf([task.container], run.task, input)));
      return lines;
    }
    case 'stopped': {
      const verdict = judgeStoppedTask(run.task, input.containers, task.container);
      if (verdict.ok) return undefined;
      return [
        `${head} failed: task ${taskId(run.task.taskArn ?? '')}: ${verdict.summary}`,
        'Containers:',
        ...verdict.containers.map((c) => `  ${c}`),
        ...(await logsOf(verdict.failed.slice(0, LOG_CONTAINERS), run.task, input)),
      ];
    }
  }
}

async function logsOf(names: readonly string[], task: Task, input: RunBeforeInput): Promise<string[]> {
  const lines: string[] = [];
  for (const name of names) {
    const definition = input.containers.find((c) => c.name === name);
    if (!definition) continue;
    const where = logStreamOf(definition, task, input.region);
    if (typeof where === 'string') {
      lines.push(`No log lines of ${name}: ${where}.`);
      continue;
    }
    const read = await lastLogLines(where, LOG_LINES);
    const place = `log group ${where.group}, stream ${where.stream}`;
    if (typeof read === 'string') lines.push(`No log lines of ${name} (${place}): ${read}`);
    else if (read.length === 0)
      lines.push(`No log lines of ${name} (${place}): the stream is empty or missing.`);
    else lines.push(`Last ${read.length} log lines of ${name} (${place}):`, ...read.map((l) => `  ${l}`));
  }
  return lines;
}

/**
 * Where one-off tasks run: where the service's tasks run. For a service that exists, its launch
 * type or capacity providers, platform version and network; for one to be created, what it will
 * be created with. Capacity providers and a platform version given as inputs win, as they will
 * once the service is updated.
 */
export function oneOffPlacement(
  service: Service | undefined,
  create: { launchType: TaskPlacement['launchType']; network?: NetworkOptions },
  settings: ServiceSettings,
): TaskPlacement {
  const strategy =
    settings.capacityProviderStrategy.length > 0
      ? settings.capacityProviderStrategy.map((i) => ({ ...i }))
      : (service?.capacityProviderStrategy ?? []);
  const launchType = service ? service.launchType : create.launchType;
  const vpc = service
    ? service.networkConfiguration?.awsvpcConfiguration
    : create.network && {
        subnets: [...create.network.subnets],
        ...(create.network.securityGroups && { securityGroups: [...create.network.securityGroups] }),
        assignPublicIp: create.network.assignPublicIp ?? 'DISABLED',
      };
  const platformVersion = settings.platformVersion ?? service?.platformVersion;
  return {
    ...(strategy.length > 0 ? { capacityProviderStrategy: strategy } : launchType && { launchType }),
    ...(platformVersion && { platformVersion }),
    ...(vpc?.subnets?.length && { networkConfiguration: { awsvpcConfiguration: vpc } }),
  };
}

function minutes(ms: number): string {
  const m = ms / 60_000;
  return `${Number(m.toFixed(2))} min`;
}
