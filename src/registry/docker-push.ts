import { error, UserError } from '../diagnostics';
import type { Log } from '../log';
import { describeExit, runProcess, type ProcessRunner, type RunResult } from '../process';
import { dockerEnvironment } from './login';
import { getManifest, type RegistryCredentials, type RemoteManifest } from './manifest';
import { mapLimit } from '../parallel';
import {
  classifyRegistryOutput,
  DEFAULT_RETRY,
  isImmutableRefusal,
  RegistryFailure,
  retrying,
  type FailureAdvice,
  type RetryPolicy,
  type Sleep,
} from './retry';
import { parsePushDigest } from './tags';
import { tagProblems } from './validate';

/** An image in the local docker engine, to push: an exported Habitat package, or a built one. */
export interface LocalImage {
  /** ECR repository it goes to. */
  repository: string;
  /** Local image id, `sha256:...`. */
  imageId: string;
  /** How messages name it. */
  name: string;
}

/** An image in the registry, pinned by digest. */
export interface PushedImage {
  repository: string;
  /** `<registry>/<repository>` */
  uri: string;
  /** Tags it is under in the registry, in the order asked for. */
  tags: string[];
  /** Manifest digest of the first tag, `sha256:...`. */
  digest: string;
  /** `uri@digest`: what a task definition should use. */
  reference: string;
  /**
   * False when no image was pushed: the registry already held this exact image under every tag,
   * or the image is a released one the registry held (see reuse.ts) and at most tags were added.
   */
  pushed: boolean;
  /** Which tags were pushed (or added to a reused image) this time; the others were already there. */
  pushedTags: string[];
  /** The local image it came from; absent for a reused image, which was not exported. */
  image?: LocalImage;
  /** What pushing it through the registry API cost (api-push.ts); absent when it was not pushed so. */
  upload?: UploadStats;
}

/** Layers of an image pushed through the registry API, and what moved. */
export interface UploadStats {
  layers: number;
  /** Layers uploaded (compressed). */
  layersPushed: number;
  /** Layers the registry already had (in the repository, or mounted from another one). */
  layersPresent: number;
  /** Bytes uploaded: compressed layers, the config, the manifests. */
  bytesPushed: number;
}

export interface PushOptions<T extends LocalImage = LocalImage> {
  /** The registry and the credentials to read its manifests with. */
  login: RegistryCredentials;
  /**
   * Called before the first docker tag or push into a repository, and only then: an image the
   * registry already holds needs neither a repository made nor docker logged in. Resolves to the
   * private docker config that holds the login.
   */
  prepare: (repository: string) => Promise<{ dockerConfigDir: string }>;
  /** Tags to push each image under; see imageTags(). */
  tags: (image: T) => string[];
  /** Images pushed at once. */
  maxParallel: number;
  log: Log;
  retry?: RetryPolicy;
  /** Environment for docker (default process.env). */
  env?: NodeJS.ProcessEnv;
  run?: ProcessRunner;
  sleep?: Sleep;
  /** Reads a tag's manifest from the registry (default: the registry HTTP API). */
  readManifest?: typeof getManifest;
}

/** What a push that finally failed means: the permissions a push needs, and immutable tags. */
const PUSH_ADVICE: FailureAdvice = {
  permissions:
    'ecr:BatchCheckLayerAvailability, ecr:InitiateLayerUpload, ecr:UploadLayerPart, ' +
    'ecr:CompleteLayerUpload, ecr:PutImage, ecr:BatchGetImage',
  fatalHint: (message) =>
    isImmutableRefusal(message)
      ? ': the repository has immutable tags and this tag already names another image; push under a new image-tag'
      : '',
};

interface Context extends Omit<PushOptions, 'tags'> {
  run: ProcessRunner;
  readManifest: typeof getManifest;
  env: NodeJS.ProcessEnv;
  retry: RetryPolicy;
}

/** Docker tag and push run logged in: with the private config that holds the login. */
interface DockerContext extends Context {
  dockerConfigDir: string;
}

/**
 * Tags and pushes every image, at most `maxParallel` at once. A tag whose manifest in the
 * registry already describes the local image is not pushed again. Transient registry errors are
 * retried with capped backoff; refused credentials fail at once.
 */
export async function pushImages<T extends LocalImage>(
  images: readonly T[],
  options: PushOptions<T>,
): Promise<PushedImage[]> {
  const tagLists = images.map((image) => ({ image, tags: options.tags(image) }));
  const problems = tagLists.flatMap(({ image, tags }) => [
    ...(tags.length === 0 ? [error(`${image.repository}: no tag to push it under`)] : []),
    ...tagProblems(image.repository, tags),
  ]);
  if (problems.length > 0) throw new UserError(problems);
  const context: Context = {
    ...options,
    run: options.run ?? runProcess,
    readManifest: options.readManifest ?? getManifest,
    env: options.env ?? process.env,
    retry: options.retry ?? DEFAULT_RETRY,
  };
  return mapLimit(tagLists, options.maxParallel, ({ image, tags }) => pushImage(image, tags, context));
}

async function pushImage(image: LocalImage, tags: string[], ctx: Context): Promise<PushedImage> {
  const { login, log } = ctx;
  const uri = `${login.registry}/${image.repository}`;
  const localId = await localImageId(image, ctx);
  const digests: string[] = [];
  const pushedTags: string[] = [];
  let withLogin: DockerContext | undefined;
  const read = (tag: string) =>
    retrying(() => ctx.readManifest(login, image.repository, tag), `reading ${uri}:${tag}`, ctx, PUSH_ADVICE);
  for (const tag of tags) {
    const remote = await read(tag);
    if (remote && describesImage(remote, localId)) {
      log.debug(`${uri}:${tag} already holds this image (${remote.digest})`);
      digests.push(remote.digest);
      continue;
    }
    withLogin ??= { ...ctx, ...(await ctx.prepare(image.repository)) };
    const dctx = withLogin;
    await docker(dctx, ['tag', localId, `${uri}:${tag}`], `tagging ${image.name} as ${uri}:${tag}`);
    const reported = await retrying(
      () => pushOnce(image.repository, tag, uri, dctx),
      `pushing ${uri}:${tag}`,
      ctx,
      PUSH_ADVICE,
    );
    // Trust the registry, not only docker's word: it must now serve that digest for the tag.
    const served = await read(tag);
    if (!served || (reported && served.digest !== reported)) {
      throw new UserError(
        error(
          `pushed ${uri}:${tag} (docker reported ${reported ?? 'no digest'}) but the registry serves ` +
            `${served ? served.digest : 'no manifest'} for that tag`,
        ),
      );
    }
    log.info(`Pushed ${uri}:${tag} (${served.digest})`);
    digests.push(served.digest);
    pushedTags.push(tag);
  }
  const skipped = tags.filter((tag) => !pushedTags.includes(tag));
  if (skipped.length > 0)
    log.info(`${uri}: the registry already holds this image as ${skipped.join(', ')}: not pushed again`);
  const digest = digests[0] as string;
  if (digests.some((d) => d !== digest))
    log.warning(
      `${uri}: its tags ${tags.join(', ')} have different digests (${digests.join(', ')}); pinning ${digest}`,
    );
  return {
    repository: image.repository,
    uri,
    tags,
    digest,
    reference: `${uri}@${digest}`,
    pushed: pushedTags.length > 0,
    pushedTags,
    image,
  };
}

/** Same image: the manifest's config is the local image id (or, on a containerd store, the id is the manifest). */
export function describesImage(remote: RemoteManifest, localId: string): boolean {
  return remote.configDigest === localId || remote.digest === localId;
}

async function localImageId(image: LocalImage, ctx: Context): Promise<string> {
  const result = await ctx.run('docker', ['image', 'inspect', '--format', '{{.Id}}', image.imageId], {
    env: ctx.env,
    timeoutMs: 60_000,
  });
  const id = result.stdout.trim();
  if (result.exitCode !== 0 || !/^sha256:[a-f0-9]{64}$/.test(id)) {
    throw new UserError(
      error(
        `the image ${image.name} (${image.imageId}) made for ${image.repository} is not in ` +
          `the local docker engine: ${result.tail.join(' ').trim() || describeExit(result)}`,
      ),
    );
  }
  return id;
}

async function docker(ctx: DockerContext, args: string[], what: string): Promise<RunResult> {
  const result = await ctx.run('docker', args, { env: dockerEnvironment(ctx, ctx.env), timeoutMs: 60_000 });
  if (result.exitCode !== 0 || result.timedOut)
    throw new UserError(error(`${what} failed: docker ${describeExit(result)}:\n${result.tail.join('\n')}`));
  return result;
}

async function dockerPush(reference: string, ctx: DockerContext): Promise<string | undefined> {
  const result = await ctx.run('docker', ['push', reference], {
    env: dockerEnvironment(ctx, ctx.env),
    timeoutMs: 30 * 60 * 1000,
    onLine: (line) => ctx.log.debug(line),
  });
  if (result.exitCode === 0 && !result.timedOut) return parsePushDigest(result.stdout);
  // docker prints the reason last, on stderr; progress lines could only confuse the classification.
  const reason = (result.stderr.trim() || result.tail.slice(-3).join('\n')).slice(-2000);
  const kind = result.timedOut ? 'transient' : classifyRegistryOutput(reason);
  throw new RegistryFailure(`docker push ${reference} ${describeExit(result)}: ${reason}`, kind);
}

/**
 * One `docker push`. Docker reports "unauthorized" also when a transient error hid the registry's
 * auth challenge from it (a 5xx on its first `GET /v2/`), so a refusal counts as one only when
 * the registry also refuses our own authenticated request; otherwise it is retried.
 */
async function pushOnce(
  repository: string,
  tag: string,
  uri: string,
  ctx: DockerContext,
): Promise<string | undefined> {
  try {
    return await dockerPush(`${uri}:${tag}`, ctx);
  } catch (e) {
    if (!(e instanceof RegistryFailure) || e.kind !== 'auth') throw e;
    try {
      await ctx.readManifest(ctx.login, repository, tag);
    } catch (check) {
      if (check instanceof RegistryFailure && check.kind === 'auth') throw e;
    }
    throw new RegistryFailure(
      `${e.message} (the registry accepts the credentials: taken as transient)`,
      'transient',
    );
  }
}
