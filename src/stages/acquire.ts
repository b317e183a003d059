import { buildImages, type BuiltImage } from '../docker-build/docker';
import { exportPackages, type ExportedImage } from '../habitat/export';
import type { ExportSettings } from '../habitat/export-command';
import type { Log } from '../log';
import type { ProcessRunner } from '../process';
import { imageStage, type Progress } from '../progress';
import type { getManifest, getRawManifest, putManifest } from '../registry/manifest';
import { pipeline } from '../parallel';
import { KnownLayers } from '../registry/known-layers';
import { pushImages, type PushedImage } from '../registry/docker-push';
import { releasedPackage, reuseReleasedImages } from '../registry/reuse';
import { imageTags } from '../registry/tags';
import { uploadImage, type UploadOptions } from '../registry/api-push';
import { type PackageSource, repositoryOf } from '../translate/habitat/package-source';
import type { ImageBuild } from '../translate/build-plan';
import { pinnedTo, type ResolvedRelease } from './resolve';
import type { RegistrySession } from './session';

export interface AcquireOptions {
  /** Images to build with the Docker engine and push (the build: services); default none. */
  builds?: readonly ImageBuild[];
  /** The run's tags (image-tag, then image-tags and latest); every image is pushed under them. */
  tags: readonly string[];
  /** Also push each image under its `<version>` and `<version>-<release>` tags (push-version-tags). */
  versionTags: boolean;
  /** Pin a released package the registry already holds instead of exporting it again. */
  reuseReleased: boolean;
  /** Packages named without a release, with the release Builder resolved them to (resolveReleases). */
  resolved?: ReadonlyMap<PackageSource, ResolvedRelease>;
  maxParallel: number;
  /** Parent of the exports' (and builds') private working directories. */
  workDir: string;
  /** Relative .hart paths are relative to this. */
  workspace: string;
  /** Where `hab pkg export` installs packages from (channel, Builder). */
  exportSettings: ExportSettings;
  log: Log;
  progress: Progress;
  /** hab and docker: their environment and process runner (default: process.env, real processes). */
  env?: NodeJS.ProcessEnv;
  run?: ProcessRunner;
  /** The registry HTTP API (default: the real one). */
  registryApi?: {
    readManifest?: typeof getManifest;
    readRawManifest?: typeof getRawManifest;
    writeManifest?: typeof putManifest;
  };
  /** The registry API and docker as pushing an exported image uses them (default: the real ones). */
  uploadApi?: UploadOptions['api'];
  /** Before the first export, build or tag (the deploy's deferred checks); default none. */
  beforeChange?: () => Promise<void>;
  /**
   * The ECR repository an image goes to (a preview's own, preview-names.ts); default its own
   * name. The images returned keep their own names, which the task definition is pinned by.
   */
  repositoryName?: (repository: string) => string;
}

/**
 * Every package's image in the registry, pinned by digest, in the order of the packages, then
 * every built image: a released image the registry already holds is reused, the others are
 * exported (one at a time) and built (up to maxParallel at once) side by side, and each pushes as
 * soon as it is there, while the next one is made.
 */
export async function acquireImages(
  packages: readonly PackageSource[],
  session: RegistrySession,
  options: AcquireOptions,
): Promise<PushedImage[]> {
  const { log, progress } = options;
  const api = options.registryApi ?? {};
  const processes = { ...(options.env && { env: options.env }), ...(options.run && { run: options.run }) };
  // The same tags for an exported image and a reused one: the run's tags, plus the version tags.
  const tagsFor = (image: Pick<ExportedImage, 'tags' | 'version' | 'release'>): string[] => [
    ...new Set([
      ...options.tags,
      ...imageTags(image, { version: options.versionTags, versionRelease: options.versionTags }),
    ]),
  ];

  const own = new Map<string, string>();
  const toEcr = (repository: string): string => {
    const name = options.repositoryName?.(repository) ?? repository;
    own.set(name, repository);
    return name;
  };
  const asOwn = (p: PushedImage): PushedImage => ({
    ...p,
    repository: own.get(p.repository) ?? p.repository,
  });

  // Layers the registry holds, learnt as images are read and pushed: shared by the run's images.
  const known = new KnownLayers();
  // A resolved package is looked for in the registry at its release; when it is not there, it is
  // exported as named, exactly as without resolving (the exporter asks Builder again itself).
  const asNamed = new Map<PackageSource, PackageSource>();
  const candidates = packages.map((p) => {
    const release = options.resolved?.get(p);
    if (!release) return p;
    const pinned = pinnedTo(p, release);
    asNamed.set(pinned, p);
    return pinned;
  });
  let reused: PushedImage[] = [];
  let toExport: readonly PackageSource[] = packages;
  if (options.reuseReleased && candidates.some((p) => releasedPackage(p) !== undefined)) {
    ({ reused, toExport } = await log.group('Reuse', async () =>
      reuseReleasedImages(candidates, {
        login: await session.credentials(),
        tags: tagsFor,
        maxParallel: options.maxParallel,
        log,
        ...(options.beforeChange && { beforeWrite: options.beforeChange }),
        repositoryName: toEcr,
        ...api,
      }),
    ));
    reused = reused.map(asOwn);
    if (reused.length > 0) progress.record(`${reused.length} released image(s) found in the registry`);
    toExport = toExport.map((p) => asNamed.get(p) ?? p);
  }

  const builds = options.builds ?? [];
  if (toExport.length > 0 || builds.length > 0) {
    await options.beforeChange?.();
    // The registry's token is fetched, and masked, before hab or docker starts: nothing they
    // print (a build's RUN step, a package's hook) can show it in clear.
    await session.credentials();
  }
  const made =
    toExport.length === 0 && builds.length === 0
      ? []
      : await log.group(imageStage({ exports: toExport.length > 0, builds: builds.length > 0 }), () =>
          pipeline<Made, { made: Made; pushed: PushedImage }>(
            (emit) => makeImages(toExport, builds, emit, options, processes),
            options.maxParallel,
            async (one) => {
              // Exported images go through the registry API, reproducibly; built ones through docker push.
              if (one.kind === 'exported') {
                const pushed = await uploadImage(
                  { ...one.image, repository: toEcr(one.image.repository) },
                  {
                    login: await session.credentials(),
                    prepare: (repository) => session.repository(repository),
                    tags: tagsFor(one.image),
                    known,
                    workDir: options.workDir,
                    log,
                    env: options.env ?? process.env,
                    ...(options.uploadApi && { api: options.uploadApi }),
                  },
                );
                return { made: one, pushed: asOwn(pushed) };
              }
              const [pushed] = await pushImages([{ ...one.image, repository: toEcr(one.image.repository) }], {
                login: await session.credentials(),
                prepare: (repository) => session.prepare(repository),
                tags: () => [...options.tags],
                maxParallel: 1,
                log,
                ...processes,
                ...(api.readManifest && { readManifest: api.readManifest }),
              });
              if (!pushed) throw new Error(`no push result for ${one.image.repository}`);
              return { made: one, pushed: asOwn(pushed) };
            },
          ),
        );
  const exported = made.filter((m) => m.made.kind === 'exported').length;
  if (exported > 0) progress.record(`${exported} package(s) exported`);
  if (made.length > exported) progress.record(`${made.length - exported} image(s) built`);
  const pushedCount = made.filter((m) => m.pushed.pushed).length;
  if (pushedCount > 0) progress.record(`${pushedCount} image(s) pushed`);
  // In the order of the packages, then of the builds, whichever way each image came.
  const order = (image: PushedImage) => {
    const p = packages.findIndex((source) => repositoryOf(source) === image.repository);
    return p >= 0 ? p : packages.length + builds.findIndex((b) => b.repository === image.repository);
  };
  return [...reused, ...made.map((m) => m.pushed)].sort((a, b) => order(a) - order(b));
}

/** A local image to push: an exported package's, or a built one. */
type Made = { kind: 'exported'; image: ExportedImage } | { kind: 'built'; image: BuiltImage };

/**
 * Exports (one at a time) and builds side by side, handing each image on as it is made. Once
 * either fails, or a push has (emit throws), neither starts another; both are waited for, and
 * the first failure is thrown.
 */
async function makeImages(
  packages: readonly PackageSource[],
  builds: readonly ImageBuild[],
  emit: (made: Made) => void,
  options: AcquireOptions,
  processes: Pick<AcquireOptions, 'env' | 'run'>,
): Promise<void> {
  let failure: { error: unknown } | undefined;
  const hand = (made: Made): void => {
    if (failure) throw failure.error;
    emit(made);
  };
  const side = (work: () => Promise<unknown>): Promise<void> =>
    work().then(
      () => undefined,
      (e: unknown) => {
        failure ??= { error: e };
      },
    );
  await Promise.all([
    packages.length > 0 &&
      side(() =>
        exportPackages(packages, {
          workDir: options.workDir,
          log: options.log,
          workspace: options.workspace,
          settings: options.exportSettings,
          onExported: (image) => hand({ kind: 'exported', image }),
          ...processes,
        }),
      ),
    builds.length > 0 &&
      side(() =>
        buildImages(builds, {
          workDir: options.workDir,
          log: options.log,
          maxParallel: options.maxParallel,
          onBuilt: (image) => hand({ kind: 'built', image }),
          ...processes,
        }),
      ),
  ]);
  if (failure) throw failure.error;
}
