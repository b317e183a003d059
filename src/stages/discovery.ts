import type { ServiceRegistry } from '@aws-sdk/client-ecs';
import { error, UserError } from '../diagnostics';
import { cloudMapClient, type CloudMap } from '../cloud-map/client';
import { ensureNamespace, type Namespace } from '../cloud-map/namespace';
import { ensureRegistry } from '../cloud-map/registry';
import { vpcOfSubnets } from '../cloud-map/vpc';
import type { Log } from '../log';
import type { RunParams } from '../translate/ecs-params';

/** How long a namespace may take to be made (Route 53 creates its private zone). */
const NAMESPACE_TIMEOUT_MS = 5 * 60_000;

/** The namespace of a run, made once, before the first service that needs it. */
export interface DiscoverySession {
  sd: CloudMap;
  namespace: Namespace & { created: boolean };
}

/**
 * Opens Cloud Map for a rollout: the private DNS namespace, created in the VPC of the tasks'
 * subnets when missing. A write: called before the first change, after the checks.
 */
export async function openDiscovery(input: {
  region: string;
  namespace: string;
  /** The VPC, when known (ecs-params' private_dns_namespace.vpc); else that of the subnets. */
  vpc?: string;
  subnets: readonly string[];
  tags: Readonly<Record<string, string>>;
  log: Log;
  beforeCreate?: () => Promise<void>;
}): Promise<DiscoverySession> {
  const sd = await cloudMapClient(input.region);
  const vpc = input.vpc ?? (await vpcOfSubnets(input.region, input.subnets));
  if (!vpc) {
    throw new UserError(
      error(
        `the Cloud Map namespace ${input.namespace} is made in the VPC of the tasks' subnets, and none is given: set run_params.network_configuration.awsvpc_configuration.subnets in ecs-params.yml`,
        { input: 'ecs-params' },
      ),
    );
  }
  const namespace = await ensureNamespace(sd, {
    name: input.namespace,
    vpc,
    tags: input.tags,
    log: input.log,
    timeoutMs: NAMESPACE_TIMEOUT_MS,
    ...(input.beforeCreate && { beforeCreate: input.beforeCreate }),
  });
  return { sd, namespace };
}

/** The registry of one ECS service in the namespace (created when missing), as serviceRegistries takes it. */
export async function registryOf(
  session: DiscoverySession,
  input: {
    name: string;
    dns?: { type?: 'A' | 'SRV'; ttl?: number };
    containerName?: string;
    containerPort?: number;
    tags: Readonly<Record<string, string>>;
    log: Log;
    beforeCreate?: () => Promise<void>;
  },
): Promise<ServiceRegistry> {
  const registry = await ensureRegistry(session.sd, {
    namespaceId: session.namespace.id,
    name: input.name,
    ...(input.dns && { dns: input.dns }),
    tags: input.tags,
    log: input.log,
    ...(input.beforeCreate && { beforeCreate: input.beforeCreate }),
  });
  return {
    registryArn: registry.arn,
    ...(input.containerName && { containerName: input.containerName }),
    ...(input.containerPort !== undefined && { containerPort: input.containerPort }),
  };
}

/**
 * The task layout's ecs-params `service_discovery`, as ecs-cli made it: the service registered in
 * a Cloud Map service (service_discovery_service, default the ECS service's name) of a private DNS
 * namespace (by id, or by name, created in its vpc, else that of the subnets, when missing).
 */
export async function ecsParamsDiscovery(input: {
  region: string;
  service: string;
  runParams: RunParams;
  tags: Readonly<Record<string, string>>;
  log: Log;
  beforeCreate?: () => Promise<void>;
}): Promise<ServiceRegistry[]> {
  const sd = input.runParams.serviceDiscovery;
  if (!sd) return [];
  const ns = sd.privateDnsNamespace;
  if (!ns?.name && !ns?.id) return [];
  const subnets = input.runParams.networkConfiguration?.awsvpcConfiguration?.subnets ?? [];
  const session: DiscoverySession = ns.id
    ? {
        sd: await cloudMapClient(input.region),
        namespace: { id: ns.id, arn: '', name: ns.name ?? ns.id, created: false },
      }
    : await openDiscovery({
        region: input.region,
        namespace: ns.name ?? '',
        ...(ns.vpc && { vpc: ns.vpc }),
        subnets,
        tags: input.tags,
        log: input.log,
        ...(input.beforeCreate && { beforeCreate: input.beforeCreate }),
      });
  const service = sd.serviceDiscoveryService;
  const type = service?.dnsConfig?.type;
  const registry = await registryOf(session, {
    name: service?.name ?? input.service,
    ...((type === 'A' || type === 'SRV' || service?.dnsConfig?.ttl !== undefined) && {
      dns: {
        ...((type === 'A' || type === 'SRV') && { type }),
        ...(service?.dnsConfig?.ttl !== undefined && { ttl: service.dnsConfig.ttl }),
      },
    }),
    ...(sd.containerName && { containerName: sd.containerName }),
    ...(sd.containerPort !== undefined && { containerPort: sd.containerPort }),
    tags: input.tags,
    log: input.log,
    ...(input.beforeCreate && { beforeCreate: input.beforeCreate }),
  });
  return [registry];
}
