import {
  CreateServiceCommand,
  type AssignPublicIp,
  DescribeServicesCommand,
  UpdateServiceCommand,
  type ECSClient,
  type LaunchType,
  type NetworkConfiguration,
  type Service,
} from '@aws-sdk/client-ecs';
import { UserError, error } from '../diagnostics';
import type { ServiceSettings } from './settings';
import { describeServiceConnect, discoveryUpdate, type DiscoveryFields } from './discovery';
import type { Log } from '../log';
import { createFields, describeCreated, settingsUpdate } from './settings';
import { ecsTags } from './tags';

export interface NetworkOptions {
  subnets: readonly string[];
  securityGroups?: readonly string[];
  /** As ecs-params says it; DISABLED when it does not. */
  assignPublicIp?: AssignPublicIp;
}

/** How to create the service when it does not exist yet. */
export interface CreateServiceOptions {
  launchType?: LaunchType;
  desiredCount: number;
  /** awsvpc network configuration; required by ECS for awsvpc task definitions. */
  network?: NetworkOptions;
  tags?: Readonly<Record<string, string>>;
}

export interface DeployServiceOptions {
  cluster: string;
  service: string;
  taskDefinitionArn: string;
  forceNewDeployment?: boolean;
  /** Present when the action may create a missing service. */
  create?: CreateServiceOptions;
  /** The awsvpc network ecs-params asks for: given on create, sent on update when it differs. */
  network?: NetworkOptions;
  /** Given on create; on update, those that differ are changed. */
  settings?: ServiceSettings;
  /** Cloud Map registries and Service Connect: given on create; on update, changed where they differ. */
  discovery?: DiscoveryFields;
  /** The service as checkService found it, when nothing was registered since: not described again. */
  checked?: { service: Service | undefined };
  /** Before the service is created or updated (the deploy's deferred checks). */
  beforeChange?: () => Promise<void>;
  /**
   * The desired count given to an ACTIVE service found at 0 (a teardown interrupted after scaling
   * down, by an earlier version): left at 0, the wait would call 0 of 0 tasks stable.
   */
  reviveCount?: number;
  log: Log;
}

export interface ServiceDeployment {
  serviceArn: string;
  /** The PRIMARY deployment after our call: the one to wait for. */
  deploymentId: string;
  created: boolean;
  updated: boolean;
  /** What the service ran before this run; absent when it was just created. */
  previousTaskDefinition?: string;
  /** The settings given on create, or changed on update, one line each. */
  settingsChanged: string[];
  /** The service's deployment strategy now (ROLLING when ECS names none). */
  strategy: string;
}

/**
 * The service before the deploy, or undefined when it is to be created; throws a UserError when
 * it can be neither updated nor created. Run before the first side effect.
 */
export async function checkService(
  ecs: ECSClient,
  options: { cluster: string; service: string; canCreate: boolean },
): Promise<Service | undefined> {
  const { cluster, service: name } = options;
  const existing = await describeService(ecs, cluster, name);
  if (!existing || existing.status === 'INACTIVE') {
    if (options.canCreate) return undefined;
    const region = await ecs.config.region();
    throw new UserError(
      error(
        `service "${name}" does not exist in cluster "${cluster}" (region ${region}); ` +
          'create it first, or set create-service: true to let this action create it',
        { input: 'service' },
      ),
    );
  }
  if (existing.status === 'DRAINING') {
    throw new UserError(
      error(
        `service "${name}" in cluster "${cluster}" is being deleted (DRAINING); run again once it is INACTIVE`,
        {
          input: 'service',
        },
      ),
    );
  }
  const controller = existing.deploymentController?.type;
  if (controller === 'CODE_DEPLOY' || controller === 'EXTERNAL') {
    throw new UserError(error(controllerRefusal(name, cluster, controller), { input: 'service' }));
  }
  return existing;
}

/**
 * UpdateService takes no task definition for a service whose deployments another controller runs
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html): said before
 * anything is exported or pushed, with what to use instead.
 */
function controllerRefusal(name: string, cluster: string, controller: 'CODE_DEPLOY' | 'EXTERNAL'): string {
  const head = `service "${name}" in cluster "${cluster}" uses the ${controller} deployment controller, so ECS refuses a new task definition through UpdateService`;
  return controller === 'CODE_DEPLOY'
    ? `${head}: deploy it with an AWS CodeDeploy blue/green deployment (for example aws-actions/amazon-ecs-deploy-task-definition with codedeploy-appspec), or point this action at a service that uses the ECS controller`
    : `${head}: its task sets are made by your own tooling (CreateTaskSet); point this action at a service that uses the ECS controller`;
}

/** Points the service at the task definition: update, create, or leave it when it already runs it. */
export async function deployService(
  ecs: ECSClient,
  options: DeployServiceOptions,
): Promise<ServiceDeployment> {
  const { cluster, service: name, taskDefinitionArn, log } = options;
  const existing = options.checked
    ? options.checked.service
    : await checkService(ecs, { cluster, service: name, canCreate: options.create !== undefined });

  if (!existing) {
    if (!options.create) throw new Error(`service ${name} was checked absent without create options`);
    await options.beforeChange?.();
    const created = await createService(ecs, options, options.create);
    log.info(`Created service ${created.serviceArn} on ${taskDefinitionArn}`);
    const settingsChanged = [
      ...describeCreated(options.settings),
      ...(options.discovery?.serviceRegistries ?? []).map(
        (r) => `Cloud Map registry: ${r.registryArn ?? '?'}`,
      ),
      ...(options.discovery?.serviceConnectConfiguration
        ? [`Service Connect: ${describeServiceConnect(options.discovery.serviceConnectConfiguration)}`]
        : []),
    ];
    for (const line of settingsChanged) log.info(`  ${line}`);
    return {
      serviceArn: created.serviceArn ?? name,
      deploymentId: primaryId(created),
      created: true,
      updated: false,
      settingsChanged,
      strategy: strategyOf(created, options.settings),
    };
  }

  const previousTaskDefinition = existing.taskDefinition;
  const base = {
    serviceArn: existing.serviceArn ?? name,
    created: false,
    ...optional(previousTaskDefinition),
  };
  const own = options.settings ? settingsUpdate(existing, options.settings) : { fields: {}, changes: [] };
  const found = options.discovery
    ? discoveryUpdate(existing, options.discovery)
    : { fields: {}, changes: [] };
  const settings = {
    fields: { ...own.fields, ...found.fields },
    changes: [...own.changes, ...found.changes],
  };
  const network = networkChange(existing, options.network ?? options.create?.network);
  if (network) settings.changes.push(network.change);
  const redeploy = previousTaskDefinition !== taskDefinitionArn || options.forceNewDeployment === true;
  const revive = existing.desiredCount === 0 ? options.reviveCount : undefined;
  if (revive) settings.changes.push(`desired count: 0 -> ${revive}`);
  if (!redeploy && settings.changes.length === 0) {
    log.info(`Service ${name} already runs ${taskDefinitionArn}: not updated`);
    return {
      ...base,
      deploymentId: primaryId(existing),
      updated: false,
      settingsChanged: [],
      strategy: strategyOf(existing, undefined),
    };
  }
  await options.beforeChange?.();
  const out = await ecs.send(
    new UpdateServiceCommand({
      cluster,
      service: name,
      ...(redeploy && { taskDefinition: taskDefinitionArn }),
      forceNewDeployment: options.forceNewDeployment ?? false,
      ...settings.fields,
      ...(network && { networkConfiguration: network.configuration }),
      ...(revive && { desiredCount: revive }),
    }),
  );
  if (!out.service) throw new Error(`UpdateService returned no service for ${name}`);
  if (redeploy)
    log.info(`Updated service ${name}: ${previousTaskDefinition ?? '(none)'} -> ${taskDefinitionArn}`);
  for (const line of settings.changes) log.info(`Updated service ${name}: ${line}`);
  // Some settings start a deployment of their own (load balancers, capacity providers, platform).
  const deploymentId = primaryId(out.service);
  const updated = redeploy || revive !== undefined || deploymentId !== primaryId(existing);
  return {
    ...base,
    deploymentId,
    updated,
    settingsChanged: settings.changes,
    strategy: strategyOf(out.service, options.settings),
  };
}

/** The strategy the service deploys with: as ECS answered, else as asked (an answer may lag the write). */
function strategyOf(service: Service, settings: ServiceSettings | undefined): string {
  return service.deploymentConfiguration?.strategy ?? settings?.strategy?.strategy ?? 'ROLLING';
}

/**
 * The service, or undefined when ECS does not know it. A missing cluster is the user's to fix,
 * so it becomes a UserError that names the cluster and region.
 */
export async function describeService(
  ecs: ECSClient,
  cluster: string,
  name: string,
): Promise<Service | undefined> {
  const found = await findService(ecs, cluster, name);
  if (found === 'no-cluster') throw await clusterNotFound(ecs, cluster);
  return found;
}

/** One DescribeServices: the service, undefined when ECS does not know it, or 'no-cluster'. */
export async function findService(
  ecs: ECSClient,
  cluster: string,
  name: string,
): Promise<Service | undefined | 'no-cluster'> {
  try {
    const out = await ecs.send(new DescribeServicesCommand({ cluster, services: [name] }));
    return out.services?.[0];
  } catch (e) {
    if ((e as { name?: string }).name === 'ClusterNotFoundException') return 'no-cluster';
    throw e;
  }
}

async function clusterNotFound(ecs: ECSClient, cluster: string): Promise<UserError> {
  const region = await ecs.config.region();
  return new UserError(
    error(
      `cluster "${cluster}" was not found in region ${region}; create it, or check the cluster name and region`,
      {
        input: 'cluster',
      },
    ),
  );
}

async function createService(
  ecs: ECSClient,
  options: DeployServiceOptions,
  create: CreateServiceOptions,
): Promise<Service> {
  const network = create.network;
  const tags = Object.entries(ecsTags(create.tags ?? {})).map(([key, value]) => ({ key, value }));
  const out = await ecs.send(
    new CreateServiceCommand({
      cluster: options.cluster,
      serviceName: options.service,
      taskDefinition: options.taskDefinitionArn,
      desiredCount: create.desiredCount,
      ...(network && { networkConfiguration: networkConfiguration(network) }),
      ...createFields(options.settings, create.launchType),
      ...options.discovery,
      enableECSManagedTags: true,
      ...(tags.length > 0 ? { tags } : {}),
    }),
  );
  if (!out.service) throw new Error(`CreateService returned no service for ${options.service}`);
  return out.service;
}

function networkConfiguration(network: NetworkOptions): NetworkConfiguration {
  return {
    awsvpcConfiguration: {
      subnets: [...network.subnets],
      ...(network.securityGroups && { securityGroups: [...network.securityGroups] }),
      assignPublicIp: network.assignPublicIp ?? 'DISABLED',
    },
  };
}

/**
 * The network to send on update, when the one asked for differs from the service's (or the
 * service has none: it moves to awsvpc, which ECS refuses without one). UpdateService keeps the
 * service's network unless it is given
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html).
 */
function networkChange(
  service: Service,
  network: NetworkOptions | undefined,
): { configuration: NetworkConfiguration; change: string } | undefined {
  if (!network) return undefined;
  const have = service.networkConfiguration?.awsvpcConfiguration;
  const want = networkConfiguration(network).awsvpcConfiguration;
  const key = (c: typeof have) =>
    c
      ? `subnets ${[...(c.subnets ?? [])].sort().join(', ')}; security groups ${[...(c.securityGroups ?? [])].sort().join(', ') || 'default'}; public IP ${c.assignPublicIp ?? 'DISABLED'}`
      : 'none';
  if (key(have) === key(want)) return undefined;
  return { configuration: { awsvpcConfiguration: want }, change: `network: ${key(have)} -> ${key(want)}` };
}

/** The PRIMARY deployment of the service (else its first): the one to wait for. */
export function primaryId(service: Service): string {
  const deployments = service.deployments ?? [];
  const primary = deployments.find((d) => d.status === 'PRIMARY') ?? deployments[0];
  return primary?.id ?? '';
}

function optional(previousTaskDefinition: string | undefined): { previousTaskDefinition?: string } {
  return previousTaskDefinition ? { previousTaskDefinition } : {};
}
