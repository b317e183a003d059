import type { Service } from '@aws-sdk/client-ecs';
import { awsClients } from '../aws/clients';
import { error, formatDiagnostic, UserError } from '../diagnostics';
import { COMPOSE_SERVICE_TAG, PROJECT_TAG } from '../ecs/project-services';
import { checkService } from '../ecs/service';
import { checkTargetGroups } from '../ecs/target-groups';
import { explainFailure } from '../ecs/wait';
import type { RunContext } from '../inputs/run-context';
import type { ServiceConfig } from '../inputs/parse';
import type { Log } from '../log';
import { shortArn, type Progress } from '../progress';
import { openDiscovery, registryOf, type DiscoverySession } from '../stages/discovery';
import { pinServices } from '../stages/pin';
import type { Preflight } from '../stages/preflight';
import { resolutionNotes } from '../stages/resolve';
import { rolloutServices, type ServicesRolloutOutcome, type UnitOutcome } from '../stages/rollout-services';
import { replicasDrift, requireNetwork, unitSettings } from '../stages/services-plan';
import type { BeforeChange } from '../stages/verify';
import { ECS_NAME } from '../translate/context';
import { serviceNameOf } from '../translate/services';
import { topologyOf } from '../translate/topology';
import { deployImages, deployNotes, pushReport, runTags, type RunnerSide } from './deploy-facts';
import { baseReport, DeployFailed, type RunReport } from './report';
import type { ServiceReport } from './services-report';

export interface ServicesDeploy {
  log: Log;
  actionLog: Log;
  progress: Progress;
  plan: Preflight;
  beforeChange: BeforeChange;
}

/**
 * The deploy of the services layout: every compose service's ECS service checked before the first
 * side effect, the images made and pushed once, every task definition pinned to them, the Cloud
 * Map namespace made when missing, then the services rolled out one by one in their order, each
 * registered in Cloud Map and Service Connect.
 */
export async function deployServices(
  config: ServiceConfig,
  run: RunContext,
  runner: RunnerSide,
  { log, progress, plan, beforeChange }: ServicesDeploy,
): Promise<RunReport> {
  if (plan.translated.layout !== 'services') throw new Error('deployServices: not the services layout');
  progress.severalServices = true;
  const units = plan.translated.services.units;
  const network = requireNetwork(plan.translated, config.createService);
  const { ecr, ecs } = awsClients(config.region);
  // Before the first side effect: each service can be updated or created.
  const names = units.map((u) => serviceNameOf(config.service, u.name));
  const bad = names.filter((n) => !ECS_NAME.test(n));
  if (bad.length > 0)
    throw new UserError(
      bad.map((n) =>
        error(`"${n}" is not an ECS service name (up to 255 letters, digits, - and _): shorten service`, {
          input: 'service',
        }),
      ),
    );
  const checked = new Map<string, Service | undefined>();
  for (const [i, unit] of units.entries())
    checked.set(
      unit.name,
      await checkService(ecs, {
        cluster: config.cluster,
        service: names[i] ?? '',
        canCreate: config.createService,
      }),
    );
  const drift = units.map((unit, i) => ({ unit, service: names[i] ?? '', found: checked.get(unit.name) }));
  for (const w of replicasDrift(plan.translated.project, drift, config.cluster))
    log.warning(formatDiagnostic(w), w);
  await checkTargetGroups(config.serviceSettings.loadBalancers, {
    region: config.region,
    networkMode: 'awsvpc',
    log,
  });

  const { images, registry, resolved } = await deployImages(ecr, config, run, runner, plan, {
    beforeChange,
    log,
    progress,
  });
  const pinned = pinServices(config, images, registry);
  const pushed = images.some((p) => p.pushed);
  const tags = runTags(run);

  // Cloud Map: the namespace once, before the first service that needs it (it is a write).
  let discovery: Promise<DiscoverySession> | undefined;
  const openNamespace = () =>
    (discovery ??= log.group('Cloud Map', () =>
      openDiscovery({
        region: config.region,
        namespace: pinned.services.namespace,
        subnets: network?.subnets ?? [],
        tags,
        log,
        beforeCreate: beforeChange,
      }),
    ));
  const outcome = await rolloutServices(ecs, {
    cluster: config.cluster,
    units: pinned.services.units.map((unit, i) => {
      const own = { ...tags, [PROJECT_TAG]: config.service, [COMPOSE_SERVICE_TAG]: unit.name };
      return {
        unit,
        service: names[i] ?? '',
        checked: checked.get(unit.name),
        settings: unitSettings(config.serviceSettings, unit),
        tags: own,
        discovery: async () => {
          const s = await openNamespace();
          const registry = await registryOf(s, {
            name: unit.discovery,
            tags: own,
            log,
            beforeCreate: beforeChange,
          });
          return {
            serviceRegistries: [registry],
            // The namespace by ARN, as ECS echoes it: a rerun then finds nothing to change.
            ...(unit.serviceConnect && {
              serviceConnectConfiguration: { ...unit.serviceConnect, namespace: s.namespace.arn },
            }),
          };
        },
      };
    }),
    pushed,
    ...(config.createService && {
      create: {
        launchType: config.launchType,
        desiredCount: config.desiredCount,
        ...(pinned.network && { network: pinned.network }),
      },
    }),
    ...(pinned.network && { network: pinned.network }),
    forceNewDeployment: config.forceNewDeployment,
    ...(config.waitForStability && { waitTimeoutMs: config.waitTimeoutMinutes * 60_000 }),
    rollbackOnFailure: config.rollbackOnFailure,
    keepRevisions: config.keepRevisions,
    beforeChange,
    log,
    progress,
  });

  const report: RunReport = {
    ...baseReport(config),
    images: pinned.images,
    pushes: pushReport(images),
    services: serviceReports(
      pinned.services.units.map((u, i) => ({
        name: u.name,
        service: names[i] ?? '',
        taskDefinition: u.taskDefinition,
      })),
      outcome,
    ),
    topology: topologyOf(plan.translated, {
      title: config.service,
      serviceName: (c) => (c === undefined ? config.service : serviceNameOf(config.service, c)),
    }),
    changed:
      pushed ||
      outcome.done.some(
        (d) => d.outcome.registered.changed || d.outcome.deployment?.created || d.outcome.deployment?.updated,
      ),
    notes: [...deployNotes(config, run), ...resolutionNotes(resolved)],
    timings: progress.timings,
  };
  if (!outcome.failed) {
    const moved = outcome.done.filter(
      (d) => d.outcome.deployment?.created || d.outcome.deployment?.updated,
    ).length;
    return {
      ...report,
      state:
        moved === 0
          ? `unchanged: all ${outcome.done.length} ECS services already run their revisions`
          : `${moved} of ${outcome.done.length} ECS services ${config.waitForStability ? 'deployed and stable' : 'deployed; not waited for'}`,
    };
  }
  const { failed } = outcome;
  const end = failed.outcome.end;
  const lines = [
    `${failed.unit.service} failed${end.kind === 'failed' ? `: ${end.wait.reason}` : ''}`,
    ...(end.kind === 'failed' ? explainFailure(end.wait).slice(1) : []),
    ...(end.kind === 'failed' && end.rollback
      ? [`Rollback of ${failed.unit.service}: ${end.rollback.detail}`]
      : []),
    ...outcome.rolledBack.map((r) => `Rollback of ${r.service}: ${r.result.detail}`),
    ...(outcome.notReached.length > 0
      ? [`Not reached, left as they were: ${outcome.notReached.map((u) => u.service).join(', ')}`]
      : []),
    ...(config.rollbackOnFailure ? [] : ['Rollback: not attempted (rollback-on-failure is false)']),
  ];
  throw new DeployFailed(lines, {
    ...report,
    state: `${failed.unit.service} failed; ${config.rollbackOnFailure ? 'what this run changed was rolled back' : 'not rolled back'}`,
  });
}

/** Each service's line of the report, from how its rollout went (or that it was not reached). */
function serviceReports(
  all: Pick<ServiceReport, 'name' | 'service' | 'taskDefinition'>[],
  outcome: ServicesRolloutOutcome,
): ServiceReport[] {
  const byService = new Map(outcome.done.map((d) => [d.unit.service, d]));
  const rolledBack = new Map(outcome.rolledBack.map((r) => [r.service, r.result.detail]));
  return all.map((s) => {
    const done = byService.get(s.service);
    if (!done)
      return {
        ...s,
        state: `not reached: ${outcome.failed?.unit.service ?? 'an earlier service'} failed first`,
      };
    return {
      ...s,
      ...unitReport(done),
      ...(rolledBack.has(s.service) && { state: `rolled back: ${rolledBack.get(s.service) ?? ''}` }),
    };
  });
}

function unitReport({ outcome }: UnitOutcome): Partial<ServiceReport> {
  const { registered } = outcome;
  const base: Partial<ServiceReport> = {
    taskDefinitionArn: registered.arn,
    registered: registered.changed,
    ...(outcome.diff.length > 0 && { diff: outcome.diff }),
  };
  const d = outcome.deployment;
  if (!d) return base;
  const verb = d.created ? 'created' : 'updated';
  const on = shortArn(registered.arn);
  const end = outcome.end;
  const state =
    end.kind === 'unchanged'
      ? `unchanged on ${on}${d.settingsChanged.length > 0 ? '; settings updated' : ''}`
      : end.kind === 'not-waited'
        ? `${verb} on ${on}; not waited for`
        : end.kind === 'stable'
          ? `${verb} and stable on ${on}`
          : end.kind === 'failed'
            ? `${end.wait.outcome}${end.rollback ? `; rollback: ${end.rollback.detail}` : '; not rolled back'}`
            : 'not run';
  return {
    ...base,
    serviceArn: d.serviceArn,
    ...((d.created || d.updated) && { deploymentId: d.deploymentId }),
    ...(d.settingsChanged.length > 0 && { settings: d.settingsChanged }),
    state,
  };
}
