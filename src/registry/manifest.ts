import { createHash } from 'node:crypto';
import { apiUrl, call, header, type HttpResponse, type RegistryCredentials } from './http';

/**
 * Reads and stores manifests through the registry HTTP API (distribution v2), which both ECR and
 * the local test registry speak, with Basic auth from the ECR token.
 */

const MANIFEST_TYPES = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.index.v1+json',
].join(', ');

export type { RegistryCredentials };

export interface RemoteManifest {
  /** Digest of the manifest: what `uri@sha256:...` pins. */
  digest: string;
  mediaType?: string;
  /** The image config digest (= the local image id) for a single-image manifest. */
  configDigest?: string;
}

/** Parses a manifest body; pure. */
export function parseManifest(body: string, headerDigest: string | undefined): RemoteManifest {
  const digest = headerDigest ?? `sha256:${createHash('sha256').update(body).digest('hex')}`;
  let doc: { mediaType?: unknown; config?: { digest?: unknown } };
  try {
    doc = JSON.parse(body) as typeof doc;
  } catch {
    return { digest };
  }
  return {
    digest,
    ...(typeof doc.mediaType === 'string' ? { mediaType: doc.mediaType } : {}),
    ...(typeof doc.config?.digest === 'string' ? { configDigest: doc.config.digest } : {}),
  };
}

/** A manifest exactly as the registry stores it: the bytes its digest is the hash of. */
export interface RawManifest {
  manifest: RemoteManifest;
  bytes: Buffer;
  /** What to send as Content-Type to store it again (the response's, else the body's mediaType). */
  mediaType: string;
}

function manifestUrl(auth: RegistryCredentials, repository: string, reference: string): URL {
  // A digest's ":" stays as it is, as docker sends it: it is valid in a path, and not every
  // registry decodes "%3A" back.
  return apiUrl(auth, repository, `manifests/${encodeURIComponent(reference).replace(/%3A/gi, ':')}`);
}

function headerDigest(res: HttpResponse): string | undefined {
  return header(res, 'docker-content-digest');
}

/**
 * The manifest the registry serves for `repository:reference` (a tag or a digest) with its exact
 * bytes, or undefined when there is none (404: no such tag or repository). Failures are
 * RegistryFailures: 401/403 'auth', 5xx/429 and network errors 'transient'.
 */
export async function getRawManifest(
  auth: RegistryCredentials,
  repository: string,
  reference: string,
  timeoutMs = 30_000,
): Promise<RawManifest | undefined> {
  const res = await call(
    `reading ${repository}:${reference} from`,
    manifestUrl(auth, repository, reference),
    auth,
    { method: 'GET', timeoutMs, accept: MANIFEST_TYPES },
    [404],
  );
  if (res.status === 404) return undefined;
  const manifest = parseManifest(res.body.toString('utf8'), headerDigest(res));
  const contentType = header(res, 'content-type')?.split(';')[0]?.trim();
  return {
    manifest,
    bytes: res.body,
    mediaType: contentType || manifest.mediaType || 'application/vnd.docker.distribution.manifest.v2+json',
  };
}

/** The manifest the registry serves for `repository:tag`; see getRawManifest. */
export async function getManifest(
  auth: RegistryCredentials,
  repository: string,
  reference: string,
  timeoutMs = 30_000,
): Promise<RemoteManifest | undefined> {
  return (await getRawManifest(auth, repository, reference, timeoutMs))?.manifest;
}

/**
 * Stores a manifest under a tag, as `docker push` does last: the same bytes under a new name, so
 * the digest does not change and no layer moves. Returns the digest the registry reports, if any.
 * A 400 with an immutability message is what ECR answers when the tag names another image in an
 * IMMUTABLE repository; like every failure it is a RegistryFailure (kinds as for reading).
 */
export async function putManifest(
  auth: RegistryCredentials,
  repository: string,
  tag: string,
  manifest: Pick<RawManifest, 'bytes' | 'mediaType'>,
  timeoutMs = 30_000,
): Promise<string | undefined> {
  const res = await call(`storing ${repository}:${tag} on`, manifestUrl(auth, repository, tag), auth, {
    method: 'PUT',
    timeoutMs,
    accept: MANIFEST_TYPES,
    body: { bytes: manifest.bytes, mediaType: manifest.mediaType },
  });
  return headerDigest(res);
}
