import type { ComposeProject } from '../compose/types';
import { error, UserError, warning, type Diagnostic } from '../diagnostics';
import { placeOf } from '../problems';
import { readHabitatExtension } from './habitat/extension';
import { type PackageSource, parsePackageSource, repositoryOf } from './habitat/package-source';
import { splitImage, type ImageTarget } from './image-name';
import type { HabitatService } from './habitat/types';
import { planBuilds, type BuiltService, type ImageBuild } from './build-plan';

/** The ECR registry host of an account and region. */
export function ecrRegistry(accountId: string, region: string): string {
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `${accountId}.dkr.ecr.${region}.${suffix}`;
}

export interface ImagePlan {
  /** Compose service -> the Habitat package it runs and the image reference to use. */
  services: Map<string, HabitatService>;
  /** Every package to export: the `habitat-packages` input plus packages named only by x-habitat. */
  packages: PackageSource[];
  /** Compose service -> the image built for it (with the build option on). */
  built: Map<string, BuiltService>;
  /** Every image to build, once per repository. */
  builds: ImageBuild[];
  warnings: Diagnostic[];
}

export interface PlanOptions {
  /** Build the images of `build:` services (the `build` input); off: their `image:` is used as written. */
  build?: boolean;
  /** The task's platform (`linux/arm64`), which a service without `platform:` is built for. */
  platform?: string;
}

/**
 * Decides which compose services run which Habitat package. A service runs a package when its
 * `x-habitat.package` names it, or when its `image:` names the package's repository, bare or
 * under any registry host (the reference example's `aws_account_id.dkr.ecr.ap-southeast-2...`
 * placeholder included), with any tag. With the build option, a service with `build:` that runs
 * no package is built (see planBuilds). Everything else keeps its image as written.
 */
export function planImages(
  project: ComposeProject,
  packages: readonly PackageSource[],
  target: ImageTarget,
  options: PlanOptions = {},
): ImagePlan {
  const problems: Diagnostic[] = [];
  const byRepository = new Map<string, PackageSource>();
  for (const source of packages) byRepository.set(repositoryOf(source), source);
  const used = new Set<string>();
  const services = new Map<string, HabitatService>();

  for (const name of project.services.keys()) {
    const extension = readHabitatExtension(project, name, problems);
    let repository: string | undefined;
    if (extension?.package) {
      const source = parsePackageSource(extension.package);
      repository = repositoryOf(source);
      if (!byRepository.has(repository)) byRepository.set(repository, source);
    } else {
      const builds = options.build === true && project.services.get(name)?.canonical.build !== undefined;
      repository = imageRepository(project, name, byRepository, builds, problems);
    }
    const source = repository === undefined ? undefined : byRepository.get(repository);
    if (repository === undefined || source === undefined) continue;
    used.add(repository);
    const image = target.images?.get(repository) ?? `${target.registry}/${repository}:${target.imageTag}`;
    services.set(name, { repository, packageName: source.name, image, ...(extension && { extension }) });
  }

  for (const repository of byRepository.keys()) {
    if (!used.has(repository)) {
      problems.push(
        warning(`package ${repository} is exported and pushed, but no compose service uses it`, {
          input: 'habitat-packages',
        }),
      );
    }
  }
  const building = options.build
    ? planBuilds(project, new Set(services.keys()), new Set(byRepository.keys()), target, options.platform)
    : undefined;
  if (building) problems.push(...building.problems.warnings, ...building.problems.errors);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new UserError(errors);
  return {
    services,
    packages: [...byRepository.values()],
    built: building?.services ?? new Map(),
    builds: building?.builds ?? [],
    warnings: problems,
  };
}

/**
 * A service's image repository if it is one of the packages; an error for an unresolved ECR
 * placeholder, unless the service is built (its image then goes to this deploy's registry).
 */
function imageRepository(
  project: ComposeProject,
  service: string,
  packages: ReadonlyMap<string, PackageSource>,
  built: boolean,
  problems: Diagnostic[],
): string | undefined {
  const image = project.services.get(service)?.definition.image;
  if (typeof image !== 'string') return undefined;
  const { host, repository } = splitImage(image);
  if (packages.has(repository)) return repository;
  if (!built && host !== undefined && /^aws_account_id\.dkr\.ecr\./.test(host)) {
    problems.push(
      error(
        `image "${image}" still has the documentation placeholder "aws_account_id" and ${repository} is not a Habitat package of this deploy: add ${repository} to habitat-packages (or x-habitat.package), or write the real image`,
        placeOf((p) => project.locate(p), ['services', service, 'image']),
      ),
    );
  }
  return undefined;
}
