import type { ContainerDefinition, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import type { ComposeProject } from '../compose/types';
import { error, UserError, type Diagnostic } from '../diagnostics';
import type { HabitatOptions, HabitatService } from './habitat/types';
import type { BuiltService } from './build-plan';
import { translateContainer } from './container';
import { ECS_NAME, type LaunchType, type ServicesPart, type TranslateContext } from './context';
import { translateDependsOn } from './depends';
import { linkNames } from './link-names';
import { findNameReferences } from './name-references';
import type { EcsParams, RunParams } from './ecs-params';
import { applyHabitat } from './habitat/apply';
import type { PeerEdge } from './habitat/peers';
import { checkDependencies, checkLaunchType, decideNetworkMode } from './launch-rules';
import { CONTAINER_KEYS, ordered, TASK_KEYS } from './key-order';
import { Problems } from '../problems';
import { closest } from '../suggest';
import { TaskVolumes } from './volumes';
import { decidePlatform } from './runtime-platform';

export interface TaskDefinitionOptions {
  launchType: LaunchType;
  family: string;
  /** Service name -> the Habitat package it runs and the image to use. */
  habitatServices: ReadonlyMap<string, HabitatService>;
  /** Service name -> the image built for it (default: none is built). */
  builtServices?: ReadonlyMap<string, BuiltService>;
  ecsParams?: EcsParams;
  habitat: HabitatOptions;
  /** The `runtime-platform` input (`linux/arm64`); unset: the services' `platform:`, if any. */
  platform?: string;
  /** The services layout: the task definition of the one compose service named there, in awsvpc. */
  services?: ServicesPart;
}

interface TranslatedTask {
  taskDefinition: RegisterTaskDefinitionCommandInput;
  /** ecs-params run_params (awsvpc network configuration, service discovery), for the service. */
  runParams: RunParams;
  warnings: Diagnostic[];
}

/** One task definition of the services layout, with the peers it has in other services. */
interface TranslatedServiceTask extends TranslatedTask {
  remotePeers: PeerEdge[];
}

/**
 * A compose project -> the RegisterTaskDefinition input: one container per service, in compose
 * order, with the Habitat pass applied and keys in a fixed order. Pure; throws UserError with
 * every problem found (each at its file:line:column) rather than the first.
 */
const MAX_CONTAINERS = 10;

export function translateTaskDefinition(
  project: ComposeProject,
  options: TaskDefinitionOptions,
): TranslatedServiceTask {
  const params = options.ecsParams;
  // The services layout runs in awsvpc: services/index.ts says why, once, when ecs-params disagrees.
  const networkMode = options.services ? 'awsvpc' : decideNetworkMode(options.launchType, params);
  const problems = Problems.forProject(project);
  const paramsProblems = params ? new Problems(params.locate) : undefined;
  const ctx: TranslateContext = {
    project,
    problems,
    launchType: options.launchType,
    networkMode,
    habitatServices: options.habitatServices,
    builtServices: options.builtServices ?? new Map(),
    ...(options.services && { services: options.services }),
  };
  const errors: Diagnostic[] = [];
  if (!ECS_NAME.test(options.family)) {
    errors.push(
      error(`"${options.family}" is not a task family: use 1-255 letters, digits, - and _`, {
        input: 'task-family',
      }),
    );
  }
  errors.push(...checkLaunchType(options.launchType, networkMode, params));
  const platform = decidePlatform(project, options.platform);
  errors.push(...platform.errors);
  if (params && paramsProblems) {
    // ecs-cli skips an entry for a service the compose files do not have: so do we, with a word.
    const names = [...project.services.keys()];
    for (const name of params.services.keys()) {
      if (!project.services.has(name)) {
        paramsProblems.warn(
          ['task_definition', 'services', name],
          `ignored: no compose service is named "${name}"${similarService(name, names)}`,
        );
      }
    }
    if (params.runParams.networkConfiguration && networkMode !== 'awsvpc') {
      paramsProblems.error(
        ['run_params', 'network_configuration'],
        `awsvpc_configuration needs ecs_network_mode: awsvpc (the task uses ${networkMode})`,
      );
    }
  }

  // ECS's fixed quota: 10 containers in a task definition
  // (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html).
  const names = [...project.services.keys()];
  for (const name of names.slice(MAX_CONTAINERS)) {
    problems.error(
      ['services', name],
      `one task holds at most ${MAX_CONTAINERS} containers and this file has ${names.length}: ` +
        'split the services across two compose files (two task definitions and services)',
    );
  }
  const volumes = new TaskVolumes(ctx, params?.dockerVolumes ?? new Map(), params?.efsVolumes);
  const containers: ContainerDefinition[] = [];
  for (const [name, service] of project.services) {
    if (options.services && name !== options.services.service) continue;
    const input = { ...service, path: ['services', name] };
    containers.push(
      translateContainer(ctx, input, volumes, params?.services.get(name), params?.memory !== undefined),
    );
  }
  // Between services, depends_on orders the rollout instead, and names resolve through Cloud
  // Map and Service Connect (services/).
  if (!options.services) {
    const dependsOn = translateDependsOn(ctx, params?.services ?? new Map());
    for (const c of containers) {
      const deps = dependsOn.get(c.name ?? '');
      if (deps) c.dependsOn = deps;
    }
    linkNames(ctx, containers, findNameReferences(project, new Set(options.habitatServices.keys())));
  }
  const taskVolumes = volumes.list();
  const translated: RegisterTaskDefinitionCommandInput = {
    family: options.family,
    ...(params?.taskRoleArn && { taskRoleArn: params.taskRoleArn }),
    ...(params?.executionRoleArn && { executionRoleArn: params.executionRoleArn }),
    networkMode,
    containerDefinitions: containers,
    ...(taskVolumes.length > 0 && { volumes: taskVolumes }),
    ...(params &&
      params.placementConstraints.length > 0 && { placementConstraints: params.placementConstraints }),
    requiresCompatibilities: [options.launchType],
    ...(params?.cpu && { cpu: params.cpu }),
    ...(params?.memory && { memory: params.memory }),
    ...(params?.pidMode && { pidMode: params.pidMode }),
    ...(params?.ipcMode && { ipcMode: params.ipcMode }),
    ...(platform.platform && { runtimePlatform: platform.platform.runtimePlatform }),
  };
  const fail = () => [...errors, ...problems.errors, ...(paramsProblems?.errors ?? [])];
  if (fail().length > 0) throw new UserError(fail());

  const habitat = applyHabitat({
    taskDefinition: translated,
    project,
    habitatServices: options.habitatServices,
    options: options.habitat,
    ...(options.services && { services: options.services }),
  });
  const finalContainers = (habitat.taskDefinition.containerDefinitions ?? []).map((c) =>
    ordered(c, CONTAINER_KEYS),
  );
  checkDependencies(finalContainers, problems);
  if (fail().length > 0) throw new UserError(fail());
  return {
    taskDefinition: ordered({ ...habitat.taskDefinition, containerDefinitions: finalContainers }, TASK_KEYS),
    runParams: params?.runParams ?? {},
    warnings: [
      ...(params?.warnings ?? []),
      ...(paramsProblems?.warnings ?? []),
      ...problems.warnings,
      ...habitat.warnings,
    ],
    remotePeers: habitat.remotePeers,
  };
}

/** A did-you-mean for a service name: a likely typo, or the one name that holds the other (a rename: web -> web-app). */
function similarService(name: string, names: readonly string[]): string {
  const containing = names.filter(
    (n) => Math.min(n.length, name.length) >= 3 && (n.includes(name) || name.includes(n)),
  );
  const match = closest(name, names) ?? (containing.length === 1 ? containing[0] : undefined);
  return match ? `; did you mean "${match}"?` : '';
}
