import { UpdateServiceCommand, type ECSClient, type Service } from '@aws-sdk/client-ecs';
import { pollUntil, type ServicePoll } from './poll';
import { describeService, primaryId } from './service';
import { deleteService } from './teardown';
import { waitForDeployment, type WaitResult } from './wait';

/** timeoutMs bounds the rollback's own wait (or the deletion of a service this run created). */
export interface RollbackOptions extends ServicePoll {
  /** The revision that failed to deploy. */
  failedTaskDefinition: string;
  /** What the service ran before this run (ServiceDeployment.previousTaskDefinition). */
  previousTaskDefinition?: string;
  /** This run created the service (ServiceDeployment.created). */
  created: boolean;
  /**
   * ECS's deployment circuit breaker failed our deployment and its rollback option is on: ECS
   * starts the rollback deployment itself, maybe after our read of FAILED.
   */
  ecsRollsBack?: boolean;
}

export interface RollbackResult {
  /**
   * restored: the service is back on previousTaskDefinition (see wait for how that went);
   * deleted: the service this run created was removed again;
   * none: there was nothing to go back to.
   */
  action: 'restored' | 'deleted' | 'none';
  detail: string;
  /** The wait for the restored deployment. */
  wait?: WaitResult;
}

/**
 * Puts things back the way they were before this run, so nothing is left half-deployed.
 * A service this run created did not exist before, so it is deleted rather than left at 0
 * tasks: the next run creates it again. The revision registered by this run is kept (it is
 * reused when the same content is deployed again; teardown or keep-revisions removes it).
 */
export async function rollBack(ecs: ECSClient, options: RollbackOptions): Promise<RollbackResult> {
  const { cluster, service: name, log } = options;
  if (options.created) {
    const deletion = await deleteService(ecs, options);
    const detail = deletion.deleted
      ? `deleted service ${name}, which this run had created`
      : `service ${name} was already gone`;
    log.info(`Rollback: ${detail}`);
    return { action: 'deleted', detail };
  }
  const previous = options.previousTaskDefinition;
  if (!previous || previous === options.failedTaskDefinition) {
    const detail = `no earlier task definition to roll ${name} back to`;
    log.warning(`Rollback: ${detail}`);
    return { action: 'none', detail };
  }

  const since = new Date();
  const current = await describeService(ecs, cluster, name);
  let target: Service | undefined = current;
  const ecsRollback =
    current?.taskDefinition === previous || options.ecsRollsBack
      ? await ecsRollbackDeployment(ecs, options, previous)
      : undefined;
  if (ecsRollback) {
    // The circuit breaker rolls back on its own: a second rollback deployment would race it.
    target = ecsRollback;
    log.info(`Rollback: ECS's circuit breaker is rolling ${name} back to ${previous}`);
  } else {
    const out = await ecs.send(
      new UpdateServiceCommand({ cluster, service: name, taskDefinition: previous }),
    );
    target = out.service;
    log.info(`Rollback: updated ${name} back to ${previous}`);
  }
  // The same cluster, service, clock and bounds as the rollback itself (as deleteService above).
  const wait = await waitForDeployment(ecs, {
    ...options,
    deploymentId: target ? primaryId(target) : '',
    taskDefinitionArn: previous,
    since,
  });
  const who = ecsRollback
    ? `ECS rolled ${name} back to ${previous}`
    : `service ${name} was put back on ${previous}`;
  const detail =
    wait.outcome === 'stable'
      ? ecsRollback
        ? `${who} (its circuit breaker), and it is stable`
        : `service ${name} is back on ${previous} and stable`
      : `${who}, but that deployment ${wait.outcome}: ${wait.reason}`;
  log.info(`Rollback: ${detail}`);
  return { action: 'restored', detail, wait };
}

/**
 * The service once ECS's own rollback deployment (PRIMARY, on `previous`) is listed: the breaker
 * marks ours FAILED first and starts the rollback after, so it is read until it appears, within
 * the rollback's time (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html).
 * Undefined when it never does: then the action rolls back itself.
 */
async function ecsRollbackDeployment(
  ecs: ECSClient,
  options: RollbackOptions,
  previous: string,
): Promise<Service | undefined> {
  // ECS starts it seconds after the failure; past this, it is not coming and the action rolls back.
  return pollUntil({ ...options, timeoutMs: Math.min(options.timeoutMs, 120_000) }, 5_000, async () => {
    const service = await describeService(ecs, options.cluster, options.service);
    const primary = service?.deployments?.find((d) => d.status === 'PRIMARY');
    return primary?.taskDefinition === previous ? service : undefined;
  });
}
