import { exportPackages, type ExportedImage } from '../habitat/export';
import type { ExportSettings } from '../habitat/export-command';
import type { Log } from '../log';
import type { ProcessRunner } from '../process';
import { EXPORT_AND_PUSH, type Progress } from '../progress';
import type { getManifest, getRawManifest, putManifest } from '../registry/manifest';
import { pipeline } from '../registry/parallel';
import { pushImages, type PushedImage } from '../registry/push';
import { releasedPackage, reuseReleasedImages } from '../registry/reuse';
import { imageTags } from '../registry/tags';
import { repositoryOf } from '../translate/habitat/package-source';
import type { PackageSource } from '../translate/habitat/types';
import { pinnedTo, type ResolvedRelease } from './resolve';
import type { RegistrySession } from './session';

export interface AcquireOptions {
  /** The run's tags (image-tag, then image-tags and latest); every image is pushed under them. */
  tags: readonly string[];
  /** Also push each image under its `<version>` and `<version>-<release>` tags (push-version-tags). */
  versionTags: boolean;
  /** Pin a released package the registry already holds instead of exporting it again. */
  reuseReleased: boolean;
  /** Packages named without a release, with the release Builder resolved them to (resolveReleases). */
  resolved?: ReadonlyMap<PackageSource, ResolvedRelease>;
  maxParallel: number;
  /** Parent of the exports' private working directories. */
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
}

/**
 * Every package's image in the registry, pinned by digest, in the order of the packages: a
 * released image the registry already holds is reused, the others are exported, and each
 * pushes as soon as it is exported, while the next one exports.
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
        ...api,
      }),
    ));
    if (reused.length > 0) progress.record(`${reused.length} released image(s) found in the registry`);
    toExport = toExport.map((p) => asNamed.get(p) ?? p);
  }

  const pushed =
    toExport.length === 0
      ? []
      : await log.group(EXPORT_AND_PUSH, () =>
          pipeline<ExportedImage, PushedImage>(
            (emit) =>
              exportPackages(toExport, {
                workDir: options.workDir,
                log,
                workspace: options.workspace,
                settings: options.exportSettings,
                onExported: emit,
                ...processes,
              }).then(() => undefined),
            options.maxParallel,
            async (image) => {
              const [one] = await pushImages([image], {
                login: await session.credentials(),
                prepare: (repository) => session.prepare(repository),
                tags: tagsFor,
                maxParallel: 1,
                log,
                ...processes,
                ...(api.readManifest && { readManifest: api.readManifest }),
              });
              if (!one) throw new Error(`no push result for ${image.repository}`);
              return one;
            },
          ),
        );
  if (pushed.length > 0) progress.record(`${pushed.length} package(s) exported`);
  const pushedCount = pushed.filter((p) => p.pushed).length;
  if (pushedCount > 0) progress.record(`${pushedCount} image(s) pushed`);
  // In the order of the packages, whichever way each image came.
  const order = (image: PushedImage) => packages.findIndex((p) => repositoryOf(p) === image.repository);
  return [...reused, ...pushed].sort((a, b) => order(a) - order(b));
}
