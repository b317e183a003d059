import {
  CreateServiceCommand,
  type AssignPublicIp,
  DescribeServicesCommand,
  UpdateServiceCommand,
  type ECSClient,
  type LaunchType,
  type Service,
} from '@aws-sdk/client-ecs';
import { UserError, error } from '../diagnostics';
import type { ServiceSettings } from './settings';
import { describeServiceConnect, discoveryUpdate, type DiscoveryFields } from './discovery';
import type { Log } from '../log';
import { createFields, describeCreated, settingsUpdate } from './settings';

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
  /** Given on create; on update, those that differ are changed. */
  settings?: ServiceSettings;
  /** Cloud Map registries and Service Connect: given on create; on update, changed where they differ. */
  discovery?: DiscoveryFields;
  /** The service as checkService found it, when nothing was registered since: not described again. */
  checked?: { service: Service | undefined };
  /** Before the service is created or updated (the deploy's deferred checks). */
  beforeChange?: () => Promise<void>;
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
  return existing;
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
  const redeploy = previousTaskDefinition !== taskDefinitionArn || options.forceNewDeployment === true;
  if (!redeploy && settings.changes.length === 0) {
    log.info(`Service ${name} already runs ${taskDefinitionArn}: not updated`);
    return { ...base, deploymentId: primaryId(existing), updated: false, settingsChanged: [] };
  }
  await options.beforeChange?.();
  const out = await ecs.send(
    new UpdateServiceCommand({
      cluster,
      service: name,
      ...(redeploy && { taskDefinition: taskDefinitionArn }),
      forceNewDeployment: options.forceNewDeployment ?? false,
      ...settings.fields,
    }),
  );
  if (!out.service) throw new Error(`UpdateService returned no service for ${name}`);
  if (redeploy)
    log.info(`Updated service ${name}: ${previousTaskDefinition ?? '(none)'} -> ${taskDefinitionArn}`);
  for (const line of settings.changes) log.info(`Updated service ${name}: ${line}`);
  // Some settings start a deployment of their own (load balancers, capacity providers, platform).
  const deploymentId = primaryId(out.service);
  const updated = redeploy || deploymentId !== primaryId(existing);
  return { ...base, deploymentId, updated, settingsChanged: settings.changes };
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
  const tags = Object.entries(create.tags ?? {}).map(([key, value]) => ({ key, value }));
  const out = await ecs.send(
    new CreateServiceCommand({
      cluster: options.cluster,
      serviceName: options.service,
      taskDefinition: options.taskDefinitionArn,
      desiredCount: create.desiredCount,
      ...(network
        ? {
            networkConfiguration: {
              awsvpcConfiguration: {
                subnets: [...network.subnets],
                securityGroups: network.securityGroups ? [...network.securityGroups] : undefined,
                assignPublicIp: network.assignPublicIp ?? 'DISABLED',
              },
            },
          }
        : {}),
      ...createFields(options.settings, create.launchType),
      ...options.discovery,
      enableECSManagedTags: true,
      ...(tags.length > 0 ? { tags } : {}),
    }),
  );
  if (!out.service) throw new Error(`CreateService returned no service for ${options.service}`);
  return out.service;
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
