import {
  DescribeTasksCommand,
  ListTasksCommand,
  type Deployment,
  type ECSClient,
  type Service,
  type ServiceEvent,
} from '@aws-sdk/client-ecs';
import type { Log } from '../log';
import { shortArn } from '../progress';
import { Again, pollUntil, type ServicePoll } from './poll';
import { describeService } from './service';
import { Settle } from './settle';

/**
 * Pure decisions over a DescribeServices result: is our deployment done, failed, or still going?
 * Kept apart from the polling so every case can be tested with recorded shapes.
 */
export type DeploymentState = {
  /** unseen: the service is listed without our deployment, as a read from before our write sees it. */
  state: 'stable' | 'failed' | 'in-progress' | 'unseen';
  reason: string;
};

export interface DeploymentTarget {
  /** The deployment our CreateService/UpdateService started (the PRIMARY one it returned). */
  deploymentId: string;
  taskDefinitionArn: string;
  /** Events before this are history, not about our deployment. */
  since?: Date;
}

// ECS says "(deployment ecs-svc/1) deployment failed: tasks failed to start." and
// "rolling back to deployment ..." when the circuit breaker trips.
const BREAKER_TEXT = /circuit breaker|deployment failed|rolling back|rolled back/i;

export function evaluateDeployment(service: Service, target: DeploymentTarget): DeploymentState {
  if (service.status && service.status !== 'ACTIVE') {
    return { state: 'failed', reason: `service ${service.serviceName ?? '?'} is ${service.status}` };
  }
  const deployments = service.deployments ?? [];
  const ours = deployments.find((d) => d.id === target.deploymentId);
  const primary = deployments.find((d) => d.status === 'PRIMARY');

  if (ours?.rolloutState === 'FAILED') {
    return {
      state: 'failed',
      reason: `deployment ${ours.id} failed: ${ours.rolloutStateReason ?? 'no reason given'}`,
    };
  }
  const breaker = recentEvents(service.events ?? [], target.since).find(
    (e) => e.message?.includes(target.deploymentId) && BREAKER_TEXT.test(e.message),
  );
  if (breaker && target.deploymentId)
    return { state: 'failed', reason: breaker.message ?? 'circuit breaker' };

  if (!ours) {
    if (deployments.length === 0) return countsOnly(service);
    return {
      state: 'unseen',
      reason: `deployment ${target.deploymentId} is not listed; the service runs ${service.taskDefinition ?? 'another task definition'}`,
    };
  }
  if (
    ours.status === 'PRIMARY' &&
    service.taskDefinition &&
    service.taskDefinition !== target.taskDefinitionArn
  ) {
    // The service as it was before our write (where a deployment keeps its id across updates).
    return {
      state: 'unseen',
      reason: `the service still names ${service.taskDefinition}, not ${target.taskDefinitionArn}`,
    };
  }
  if (primary && primary.id !== ours.id) {
    // Our deployment was pushed aside: by a rollback onto another task definition, or by a newer
    // deployment of the same one.
    const rolledBack = primary.taskDefinition !== target.taskDefinitionArn;
    return {
      state: 'failed',
      reason: rolledBack
        ? `rolled back: deployment ${primary.id} puts the service back on ${primary.taskDefinition ?? '?'}`
        : `superseded by deployment ${primary.id}`,
    };
  }
  if (ours.rolloutState === 'COMPLETED') {
    return { state: 'stable', reason: `deployment ${ours.id} completed: ${counts(ours)}` };
  }
  // Without a rollout state (older controllers, emulators) fall back to what the ECS
  // services-stable waiter checks: one deployment, all desired tasks running.
  if (!ours.rolloutState && deployments.length === 1 && ours.runningCount === ours.desiredCount) {
    return { state: 'stable', reason: `deployment ${ours.id} has ${counts(ours)}` };
  }
  return {
    state: 'in-progress',
    reason: `deployment ${ours.id} ${ours.rolloutState ?? 'in progress'}: ${counts(ours)}`,
  };
}

function countsOnly(service: Service): DeploymentState {
  const stable = (service.runningCount ?? 0) === (service.desiredCount ?? 0);
  const reason = `${service.runningCount ?? 0}/${service.desiredCount ?? 0} tasks running`;
  return { state: stable ? 'stable' : 'in-progress', reason };
}

function counts(d: Deployment): string {
  const failed = d.failedTasks ? `, ${d.failedTasks} failed` : '';
  return `${d.runningCount ?? 0}/${d.desiredCount ?? 0} tasks running, ${d.pendingCount ?? 0} pending${failed}`;
}

/** Events at or after `since`, oldest first (ECS lists them newest first). */
function recentEvents(events: readonly ServiceEvent[], since?: Date): ServiceEvent[] {
  return events
    .filter((e) => !since || !e.createdAt || e.createdAt.getTime() >= since.getTime())
    .sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0));
}

/** The recent events not seen before, oldest first; marks them seen. */
export function takeNewEvents(
  events: readonly ServiceEvent[],
  seen: Set<string>,
  since?: Date,
): ServiceEvent[] {
  const fresh = recentEvents(events, since).filter((e) => !seen.has(eventKey(e)));
  for (const e of fresh) seen.add(eventKey(e));
  return fresh;
}

function eventKey(e: ServiceEvent): string {
  return e.id ?? `${e.createdAt?.toISOString() ?? ''} ${e.message ?? ''}`;
}

/** intervalMs defaults to 15 s. */
export interface WaitOptions extends DeploymentTarget, ServicePoll {}

interface StoppedTask {
  taskArn: string;
  taskDefinitionArn?: string;
  startedBy?: string;
  stoppedReason?: string;
  /** "name: exit 1: reason" for each container that says something. */
  containers: string[];
}

export interface WaitResult {
  outcome: 'stable' | 'failed' | 'timed-out';
  reason: string;
  service?: Service;
  /** The deployment's events, oldest first (at most MAX_EVENTS). */
  events: ServiceEvent[];
  /** Why recent tasks stopped; filled only when the deployment did not become stable. */
  stoppedTasks: StoppedTask[];
}

const DEFAULT_INTERVAL_MS = 15_000;
const MAX_EVENTS = 20;
const MAX_STOPPED_TASKS = 10;

/** Polls DescribeServices until our deployment is stable, has failed, or time runs out. */
export async function waitForDeployment(ecs: ECSClient, options: WaitOptions): Promise<WaitResult> {
  const { log } = options;
  const seen = new Set<string>();
  let last: { service: Service; state: DeploymentState } | undefined;
  const target: WaitOptions = { ...options };
  // The wait starts right after the write it waits for: reads that do not see it yet are doubted.
  const settle = new Settle((options.now ?? Date.now)(), options.now ?? Date.now);

  const ended = await pollUntil(options, DEFAULT_INTERVAL_MS, async (interval) => {
    const service = await describeService(ecs, options.cluster, options.service);
    if (!service) {
      if (!settle.believe()) {
        log.debug(`${options.service}: not listed yet (ECS is eventually consistent): reading again`);
        return new Again(settle.delay(interval));
      }
      return finish(ecs, target, {
        outcome: 'failed',
        reason: `service ${options.service} no longer exists`,
      });
    }
    // Without a start time from the caller, our deployment's own start separates its events
    // from the service's history.
    target.since ??= service.deployments?.find((d) => d.id === options.deploymentId)?.createdAt;
    for (const e of takeNewEvents(service.events ?? [], seen, target.since)) {
      log.info(`${e.createdAt?.toISOString() ?? ''} ${e.message ?? ''}`.trim());
    }
    const state = evaluateDeployment(service, target);
    last = { service, state };
    log.debug(`${options.service}: ${state.state}: ${state.reason}`);
    if (state.state === 'unseen') {
      if (!settle.believe()) return new Again(settle.delay(interval));
      return finish(ecs, target, { outcome: 'failed', reason: state.reason, service });
    }
    settle.seen();
    if (state.state !== 'in-progress') {
      return finish(ecs, target, { outcome: state.state, reason: state.reason, service });
    }
    return undefined;
  });
  if (ended) return ended;
  const seconds = Number((options.timeoutMs / 1000).toFixed(1));
  const reason = `not stable after ${seconds} s: ${last?.state.reason ?? 'no answer from ECS'}`;
  return finish(ecs, target, { outcome: 'timed-out', reason, ...(last ? { service: last.service } : {}) });
}

async function finish(
  ecs: ECSClient,
  options: WaitOptions,
  result: Omit<WaitResult, 'events' | 'stoppedTasks'>,
): Promise<WaitResult> {
  const events = recentEvents(result.service?.events ?? [], options.since).slice(-MAX_EVENTS);
  if (result.outcome === 'stable') return { ...result, events, stoppedTasks: [] };
  const stopped = await stoppedTasksOf(ecs, options, options.log);
  return { ...result, events, stoppedTasks: stopped };
}

/** Why the service's recently stopped tasks stopped (bounded). Never fails the caller. */
async function stoppedTasksOf(ecs: ECSClient, options: WaitOptions, log: Log): Promise<StoppedTask[]> {
  const { cluster, service, deploymentId } = options;
  try {
    // ECS starts a deployment's tasks with startedBy its id, and a startedBy filter must be the
    // only one (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListTasks.html):
    // the tasks of our deployment, whatever their state, of which the stopped ones are kept. Those
    // of other deployments (another revision's) are never shown as ours.
    const listed = await ecs.send(
      new ListTasksCommand(
        deploymentId
          ? { cluster, startedBy: deploymentId, maxResults: 100 }
          : { cluster, serviceName: service, desiredStatus: 'STOPPED', maxResults: 100 },
      ),
    );
    const arns = listed.taskArns ?? [];
    if (arns.length === 0) return [];
    const described = await ecs.send(new DescribeTasksCommand({ cluster, tasks: arns }));
    return (described.tasks ?? [])
      .filter(
        (t) =>
          t.lastStatus === 'STOPPED' &&
          (deploymentId ? t.startedBy === deploymentId : t.taskDefinitionArn === options.taskDefinitionArn),
      )
      .slice(0, MAX_STOPPED_TASKS)
      .map((t) => ({
        taskArn: t.taskArn ?? '?',
        ...(t.taskDefinitionArn ? { taskDefinitionArn: t.taskDefinitionArn } : {}),
        ...(t.startedBy ? { startedBy: t.startedBy } : {}),
        ...(t.stoppedReason ? { stoppedReason: t.stoppedReason } : {}),
        containers: (t.containers ?? [])
          .filter((c) => c.reason || (c.exitCode !== undefined && c.exitCode !== 0))
          .map((c) =>
            [c.name, c.exitCode !== undefined ? `exit ${c.exitCode}` : '', c.reason]
              .filter(Boolean)
              .join(': '),
          ),
      }));
  } catch (e) {
    log.debug(`could not read stopped tasks of ${service}: ${(e as Error).message}`);
    return [];
  }
}

/** The explanation of a deployment that did not become stable, one line each, for the step failure. */
export function explainFailure(result: WaitResult): string[] {
  const lines = [`Deployment ${result.outcome}: ${result.reason}`];
  if (result.events.length > 0) {
    lines.push('Recent service events:');
    for (const e of result.events)
      lines.push(`  ${e.createdAt?.toISOString() ?? ''} ${e.message ?? ''}`.trimEnd());
  }
  if (result.stoppedTasks.length > 0) {
    lines.push('Stopped tasks:');
    for (const t of result.stoppedTasks) {
      lines.push(`  ${shortArn(t.taskArn)}: ${t.stoppedReason ?? 'no reason given'}`);
      for (const c of t.containers) lines.push(`    ${c}`);
    }
  }
  return lines;
}
