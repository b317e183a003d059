/** Image references: where they point, and where the plan puts its images. */

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
