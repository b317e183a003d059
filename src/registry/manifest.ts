import { createHash } from 'node:crypto';
import * as https from 'node:https';
import { classifyRegistryOutput, RegistryFailure } from './retry';

/**
 * Reads and stores manifests through the registry HTTP API (distribution v2), which both ECR and
 * the local test registry speak, with Basic auth from the ECR token.
 */

const MANIFEST_TYPES = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.index.v1+json',
];

export interface RegistryCredentials {
  registry: string;
  username: string;
  password: string;
}

export interface RemoteManifest {
  /** Digest of the manifest: what `uri@sha256:...` pins. */
  digest: string;
  mediaType?: string;
  /** The image config digest (= the local image id) for a single-image manifest. */
  configDigest?: string;
}

interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

interface RequestOptions {
  method: 'GET' | 'PUT';
  timeoutMs: number;
  /** For a PUT: the bytes and their media type. */
  body?: { bytes: Buffer; mediaType: string };
}

function request(url: URL, auth: RegistryCredentials, options: RequestOptions): Promise<HttpResponse> {
  const { timeoutMs, body } = options;
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        method: options.method,
        headers: {
          Accept: MANIFEST_TYPES.join(', '),
          Authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`,
          ...(body && { 'Content-Type': body.mediaType, 'Content-Length': String(body.bytes.length) }),
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          // Manifests are small; refuse to buffer anything unreasonable.
          if (size > 4 * 1024 * 1024) req.destroy(new Error('manifest response larger than 4 MiB'));
          else chunks.push(chunk);
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`ETIMEDOUT: no answer from ${url.host} in ${timeoutMs} ms`)),
    );
    req.on('error', reject);
    req.end(body?.bytes);
  });
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
  const encoded = encodeURIComponent(reference).replace(/%3A/gi, ':');
  return new URL(`https://${auth.registry}/v2/${repository}/manifests/${encoded}`);
}

/** A request, with transport errors and non-2xx answers (but those in `allow`) as RegistryFailures. */
async function call(
  what: string,
  url: URL,
  auth: RegistryCredentials,
  options: RequestOptions,
  allow: readonly number[] = [],
): Promise<HttpResponse> {
  let res: HttpResponse;
  try {
    res = await request(url, auth, options);
  } catch (e) {
    const message = `${what} ${auth.registry}: ${(e as Error).message}`;
    throw new RegistryFailure(
      message,
      classifyRegistryOutput(`${(e as NodeJS.ErrnoException).code ?? ''} ${message}`),
    );
  }
  if (allow.includes(res.status) || (res.status >= 200 && res.status <= 299)) return res;
  const kind =
    res.status === 401 || res.status === 403
      ? 'auth'
      : res.status >= 500 || res.status === 429
        ? 'transient'
        : 'fatal';
  // The registry's error body says why (ECR: `TAG_INVALID: ... the tag is immutable`).
  const detail = res.body.toString('utf8').slice(0, 300).trim();
  throw new RegistryFailure(
    `${what} ${auth.registry}: HTTP ${res.status}${detail ? `: ${detail}` : ''}`,
    kind,
  );
}

function headerDigest(res: HttpResponse): string | undefined {
  const header = res.headers['docker-content-digest'];
  return typeof header === 'string' ? header : undefined;
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
    { method: 'GET', timeoutMs },
    [404],
  );
  if (res.status === 404) return undefined;
  const manifest = parseManifest(res.body.toString('utf8'), headerDigest(res));
  const header = res.headers['content-type'];
  const contentType = typeof header === 'string' ? header.split(';')[0]?.trim() : undefined;
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
    body: { bytes: manifest.bytes, mediaType: manifest.mediaType },
  });
  return headerDigest(res);
}
