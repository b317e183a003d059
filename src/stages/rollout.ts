import type { ECSClient, RegisterTaskDefinitionCommandInput, Service } from '@aws-sdk/client-ecs';
import { diffTaskDefinitions } from '../ecs/diff';
import type { ServicePoll } from '../ecs/poll';
import { pruneRevisions, registerTaskDefinition, type RegisteredTaskDefinition } from '../ecs/register';
import { rollBack, type RollbackResult } from '../ecs/rollback';
import {
  deployService,
  type CreateServiceOptions,
  type NetworkOptions,
  type ServiceDeployment,
} from '../ecs/service';
import { waitForDeployment, type WaitResult } from '../ecs/wait';
import type { ServiceSettings } from '../ecs/settings';
import { shiftsTraffic } from '../ecs/strategy';
import type { DiscoveryFields } from '../ecs/discovery';
import type { Log } from '../log';
import { shortArn, type Progress } from '../progress';
import type { RunBeforeResult } from './run-before';

export interface RolloutInput {
  cluster: string;
  service: string;
  taskDefinition: RegisterTaskDefinitionCommandInput;
  /** The service as checked before the first side effect; undefined: it is to be created. */
  checked: Service | undefined;
  /** This run pushed images, so time has passed since the check. */
  pushed: boolean;
  /** Tags of a new revision (and of a created service): commit, ref, run. */
  tags: Readonly<Record<string, string>>;
  /** How to create the service when it is missing; undefined: it is never created. */
  create?: Omit<CreateServiceOptions, 'tags'>;
  /** The awsvpc network ecs-params asks for: sent on update where it differs. */
  network?: NetworkOptions;
  /** The desired count a service found at 0 is set to (desired-count); undefined: left as it is. */
  reviveCount?: number;
  forceNewDeployment: boolean;
  /** Wait for the deployment to become stable, at most this long; undefined: do not wait. */
  waitTimeoutMs?: number;
  rollbackOnFailure: boolean;
  /** Revisions of the family to keep once stable (0: keep all). */
  keepRevisions: number;
  log: Log;
  progress: Progress;
  /** How the waits poll (default: their own intervals and the real clock). */
  poll?: Pick<ServicePoll, 'intervalMs' | 'sleep' | 'now'>;
  /** Service settings: given on create, changed on update where they differ. */
  settings?: ServiceSettings;
  /** Cloud Map registries and Service Connect: given on create, changed on update where they differ. */
  discovery?: DiscoveryFields;
  /**
   * Tasks to run on the registered revision before the service is pointed at it (not when the
   * service already runs it); a failure leaves the service as it is.
   */
  runBefore?: (taskDefinitionArn: string) => Promise<RunBeforeResult>;
  /** Before the first write to ECS (the deploy's deferred checks); a rollout that changes nothing never calls it. */
  beforeChange?: () => Promise<void>;
  /**
   * Once the service runs the revision (stable, not waited for, or unchanged), its autoscaling
   * made what the inputs ask: a line for each change. Never after a failed deployment.
   */
  scale?: () => Promise<string[]>;
}

interface Registration {
  registered: RegisteredTaskDefinition;
  /** Lines of the change against the previous revision. */
  diff: string[];
  /** A line for each task run before the deploy that passed. */
  ran: string[];
}

/** How a rollout went: what was registered and deployed, and how it ended. */
export type RolloutOutcome =
  | (Registration & {
      deployment: ServiceDeployment;
      /** The autoscaling changes made once the service ran the revision, one line each. */
      scaled: string[];
      /** BLUE_GREEN, LINEAR, CANARY: the lifecycle stages the deployment went through. */
      stages?: string[];
      end:
        | { kind: 'unchanged' } // the service already ran this revision
        | { kind: 'not-waited' }
        | { kind: 'stable' }
        | { kind: 'failed'; wait: WaitResult; rollback?: RollbackResult };
    })
  /** A task run before the deploy failed: the service was not touched. */
  | (Registration & {
      deployment?: undefined;
      /** `running`: what the service runs, as it was checked; undefined: it does not exist. */
      end: { kind: 'run-failed'; lines: string[]; running?: string };
    });

/**
 * Register (unless an identical revision exists), point the service at it (unless it already
 * runs it), wait until stable, then prune old revisions; or, when the wait fails, roll back.
 */
export async function rollout(ecs: ECSClient, input: RolloutInput): Promise<RolloutOutcome> {
  const { cluster, service, log, progress } = input;
  const registered = await log.group('Register', () =>
    registerTaskDefinition(ecs, input.taskDefinition, {
      tags: input.tags,
      ...(input.checked?.taskDefinition && { running: input.checked.taskDefinition }),
      ...(input.beforeChange && { beforeRegister: input.beforeChange }),
      log,
    }),
  );
  if (registered.changed) progress.record(`${shortArn(registered.arn)} registered`);
  const previous = registered.previous;
  // Published (the summary, a pull request comment) with environment names only; the log shows
  // the values, masked where the name looks secret.
  const diff = diffTaskDefinitions(previous?.taskDefinition, input.taskDefinition);
  if (previous && diff.length > 0) {
    log.info(`Changes against ${shortArn(previous.arn)}:`);
    for (const line of diffTaskDefinitions(previous.taskDefinition, input.taskDefinition, 'masked'))
      log.info(`  ${line}`);
  }

  let ran: string[] = [];
  const runBefore = input.runBefore;
  const moves = input.forceNewDeployment || input.checked?.taskDefinition !== registered.arn;
  if (runBefore && moves) {
    await input.beforeChange?.();
    const result = await log.group('Run before deploy', () => runBefore(registered.arn));
    ran = result.ran;
    if (result.failure) {
      const running = input.checked?.taskDefinition;
      return {
        registered,
        diff,
        ran,
        end: { kind: 'run-failed', lines: result.failure, ...(running && { running }) },
      };
    }
  } else if (runBefore) {
    log.info(`run-before-deploy: not run, the service already runs ${shortArn(registered.arn)}`);
  }

  const since = new Date();
  const deployment = await log.group('Deploy', () =>
    deployService(ecs, {
      cluster,
      service,
      taskDefinitionArn: registered.arn,
      forceNewDeployment: input.forceNewDeployment,
      // What was checked still holds unless this run took time to register (or push, or run) something.
      ...(!input.pushed &&
        !registered.changed &&
        ran.length === 0 && { checked: { service: input.checked } }),
      ...(input.create && { create: { ...input.create, tags: input.tags } }),
      ...(input.network && { network: input.network }),
      ...(input.reviveCount !== undefined && { reviveCount: input.reviveCount }),
      ...(input.settings && { settings: input.settings }),
      ...(input.discovery && { discovery: input.discovery }),
      ...(input.beforeChange && { beforeChange: input.beforeChange }),
      log,
    }),
  );
  const done = { registered, diff, ran, deployment };
  const scaled = async () => (input.scale ? await log.group('Autoscaling', input.scale) : []);
  if (!deployment.created && !deployment.updated)
    return { ...done, scaled: await scaled(), end: { kind: 'unchanged' } };
  progress.serviceNow = registered.arn;
  if (input.waitTimeoutMs === undefined)
    return { ...done, scaled: await scaled(), end: { kind: 'not-waited' } };

  const poll = { cluster, service, timeoutMs: input.waitTimeoutMs, log, ...input.poll };
  if (shiftsTraffic(deployment.strategy)) {
    return followStrategy(ecs, input, { ...done, poll, since, scaled, family: registered.family });
  }
  const wait = await log.group('Wait', () =>
    waitForDeployment(ecs, {
      ...poll,
      deploymentId: deployment.deploymentId,
      taskDefinitionArn: registered.arn,
      since,
    }),
  );
  if (wait.outcome === 'stable') {
    if (input.keepRevisions > 0) {
      await pruneRevisions(ecs, {
        family: registered.family,
        cluster,
        keep: input.keepRevisions,
        protect: [registered.arn],
        log,
      });
    }
    return { ...done, scaled: await scaled(), end: { kind: 'stable' } };
  }
  if (!input.rollbackOnFailure) return { ...done, scaled: [], end: { kind: 'failed', wait } };
  const rollback = await log.group('Rollback', () =>
    rollBack(ecs, {
      ...poll,
      failedTaskDefinition: registered.arn,
      ...(deployment.previousTaskDefinition && {
        previousTaskDefinition: deployment.previousTaskDefinition,
      }),
      created: deployment.created,
      ecsRollsBack: breakerRollsBack(wait, deployment.deploymentId),
    }),
  );
  return { ...done, scaled: [], end: { kind: 'failed', wait, rollback } };
}

/**
 * The wait and rollback of a BLUE_GREEN, LINEAR or CANARY deployment: followed through ECS's
 * service deployment APIs (loaded only for one). ECS rolls back a failed one itself; one that
 * does not finish in time is rolled back by ECS at our request, never by a second deployment.
 */
async function followStrategy(
  ecs: ECSClient,
  input: RolloutInput,
  run: Registration & {
    deployment: ServiceDeployment;
    poll: ServicePoll;
    since: Date;
    family: string;
    scaled: () => Promise<string[]>;
  },
): Promise<RolloutOutcome> {
  const { log } = input;
  const { registered, diff, ran, deployment, poll } = run;
  const done = { registered, diff, ran, deployment };
  const sd = await import('../ecs/service-deployments');
  const wait = await log.group('Wait', () =>
    sd.waitForServiceDeployment(ecs, { ...poll, taskDefinitionArn: registered.arn, since: run.since }),
  );
  const stages = wait.stages;
  if (wait.outcome === 'stable') {
    if (input.keepRevisions > 0) {
      await pruneRevisions(ecs, {
        family: run.family,
        cluster: input.cluster,
        keep: input.keepRevisions,
        protect: [registered.arn],
        log,
      });
    }
    return { ...done, stages, scaled: await run.scaled(), end: { kind: 'stable' } };
  }
  if (wait.rolledBack) {
    const detail = wait.rolledBack.succeeded
      ? `ECS rolled ${input.service} back to the previous revision (${wait.rolledBack.reason})`
      : `ECS tried to roll ${input.service} back, and that failed (${wait.rolledBack.reason})`;
    return {
      ...done,
      stages,
      scaled: [],
      end: { kind: 'failed', wait, rollback: { action: 'restored', detail } },
    };
  }
  if (!input.rollbackOnFailure) return { ...done, stages, scaled: [], end: { kind: 'failed', wait } };
  const rollback = await log.group('Rollback', async (): Promise<RollbackResult> => {
    if (deployment.created)
      return rollBack(ecs, { ...poll, failedTaskDefinition: registered.arn, created: true });
    if (!wait.serviceDeploymentArn)
      return rollBack(ecs, {
        ...poll,
        failedTaskDefinition: registered.arn,
        ...(deployment.previousTaskDefinition && {
          previousTaskDefinition: deployment.previousTaskDefinition,
        }),
        created: false,
      });
    const r = await sd.rollBackServiceDeployment(ecs, wait.serviceDeploymentArn, poll);
    return { action: r.rolledBack ? 'restored' : 'none', detail: r.detail };
  });
  return { ...done, stages, scaled: [], end: { kind: 'failed', wait, rollback } };
}

/** ECS's circuit breaker failed our deployment, and will roll back itself (its rollback option). */
function breakerRollsBack(wait: WaitResult, deploymentId: string): boolean {
  const service = wait.service;
  const ours = service?.deployments?.find((d) => d.id === deploymentId);
  const breaker = service?.deploymentConfiguration?.deploymentCircuitBreaker;
  return ours?.rolloutState === 'FAILED' && breaker?.enable === true && breaker.rollback === true;
}
