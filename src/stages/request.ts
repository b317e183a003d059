import type { HabitatOptions } from '../translate/habitat/types';
import type { PackageSource } from '../translate/habitat/package-source';
import type { LaunchType, Layout } from '../translate/context';
import { ecrRegistry } from '../translate/image-plan';
import { previewTaskDefinition } from '../translate/preview-names';
import { translateProject, type TranslatedProject } from '../translate/project';
import type { GivenTaskDefinition } from '../translate/given-task';

/**
 * What a run is asked for: the compose files to translate and how, for which account, region and
 * launch type. The action builds one from its inputs (inputs/parse.ts), the CLI from its flags
 * (cli/request.ts); the stages know nothing else of either.
 */
export interface Request {
  /** In merge order. */
  composeFiles: string[];
  envFile?: string;
  ecsParamsFile?: string;
  launchType: LaunchType;
  /** One task definition, or one per compose service (each its own ECS service). */
  layout: Layout;
  family: string;
  /** Habitat packages to run: the services whose image names one's repository run it. */
  packages: PackageSource[];
  /** Build and push the images of `build:` services; off: their `image:` is used as written. */
  build: boolean;
  /** The tag images are named with until their push pins them by digest. */
  imageTag: string;
  habitat: HabitatOptions;
  /** The account of the ECR registry; unset: the one the credentials reach, found at login. */
  accountId?: string;
  /** The region of the registry and the ECS resources; unset or empty: not given (render). */
  region?: string;
  /** Where `${VAR}` takes its values from. */
  environment: Readonly<Record<string, string | undefined>>;
  /** Why a variable of `environment` must not be interpolated (compose/runner-credentials.ts). */
  refuseVariable: (name: string, value: string) => string | undefined;
  /** The workspace, which the files the compose files name must not leave; unset: no such root. */
  root?: string;
  /** The task's platform (`linux/amd64`, `linux/arm64`); unset: the services' `platform:`, if any. */
  platform?: string;
  /** A task definition of the user's own (the `task-definition` input), deployed instead of the compose translation. */
  given?: GivenTaskDefinition;
  /** A preview's: its roles and awslogs groups (and the repositories it pushes to) carry it. */
  previewSuffix?: string;
}

/**
 * Images are named after the registry of this account while no account is known: only the images
 * of Habitat packages and builds depend on it, and a run that pushes them names the real one.
 */
const PLACEHOLDER_ACCOUNT = '000000000000';
const PLACEHOLDER_REGION = 'us-east-1';

/** The registry the request's images are named after until a login names the real one. */
export function requestRegistry(request: Pick<Request, 'accountId' | 'region'>): string {
  return ecrRegistry(request.accountId || PLACEHOLDER_ACCOUNT, request.region || PLACEHOLDER_REGION);
}

/**
 * The translation of the request: its images named after `registry`, or pinned by `images`
 * (repository -> `uri@digest`). No AWS, no network, no processes.
 */
export function translateRequest(
  request: Request,
  registry: string,
  images?: ReadonlyMap<string, string>,
): TranslatedProject {
  const translated = translateProject({
    files: request.composeFiles,
    ...(request.root !== undefined && { root: request.root }),
    ...(request.envFile !== undefined && { envFile: request.envFile }),
    ...(request.ecsParamsFile !== undefined && { ecsParamsFile: request.ecsParamsFile }),
    launchType: request.launchType,
    layout: request.layout,
    family: request.family,
    packages: request.packages,
    registry,
    imageTag: request.imageTag,
    habitat: request.habitat,
    build: request.build,
    environment: request.environment,
    refuseVariable: request.refuseVariable,
    ...(request.platform !== undefined && { platform: request.platform }),
    ...(request.given && { given: request.given }),
    ...(images && { images }),
  });
  const suffix = request.previewSuffix;
  if (suffix === undefined) return translated;
  if (translated.layout === 'services') {
    const units = translated.services.units.map((u) => ({
      ...u,
      taskDefinition: previewTaskDefinition(u.taskDefinition, suffix),
    }));
    return { ...translated, services: { ...translated.services, units } };
  }
  return { ...translated, taskDefinition: previewTaskDefinition(translated.taskDefinition, suffix) };
}
