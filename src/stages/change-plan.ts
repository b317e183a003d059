import {
  DescribeTaskDefinitionCommand,
  type ECSClient,
  type RegisterTaskDefinitionCommandInput,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';
import type { ECRClient } from '@aws-sdk/client-ecr';
import type { ServiceSettings } from '../ecs/settings';
import type { Log } from '../log';
import { describeTaggedImage } from '../registry/ecr';
import { authorizeRegistry } from '../registry/login';
import { releasedPackage, releaseTag } from '../registry/reuse';
import { type PackageSource, repositoryOf } from '../translate/habitat/package-source';
import { diffTaskDefinitions } from '../ecs/diff';
import { sameTaskDefinition } from '../ecs/normalize';
import { checkService } from '../ecs/service';
import { describeCreated, settingsUpdate } from '../ecs/settings';
import { ecrRegistry } from '../translate/image-plan';
import type { Preflight } from './preflight';
import { translateRequest, type Request } from './request';
import { pinnedTo, type ResolvedRelease } from './resolve';

/** What a deploy would do to the service. */
export type ServiceChange = 'create' | 'update' | 'redeploy' | 'none';

/** How a deploy would get one package's image into the registry. */
export interface PlannedImage {
  repository: string;
  /**
   * reuse: a release the registry holds is pinned; export: exported and pushed by the deploy;
   * build: a `build:` service's image, built and pushed by the deploy.
   */
  how: 'reuse' | 'export' | 'build';
  /** `uri@digest` of a reused image. */
  reference?: string;
  /** Why, in a few words. */
  reason: string;
}

/** What a deploy would change, found with read-only calls. */
export interface ChangePlan {
  service: ServiceChange;
  /** The revision the service runs now, when it exists. */
  running?: string;
  serviceArn?: string;
  /** The task definition diff against the running revision, environment names only (published). */
  diff: string[];
  /** The same diff with values, masked where the name looks secret: for the log. */
  logDiff: string[];
  images: PlannedImage[];
  /** The service settings a deploy would set on create, or change on update, one line each. */
  settings: string[];
  /** Whether a deploy would register a revision or touch the service. */
  changed: boolean;
  /** The task definition a deploy would register, images named as far as they are known. */
  taskDefinition: RegisterTaskDefinitionCommandInput;
}

export interface PlanChangeInput {
  cluster: string;
  service: string;
  createService: boolean;
  forceNewDeployment: boolean;
  /** The service settings inputs: a deploy changes those that differ, even on an unchanged revision. */
  settings?: ServiceSettings;
  /** Every package a deploy would export or reuse (those Builder resolved, at that release). */
  packages: readonly PackageSource[];
  /** The repositories of the images a deploy would build (`build:` services). */
  builds: readonly { repository: string }[];
  reuseReleased: boolean;
  /** The registry the images are in; asked only when there are packages. */
  registry: () => Promise<string>;
  /** The task definition naming these images (repository -> `uri@digest`), the others by tag. */
  render: (registry: string, images: ReadonlyMap<string, string>) => RegisterTaskDefinitionCommandInput;
  /** Stands in for the registry when there are no packages: no image is named after it. */
  placeholderRegistry: string;
}

/**
 * What a deploy would do, with read-only calls only (DescribeServices, DescribeTaskDefinition,
 * ECR DescribeImages, and GetAuthorizationToken when the registry must be found): the service
 * created, updated or left alone, the field-level diff, which images would be pushed, and which
 * service settings would be set or changed.
 */
export async function planChange(
  clients: { ecs: ECSClient; ecr: ECRClient },
  input: PlanChangeInput,
): Promise<ChangePlan> {
  // A service that can be neither updated nor created fails the plan as it would fail the deploy.
  const existing = await checkService(clients.ecs, {
    cluster: input.cluster,
    service: input.service,
    canCreate: input.createService,
  });
  const named = input.packages.length + input.builds.length > 0;
  const registry = named ? await input.registry() : input.placeholderRegistry;
  const images: PlannedImage[] = [
    ...(await planImages(clients.ecr, input.packages, input.reuseReleased, registry)),
    ...input.builds.map(({ repository }) => ({
      repository,
      how: 'build' as const,
      reason: "a new image, unless docker's build cache on the runner gives the same one",
    })),
  ];
  const pinned = new Map(images.flatMap((i) => (i.reference ? [[i.repository, i.reference] as const] : [])));
  const taskDefinition = input.render(registry, pinned);
  const running = existing?.taskDefinition
    ? (await clients.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: existing.taskDefinition })))
        .taskDefinition
    : undefined;
  const service = decideChange({
    exists: existing !== undefined,
    running,
    next: taskDefinition,
    images,
    forceNewDeployment: input.forceNewDeployment,
  });
  const settings = !input.settings
    ? []
    : existing
      ? settingsUpdate(existing, input.settings).changes
      : describeCreated(input.settings);
  return {
    service,
    ...(existing?.taskDefinition && { running: existing.taskDefinition }),
    ...(existing?.serviceArn && { serviceArn: existing.serviceArn }),
    diff: diffTaskDefinitions(running, taskDefinition),
    logDiff: diffTaskDefinitions(running, taskDefinition, 'masked'),
    images,
    settings,
    changed: service !== 'none' || settings.length > 0,
    taskDefinition,
  };
}

export interface DeployChangeInput {
  cluster: string;
  service: string;
  createService: boolean;
  forceNewDeployment: boolean;
  settings?: ServiceSettings;
  reuseReleased: boolean;
  /** Packages named without a release, with the release Builder resolved them to (resolveReleases). */
  resolved?: ReadonlyMap<PackageSource, ResolvedRelease>;
  log: Log;
}

/**
 * What a deploy of the request would change, after its preflight: the plan of the action's plan
 * mode and of `habitat-ecs plan` alike. A package Builder resolved is looked for in the registry
 * at that release, as the deploy does; the registry is the account's, else the one the
 * credentials reach (GetAuthorizationToken, asked only when an image is named after it).
 */
export function planDeployChange(
  clients: { ecs: ECSClient; ecr: ECRClient },
  request: Request & { region: string },
  checked: Preflight,
  input: DeployChangeInput,
): Promise<ChangePlan> {
  const { accountId, region } = request;
  return planChange(clients, {
    cluster: input.cluster,
    service: input.service,
    createService: input.createService,
    forceNewDeployment: input.forceNewDeployment,
    ...(input.settings && { settings: input.settings }),
    packages: checked.packages.map((p) => {
      const release = input.resolved?.get(p);
      return release ? pinnedTo(p, release) : p;
    }),
    builds: checked.builds,
    reuseReleased: input.reuseReleased,
    registry: async () =>
      accountId ? ecrRegistry(accountId, region) : (await authorizeRegistry(clients.ecr, input.log)).registry,
    render: (registry, images) => {
      const rendered = translateRequest(request, registry, images);
      if (rendered.layout !== 'task')
        throw new Error('planDeployChange: the request is not in the task layout');
      return rendered.taskDefinition;
    },
    placeholderRegistry: checked.registry,
  });
}

/**
 * Pure: what happens to the service. The digest of an export or a build is known only once it is
 * made (an unchanged export pushes as the same image, a build without the runner's cache does
 * not): a deploy that exports or builds anything is taken to register a new revision.
 */
export function decideChange(args: {
  exists: boolean;
  running: TaskDefinition | undefined;
  next: RegisterTaskDefinitionCommandInput;
  images: readonly PlannedImage[];
  forceNewDeployment: boolean;
}): ServiceChange {
  if (!args.exists) return 'create';
  if (args.images.some((i) => i.how !== 'reuse')) return 'update';
  if (args.running && sameTaskDefinition(args.running, args.next))
    return args.forceNewDeployment ? 'redeploy' : 'none';
  return 'update';
}

/** One at a time: a project has a handful of packages, and each is one DescribeImages call. */
export async function planImages(
  ecr: ECRClient,
  packages: readonly PackageSource[],
  reuseReleased: boolean,
  registry: string,
): Promise<PlannedImage[]> {
  const planned: PlannedImage[] = [];
  for (const source of packages) {
    const repository = repositoryOf(source);
    const released = releasedPackage(source);
    if (!released) {
      planned.push({
        repository,
        how: 'export',
        reason: 'no release is pinned: its digest is known once it is exported',
      });
      continue;
    }
    const tag = releaseTag(released);
    if (!reuseReleased) {
      planned.push({
        repository,
        how: 'export',
        reason: `${released.ident}, reuse-released-images is false`,
      });
      continue;
    }
    const found = await describeTaggedImage(ecr, repository, tag);
    if (found.found) {
      const reference = `${registry}/${repository}@${found.digest}`;
      planned.push({
        repository,
        how: 'reuse',
        reference,
        reason: `the registry holds ${repository}:${tag}`,
      });
    } else {
      const why =
        found.why === 'no-repository'
          ? `the repository ${repository} does not exist yet`
          : `the registry has no ${repository}:${tag} yet`;
      planned.push({ repository, how: 'export', reason: `${released.ident}: ${why}` });
    }
  }
  return planned;
}
