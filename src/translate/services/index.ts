import type { ComposeProject, JsonValue } from '../../compose/types';
import { UserError, notice, type Diagnostic } from '../../diagnostics';
import { Problems } from '../../problems';
import type { ServicesPart } from '../context';
import { buildContext } from '../habitat/context';
import { checkBinds, type PeerEdge } from '../habitat/peers';
import { findNameReferences } from '../name-references';
import { translateTaskDefinition, type TaskDefinitionOptions } from '../taskdef';
import { rolloutOrder } from './order';
import { serviceReach } from './reach';
import { rewriteNames } from './rewrite';
import { serviceConnectOf } from './service-connect';
import type { ServiceUnit, ServicesTranslation } from './types';

export { serviceNameOf, type ServiceUnit, type ServicesTranslation } from './types';

export interface ServicesOptions extends Omit<TaskDefinitionOptions, 'family' | 'services'> {
  /** Each service's family is `<family>-<service>`. */
  family: string;
  /** The Cloud Map private DNS namespace. */
  namespace: string;
}

/**
 * The services layout: each compose service -> a task definition of its own (family
 * `<family>-<service>`, awsvpc) and what its ECS service needs: the desired count, the services
 * it waits for, its Cloud Map name and its Service Connect configuration. Names between services
 * resolve through those (names.ts, rewrite.ts), the Habitat ring spans the services (--peer
 * becomes the Cloud Map name) and its binds are checked across them. Pure; throws one UserError
 * with every problem.
 */
export function translateServices(
  project: ComposeProject,
  options: ServicesOptions,
): ServicesTranslation & { warnings: Diagnostic[] } {
  const { namespace } = options;
  const problems = Problems.forProject(project);
  const params = options.ecsParams;
  networkModeRule(options, problems);
  const reach = serviceReach(project, namespace, problems);
  const references = findNameReferences(project, new Set(options.habitatServices.keys()));
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const peers: PeerEdge[] = [];
  const units = new Map<string, Omit<ServiceUnit, 'after'>>();
  for (const name of project.services.keys()) {
    const part: ServicesPart = { service: name, namespace, reach };
    try {
      const task = translateTaskDefinition(project, {
        ...options,
        family: `${options.family}-${name}`,
        services: part,
      });
      warnings.push(...task.warnings);
      peers.push(...task.remotePeers);
      const container = task.taskDefinition.containerDefinitions?.[0];
      if (container)
        rewriteNames(
          container,
          references.filter((r) => r.from === name),
          reach,
          problems,
        );
      const replicas = replicasOf(project, name, problems);
      const serviceConnect = serviceConnectOf(name, reach, namespace);
      units.set(name, {
        name,
        taskDefinition: task.taskDefinition,
        ...(replicas !== undefined && { replicas }),
        discovery: reach.get(name)?.discovery ?? name,
        ...(serviceConnect && { serviceConnect }),
      });
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      errors.push(...e.diagnostics);
    }
  }
  const { order, after } = rolloutOrder(project, params?.services ?? new Map(), peers, problems, references);
  bindsAcrossServices(project, options, units, problems);
  const all = unique([...errors, ...problems.errors]);
  if (all.length > 0) throw new UserError(all);
  return {
    namespace,
    // Keys in reading order: who, how many, after whom, found how, then the task definition.
    units: order.flatMap((name) => {
      const unit = units.get(name);
      if (!unit) return [];
      return [
        {
          name,
          ...(unit.replicas !== undefined && { replicas: unit.replicas }),
          after: after.get(name) ?? [],
          discovery: unit.discovery,
          ...(unit.serviceConnect && { serviceConnect: unit.serviceConnect }),
          taskDefinition: unit.taskDefinition,
        },
      ];
    }),
    warnings: unique([...warnings, ...problems.warnings]),
  };
}

/**
 * awsvpc only: each service is a task of its own, found by its Cloud Map name, and a bridge (or
 * host) task's container advertises an address other hosts cannot reach (the Supervisor's gossip
 * included). An ecs-params that says another mode is refused; none said (bridge, EC2's default)
 * switches, with a notice.
 */
function networkModeRule(options: ServicesOptions, problems: Problems): void {
  const params = options.ecsParams;
  const mode = params?.networkMode;
  if (mode !== undefined && mode !== 'awsvpc' && params) {
    const at = new Problems(params.locate);
    at.error(
      ['task_definition', 'ecs_network_mode'],
      `layout: services runs each compose service as an ECS service of its own in awsvpc network mode: in ${mode} mode a container advertises an address the tasks on other hosts cannot reach (a Supervisor's gossip too); set ecs_network_mode: awsvpc, or use layout: task`,
    );
    for (const e of at.errors) problems.errors.push(e);
  } else if (mode === undefined && options.launchType === 'EC2') {
    problems.warnings.push(
      notice(
        "layout: services runs every task in awsvpc network mode (each service is found by its Cloud Map name; a bridge container advertises an address other hosts cannot reach), not bridge, EC2's default",
        { input: 'layout' },
      ),
    );
  }
}

/** `deploy.replicas`, else `scale`: the service's desired count on create. */
function replicasOf(project: ComposeProject, name: string, problems: Problems): number | undefined {
  const d = project.services.get(name)?.definition;
  if (!d) return undefined;
  const deploy = d.deploy;
  const fromDeploy =
    deploy !== null && typeof deploy === 'object' && !Array.isArray(deploy) ? deploy.replicas : undefined;
  const read = (value: JsonValue | undefined, path: (string | number)[]): number | undefined => {
    if (value === undefined || value === null) return undefined;
    const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 5000) return n;
    problems.error(path, `must be a whole number of tasks, 0-5000 (the desired count of the ECS service)`);
    return undefined;
  };
  const replicas = read(fromDeploy, ['services', name, 'deploy', 'replicas']);
  const scale = read(d.scale, ['services', name, 'scale']);
  if (replicas !== undefined && scale !== undefined && replicas !== scale) {
    problems.error(
      ['services', name, 'scale'],
      `is ${scale}, but deploy.replicas is ${replicas}: give one of them`,
    );
  }
  return replicas ?? scale;
}

/** The ring spans the services: a --bind is satisfied by a Supervisor in any of them. */
function bindsAcrossServices(
  project: ComposeProject,
  options: ServicesOptions,
  units: ReadonlyMap<string, Omit<ServiceUnit, 'after'>>,
  problems: Problems,
): void {
  const containers = [...units.values()].flatMap((u) => u.taskDefinition.containerDefinitions ?? []);
  const context = buildContext(
    { family: options.family, containerDefinitions: containers },
    project,
    options.habitatServices,
    options.habitat,
    { service: '', namespace: options.namespace, reach: new Map() },
  );
  const before = context.problems.warnings.length;
  checkBinds(context);
  problems.warnings.push(...context.problems.warnings.slice(before));
}

/** Each diagnostic once: the task definitions share ecs-params, whose problems each one finds. */
function unique(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = JSON.stringify(d);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
