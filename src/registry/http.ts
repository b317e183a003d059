import { createReadStream } from 'node:fs';
import * as https from 'node:https';
import { classifyRegistryOutput, RegistryFailure, retryAfterMs } from './retry';

/**
 * Requests to the registry HTTP API (distribution v2), which both ECR and the local test registry
 * speak, with Basic auth from the ECR token: the credentials `docker login` would use.
 */

export interface RegistryCredentials {
  registry: string;
  username: string;
  password: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** What a request sends: bytes in memory, or a file streamed from disk. */
type Body = { bytes: Buffer; mediaType: string } | { file: string; size: number; mediaType: string };

export interface RequestOptions {
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  /** Longest silence on the connection before it is given up (not a bound on a whole upload). */
  timeoutMs: number;
  body?: Body;
  accept?: string;
  /** Largest response body kept; larger ones fail the request (manifests and configs are small). */
  maxBodyBytes?: number;
}

function request(url: URL, auth: RegistryCredentials, options: RequestOptions): Promise<HttpResponse> {
  const { timeoutMs, body } = options;
  const limit = options.maxBodyBytes ?? 4 * 1024 * 1024;
  const length = body
    ? 'bytes' in body
      ? body.bytes.length
      : body.size
    : options.method === 'GET'
      ? undefined
      : 0;
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        method: options.method,
        headers: {
          ...(options.accept && { Accept: options.accept }),
          Authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`,
          ...(body && { 'Content-Type': body.mediaType }),
          ...(length !== undefined && { 'Content-Length': String(length) }),
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > limit) req.destroy(new Error(`response larger than ${limit} bytes`));
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
    if (body && 'file' in body) {
      const file = createReadStream(body.file);
      file.on('error', (e) => req.destroy(e));
      file.pipe(req);
    } else {
      req.end(body?.bytes);
    }
  });
}

/** A request, with transport errors and non-2xx answers (but those in `allow`) as RegistryFailures. */
export async function call(
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
    kind === 'transient' ? retryAfterMs(header(res, 'retry-after')) : undefined,
  );
}

export function header(res: HttpResponse, name: string): string | undefined {
  const value = res.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** `/v2/<repository>/<rest>` on the registry. */
export function apiUrl(auth: RegistryCredentials, repository: string, rest: string): URL {
  return new URL(`https://${auth.registry}/v2/${repository}/${rest}`);
}
