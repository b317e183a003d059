import { awsClients } from '../aws/clients';
import { planChange, type ChangePlan } from '../stages/change-plan';
import { planText, serviceVerdict } from '../stages/change-text';
import { checkTargetGroups } from '../ecs/target-groups';
import { runnerTemp, type RunContext } from '../action/github-context';
import type { ServiceConfig } from '../inputs/config';
import type { Log } from '../log';
import { baseReport, type RunReport } from './report';
import { planDeploy } from '../stages/preflight';
import { pinnedTo, resolveReleases } from '../stages/resolve';
import { openRegistrySession } from '../stages/session';
import { verifyStage } from '../stages/verify';
import { translateConfig, writeTaskDefinition } from '../stages/request';
import { ecrRegistry } from '../translate/image-plan';

/**
 * The plan mode: what a deploy would change, found with read-only AWS calls. Nothing is exported,
 * pushed, created, registered or updated; the rendered task definition is written to a file.
 */
export async function plan(config: ServiceConfig, run: RunContext, log: Log): Promise<RunReport> {
  const deployPlan = planDeploy(config, run, log);
  // What would stop the deploy's task from starting stops the plan too, with the same reads.
  await verifyStage(config, deployPlan.translated, log);
  // A target group ECS would refuse fails the plan as it fails the deploy (one read).
  await checkTargetGroups(config.serviceSettings.loadBalancers, {
    region: config.region,
    networkMode: deployPlan.translated.taskDefinition.networkMode,
    log,
  });
  const clients = awsClients(config.region);
  // Only its credentials() is used: that names the registry, and makes nothing.
  const session = openRegistrySession(clients.ecr, {
    ...(config.accountId && { accountId: config.accountId }),
    tempDir: runnerTemp(),
    log,
  });
  // Packages named without a release: the release a deploy would get, asked of Builder (reads).
  const resolved = config.reuseReleasedImages
    ? await resolveReleases(deployPlan.packages, {
        settings: config.habitatExport,
        log,
        maxParallel: config.maxParallel,
      })
    : undefined;
  const change = await log.group('Plan', async () => {
    const planned = await planChange(clients, {
      cluster: config.cluster,
      service: config.service,
      createService: config.createService,
      forceNewDeployment: config.forceNewDeployment,
      settings: config.serviceSettings,
      // As the deploy does: a package Builder resolved is looked for in the registry at that release.
      packages: deployPlan.packages.map((p) => {
        const release = resolved?.get(p);
        return release ? pinnedTo(p, release) : p;
      }),
      builds: deployPlan.builds,
      reuseReleased: config.reuseReleasedImages,
      registry: async () =>
        config.accountId
          ? ecrRegistry(config.accountId, config.region)
          : (await session.credentials()).registry,
      render: (registry, images) => translateConfig(config, run, registry, images).taskDefinition,
      placeholderRegistry: deployPlan.registry,
    });
    for (const line of planText(planned, config.service, planned.logDiff)) log.info(line);
    for (const line of oneOffNotes(config, planned.service)) log.info(line);
    return planned;
  });
  return {
    ...baseReport(config),
    taskDefinition: change.taskDefinition,
    taskDefinitionFile: writeTaskDefinition(config.family, change.taskDefinition),
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
  const tasks = config.runBeforeDeploy.map((t) => `\`${t.line}\``).join(', ');
  return [
    `Before the rollout, a deploy would run ${tasks} as one-off tasks on the new revision, and go on only if they exit 0.`,
  ];
}
