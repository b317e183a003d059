import * as https from 'node:https';
import { apiUrl, call, header, type RegistryCredentials } from './http';
import { RegistryFailure } from './retry';

/**
 * Blobs (layers and configs) through the registry HTTP API, the way `docker push` moves them:
 * HEAD to see if the registry has it, else an upload session (POST), the bytes (PATCH) and the
 * digest that closes it (PUT). A blob another repository of the registry holds can be mounted
 * instead (`POST ?mount=&from=`), where the registry does that.
 */

const TIMEOUT_MS = 5 * 60 * 1000;

/** What a blob to send is: its digest, size and where its bytes are. */
export type BlobSource = { digest: string; size: number } & ({ file: string } | { bytes: Buffer });

export async function blobExists(
  auth: RegistryCredentials,
  repository: string,
  digest: string,
): Promise<boolean> {
  const res = await call(
    `checking ${repository}@${digest} on`,
    apiUrl(auth, repository, `blobs/${digest}`),
    auth,
    { method: 'HEAD', timeoutMs: 30_000 },
    [404],
  );
  return res.status !== 404;
}

/**
 * GET where a registry redirects a blob read. ECR sends it to a presigned S3 URL, which refuses a
 * request with an Authorization header besides its signature
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html): the
 * credentials go along only to the registry's own host.
 */
function getRedirected(url: URL, auth: RegistryCredentials, limit: number): Promise<Buffer> {
  const sameHost = url.host === auth.registry;
  const headers = sameHost
    ? { Authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` }
    : {};
  return new Promise((resolve, reject) => {
    const req = https.get(url, { timeout: 30_000, headers }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) req.destroy(new Error(`blob larger than ${limit} bytes`));
        else chunks.push(chunk);
      });
      res.on('end', () =>
        res.statusCode === 200
          ? resolve(Buffer.concat(chunks))
          : reject(
              new RegistryFailure(
                `reading a blob from ${url.host}: HTTP ${res.statusCode ?? '?'}`,
                'transient',
              ),
            ),
      );
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`ETIMEDOUT: no answer from ${url.host}`)));
    req.on('error', (e) =>
      reject(new RegistryFailure(`reading a blob from ${url.host}: ${e.message}`, 'transient')),
    );
  });
}

/** A small blob's bytes (an image config), or undefined when the registry has no such blob. */
export async function readBlob(
  auth: RegistryCredentials,
  repository: string,
  digest: string,
  limit = 4 * 1024 * 1024,
): Promise<Buffer | undefined> {
  const url = apiUrl(auth, repository, `blobs/${digest}`);
  const res = await call(
    `reading ${repository}@${digest} from`,
    url,
    auth,
    { method: 'GET', timeoutMs: 30_000, maxBodyBytes: limit },
    [307, 302, 303, 404],
  );
  if (res.status === 404) return undefined;
  const location = header(res, 'location');
  if (res.status !== 200 && location) return getRedirected(new URL(location, url), auth, limit);
  return res.body;
}

/** Where an upload session continues: its Location, relative to the registry, with its query kept. */
function sessionUrl(auth: RegistryCredentials, location: string | undefined, what: string): URL {
  if (!location) throw new RegistryFailure(`${what}: the registry gave no upload location`, 'fatal');
  return new URL(location, `https://${auth.registry}/`);
}

/**
 * Mounts a blob that `from` (another repository of the registry) holds into `repository`: true
 * when the registry did; false when it does not mount (it opens an upload session instead, which
 * is cancelled).
 */
export async function mountBlob(
  auth: RegistryCredentials,
  repository: string,
  digest: string,
  from: string,
): Promise<boolean> {
  const what = `mounting ${repository}@${digest} from ${from} on`;
  const start = apiUrl(auth, repository, 'blobs/uploads/');
  start.searchParams.set('mount', digest);
  start.searchParams.set('from', from);
  // A registry that does not mount answers 202 with an upload session (ECR while its blob mounting
  // setting is off); ECR refuses with 401/403 what the credentials may not read in `from`
  // (ecr:GetDownloadUrlForLayer there): then the blob is uploaded as any other.
  // https://docs.aws.amazon.com/AmazonECR/latest/userguide/blob-mounting.html
  const opened = await call(what, start, auth, { method: 'POST', timeoutMs: 30_000 }, [401, 403, 404, 405]);
  if (opened.status === 201) return true;
  if (opened.status !== 202) return false;
  const location = header(opened, 'location');
  // Cancelling is a courtesy: a registry expires sessions nobody finishes.
  if (location)
    await call(
      what,
      new URL(location, `https://${auth.registry}/`),
      auth,
      { method: 'DELETE', timeoutMs: 30_000 },
      [404, 405],
    ).catch(() => undefined);
  return false;
}

/** Uploads a blob into `repository`: an upload session (POST), the bytes (PATCH), the digest that closes it (PUT). */
export async function uploadBlob(
  auth: RegistryCredentials,
  repository: string,
  blob: BlobSource,
): Promise<void> {
  const what = `uploading ${repository}@${blob.digest} to`;
  const opened = await call(what, apiUrl(auth, repository, 'blobs/uploads/'), auth, {
    method: 'POST',
    timeoutMs: 30_000,
  });
  const patch = sessionUrl(auth, header(opened, 'location'), what);
  const body =
    'file' in blob
      ? { file: blob.file, size: blob.size, mediaType: 'application/octet-stream' }
      : { bytes: blob.bytes, mediaType: 'application/octet-stream' };
  const sent = await call(what, patch, auth, { method: 'PATCH', timeoutMs: TIMEOUT_MS, body });
  const close = sessionUrl(auth, header(sent, 'location') ?? patch.toString(), what);
  close.searchParams.set('digest', blob.digest);
  const closed = await call(what, close, auth, { method: 'PUT', timeoutMs: TIMEOUT_MS });
  const stored = header(closed, 'docker-content-digest');
  if (stored && stored !== blob.digest)
    throw new RegistryFailure(`${what}: the registry stored ${stored}, not ${blob.digest}`, 'transient');
}
