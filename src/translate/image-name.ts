/** Image references: where they point, where the plan puts its images, and which names are valid. */

// ECR's repositoryName pattern and length limits.
const ECR_REPOSITORY = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
// Docker's tag grammar.
const DOCKER_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

export interface ImageTarget {
  /** ECR registry host, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com */
  registry: string;
  /** Tag the images are pushed under. */
  imageTag: string;
  /** Pushed images by repository (`origin/name` -> `uri@sha256:...`), Habitat or built; they win over the predicted `uri:tag`. */
  images?: ReadonlyMap<string, string>;
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

/** Whether ECR takes the name as a repository name. */
export function isValidRepositoryName(name: string): boolean {
  return name.length >= 2 && name.length <= 256 && ECR_REPOSITORY.test(name);
}

/** Whether Docker takes the text as an image tag. */
export function isValidTag(tag: string): boolean {
  return DOCKER_TAG.test(tag);
}
