import {
  DescribeTasksCommand,
  RunTaskCommand,
  StopTaskCommand,
  type CapacityProviderStrategyItem,
  type ECSClient,
  type LaunchType,
  type NetworkConfiguration,
  type Task,
} from '@aws-sdk/client-ecs';
import { Again, pollUntil, type ServicePoll } from './poll';
import { Settle } from './settle';
import { ecsTags } from './tags';

/** The tag naming the ECS service a one-off task was run for: a policy can then allow StopTask on
 * those tasks alone (aws:ResourceTag; a preview role stops its own tasks, never production's). */
export const ONE_OFF_SERVICE_TAG = 'habitat-ecs-deploy:service';

/** One task to run before the rollout: a container of the new revision, with its command or another. */
export interface OneOffTask {
  /** The compose service, which is the container's name in the task definition. */
  container: string;
  /** Replaces the container's command; undefined: its own. */
  command?: string[];
  /** The input line, for messages. */
  line: string;
}

/** Where a one-off task runs: as the service's tasks do. */
export interface TaskPlacement {
  /** Exclusive with capacityProviderStrategy; neither: the cluster's default strategy. */
  launchType?: LaunchType;
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
  platformVersion?: string;
  networkConfiguration?: NetworkConfiguration;
}

export interface OneOffOptions extends Pick<
  ServicePoll,
  'timeoutMs' | 'intervalMs' | 'sleep' | 'now' | 'log'
> {
  cluster: string;
  taskDefinitionArn: string;
  container: string;
  /** Replaces the container's command; undefined: its own. */
  command?: string[];
  placement: TaskPlacement;
  /** Tells these tasks apart in ListTasks (at most 36 characters). */
  startedBy: string;
  /** Tags of the task, set by RunTask (tagging on create needs ecs:TagResource with ecs:CreateAction RunTask). */
  tags: Readonly<Record<string, string>>;
  /** Said when the task is stopped for taking too long. */
  stopReason: string;
  /** Called once ECS has started the task, before the wait. */
  onStarted?: (taskArn: string) => void;
}

/** How a one-off task ended, as far as ECS says. */
export type OneOffRun =
  | { kind: 'not-started'; reason: string }
  | { kind: 'stopped'; task: Task }
  /** Gone from DescribeTasks (ECS forgets stopped tasks after about an hour). */
  | { kind: 'lost'; taskArn: string; reason: string }
  /** Still not stopped when the time was up: StopTask was called (`stopError` if that failed too). */
  | { kind: 'timed-out'; taskArn: string; lastStatus: string; task?: Task; stopError?: string };

/** How often DescribeTasks is asked, as the SDK's tasks-stopped waiter does. */
const DEFAULT_INTERVAL_MS = 6_000;

/** Starts the task, then polls it until it stops or the time is up, when it is stopped. */
export async function runOneOff(ecs: ECSClient, options: OneOffOptions): Promise<OneOffRun> {
  const { cluster, log, placement } = options;
  const tags = Object.entries(ecsTags(options.tags)).map(([key, value]) => ({ key, value }));
  const started = await ecs.send(
    new RunTaskCommand({
      cluster,
      taskDefinition: options.taskDefinitionArn,
      count: 1,
      startedBy: options.startedBy,
      ...(tags.length > 0 && { tags }),
      ...(placement.capacityProviderStrategy?.length
        ? { capacityProviderStrategy: placement.capacityProviderStrategy }
        : placement.launchType && { launchType: placement.launchType }),
      ...(placement.platformVersion && { platformVersion: placement.platformVersion }),
      ...(placement.networkConfiguration && { networkConfiguration: placement.networkConfiguration }),
      ...(options.command && {
        overrides: { containerOverrides: [{ name: options.container, command: options.command }] },
      }),
    }),
  );
  const taskArn = started.tasks?.[0]?.taskArn;
  if (!taskArn) {
    const reasons = (started.failures ?? []).map((f) => [f.reason, f.detail].filter(Boolean).join(': '));
    return {
      kind: 'not-started',
      reason: reasons.join('; ') || 'RunTask started no task and gave no reason',
    };
  }
  log.info(`Started task ${taskId(taskArn)} (${options.taskDefinitionArn.split('/').pop() ?? ''})`);
  options.onStarted?.(taskArn);

  let last = started.tasks?.[0]?.lastStatus ?? 'PROVISIONING';
  let described: Task | undefined;
  const now = options.now ?? Date.now;
  const settle = new Settle(now(), now);
  const ended = await pollUntil(
    options,
    DEFAULT_INTERVAL_MS,
    async (interval): Promise<OneOffRun | Again | undefined> => {
      const out = await ecs.send(new DescribeTasksCommand({ cluster, tasks: [taskArn] }));
      const task = out.tasks?.find((t) => t.taskArn === taskArn);
      if (!task) {
        // Right after RunTask, DescribeTasks may not know the task yet (settle.ts): it still runs.
        if (!settle.believe()) return new Again(settle.delay(interval));
        const failure = out.failures?.find((f) => f.arn === taskArn) ?? out.failures?.[0];
        return { kind: 'lost', taskArn, reason: failure?.reason ?? 'DescribeTasks does not list it' };
      }
      settle.seen();
      described = task;
      if (task.lastStatus && task.lastStatus !== last) {
        last = task.lastStatus;
        log.info(`Task ${taskId(taskArn)}: ${last}${task.stoppedReason ? ` (${task.stoppedReason})` : ''}`);
      }
      return task.lastStatus === 'STOPPED' ? { kind: 'stopped', task } : undefined;
    },
  );
  if (ended) return ended;

  log.info(`Task ${taskId(taskArn)} is still ${last}: stopping it`);
  const timedOut = {
    kind: 'timed-out' as const,
    taskArn,
    lastStatus: last,
    ...(described && { task: described }),
  };
  try {
    await ecs.send(new StopTaskCommand({ cluster, task: taskArn, reason: options.stopReason }));
    return timedOut;
  } catch (e) {
    return { ...timedOut, stopError: (e as Error).message };
  }
}

/** The task's id: the last part of its ARN (new and old ARN formats alike). */
export function taskId(taskArn: string): string {
  return taskArn.split('/').pop() ?? taskArn;
}
