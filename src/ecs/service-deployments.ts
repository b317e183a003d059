import {
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  ListServiceDeploymentsCommand,
  StopServiceDeploymentCommand,
  type ECSClient,
  type ServiceDeployment,
} from '@aws-sdk/client-ecs';
import { pollUntil, type ServicePoll } from './poll';
import type { WaitResult } from './wait';

/**
 * The wait of a BLUE_GREEN, LINEAR or CANARY deployment, through ECS's service deployment APIs
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceDeployment.html): its
 * lifecycle stage, the traffic the new revision has, the bake time left, and how it ended. When
 * a stage, a lifecycle hook or an alarm fails, ECS rolls the deployment back itself; the wait
 * follows that rollback to its end and says so, and the action never starts a second one.
 */

export interface StrategyWaitOptions extends ServicePoll {
  /** The revision our CreateService or UpdateService pointed the service at. */
  taskDefinitionArn: string;
  /** Just before that call: older service deployments are not ours. */
  since: Date;
}

export interface StrategyWaitResult extends WaitResult {
  /** The service deployment followed, once found. */
  serviceDeploymentArn?: string;
  /** ECS rolled it back itself: why (ROLLBACK_SUCCESSFUL or ROLLBACK_FAILED). */
  rolledBack?: { reason: string; succeeded: boolean };
  /** The lifecycle stages seen, in order (`PRE_SCALE_UP`, ..., `BAKE_TIME`, `CLEAN_UP`). */
  stages: string[];
}

const DEFAULT_INTERVAL_MS = 15_000;
/** ECS's clock and ours may differ a little: deployments started this long before our call count. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Service deployments looked at to find ours (the newest first). */
const CANDIDATES = 3;

/** One line of where a deployment is (pure): stage, traffic on the new revision, bake time left. */
function progressLine(d: ServiceDeployment, bakeLeftMs: number | undefined): string {
  const target = d.targetServiceRevision;
  const parts = [`${d.status ?? '?'}`, d.lifecycleStage ? `stage ${d.lifecycleStage}` : ''];
  if (target?.requestedProductionTrafficWeight !== undefined)
    parts.push(`production traffic ${target.requestedProductionTrafficWeight}% on the new revision`);
  if (target?.requestedTestTrafficWeight !== undefined && d.lifecycleStage?.includes('TEST'))
    parts.push(`test traffic ${target.requestedTestTrafficWeight}%`);
  if (target)
    parts.push(`${target.runningTaskCount ?? 0}/${target.requestedTaskCount ?? 0} new tasks running`);
  if (bakeLeftMs !== undefined) parts.push(`${formatDuration(bakeLeftMs)} of bake time left`);
  for (const h of d.lifecycleHookDetails ?? [])
    parts.push(`hook ${h.targetArn?.split(':').pop() ?? h.hookId ?? '?'} ${h.status ?? '?'}`);
  if (d.alarms?.triggeredAlarmNames?.length)
    parts.push(`alarms in ALARM: ${d.alarms.triggeredAlarmNames.join(', ')}`);
  return parts.filter(Boolean).join(', ');
}

function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

/** Why ECS rolled back or stopped the deployment, from what it says (pure). */
function failureReason(d: ServiceDeployment): string {
  const hooks = (d.lifecycleHookDetails ?? []).filter(
    (h) => h.status === 'FAILED' || h.status === 'TIMED_OUT',
  );
  const reason = d.rollback?.reason ?? d.statusReason ?? '';
  // What ECS's reason does not already name: the failed hooks, the alarms in ALARM.
  const untold = (name: string) => !reason.includes(name);
  const alarms = (d.alarms?.triggeredAlarmNames ?? []).filter(untold);
  const said = [
    reason,
    ...hooks
      .filter((h) => untold(h.targetArn ?? h.hookId ?? '?'))
      .map((h) => `lifecycle hook ${h.targetArn ?? h.hookId ?? '?'} ${h.status ?? ''}`),
    ...(alarms.length > 0 ? [`alarm ${alarms.join(', ')} in ALARM`] : []),
  ].filter((x) => x !== '');
  return said.join('; ') || 'no reason given';
}

/** Follows our service deployment until it succeeds, ECS has rolled it back, or time runs out. */
export async function waitForServiceDeployment(
  ecs: ECSClient,
  options: StrategyWaitOptions,
): Promise<StrategyWaitResult> {
  const { log } = options;
  const now = options.now ?? Date.now;
  const stages: string[] = [];
  let arn: string | undefined;
  let last: ServiceDeployment | undefined;
  let lastLine = '';
  let bakeSeenAt: number | undefined;
  const result = (r: Omit<StrategyWaitResult, 'events' | 'stoppedTasks' | 'stages'>): StrategyWaitResult => ({
    ...r,
    events: [],
    stoppedTasks: [],
    stages,
    ...(arn && { serviceDeploymentArn: arn }),
  });
  const ended = await pollUntil(options, DEFAULT_INTERVAL_MS, async () => {
    arn ??= await findOurs(ecs, options);
    if (!arn) {
      log.debug(`${options.service}: no service deployment of ${options.taskDefinitionArn} listed yet`);
      return undefined;
    }
    const d = (await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] })))
      .serviceDeployments?.[0];
    if (!d) return undefined;
    last = d;
    const stage = d.lifecycleStage;
    if (stage && stages[stages.length - 1] !== stage) stages.push(stage);
    // ECS gives the bake time, not when it began: from the first read that saw the stage.
    if (stage === 'BAKE_TIME') bakeSeenAt ??= now();
    const bake = d.deploymentConfiguration?.bakeTimeInMinutes;
    const bakeLeft =
      stage === 'BAKE_TIME' && bake !== undefined && bakeSeenAt !== undefined
        ? bake * 60_000 - (now() - bakeSeenAt)
        : undefined;
    const line = progressLine(d, bakeLeft);
    // A line when something changed, not each time the bake time ticks.
    const key = line.replace(/, [^,]* of bake time left/, '');
    if (key !== lastLine) log.info(`${options.service}: ${line}`);
    lastLine = key;
    switch (d.status) {
      case 'SUCCESSFUL':
        return result({ outcome: 'stable', reason: `service deployment ${shortId(arn)} succeeded` });
      case 'ROLLBACK_SUCCESSFUL':
      case 'ROLLBACK_FAILED': {
        const succeeded = d.status === 'ROLLBACK_SUCCESSFUL';
        const reason = failureReason(d);
        return result({
          outcome: 'failed',
          reason: `ECS rolled the deployment back${succeeded ? '' : ', and the rollback failed'}: ${reason}`,
          rolledBack: { reason, succeeded },
        });
      }
      case 'STOPPED':
        return result({ outcome: 'failed', reason: `the deployment was stopped: ${failureReason(d)}` });
      default:
        return undefined; // PENDING, IN_PROGRESS, ROLLBACK_REQUESTED, ROLLBACK_IN_PROGRESS, STOP_REQUESTED
    }
  });
  if (ended) return ended;
  const seconds = Number((options.timeoutMs / 1000).toFixed(1));
  const where = last ? progressLine(last, undefined) : 'no service deployment of the revision was listed';
  return result({ outcome: 'timed-out', reason: `not done after ${seconds} s: ${where}` });
}

/**
 * Our service deployment: among the newest listed since our call, the one whose target revision
 * runs our task definition (DescribeServiceRevisions), so another deploy's is never followed.
 */
async function findOurs(ecs: ECSClient, options: StrategyWaitOptions): Promise<string | undefined> {
  const listed = await ecs.send(
    new ListServiceDeploymentsCommand({
      cluster: options.cluster,
      service: options.service,
      createdAt: { after: new Date(options.since.getTime() - CLOCK_SKEW_MS) },
      maxResults: 20,
    }),
  );
  const briefs = [...(listed.serviceDeployments ?? [])]
    .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))
    .slice(0, CANDIDATES);
  const revisions = briefs.map((b) => b.targetServiceRevisionArn).filter((r): r is string => !!r);
  if (revisions.length === 0) return undefined;
  const described = await ecs.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: revisions }));
  const ours = new Set(
    (described.serviceRevisions ?? [])
      .filter((r) => r.taskDefinition === options.taskDefinitionArn)
      .map((r) => r.serviceRevisionArn),
  );
  return briefs.find((b) => ours.has(b.targetServiceRevisionArn))?.serviceDeploymentArn;
}

/**
 * Asks ECS to roll back a deployment that did not finish in time (StopServiceDeployment,
 * stopType ROLLBACK), and follows the rollback: ECS puts the old revision back and shifts the
 * traffic to it (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_StopServiceDeployment.html).
 */
export async function rollBackServiceDeployment(
  ecs: ECSClient,
  arn: string,
  options: ServicePoll,
): Promise<{ rolledBack: boolean; detail: string }> {
  await ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' }));
  options.log.info(`Rollback: asked ECS to roll back ${shortId(arn)} (StopServiceDeployment)`);
  const ended = await pollUntil(options, DEFAULT_INTERVAL_MS, async () => {
    const d = (await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] })))
      .serviceDeployments?.[0];
    if (d?.status === 'ROLLBACK_SUCCESSFUL' || d?.status === 'STOPPED') return { rolledBack: true, d };
    if (d?.status === 'ROLLBACK_FAILED') return { rolledBack: false, d };
    return undefined;
  });
  if (!ended) return { rolledBack: false, detail: `ECS had not rolled ${shortId(arn)} back in time` };
  return ended.rolledBack
    ? { rolledBack: true, detail: `ECS rolled ${shortId(arn)} back to the previous revision` }
    : { rolledBack: false, detail: `ECS's rollback of ${shortId(arn)} failed: ${failureReason(ended.d)}` };
}

function shortId(arn: string): string {
  return arn.split('/').slice(-1)[0] ?? arn;
}
