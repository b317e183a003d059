import type { Service } from '@aws-sdk/client-ecs';
import { existsSync } from 'node:fs';
import { awsClients } from '../aws/clients';
import { checkService } from '../ecs/service';
import { checkTargetGroups } from '../ecs/target-groups';
import { checkStrategyPieces } from '../ecs/strategy-checks';
import { serviceUrl } from '../ecs/service-url';
import { explainFailure } from '../ecs/wait';
import type { RunContext } from '../inputs/run-context';
import type { ServiceConfig } from '../inputs/parse';
import type { Log } from '../log';
import { shortArn, type Progress } from '../progress';
import { baseReport, DeployFailed, type RunReport } from './report';
import { readGivenRevision } from '../stages/given-task';
import { scaleService } from '../stages/autoscaling';
import { initialDesiredCount } from '../ecs/autoscaling';
import { checkBuildArchitecture, checkExportArchitecture } from '../stages/architecture';
import { deployImages, deployNotes, pushReport, runTags, type RunnerSide } from './deploy-facts';
import { pinTaskDefinition } from '../stages/pin';
import { preflight } from '../stages/preflight';
import { resolutionNotes } from '../stages/resolve';
import { rollout, type RolloutOutcome } from '../stages/rollout';
import { oneOffPlacement, runBeforeDeploy } from '../stages/run-before';
import { ONE_OFF_SERVICE_TAG } from '../ecs/run-task';
import { verifyStage } from '../stages/verify';
import { containersView } from '../translate/project';
import { topologyOf } from '../translate/topology';
import { ecsParamsDiscovery } from '../stages/discovery';

/**
 * The deploy mode: check, get every image into the registry, pin the task definition to their
 * digests, roll it out (after the one-off tasks, if any, passed). The service is only touched
 * once every image it names is pushed.
 */
export async function deploy(
  asked: ServiceConfig,
  run: RunContext,
  runner: RunnerSide,
  actionLog: Log,
  progress: Progress,
): Promise<RunReport> {
  const log = progress.tracking(actionLog);
  const config = await readGivenRevision(asked, awsClients(asked.region).ecs);
  const plan = preflight(config, log, { settings: config.serviceSettings, oneOffs: config.runBeforeDeploy });
  checkExportArchitecture(containersView(plan.translated), plan.packages.length, process.arch);
  checkBuildArchitecture(plan.builds, process.arch, (arch) =>
    // The emulators binfmt_misc knows, as tonistiigi/binfmt (docker/setup-qemu-action) names them.
    existsSync(`/proc/sys/fs/binfmt_misc/qemu-${arch === 'ARM64' ? 'aarch64' : 'x86_64'}`),
  );
  // Everything the task needs now; the cluster's room before the first change (see verifyStage).
  const beforeChange = await verifyStage(config, plan.translated, actionLog, 'before-first-change');
  if (plan.translated.layout === 'services') {
    const { deployServices } = await import('./deploy-services');
    return deployServices(config, run, runner, { log, actionLog, progress, plan, beforeChange });
  }
  const { ecr, ecs } = awsClients(config.region);
  // Before the first side effect: the cluster exists, and the service can be updated or created.
  const checked = await checkService(ecs, {
    cluster: config.cluster,
    service: config.service,
    canCreate: config.createService,
  });
  progress.serviceBefore = checked?.taskDefinition;
  await checkTargetGroups(config.serviceSettings.loadBalancers, {
    region: config.region,
    networkMode: plan.translated.taskDefinition.networkMode,
    log,
  });
  // What a BLUE_GREEN, LINEAR or CANARY deployment needs (reads; clients load only when given).
  await checkStrategyPieces(config.serviceSettings.loadBalancers, config.serviceSettings.strategy, {
    region: config.region,
    log,
  });

  const { images, registry, resolved } = await deployImages(ecr, config, run, runner, plan, {
    beforeChange,
    log,
    progress,
  });
  const task = pinTaskDefinition(config, images, registry);

  const pushed = images.some((p) => p.pushed);
  const autoscaling = config.serviceSettings.autoscaling;
  // ecs-params service_discovery, as ecs-cli did: the service registered in Cloud Map.
  const serviceRegistries = plan.translated.runParams.serviceDiscovery
    ? await log.group('Service discovery', () =>
        ecsParamsDiscovery({
          region: config.region,
          service: config.service,
          runParams: plan.translated.runParams,
          tags: runTags(run),
          log,
          beforeCreate: beforeChange,
        }),
      )
    : [];
  const outcome = await rollout(ecs, {
    cluster: config.cluster,
    service: config.service,
    taskDefinition: task.taskDefinition,
    checked,
    pushed,
    tags: runTags(run),
    ...(config.createService && {
      create: {
        launchType: config.launchType,
        desiredCount: initialDesiredCount(config.desiredCount, config.serviceSettings.autoscaling),
        ...(task.network && { network: task.network }),
      },
    }),
    ...(task.network && { network: task.network }),
    reviveCount: config.desiredCount,
    forceNewDeployment: config.forceNewDeployment,
    ...(config.waitForStability && { waitTimeoutMs: config.waitTimeoutMinutes * 60_000 }),
    rollbackOnFailure: config.rollbackOnFailure,
    keepRevisions: config.keepRevisions,
    beforeChange,
    settings: config.serviceSettings,
    ...(autoscaling && {
      scale: () =>
        scaleService({
          region: config.region,
          cluster: config.cluster,
          service: config.service,
          settings: autoscaling,
          loadBalancers: config.serviceSettings.loadBalancers,
          exists: true,
          apply: true,
          log,
        }),
    }),
    ...(serviceRegistries.length > 0 && { discovery: { serviceRegistries } }),
    ...(config.runBeforeDeploy.length > 0 && {
      runBefore: (taskDefinitionArn: string) =>
        runBeforeDeploy(ecs, taskDefinitionArn, {
          cluster: config.cluster,
          tasks: config.runBeforeDeploy,
          tags: { ...runTags(run), [ONE_OFF_SERVICE_TAG]: config.service },
          containers: task.taskDefinition.containerDefinitions ?? [],
          placement: oneOffPlacement(
            checked,
            { launchType: config.launchType, ...(task.network && { network: task.network }) },
            config.serviceSettings,
          ),
          timeoutMs: config.runTimeoutMs,
          region: config.region,
          log,
          progress,
        }),
    }),
    log,
    progress,
  });

  const report: RunReport = {
    ...baseReport(config),
    taskDefinition: task.taskDefinition,
    topology: topologyOf(
      { ...plan.translated, taskDefinition: task.taskDefinition },
      { title: config.service },
    ),
    images: task.images,
    pushes: pushReport(images),
    changed: pushed,
    notes: [...deployNotes(config, run), ...resolutionNotes(resolved)],
    timings: progress.timings,
  };
  // Where the service now answers (the url output), unless the deployment failed.
  const answering = outcome.deployment && outcome.end.kind !== 'failed';
  const url = answering
    ? await serviceUrl(targetGroupsOf(config, checked), { region: config.region, log })
    : undefined;
  return reportRollout({ ...report, ...(url && { url }) }, outcome);
}

/** The service's target groups: those of `load-balancer`, else those it already has. */
function targetGroupsOf(config: ServiceConfig, checked: Service | undefined): string[] {
  const given = config.serviceSettings.loadBalancers.map((t) => t.targetGroupArn);
  if (given.length > 0) return given;
  return (checked?.loadBalancers ?? []).flatMap((l) => (l.targetGroupArn ? [l.targetGroupArn] : []));
}

/** The report of a rollout that went as far as it should; a failed one throws DeployFailed with it. */
export function reportRollout(base: RunReport, outcome: RolloutOutcome): RunReport {
  const { registered } = outcome;
  const registration: RunReport = {
    ...base,
    taskDefinitionArn: registered.arn,
    registered: registered.changed,
    diff: outcome.diff,
    ...(outcome.ran.length > 0 && { ranBefore: outcome.ran }),
    changed: base.changed || registered.changed,
  };
  if (!outcome.deployment) {
    const { running } = outcome.end;
    const service = running
      ? `the service was not updated: it still runs ${shortArn(running)}`
      : 'the service was not created';
    const lines = [
      ...outcome.end.lines,
      `So ${service}. The revision ${shortArn(registered.arn)} stays registered and unused, which is harmless: nothing runs it, and a rerun with the same inputs reuses it.`,
    ];
    throw new DeployFailed(lines, {
      ...registration,
      state: `a task run before the deploy failed; ${service}`,
    });
  }
  const { deployment, end } = outcome;
  const changed = deployment.created || deployment.updated;
  const settingLines = [...deployment.settingsChanged, ...outcome.scaled];
  const settingsChanged = settingLines.length > 0;
  const report: RunReport = {
    ...registration,
    serviceArn: deployment.serviceArn,
    ...(changed && { deploymentId: deployment.deploymentId }),
    ...(settingsChanged && { settings: settingLines }),
    ...(outcome.stages && outcome.stages.length > 0 && { stages: outcome.stages }),
    changed: registration.changed || changed || settingsChanged,
  };
  const verb = deployment.created ? 'created' : 'updated';
  switch (end.kind) {
    case 'unchanged':
      return {
        ...report,
        state: `unchanged: the service already runs ${shortArn(registered.arn)}${settingsChanged ? '; its settings were updated' : ''}`,
      };
    case 'not-waited':
      return { ...report, state: `${verb}; not waited for (wait-for-service-stability is false)` };
    case 'stable':
      return { ...report, state: `${verb} and stable on ${shortArn(registered.arn)}` };
    case 'failed': {
      const lines = explainFailure(end.wait);
      lines.push(
        end.rollback
          ? `Rollback: ${end.rollback.detail}`
          : 'Rollback: not attempted (rollback-on-failure is false)',
      );
      const state = end.rollback
        ? `${end.wait.outcome}; rollback: ${end.rollback.detail}`
        : `${end.wait.outcome}; not rolled back`;
      throw new DeployFailed(lines, { ...report, state });
    }
  }
}
