import { createHash } from 'node:crypto';
import * as https from 'node:https';
import { classifyRegistryOutput, RegistryFailure } from './retry';

/**
 * Reads a tag's manifest through the registry HTTP API (distribution v2), which both ECR and the
 * local test registry speak, with Basic auth from the ECR token.
 */

export const MANIFEST_TYPES = [
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

function request(url: URL, auth: RegistryCredentials, timeoutMs: number): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        method: 'GET',
        headers: {
          Accept: MANIFEST_TYPES.join(', '),
          Authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`,
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
    req.end();
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

/**
 * The manifest the registry serves for `repository:tag`, or undefined when there is none
 * (404: no such tag or repository). Failures are RegistryFailures: 401/403 'auth',
 * 5xx/429 and network errors 'transient'.
 */
export async function getManifest(
  auth: RegistryCredentials,
  repository: string,
  reference: string,
  timeoutMs = 30_000,
): Promise<RemoteManifest | undefined> {
  const url = new URL(`https://${auth.registry}/v2/${repository}/manifests/${encodeURIComponent(reference)}`);
  let res: HttpResponse;
  try {
    res = await request(url, auth, timeoutMs);
  } catch (e) {
    const message = `reading ${repository}:${reference} from ${auth.registry}: ${(e as Error).message}`;
    throw new RegistryFailure(
      message,
      classifyRegistryOutput(`${(e as NodeJS.ErrnoException).code ?? ''} ${message}`),
    );
  }
  if (res.status === 404) return undefined;
  if (res.status < 200 || res.status > 299) {
    const kind =
      res.status === 401 || res.status === 403
        ? 'auth'
        : res.status >= 500 || res.status === 429
          ? 'transient'
          : 'fatal';
    const detail = res.body.toString('utf8').slice(0, 300).trim();
    throw new RegistryFailure(
      `reading ${repository}:${reference} from ${auth.registry}: HTTP ${res.status}${detail ? `: ${detail}` : ''}`,
      kind,
    );
  }
  const header = res.headers['docker-content-digest'];
  return parseManifest(res.body.toString('utf8'), typeof header === 'string' ? header : undefined);
}
