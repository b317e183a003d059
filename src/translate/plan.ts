import type { ComposeProject } from '../compose/types';
import { error, UserError, warning, type Diagnostic } from '../diagnostics';
import { placeOf } from '../problems';
import { readHabitatExtension } from './habitat/extension';
import { parsePackageSource, repositoryOf } from './habitat/package-source';
import type { HabitatService, PackageSource } from './habitat/types';

/** The ECR registry host of an account and region. */
export function ecrRegistry(accountId: string, region: string): string {
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `${accountId}.dkr.ecr.${region}.${suffix}`;
}

export interface ImageTarget {
  /** ECR registry host, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com */
  registry: string;
  /** Tag the images are pushed under. */
  imageTag: string;
  /** Pushed images by repository (`origin/name` -> `uri@sha256:...`); they win over the predicted `uri:tag`. */
  images?: ReadonlyMap<string, string>;
}

export interface ImagePlan {
  /** Compose service -> the Habitat package it runs and the image reference to use. */
  services: Map<string, HabitatService>;
  /** Every package to export: the `habitat-packages` input plus packages named only by x-habitat. */
  packages: PackageSource[];
  warnings: Diagnostic[];
}

/**
 * Decides which compose services run which Habitat package. A service runs a package when its
 * `x-habitat.package` names it, or when its `image:` names the package's repository, bare or
 * under any registry host (the reference example's `aws_account_id.dkr.ecr.ap-southeast-2...`
 * placeholder included), with any tag. Everything else keeps its image as written.
 */
export function planImages(
  project: ComposeProject,
  packages: readonly PackageSource[],
  target: ImageTarget,
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
      repository = imageRepository(project, name, byRepository, problems);
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
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new UserError(errors);
  return { services, packages: [...byRepository.values()], warnings: problems };
}

/** A service's image repository if it is one of the packages; an error for an unresolved ECR placeholder. */
function imageRepository(
  project: ComposeProject,
  service: string,
  packages: ReadonlyMap<string, PackageSource>,
  problems: Diagnostic[],
): string | undefined {
  const image = project.services.get(service)?.definition.image;
  if (typeof image !== 'string') return undefined;
  const { host, repository } = splitImage(image);
  if (packages.has(repository)) return repository;
  if (host !== undefined && /^aws_account_id\.dkr\.ecr\./.test(host)) {
    problems.push(
      error(
        `image "${image}" still has the documentation placeholder "aws_account_id" and ${repository} is not a Habitat package of this deploy: add ${repository} to habitat-packages (or x-habitat.package), or write the real image`,
        placeOf((p) => project.locate(p), ['services', service, 'image']),
      ),
    );
  }
  return undefined;
}

/** `host/path/repo:tag@digest` -> host (if the first segment is one) and the lower-cased repository path. */
export function splitImage(image: string): { host?: string; repository: string } {
  const withoutDigest = image.split('@')[0] ?? '';
  const parts = withoutDigest.split('/');
  let host: string | undefined;
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0] ?? '')) host = parts.shift();
  const last = parts.pop() ?? '';
  const colon = last.lastIndexOf(':');
  parts.push(colon >= 0 ? last.slice(0, colon) : last);
  return { ...(host !== undefined && { host }), repository: parts.join('/').toLowerCase() };
}
