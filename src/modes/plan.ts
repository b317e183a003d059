import { awsClients } from '../aws/clients';
import { planDeployChange, type ChangePlan, type DeployChangeInput } from '../stages/change-plan';
import { planText, serviceVerdict } from '../stages/change-text';
import { checkTargetGroups } from '../ecs/target-groups';
import { checkStrategyPieces } from '../ecs/strategy-checks';
import type { ServiceConfig } from '../inputs/parse';
import type { Log } from '../log';
import { inlineCode } from '../markdown';
import { baseReport, type RunReport } from './report';
import { preflight } from '../stages/preflight';
import { resolveReleases } from '../stages/resolve';
import { verifyStage } from '../stages/verify';
import { readGivenRevision } from '../stages/given-task';
import { scaleService } from '../stages/autoscaling';
import { topologyOf } from '../translate/topology';

/**
 * The plan mode: what a deploy would change, found with read-only AWS calls. Nothing is exported,
 * pushed, created, registered or updated.
 */
export async function plan(asked: ServiceConfig, log: Log): Promise<RunReport> {
  const config = await readGivenRevision(asked, awsClients(asked.region).ecs);
  const checked = preflight(config, log, {
    settings: config.serviceSettings,
    oneOffs: config.runBeforeDeploy,
  });
  // What would stop the deploy's task from starting stops the plan too, with the same reads.
  await verifyStage(config, checked.translated, log);
  const translated = checked.translated;
  // What would stop the deploy before its first change stops the plan too.
  if (translated.layout === 'services') {
    const { requireNetwork } = await import('../stages/services-plan');
    requireNetwork(translated, config.createService);
  }
  // A target group ECS would refuse fails the plan as it fails the deploy (one read).
  await checkTargetGroups(config.serviceSettings.loadBalancers, {
    region: config.region,
    networkMode: translated.layout === 'services' ? 'awsvpc' : translated.taskDefinition.networkMode,
    log,
  });
  // What a BLUE_GREEN, LINEAR or CANARY deployment needs (reads; clients load only when given).
  await checkStrategyPieces(config.serviceSettings.loadBalancers, config.serviceSettings.strategy, {
    region: config.region,
    log,
  });
  // Packages named without a release: the release a deploy would get, asked of Builder (reads).
  const resolved = config.reuseReleasedImages
    ? await resolveReleases(checked.packages, {
        settings: config.habitatExport,
        log,
        maxParallel: config.maxParallel,
      })
    : undefined;
  const input: DeployChangeInput = {
    cluster: config.cluster,
    service: config.service,
    createService: config.createService,
    forceNewDeployment: config.forceNewDeployment,
    settings: config.serviceSettings,
    reuseReleased: config.reuseReleasedImages,
    ...(resolved && { resolved }),
    log,
  };
  if (translated.layout === 'services') {
    const { planServicesMode } = await import('./plan-services');
    return planServicesMode(config, log, checked, input);
  }
  const change = await log.group('Plan', async () => {
    const planned = await planDeployChange(awsClients(config.region), config, checked, input);
    const autoscaling = config.serviceSettings.autoscaling;
    if (autoscaling) {
      planned.settings.push(
        ...(await scaleService({
          region: config.region,
          cluster: config.cluster,
          service: config.service,
          settings: autoscaling,
          loadBalancers: config.serviceSettings.loadBalancers,
          exists: planned.service !== 'create',
          apply: false,
          log,
        })),
      );
      planned.changed ||= planned.settings.length > 0;
    }
    for (const line of planText(planned, config.service, planned.logDiff)) log.info(line);
    for (const line of oneOffNotes(config, planned.service)) log.info(line);
    return planned;
  });
  return {
    ...baseReport(config),
    taskDefinition: change.taskDefinition,
    topology: topologyOf({ ...translated, taskDefinition: change.taskDefinition }, { title: config.service }),
    ...(change.serviceArn && { serviceArn: change.serviceArn }),
    diff: change.diff,
    plan: {
      service: change.service,
      ...(change.running && { running: change.running }),
      images: change.images,
    },
    ...(change.settings.length > 0 && { settings: change.settings }),
    changed: change.changed,
    state: serviceVerdict(change, config.service),
    notes: [
      ...oneOffNotes(config, change.service),
      'Plan mode: nothing was exported, pushed, registered or deployed.',
    ],
  };
}

/** The run-before-deploy tasks a deploy would run first: only when the service would move. */
function oneOffNotes(config: ServiceConfig, service: ChangePlan['service']): string[] {
  if (config.runBeforeDeploy.length === 0 || service === 'none') return [];
  const tasks = config.runBeforeDeploy.map((t) => inlineCode(t.line)).join(', ');
  return [
    `Before the rollout, a deploy would run ${tasks} as one-off tasks on the new revision, and go on only if they exit 0.`,
  ];
}
