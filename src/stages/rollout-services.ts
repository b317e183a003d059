import type { ECSClient, Service } from '@aws-sdk/client-ecs';
import type { DiscoveryFields } from '../ecs/discovery';
import { rollBack, type RollbackResult } from '../ecs/rollback';
import { pruneRevisions } from '../ecs/register';
import type { ServiceSettings } from '../ecs/settings';
import { Progress, shortArn } from '../progress';
import type { ServiceUnit } from '../translate/services';
import { rollout, type RolloutInput, type RolloutOutcome } from './rollout';

/** One compose service's ECS service, as the services rollout takes it. */
export interface RolloutUnit {
  unit: ServiceUnit;
  /** Its ECS service. */
  service: string;
  /** As checked before the first side effect; undefined: to be created. */
  checked: Service | undefined;
  /** Its share of the service settings (its own target groups). */
  settings: ServiceSettings;
  /** Its Cloud Map registry and Service Connect; made when its turn comes (they are writes). */
  discovery: () => Promise<DiscoveryFields>;
  /** Tags of its revision and of the service if created. */
  tags: Readonly<Record<string, string>>;
}

/** As a single service's rollout takes them (rollout.ts), for every service of the layout. */
export type ServicesRolloutInput = Pick<
  RolloutInput,
  | 'cluster'
  | 'pushed'
  | 'network'
  | 'forceNewDeployment'
  | 'waitTimeoutMs'
  | 'rollbackOnFailure'
  | 'keepRevisions'
  | 'beforeChange'
  | 'log'
  | 'progress'
  | 'poll'
> & {
  /** In rollout order: each after those it needs. */
  units: readonly RolloutUnit[];
  /** How to create a missing service (the desired count: the unit's replicas, else this one's). */
  create?: RolloutInput['create'];
};

export interface UnitOutcome {
  unit: RolloutUnit;
  outcome: RolloutOutcome;
}

export interface ServicesRolloutOutcome {
  /** The services rolled out, in order, the one that failed last. */
  done: UnitOutcome[];
  /** The one that failed (its own rollback is in its outcome). */
  failed?: UnitOutcome;
  /** The services this run had changed before the failure, put back, in reverse order. */
  rolledBack: { service: string; result: RollbackResult }[];
  /** The services after the failure, which this run did not touch. */
  notReached: RolloutUnit[];
}

/**
 * The services layout's rollout: one service at a time, in order, each registered, created or
 * updated and (with a wait) stable before the next moves, so a service's dependencies run when
 * it starts. When one fails, it is rolled back as a single service's deploy is, and then the
 * services this run changed before it are, in reverse order; the ones after it are not touched.
 */
export async function rolloutServices(
  ecs: ECSClient,
  input: ServicesRolloutInput,
): Promise<ServicesRolloutOutcome> {
  const { log, progress } = input;
  const done: UnitOutcome[] = [];
  for (const [i, unit] of input.units.entries()) {
    const outcome = await log.group(`Service ${unit.service}`, async () =>
      rollout(ecs, {
        cluster: input.cluster,
        service: unit.service,
        taskDefinition: unit.unit.taskDefinition,
        checked: unit.checked,
        // Time has passed since the check once an earlier service moved.
        pushed:
          input.pushed || done.some((d) => d.outcome.deployment?.created || d.outcome.deployment?.updated),
        tags: unit.tags,
        ...(input.create && {
          create: { ...input.create, desiredCount: unit.unit.replicas ?? input.create.desiredCount },
        }),
        ...(input.network && { network: input.network }),
        forceNewDeployment: input.forceNewDeployment,
        ...(input.waitTimeoutMs !== undefined && { waitTimeoutMs: input.waitTimeoutMs }),
        rollbackOnFailure: input.rollbackOnFailure,
        // Pruned once every service is stable: a rollback may need an earlier service's revision.
        keepRevisions: 0,
        settings: unit.settings,
        discovery: await unit.discovery(),
        ...(input.beforeChange && { beforeChange: input.beforeChange }),
        log,
        // Each service's rollout has a Progress of its own: the run's says which services moved.
        progress: new Progress(),
        ...(input.poll && { poll: input.poll }),
      }),
    );
    done.push({ unit, outcome });
    const d = outcome.deployment;
    if (d && (d.created || d.updated))
      progress.record(
        `${unit.service} ${d.created ? 'created' : 'pointed at'} ${shortArn(outcome.registered.arn)}`,
      );
    if (outcome.end.kind !== 'failed') continue;
    const failed = { unit, outcome };
    const rolledBack: ServicesRolloutOutcome['rolledBack'] = [];
    if (input.rollbackOnFailure) {
      for (const earlier of done.slice(0, -1).reverse()) {
        const changed = earlier.outcome.deployment;
        if (!changed || !(changed.created || changed.updated)) continue;
        const result = await log.group(`Rollback ${earlier.unit.service}`, () =>
          rollBack(ecs, {
            cluster: input.cluster,
            service: earlier.unit.service,
            timeoutMs: input.waitTimeoutMs ?? 10 * 60_000,
            log,
            ...input.poll,
            failedTaskDefinition: earlier.outcome.registered.arn,
            ...(changed.previousTaskDefinition && { previousTaskDefinition: changed.previousTaskDefinition }),
            created: changed.created,
          }),
        );
        rolledBack.push({ service: earlier.unit.service, result });
      }
    }
    return { done, failed, rolledBack, notReached: input.units.slice(i + 1) };
  }
  if (input.keepRevisions > 0 && input.waitTimeoutMs !== undefined) {
    for (const { outcome } of done) {
      if (outcome.end.kind !== 'stable') continue;
      await pruneRevisions(ecs, {
        family: outcome.registered.family,
        cluster: input.cluster,
        keep: input.keepRevisions,
        protect: [outcome.registered.arn],
        log,
      });
    }
  }
  return { done, rolledBack: [], notReached: [] };
}
