import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { error, UserError } from '../diagnostics';
import type { ExportedImage } from '../habitat/export';
import {
  imageManifest,
  MEDIA_TYPES,
  releaseTime,
  reproducibleConfig,
  sha256,
  ImageConfigError,
  type Descriptor,
} from '../image/config';
import { saveImage } from '../image/docker-save';
import { normalizeLayerFile } from '../image/layer-file';
import { TarFormatError } from '../image/tar-format';
import type { Log } from '../log';
import { blobExists, mountBlob, readBlob, uploadBlob, type BlobSource } from './blobs';
import type { RegistryCredentials } from './http';
import { configDiffIds, learnImage, manifestLayers, type KnownLayers } from './known-layers';
import { getRawManifest, putManifest, type RawManifest } from './manifest';
import type { PushedImage, UploadStats } from './docker-push';
import {
  DEFAULT_RETRY,
  isImmutableRefusal,
  RegistryFailure,
  retrying,
  type FailureAdvice,
  type RetryPolicy,
  type Sleep,
} from './retry';
import { tagProblems } from './validate';

/**
 * Pushes an exported image through the registry API, reproducibly: `docker save`, every layer
 * normalised (image/normalize.ts) and the config rewritten to match (image/config.ts), then only
 * the layers the registry lacks are compressed and uploaded, and the manifest is stored under
 * each tag that does not already name it (one PUT a tag). So an unchanged package's layer costs
 * no upload, an image the registry already holds costs no write at all, and no `docker push`
 * (nor a docker login) is needed.
 */

export interface UploadOptions {
  login: RegistryCredentials;
  /** Before the first write into a repository: makes it when asked (see the registry session). */
  prepare: (repository: string) => Promise<unknown>;
  tags: readonly string[];
  /** Layers known to be in the registry, shared by the images of a run. */
  known: KnownLayers;
  /** Where the saved image and compressed layers go for the while (removed after). */
  workDir: string;
  log: Log;
  /** docker's environment. */
  env: NodeJS.ProcessEnv;
  retry?: RetryPolicy;
  sleep?: Sleep;
  /** The registry and docker, for tests; default the real ones. */
  api?: Partial<RegistryApi>;
}

interface RegistryApi {
  readRawManifest: typeof getRawManifest;
  writeManifest: typeof putManifest;
  readBlob: typeof readBlob;
  blobExists: typeof blobExists;
  mountBlob: typeof mountBlob;
  uploadBlob: typeof uploadBlob;
  saveImage: typeof saveImage;
}

const DEFAULT_API: RegistryApi = {
  readRawManifest: getRawManifest,
  writeManifest: putManifest,
  readBlob,
  blobExists,
  mountBlob,
  uploadBlob,
  saveImage,
};

const ADVICE: FailureAdvice = {
  permissions:
    'ecr:BatchCheckLayerAvailability, ecr:InitiateLayerUpload, ecr:UploadLayerPart, ' +
    'ecr:CompleteLayerUpload, ecr:PutImage, ecr:BatchGetImage, ecr:GetDownloadUrlForLayer',
  fatalHint: (message) =>
    isImmutableRefusal(message)
      ? ': the repository has immutable tags and this tag already names another image; push under a new image-tag'
      : '',
};

interface Context extends UploadOptions {
  api: RegistryApi;
  retry: RetryPolicy;
  repository: string;
  uri: string;
  /** This image's private working directory. */
  tmp: string;
  stats: UploadStats;
  prepared?: Promise<unknown>;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** What the tags name now, and what their images teach about the layers the repository holds. */
async function readTags(
  tags: readonly string[],
  ctx: Context,
): Promise<Map<string, RawManifest | undefined>> {
  const { login, repository } = ctx;
  // `latest` too: where the previous image of the package most likely is, to learn its layers.
  // All at once: each is one round trip to the registry.
  const all = [...new Set([...tags, 'latest'])];
  const raws = await Promise.all(
    all.map((tag) =>
      retrying(
        () => ctx.api.readRawManifest(login, repository, tag),
        `reading ${ctx.uri}:${tag}`,
        ctx,
        ADVICE,
      ),
    ),
  );
  const served = new Map<string, RawManifest | undefined>(all.map((tag, i) => [tag, raws[i]]));
  const seen = new Set<string>();
  for (const raw of served.values()) {
    if (!raw || seen.has(raw.manifest.digest)) continue;
    seen.add(raw.manifest.digest);
    const image = manifestLayers(raw);
    if (!image) continue;
    const config = await retrying(
      () => ctx.api.readBlob(login, repository, image.config).catch((e: unknown) => layersUnknown(e, ctx)),
      `reading ${ctx.uri}@${image.config}`,
      ctx,
      ADVICE,
    );
    const diffIds = config && configDiffIds(config);
    if (diffIds) learnImage(ctx.known, repository, image.layers, diffIds);
  }
  return served;
}

/**
 * A config the credentials may not read: AWS's documented push policy has no
 * ecr:GetDownloadUrlForLayer (https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push-iam.html),
 * so ECR refuses it with 403. That only means its layers are not known in advance: each is then
 * checked (HEAD) before it is uploaded.
 */
function layersUnknown(e: unknown, ctx: Context): undefined {
  if (!(e instanceof RegistryFailure) || e.kind !== 'auth') throw e;
  ctx.log.debug(`${ctx.uri}: cannot read an image config (${e.message}): its layers are checked one by one`);
  return undefined;
}

function prepare(ctx: Context): Promise<unknown> {
  return (ctx.prepared ??= ctx.prepare(ctx.repository));
}

function checked<T>(operation: () => Promise<T>, what: string, ctx: Context): Promise<T> {
  return retrying(operation, what, ctx, ADVICE);
}

/** Uploads a blob unless the repository has it (saying so as `label`, with `note` after, if given); counts what it cost. */
async function ensureBlob(
  blob: BlobSource,
  ctx: Context,
  label?: string,
  note = '',
): Promise<'present' | 'uploaded'> {
  const { login, repository } = ctx;
  const what = `${ctx.uri}@${blob.digest}`;
  if (await checked(() => ctx.api.blobExists(login, repository, blob.digest), `checking ${what}`, ctx))
    return 'present';
  await prepare(ctx);
  if (label) ctx.log.info(`${label}: uploading ${mb(blob.size)} (${blob.digest})${note}`);
  await checked(() => ctx.api.uploadBlob(login, repository, blob), `uploading ${what}`, ctx);
  ctx.stats.bytesPushed += blob.size;
  return 'uploaded';
}

interface PushedLayer {
  diffId: string;
  descriptor: Descriptor;
}

/**
 * One layer into the repository: known there already (nothing to do), known in another
 * repository (mounted, where the registry mounts), else compressed, and uploaded unless the
 * registry has those bytes. The first pass only hashes, unless nothing can be known yet.
 */
async function pushLayer(
  file: string,
  index: number,
  gzipFirst: boolean,
  ctx: Context,
): Promise<PushedLayer> {
  const gzipTo = path.join(ctx.tmp, `layer-${index}.tar.gz`);
  const which = `${ctx.uri}: layer ${index + 1} of ${ctx.stats.layers}`;
  let layer = await normalizeLayerFile(file, gzipFirst ? { gzipTo } : {});
  const { diffId } = layer;
  const known = ctx.known.find(diffId, ctx.repository);
  if (known?.here) {
    ctx.log.debug(`${which} is in the registry (${known.descriptor.digest})`);
    ctx.stats.layersPresent++;
    return { diffId, descriptor: known.descriptor };
  }
  if (known) {
    const { login, repository } = ctx;
    await prepare(ctx);
    const { digest } = known.descriptor;
    const mount = () => ctx.api.mountBlob(login, repository, digest, known.from);
    if (await checked(mount, `mounting ${ctx.uri}@${digest}`, ctx)) {
      ctx.log.debug(`${which} mounted from ${known.from} (${digest})`);
      ctx.stats.layersPresent++;
      ctx.known.learn(diffId, known.descriptor, repository);
      return { diffId, descriptor: known.descriptor };
    }
  }
  if (!layer.blob) layer = await normalizeLayerFile(file, { gzipTo });
  const blob = layer.blob as NonNullable<typeof layer.blob>;
  const descriptor: Descriptor = { mediaType: MEDIA_TYPES.layer, size: blob.size, digest: blob.digest };
  const stored = layer.storedBytes
    ? `; ${mb(layer.storedBytes)} of it files that do not compress, stored as they are`
    : '';
  const how = await ensureBlob({ digest: blob.digest, size: blob.size, file: blob.path }, ctx, which, stored);
  ctx.stats[how === 'present' ? 'layersPresent' : 'layersPushed']++;
  ctx.known.learn(diffId, descriptor, ctx.repository);
  await rm(blob.path, { force: true });
  return { diffId, descriptor };
}

/** Stores the manifest under the tag, unless the tag names it already; checks what the registry says it stored. */
async function tagImage(
  tag: string,
  manifest: { bytes: Buffer; digest: string },
  ctx: Context,
): Promise<void> {
  const { login, repository } = ctx;
  await prepare(ctx);
  const read = () =>
    checked(() => ctx.api.readRawManifest(login, repository, tag), `reading ${ctx.uri}:${tag}`, ctx);
  const stored = await checked(
    () =>
      ctx.api
        .writeManifest(login, repository, tag, { bytes: manifest.bytes, mediaType: MEDIA_TYPES.manifest })
        .catch(async (e: unknown) => {
          // An IMMUTABLE repository refuses to store a tag again even with the same digest
          // (https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html):
          // after a PUT whose answer was lost, the retry is refused though the first one worked.
          if (!(e instanceof RegistryFailure) || e.kind !== 'fatal' || !isImmutableRefusal(e.message))
            throw e;
          if ((await read())?.manifest.digest !== manifest.digest) throw e;
          ctx.log.debug(`${ctx.uri}:${tag} already names ${manifest.digest} (an earlier attempt stored it)`);
          return manifest.digest;
        }),
    `storing ${ctx.uri}:${tag}`,
    ctx,
  );
  ctx.stats.bytesPushed += manifest.bytes.length;
  // Trust the registry, not our own hash: it says which digest it stored; if it says nothing, read it back.
  const served = stored ?? (await read())?.manifest.digest;
  if (served !== manifest.digest)
    throw new UserError(
      error(
        `stored ${ctx.uri}:${tag} as ${manifest.digest} but the registry serves ${served ?? 'no manifest'} for that tag`,
      ),
    );
}

/** Pushes an exported image (see above) under `tags`, and pins it by digest. */
export async function uploadImage(image: ExportedImage, options: UploadOptions): Promise<PushedImage> {
  const { login, log } = options;
  const tags = [...new Set(options.tags)];
  const problems = [
    ...(tags.length === 0 ? [error(`${image.repository}: no tag to push it under`)] : []),
    ...tagProblems(image.repository, tags),
  ];
  if (problems.length > 0) throw new UserError(problems);
  const uri = `${login.registry}/${image.repository}`;
  await mkdir(options.workDir, { recursive: true });
  const tmp = await mkdtemp(path.join(options.workDir, `push-${image.repository.replace(/\//g, '-')}-`));
  const ctx: Context = {
    ...options,
    api: { ...DEFAULT_API, ...options.api },
    retry: options.retry ?? DEFAULT_RETRY,
    repository: image.repository,
    uri,
    tmp,
    stats: { layers: 0, layersPushed: 0, layersPresent: 0, bytesPushed: 0 },
  };
  try {
    const served = await readTags(tags, ctx);
    const saved = await ctx.api.saveImage(image.imageId, path.join(tmp, 'saved'), { env: options.env });
    ctx.stats.layers = saved.layers.length;
    // Compressing while hashing saves a pass when nothing can be known yet (a first push);
    // otherwise hashing first saves compressing the layers the registry has.
    const gzipFirst = ctx.known.size === 0;
    const done = new Map<string, PushedLayer>();
    const layers: PushedLayer[] = [];
    for (const [index, file] of saved.layers.entries()) {
      const layer = done.get(file) ?? (await pushLayer(file, index, gzipFirst, ctx));
      done.set(file, layer);
      layers.push(layer);
    }
    const configBytes = reproducibleConfig(
      saved.config,
      layers.map((l) => l.diffId),
      releaseTime(image.release),
    );
    const config: Descriptor = {
      mediaType: MEDIA_TYPES.config,
      size: configBytes.length,
      digest: sha256(configBytes),
    };
    await ensureBlob({ digest: config.digest, size: config.size, bytes: configBytes }, ctx);
    const bytes = imageManifest(
      config,
      layers.map((l) => l.descriptor),
    );
    const manifest = { bytes, digest: sha256(bytes) };
    const pushedTags: string[] = [];
    for (const tag of tags) {
      if (served.get(tag)?.manifest.digest === manifest.digest) continue;
      await tagImage(tag, manifest, ctx);
      pushedTags.push(tag);
    }
    const { stats } = ctx;
    if (pushedTags.length === 0)
      log.info(`${uri}: the registry already holds this image as ${tags.join(', ')} (${manifest.digest})`);
    else
      log.info(
        `Pushed ${uri}:${pushedTags.join(', ')} (${manifest.digest}): ${stats.layersPushed} of ${stats.layers} layers ` +
          `uploaded (${mb(stats.bytesPushed)}), ${stats.layersPresent} already in the registry`,
      );
    return {
      repository: image.repository,
      uri,
      tags,
      digest: manifest.digest,
      reference: `${uri}@${manifest.digest}`,
      pushed: pushedTags.length > 0,
      pushedTags,
      image,
      upload: stats,
    };
  } catch (e) {
    if (e instanceof TarFormatError || e instanceof ImageConfigError)
      throw new UserError(error(`cannot push ${image.name} (${image.imageId}) reproducibly: ${e.message}`));
    throw e;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
