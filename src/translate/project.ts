import { loadComposeProject } from '../compose/load';
import type { ComposeProject } from '../compose/types';
import { UserError, type Diagnostic } from '../diagnostics';
import { loadEcsParams, type EcsParams } from './ecs-params';
import { translateTaskDefinition } from './taskdef';
import type { RunParams } from './run-params';
import type { Layout } from './context';
import { translateServices, type ServicesTranslation } from './services';
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import type { HabitatOptions, HabitatService } from './habitat/types';
import type { PackageSource } from './habitat/package-source';
import { planImages } from './image-plan';
import { decidePlatform } from './runtime-platform';
import { planBuilds } from './build-plan';
import { pinGivenTask, type GivenTaskDefinition } from './given-task';
import { repositoryOf } from './habitat/package-source';
import type { BuiltService, ImageBuild } from './build-plan';

export interface TranslateProjectInput {
  /** Compose files in merge order. */
  files: string[];
  envFile?: string;
  ecsParamsFile?: string;
  launchType: 'EC2' | 'FARGATE';
  family: string;
  packages: PackageSource[];
  /** ECR registry host the Habitat images are (or will be) pushed to. */
  registry: string;
  imageTag: string;
  habitat: HabitatOptions;
  /** Variables for interpolation, usually process.env. */
  environment: Record<string, string | undefined>;
  /** Why a variable of `environment` must not be interpolated; see LoadOptions. */
  refuseVariable?: (name: string, value: string) => string | undefined;
  /** Repository -> pushed `uri@digest`; wins over the predicted `registry/repository:tag`. */
  images?: ReadonlyMap<string, string>;
  /** Build the images of `build:` services (the `build` input); default off: `image:` as written. */
  build?: boolean;
  /** The workspace, which files named inside the compose files must not leave (see LoadOptions). */
  root?: string;
  /** The `runtime-platform` input, e.g. `linux/arm64`; unset: the services' `platform:`, if any. */
  platform?: string;
  /** A task definition of the user's own: deployed instead of the compose file's translation. */
  given?: GivenTaskDefinition;
  /** Default: the task layout. */
  layout?: Layout;
}

/** The translation in either layout: the task definition(s), with what was learned on the way. */
export type TranslatedProject = TranslatedTaskLayout | TranslatedServicesLayout;

/** The task layout: one task definition, a container per compose service. */
export interface TranslatedTaskLayout extends TranslatedCommon {
  layout: 'task';
  taskDefinition: RegisterTaskDefinitionCommandInput;
}

/** The services layout: a task definition and an ECS service per compose service. */
export interface TranslatedServicesLayout extends TranslatedCommon {
  layout: 'services';
  services: ServicesTranslation;
}

interface TranslatedCommon {
  /** ecs-params run_params (awsvpc network configuration, service discovery), for the service(s). */
  runParams: RunParams;
  project: ComposeProject;
  habitatServices: Map<string, HabitatService>;
  /** Every package to export: the given ones plus those named only by x-habitat. */
  packages: PackageSource[];
  /** Compose service -> the image built for it. */
  builtServices: Map<string, BuiltService>;
  /** Every image to build, once per repository. */
  builds: ImageBuild[];
  /** The loader's, the plan's and the translation's warnings, in the order the passes ran. */
  warnings: Diagnostic[];
  /** ecs-params.yml as read, when given: where its keys were written, for checks after the translation. */
  ecsParams?: EcsParams;
}

/**
 * The whole translation, shared by the action and the CLI: load the compose files, plan which
 * services run Habitat packages (and which are built), read ecs-params and translate. No AWS, no network, no processes.
 */
export function translateProject(
  input: TranslateProjectInput & { layout?: { kind: 'task' } },
): TranslatedTaskLayout;
export function translateProject(input: TranslateProjectInput): TranslatedProject;
export function translateProject(input: TranslateProjectInput): TranslatedProject {
  if (input.given) return translateGiven(input, input.given);
  const project = loadComposeProject({
    files: input.files,
    ...(input.envFile !== undefined && { envFile: input.envFile }),
    environment: input.environment,
    ...(input.refuseVariable && { refuseVariable: input.refuseVariable }),
    ...(input.root !== undefined && { root: input.root }),
  });
  // Errors about it are the translation's (translateTaskDefinition decides it again).
  const taskPlatform = decidePlatform(project, input.platform).platform;
  const plan = planImages(
    project,
    input.packages,
    {
      registry: input.registry,
      imageTag: input.imageTag,
      ...(input.images && { images: input.images }),
    },
    {
      build: input.build === true,
      ...(taskPlatform && { platform: taskPlatform.platform }),
    },
  );
  const ecsParams = input.ecsParamsFile === undefined ? undefined : loadEcsParams(input.ecsParamsFile);
  const options = {
    launchType: input.launchType,
    family: input.family,
    habitatServices: plan.services,
    builtServices: plan.built,
    ...(ecsParams && { ecsParams }),
    habitat: input.habitat,
    ...(input.platform !== undefined && { platform: input.platform }),
  };
  const common = {
    project,
    habitatServices: plan.services,
    packages: plan.packages,
    builtServices: plan.built,
    builds: plan.builds,
    runParams: ecsParams?.runParams ?? {},
    ...(ecsParams && { ecsParams }),
  };
  const loaded: Diagnostic[] = [...project.warnings, ...plan.warnings];
  if (input.layout?.kind === 'services') {
    const { warnings, ...services } = translateServices(project, {
      ...options,
      namespace: input.layout.namespace,
    });
    return { ...common, layout: 'services', services, warnings: [...loaded, ...warnings] };
  }
  const task = translateTaskDefinition(project, options);
  return {
    ...common,
    layout: 'task',
    taskDefinition: task.taskDefinition,
    warnings: [...loaded, ...task.warnings],
  };
}

/**
 * The task definition of the task layout; in the services layout, one with every service's
 * container (their task-level settings are the same, ecs-params'): what the checks of the account
 * and of the inputs read, never what is registered.
 */
export function containersView(t: TranslatedProject): RegisterTaskDefinitionCommandInput {
  if (t.layout === 'task') return t.taskDefinition;
  const [first] = t.services.units;
  return {
    ...(first?.taskDefinition ?? {}),
    family: first?.taskDefinition.family ?? '',
    containerDefinitions: t.services.units.flatMap((u) => u.taskDefinition.containerDefinitions ?? []),
  };
}

/** What render writes: the task definition, or the services layout as a whole (ServicesTranslation). */
export function renderedDocument(
  t: TranslatedProject,
): RegisterTaskDefinitionCommandInput | ({ layout: 'services' } & ServicesTranslation) {
  return t.layout === 'task' ? t.taskDefinition : { layout: 'services', ...t.services };
}

/**
 * A task definition of the user's own, with this deploy's images: the compose files, when given,
 * only say which containers are built (their `build:` services of the same name).
 */
function translateGiven(input: TranslateProjectInput, given: GivenTaskDefinition): TranslatedProject {
  const target = {
    registry: input.registry,
    imageTag: input.imageTag,
    ...(input.images && { images: input.images }),
  };
  const compose =
    input.files.length > 0
      ? loadComposeProject({
          files: input.files,
          ...(input.envFile !== undefined && { envFile: input.envFile }),
          environment: input.environment,
          ...(input.refuseVariable && { refuseVariable: input.refuseVariable }),
          ...(input.root !== undefined && { root: input.root }),
        })
      : undefined;
  const building =
    compose && input.build === true
      ? planBuilds(compose, new Set(), new Set(input.packages.map(repositoryOf)), target, input.platform)
      : undefined;
  if (building && building.problems.errors.length > 0) throw new UserError(building.problems.errors);
  const pinned = pinGivenTask(given, {
    family: input.family,
    packages: input.packages,
    built: building?.services ?? new Map(),
    target,
  });
  const ecsParams = input.ecsParamsFile === undefined ? undefined : loadEcsParams(input.ecsParamsFile);
  return {
    layout: 'task',
    taskDefinition: pinned.taskDefinition,
    runParams: ecsParams?.runParams ?? {},
    warnings: [
      ...(compose?.warnings ?? []),
      ...(building?.problems.warnings ?? []),
      ...(ecsParams?.warnings ?? []),
      ...pinned.warnings,
    ],
    project: pinned.project,
    habitatServices: pinned.habitatServices,
    packages: input.packages,
    builtServices: pinned.builtServices,
    builds: building?.builds ?? [],
    ...(ecsParams && { ecsParams }),
  };
}
