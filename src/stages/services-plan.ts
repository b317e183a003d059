import {
  DescribeTaskDefinitionCommand,
  type ECSClient,
  type RegisterTaskDefinitionCommandInput,
  type Service,
} from '@aws-sdk/client-ecs';
import type { ECRClient } from '@aws-sdk/client-ecr';
import { cloudMapClient } from '../cloud-map/client';
import { findNamespace } from '../cloud-map/namespace';
import { diffTaskDefinitions } from '../ecs/diff';
import { discoveryUpdate } from '../ecs/discovery';
import { checkService } from '../ecs/service';
import { describeCreated, settingsUpdate, type ServiceSettings } from '../ecs/settings';
import { error, formatDiagnostic, UserError, type Diagnostic } from '../diagnostics';
import type { ComposeProject } from '../compose/types';
import { Problems } from '../problems';
import { authorizeRegistry } from '../registry/login';
import { ecrRegistry } from '../translate/image-plan';
import { serviceNameOf, type ServiceUnit } from '../translate/services';
import {
  decideChange,
  planImages,
  type DeployChangeInput,
  type PlannedImage,
  type ServiceChange,
} from './change-plan';
import type { Preflight } from './preflight';
import { translateRequest, type Request } from './request';
import { pinnedTo } from './resolve';

/** What a deploy would do to one compose service's ECS service. */
interface UnitChange {
  unit: ServiceUnit;
  /** Its ECS service. */
  service: string;
  change: ServiceChange;
  /** As it runs now; undefined: to be created. */
  found?: Service;
  running?: string;
  serviceArn?: string;
  diff: string[];
  logDiff: string[];
  settings: string[];
}

/** What a deploy of the services layout would change, found with read-only calls. */
export interface ServicesChangePlan {
  /** In rollout order. */
  units: UnitChange[];
  images: PlannedImage[];
  namespace: { name: string; exists: boolean };
  changed: boolean;
}

/** A compose service's share of the service settings: the target groups of its own container. */
export function unitSettings(settings: ServiceSettings, unit: Pick<ServiceUnit, 'name'>): ServiceSettings {
  return { ...settings, loadBalancers: settings.loadBalancers.filter((l) => l.containerName === unit.name) };
}

/**
 * The plan of the services layout, with reads only (DescribeServices and DescribeTaskDefinition
 * per service, ECR DescribeImages per package, Cloud Map ListNamespaces): each service created,
 * updated or left alone, in rollout order, its diff and settings; the images; the namespace. A
 * replica count the deploy would leave unapplied is a warning in the log.
 */
export async function planServicesChange(
  clients: { ecs: ECSClient; ecr: ECRClient },
  request: Request & { region: string },
  checked: Preflight,
  /** As the task layout's plan takes it; `service` prefixes each compose service's ECS service. */
  input: DeployChangeInput,
): Promise<ServicesChangePlan> {
  if (checked.translated.layout !== 'services')
    throw new Error('planServicesChange: not the services layout');
  const units = checked.translated.services.units;
  // A service that can be neither updated nor created fails the plan as it would fail the deploy.
  const existing = new Map<string, Awaited<ReturnType<typeof checkService>>>();
  for (const unit of units) {
    existing.set(
      unit.name,
      await checkService(clients.ecs, {
        cluster: input.cluster,
        service: serviceNameOf(input.service, unit.name),
        canCreate: input.createService,
      }),
    );
  }
  const packages = checked.packages.map((p) => {
    const release = input.resolved?.get(p);
    return release ? pinnedTo(p, release) : p;
  });
  const named = packages.length + checked.builds.length > 0;
  const registry = !named
    ? checked.registry
    : request.accountId
      ? ecrRegistry(request.accountId, request.region)
      : (await authorizeRegistry(clients.ecr, input.log)).registry;
  const images: PlannedImage[] = [
    ...(await planImages(clients.ecr, packages, input.reuseReleased, registry)),
    ...checked.builds.map(({ repository }) => ({
      repository,
      how: 'build' as const,
      reason: "a new image, unless docker's build cache on the runner gives the same one",
    })),
  ];
  const pinned = translateRequest(
    request,
    registry,
    new Map(images.flatMap((i) => (i.reference ? [[i.repository, i.reference] as const] : []))),
  );
  if (pinned.layout !== 'services') throw new Error('planServicesChange: not the services layout');
  const sd = await cloudMapClient(request.region);
  const namespace = pinned.services.namespace;
  const known = await findNamespace(sd, namespace);
  const exists = known !== undefined;
  const out: UnitChange[] = [];
  for (const unit of pinned.services.units) {
    const service = serviceNameOf(input.service, unit.name);
    const found = existing.get(unit.name);
    const running = found?.taskDefinition
      ? (await clients.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: found.taskDefinition })))
          .taskDefinition
      : undefined;
    const next: RegisterTaskDefinitionCommandInput = unit.taskDefinition;
    const change = decideChange({
      exists: found !== undefined,
      running,
      next,
      images,
      forceNewDeployment: input.forceNewDeployment,
    });
    const own = unitSettings(input.settings ?? { loadBalancers: [], capacityProviderStrategy: [] }, unit);
    // ECS echoes the namespace by ARN, as the deploy gives it.
    const connect = unit.serviceConnect
      ? { serviceConnectConfiguration: { ...unit.serviceConnect, namespace: known?.arn ?? namespace } }
      : {};
    const settings = found
      ? [...settingsUpdate(found, own).changes, ...discoveryUpdate(found, connect).changes]
      : describeCreated(own);
    out.push({
      unit,
      service,
      change,
      ...(found && { found }),
      ...(found?.taskDefinition && { running: found.taskDefinition }),
      ...(found?.serviceArn && { serviceArn: found.serviceArn }),
      diff: diffTaskDefinitions(running, next),
      logDiff: diffTaskDefinitions(running, next, 'masked'),
      settings,
    });
  }
  for (const w of replicasDrift(checked.translated.project, out, input.cluster))
    input.log.warning(formatDiagnostic(w), w);
  return {
    units: out,
    images,
    namespace: { name: namespace, exists },
    changed: !exists || out.some((u) => u.change !== 'none' || u.settings.length > 0),
  };
}

/**
 * The awsvpc network the services are created in: ECS's CreateService takes an awsvpc task only
 * with subnets, and the namespace is made in their VPC. Refused before anything runs when a
 * service may be created and ecs-params gives none.
 */
export function requireNetwork(
  translated: Preflight['translated'],
  createService: boolean,
): { subnets: readonly string[] } | undefined {
  const subnets = translated.runParams.networkConfiguration?.awsvpcConfiguration?.subnets ?? [];
  if (subnets.length > 0) return { subnets };
  if (!createService) return undefined;
  const at = translated.ecsParams?.locate(['run_params']) ?? translated.ecsParams?.locate([]);
  throw new UserError(
    error(
      'layout: services runs every service in awsvpc, and ECS creates such a service only with subnets (the Cloud Map namespace is made in their VPC): set run_params.network_configuration.awsvpc_configuration.subnets (and security_groups) in ecs-params.yml',
      at ? { location: at } : { input: 'ecs-params' },
    ),
  );
}

/**
 * `deploy.replicas` (or `scale`) of a service that exists already and runs another desired count:
 * the deploy sets a desired count only when it creates a service (after that the count is the
 * service's, as the desired-count input's is, so a scaling policy is not undone), so a changed
 * number would otherwise be dropped without a word. A warning at the key, with the command.
 */
export function replicasDrift(
  project: Pick<ComposeProject, 'services' | 'locate'>,
  units: readonly { unit: Pick<ServiceUnit, 'name' | 'replicas'>; service: string; found?: Service }[],
  cluster: string,
): Diagnostic[] {
  const problems = Problems.forProject(project);
  for (const { unit, service, found } of units) {
    const desired = found?.desiredCount;
    if (unit.replicas === undefined || desired === undefined || desired === unit.replicas) continue;
    const deploy = project.services.get(unit.name)?.definition.deploy;
    const byDeploy =
      deploy !== null && typeof deploy === 'object' && !Array.isArray(deploy) && 'replicas' in deploy;
    problems.warn(
      ['services', unit.name, ...(byDeploy ? ['deploy', 'replicas'] : ['scale'])],
      `is ${unit.replicas}, but the ECS service ${service} has a desired count of ${desired}, which a deploy leaves as it is: the count is set only when the action creates the service. To scale it: aws ecs update-service --cluster ${cluster} --service ${service} --desired-count ${unit.replicas}`,
    );
  }
  return problems.warnings;
}
