/**
 * Asks Habitat Builder's depot API which release of a package is the latest in a channel, as
 * `hab pkg install` and the container exporter do before installing a package named without a
 * release: GET `<builder>/v1/depot/channels/<origin>/<channel>/pkgs/<name>[/<version>]/latest`,
 * which answers the package's JSON (`ident: {origin, name, version, release}`, ...) or 404.
 * Every request is bounded (a timeout per attempt, a few attempts); a failure is an answer
 * (`resolved: false`, with why), never an exception: the caller then exports as it would have anyway.
 */

import * as http from 'node:http';
import * as https from 'node:https';
import type { PackageSource } from '../translate/habitat/package-source';

/** Habitat's public Builder: where hab goes without --url or HAB_BLDR_URL. */
export const PUBLIC_BUILDER_URL = 'https://bldr.habitat.sh';

export interface BuilderOptions {
  /** The Builder's base URL (http or https), e.g. https://bldr.habitat.sh. */
  url: string;
  channel: string;
  /** HAB_AUTH_TOKEN, sent as a bearer token: private origins answer only with it. */
  token?: string;
  /** Per attempt, the answer included. Default 5 s. */
  timeoutMs?: number;
  /** Attempts in all, for a network error, a timeout, 429 or 5xx. Default 3. */
  attempts?: number;
  /** The HTTP GET (default: httpGet). */
  get?: typeof httpGet;
  sleep?: (ms: number) => Promise<void>;
}

export type LatestRelease =
  { resolved: true; version: string; release: string } | { resolved: false; why: string };

/** Path segments Builder names can hold: what origins, names, versions and channels allow. */
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.+-]*$/;
const RELEASE = /^\d{14}$/;

/** Refused before any request: a name that would change the URL's meaning. */
export class BuilderUrlError extends Error {}

/**
 * The `latest` URL of a package in a channel; pure. Throws BuilderUrlError for a base URL that is
 * not a plain http(s) URL, and for a segment that is empty, `.`/`..`-like or holds a character
 * outside names (`/`, `?`, `#`, `%`, spaces...), rather than escaping it into another request.
 */
export function latestReleaseUrl(
  builderUrl: string,
  channel: string,
  pkg: { origin: string; name: string; version?: string },
): string {
  let base: URL;
  try {
    base = new URL(builderUrl);
  } catch {
    throw new BuilderUrlError(`${JSON.stringify(builderUrl)} is not a URL`);
  }
  if ((base.protocol !== 'http:' && base.protocol !== 'https:') || base.search || base.hash || base.username)
    throw new BuilderUrlError(`${JSON.stringify(builderUrl)} is not a plain http(s) URL of a Builder`);
  const segments = [pkg.origin, channel, pkg.name, ...(pkg.version !== undefined ? [pkg.version] : [])];
  for (const segment of segments) {
    if (!SEGMENT.test(segment))
      throw new BuilderUrlError(`${JSON.stringify(segment)} cannot be part of a Builder URL`);
  }
  const [origin, , name] = segments;
  const version = pkg.version !== undefined ? `/${pkg.version}` : '';
  return `${base.href.replace(/\/+$/, '')}/v1/depot/channels/${origin}/${channel}/pkgs/${name}${version}/latest`;
}

/** The release Builder's answer names, if it is one of the package asked for; pure. */
export function releaseOf(
  body: unknown,
  pkg: { origin: string; name: string; version?: string },
): { version: string; release: string } | undefined {
  const ident = (body as { ident?: Record<string, unknown> } | null)?.ident;
  if (!ident || typeof ident !== 'object') return undefined;
  const { origin, name, version, release } = ident;
  if (origin !== pkg.origin || name !== pkg.name) return undefined;
  if (typeof version !== 'string' || !SEGMENT.test(version)) return undefined;
  if (pkg.version !== undefined && version !== pkg.version) return undefined;
  if (typeof release !== 'string' || !RELEASE.test(release)) return undefined;
  return { version, release };
}

type Attempt = { done: LatestRelease } | { retry: string };

/** The latest release of a package named by ident (without a release) in the channel. */
export async function latestRelease(
  source: Extract<PackageSource, { kind: 'ident' }>,
  options: BuilderOptions,
): Promise<LatestRelease> {
  let url: string;
  try {
    url = latestReleaseUrl(options.url, options.channel, source);
  } catch (e) {
    return { resolved: false, why: (e as Error).message };
  }
  const attempts = Math.max(1, options.attempts ?? 3);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let why = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) await sleep(500 * 2 ** (attempt - 2));
    const outcome = await ask(url, source, options);
    if ('done' in outcome) return outcome.done;
    why = outcome.retry;
  }
  return { resolved: false, why: `${why} (${attempts} attempt${attempts === 1 ? '' : 's'})` };
}

async function ask(
  url: string,
  source: { origin: string; name: string; version?: string },
  options: BuilderOptions,
): Promise<Attempt> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const named = `${source.origin}/${source.name}${source.version !== undefined ? `/${source.version}` : ''}`;
  const headers = {
    Accept: 'application/json',
    ...(options.token && { Authorization: `Bearer ${options.token}` }),
  };
  let answer: HttpAnswer;
  try {
    answer = await (options.get ?? httpGet)(url, headers, timeoutMs);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ETIMEDOUT') return { retry: `Builder did not answer within ${timeoutMs / 1000} s` };
    return { retry: `Builder could not be reached: ${err.code ?? err.message}` };
  }
  if (answer.status !== 200) return byStatus(answer.status, named, options);
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    body = undefined;
  }
  const found = releaseOf(body, source);
  if (!found)
    return { done: { resolved: false, why: `Builder's answer for ${named} is not a release of it` } };
  return { done: { resolved: true, ...found } };
}

function byStatus(status: number, named: string, options: BuilderOptions): Attempt {
  if (status === 404) {
    const hint = options.token ? '' : ' (or the origin is private and HAB_AUTH_TOKEN is not set)';
    return { done: { resolved: false, why: `Builder has no ${named} in channel ${options.channel}${hint}` } };
  }
  if (status === 401 || status === 403) {
    const token = options.token ? 'HAB_AUTH_TOKEN is not allowed to read it' : 'HAB_AUTH_TOKEN is not set';
    return { done: { resolved: false, why: `Builder refused to say (HTTP ${status}): ${token}` } };
  }
  if (status === 429 || status >= 500) return { retry: `Builder answered HTTP ${status}` };
  return { done: { resolved: false, why: `Builder answered HTTP ${status}` } };
}

interface HttpAnswer {
  status: number;
  /** The body of a 200; empty for any other status (it is not read). */
  body: string;
}

/** A package's JSON is a few KB; more is not Builder's answer. */
const MAX_BODY = 4 * 1024 * 1024;

/**
 * One GET, the whole exchange (connection, headers, body) within timeoutMs, which fails it with
 * code ETIMEDOUT. node:http(s) rather than fetch: the AWS SDK has loaded them already, and fetch
 * would load an HTTP client of its own for two requests.
 */
function httpGet(url: string, headers: Record<string, string>, timeoutMs: number): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const get = url.startsWith('https:') ? https.get : http.get;
    const req = get(url, { headers }, (res) => {
      const status = res.statusCode ?? 0;
      if (status !== 200) {
        res.resume();
        res.on('end', () => resolve({ status, body: '' }));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY) req.destroy(new Error(`answer larger than ${MAX_BODY / 1024 / 1024} MiB`));
        else chunks.push(chunk);
      });
      res.on('end', () => resolve({ status, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    const timer = setTimeout(
      () => req.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })),
      timeoutMs,
    );
    req.on('error', reject);
    req.on('close', () => clearTimeout(timer));
  });
}
