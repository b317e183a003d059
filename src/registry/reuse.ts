import { error, UserError, type Diagnostic } from '../diagnostics';
import { type PackageSource, repositoryOf } from '../translate/habitat/package-source';
import type { Log } from '../log';
import { getManifest, getRawManifest, putManifest, type RegistryCredentials } from './manifest';
import { mapLimit } from '../parallel';
import type { PushedImage } from './docker-push';
import {
  DEFAULT_RETRY,
  isImmutableRefusal,
  RegistryFailure,
  registryUserError,
  retrying,
  withLoggedRetry,
  type FailureAdvice,
  type RetryPolicy,
  type Sleep,
} from './retry';
import { tagProblems } from './validate';

/**
 * Reuse of released images. A Habitat release never changes, so its `<version>-<release>` tag in
 * the registry is the image: pin that, and only add tags, instead of exporting it again (minutes
 * with the real exporter). Pinning also keeps an image pushed before the layers were normalised
 * (api-push.ts), or exported against older base packages, from being replaced by a new digest.
 */

/** A package whose release is known before exporting it (a pinned ident or a .hart file). */
export interface ReleasedPackage {
  source: PackageSource;
  /** `origin/name/version/release`. */
  ident: string;
  /** ECR repository: `origin/name`, lower case. */
  repository: string;
  version: string;
  release: string;
  /** The tags `hab pkg export` gives the image of this release: latest, version, version-release. */
  tags: string[];
}

/** The package's release, if its ident or .hart file name fixes one; pure. */
export function releasedPackage(source: PackageSource): ReleasedPackage | undefined {
  const { version, release } = source;
  if (!version || !release) return undefined;
  return {
    source,
    ident: `${source.origin}/${source.name}/${version}/${release}`,
    repository: repositoryOf(source),
    version,
    release,
    tags: ['latest', version, releaseTag({ version, release })],
  };
}

/** The tag our push gives a release's image (push-version-tags), by which it is found again. */
export function releaseTag(p: { version: string; release: string }): string {
  return `${p.version}-${p.release}`;
}

/** A tag to point at the reused image: missing, or (with `from`) on another image now. */
export interface TagChange {
  tag: string;
  /** The digest the tag names now, when it exists. */
  from?: string;
}

/** The wanted tags that do not already name `digest`, given what each tag serves now; pure. */
export function tagChanges(
  wanted: readonly string[],
  served: ReadonlyMap<string, string | undefined>,
  digest: string,
): TagChange[] {
  return [...new Set(wanted)].flatMap((tag): TagChange[] => {
    const from = served.get(tag);
    if (from === digest) return [];
    return [from === undefined ? { tag } : { tag, from }];
  });
}

/** What to say when an IMMUTABLE repository will not let a tag move to the reused image; pure. */
export function immutableTagProblem(p: {
  uri: string;
  tag: string;
  from: string;
  to: string;
  released: Pick<ReleasedPackage, 'ident' | 'version'>;
}): Diagnostic {
  const fix =
    p.tag === p.released.version
      ? 'set push-version-tags: false, so that the <version> tag is not moved'
      : 'use an image-tag (and image-tags) that the repository does not hold yet';
  return error(
    `cannot point ${p.uri}:${p.tag} at ${p.to} (the image of ${p.released.ident} already in the registry): ` +
      `the tag names ${p.from}, and the ECR repository ${p.uri.slice(p.uri.indexOf('/') + 1)} is IMMUTABLE, ` +
      `so ECR refuses to move it. To fix it, ${fix}`,
  );
}

export interface ReuseOptions {
  login: RegistryCredentials;
  /** Tags the image must carry after this run, given what export would have tagged it (see ReleasedPackage.tags). */
  tags: (image: Pick<ReleasedPackage, 'tags' | 'version' | 'release'>) => string[];
  log: Log;
  /** Packages looked up at once (at least 8: lookups are small reads). */
  maxParallel?: number;
  retry?: RetryPolicy;
  sleep?: Sleep;
  /** Reads a tag's manifest digest (default: the registry HTTP API). */
  readManifest?: typeof getManifest;
  /** Reads a manifest's exact bytes (default: the registry HTTP API). */
  readRawManifest?: typeof getRawManifest;
  /** Stores a manifest under a tag (default: the registry HTTP API). */
  writeManifest?: typeof putManifest;
  /** Before the first tag is written (the deploy's deferred checks). */
  beforeWrite?: () => Promise<void>;
  /** The ECR repository a package's image is looked for in (a preview's own); default its own name. */
  repositoryName?: (repository: string) => string;
}

/** Packages looked up at once, at least (each lookup is a few manifest reads). */
const LOOKUPS = 8;

/** What a read or a tag that finally failed means: the permissions reuse needs. */
const REUSE_ADVICE: FailureAdvice = {
  permissions: 'ecr:BatchGetImage (to read a manifest) or ecr:PutImage (to tag it)',
};

interface Context {
  login: RegistryCredentials;
  log: Log;
  retry: RetryPolicy;
  sleep?: Sleep;
  tags: ReuseOptions['tags'];
  readManifest: typeof getManifest;
  readRawManifest: typeof getRawManifest;
  writeManifest: typeof putManifest;
  beforeWrite: () => Promise<void>;
}

/**
 * Splits the packages into those the registry already holds a release of (reused: pinned by
 * the digest of their `<version>-<release>` tag, with the run's tags added or moved to it) and
 * those to export. Packages without a known release are always exported. Nothing is pushed.
 */
export async function reuseReleasedImages(
  packages: readonly PackageSource[],
  options: ReuseOptions,
): Promise<{ reused: PushedImage[]; toExport: PackageSource[] }> {
  const context: Context = {
    login: options.login,
    log: options.log,
    retry: options.retry ?? DEFAULT_RETRY,
    ...(options.sleep && { sleep: options.sleep }),
    tags: options.tags,
    readManifest: options.readManifest ?? getManifest,
    readRawManifest: options.readRawManifest ?? getRawManifest,
    writeManifest: options.writeManifest ?? putManifest,
    beforeWrite: options.beforeWrite ?? (async () => undefined),
  };
  const rename = options.repositoryName ?? ((r: string) => r);
  const candidates = packages.map((source) => {
    const released = releasedPackage(source);
    return { source, released: released && { ...released, repository: rename(released.repository) } };
  });
  const problems = candidates.flatMap(({ released }) =>
    released ? tagProblems(released.repository, options.tags(released)) : [],
  );
  if (problems.length > 0) throw new UserError(problems);
  // Looking up is a few small reads a package: more at once than exports or pushes.
  const outcomes = await mapLimit(
    candidates,
    Math.max(LOOKUPS, options.maxParallel ?? LOOKUPS),
    ({ released }) => (released ? reuseOne(released, context) : Promise.resolve(undefined)),
  );
  const reused: PushedImage[] = [];
  const toExport: PackageSource[] = [];
  outcomes.forEach((outcome, i) => {
    if (outcome) reused.push(outcome);
    else toExport.push((candidates[i] as { source: PackageSource }).source);
  });
  return { reused, toExport };
}

async function reuseOne(released: ReleasedPackage, ctx: Context): Promise<PushedImage | undefined> {
  const { login, log } = ctx;
  const { repository } = released;
  const uri = `${login.registry}/${repository}`;
  const byRelease = releaseTag(released);
  const read = (tag: string) =>
    retrying(() => ctx.readManifest(login, repository, tag), `reading ${uri}:${tag}`, ctx, REUSE_ADVICE);
  const held = await read(byRelease);
  if (!held) {
    log.info(`${released.ident}: the registry has no ${repository}:${byRelease} yet: exporting it`);
    return undefined;
  }
  const digest = held.digest;
  log.info(`Reusing ${released.ident}: the registry already has ${repository}:${byRelease} (${digest})`);

  const wanted = [...new Set(ctx.tags(released))];
  const served = new Map<string, string | undefined>([[byRelease, digest]]);
  // The other tags at once: a rerun's time is round trips to the registry.
  const others = wanted.filter((t) => !served.has(t));
  const digests = await Promise.all(others.map(async (tag) => (await read(tag))?.digest));
  others.forEach((tag, i) => served.set(tag, digests[i]));
  const changes = tagChanges(wanted, served, digest);
  if (changes.length > 0) {
    // Fetched by digest, so the bytes stored under the new tags are those of the pinned image.
    const manifest = await retrying(
      () => ctx.readRawManifest(login, repository, digest),
      `reading ${uri}@${digest}`,
      ctx,
      REUSE_ADVICE,
    );
    if (!manifest)
      throw new UserError(
        error(`${uri}@${digest} disappeared from the registry while it was being tagged: run again`),
      );
    for (const change of changes) {
      await retagOne(released, uri, change, { digest, manifest }, ctx);
    }
  }
  return {
    repository,
    uri,
    tags: wanted,
    digest,
    reference: `${uri}@${digest}`,
    pushed: false,
    pushedTags: changes.map((c) => c.tag),
  };
}

async function retagOne(
  released: ReleasedPackage,
  uri: string,
  change: TagChange,
  target: { digest: string; manifest: { bytes: Buffer; mediaType: string } },
  ctx: Context,
): Promise<void> {
  const { login, log } = ctx;
  const { repository } = released;
  const { tag } = change;
  await ctx.beforeWrite();
  try {
    await withLoggedRetry(
      () => ctx.writeManifest(login, repository, tag, target.manifest),
      `tagging ${uri}:${tag}`,
      ctx,
    );
  } catch (e) {
    if (change.from && e instanceof RegistryFailure && e.kind === 'fatal' && isImmutableRefusal(e.message))
      throw new UserError(immutableTagProblem({ uri, tag, from: change.from, to: target.digest, released }));
    throw registryUserError(e, `tagging ${uri}:${tag}`, ctx, REUSE_ADVICE);
  }
  // Trust the registry, not the PUT's answer: it must now serve the pinned digest for the tag.
  const now = await retrying(
    () => ctx.readManifest(login, repository, tag),
    `reading ${uri}:${tag}`,
    ctx,
    REUSE_ADVICE,
  );
  if (now?.digest !== target.digest)
    throw new UserError(
      error(
        `tagged ${uri}:${tag} as ${target.digest} but the registry serves ${now?.digest ?? 'nothing'} for it`,
      ),
    );
  log.info(
    change.from
      ? `Moved ${uri}:${tag} from ${change.from} to ${target.digest}`
      : `Tagged ${uri}:${tag} (${target.digest})`,
  );
}
