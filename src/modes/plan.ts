import { awsClients } from '../aws';
import { planChange } from '../deploy/change-plan';
import { planText, serviceVerdict } from '../deploy/change-text';
import { runnerTemp, type RunContext } from '../github-context';
import type { ServiceConfig } from '../inputs';
import type { Log } from '../log';
import { baseReport, type RunReport } from '../report';
import { planDeploy } from '../stages/plan';
import { openRegistrySession } from '../stages/session';
import { translateConfig, writeTaskDefinition } from '../stages/task-definition';
import { ecrRegistry } from '../translate/plan';

/**
 * The plan mode: what a deploy would change, found with read-only AWS calls. Nothing is exported,
 * pushed, created, registered or updated; the rendered task definition is written to a file.
 */
export async function plan(config: ServiceConfig, run: RunContext, log: Log): Promise<RunReport> {
  const deployPlan = planDeploy(config, run, log);
  const clients = awsClients(config.region);
  // Only its credentials() is used: that names the registry, and makes nothing.
  const session = openRegistrySession(clients.ecr, {
    ...(config.accountId && { accountId: config.accountId }),
    tempDir: runnerTemp(),
    log,
  });
  const change = await log.group('Plan', async () => {
    const planned = await planChange(clients, {
      cluster: config.cluster,
      service: config.service,
      createService: config.createService,
      forceNewDeployment: config.forceNewDeployment,
      packages: deployPlan.packages,
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
    changed: change.changed,
    state: serviceVerdict(change, config.service),
    notes: ['Plan mode: nothing was exported, pushed, registered or deployed.'],
  };
}
