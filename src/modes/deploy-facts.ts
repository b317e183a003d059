import type { ECRClient } from '@aws-sdk/client-ecr';
import * as path from 'node:path';
import type { RunContext } from '../inputs/run-context';
import type { ServiceConfig } from '../inputs/parse';
import type { Log } from '../log';
import type { Progress } from '../progress';
import type { PushedImage } from '../registry/docker-push';
import type { LoginState } from '../registry/login';
import { acquireImages } from '../stages/acquire';
import type { Preflight } from '../stages/preflight';
import { resolveReleases, type ResolvedRelease } from '../stages/resolve';
import { openRegistrySession } from '../stages/session';
import type { PackageSource } from '../translate/habitat/package-source';
import { previewRepository } from '../translate/preview-names';
import { inlineCode, markdownText } from '../markdown';
import type { RunReport } from './report';

/** What only the Actions runner gives a deploy, passed in so that no stage reads the runner. */
export interface RunnerSide {
  /** The runner's temp directory (RUNNER_TEMP): the private docker config and the exports go there. */
  tempDir: string;
  /** Records a docker login for the post step, which undoes it. */
  saveLoginState: (state: LoginState) => void;
}

/** Tags of what a deploy registers or creates: where it came from. */
export function runTags(run: RunContext): Record<string, string> {
  return {
    'habitat-ecs-deploy:commit': run.sha,
    'habitat-ecs-deploy:ref': run.ref,
    ...(run.runUrl && { 'habitat-ecs-deploy:run': run.runUrl }),
  };
}

export function deployNotes(config: ServiceConfig, run: RunContext): string[] {
  const tags = [config.imageTag, ...config.extraTags].map((t) => inlineCode(t)).join(', ');
  if (config.preview) {
    return [
      `Preview of pull request #${config.preview.number}: service ${inlineCode(config.service)}, images tagged ${tags}.`,
    ];
  }
  if (run.ref.startsWith('refs/tags/'))
    return [`Release ${markdownText(run.ref.slice('refs/tags/'.length))}: images pushed as ${tags}.`];
  return [];
}

/** The images of a deploy, in either layout: in the registry, and the registry's name. */
export interface DeployImages {
  images: PushedImage[];
  registry: string;
  /** Packages named without a release, and the release Builder resolved each to. */
  resolved?: ReadonlyMap<PackageSource, ResolvedRelease>;
}

/**
 * Every image of the deploy in the registry: packages resolved through Builder (part of reusing
 * released images, and off with it), reused, else exported or built, and pushed.
 */
export async function deployImages(
  ecr: ECRClient,
  config: ServiceConfig,
  run: RunContext,
  runner: RunnerSide,
  plan: Preflight,
  context: { beforeChange: () => Promise<void>; log: Log; progress: Progress },
): Promise<DeployImages> {
  const { log } = context;
  const session = openRegistrySession(ecr, {
    ...(config.accountId && { accountId: config.accountId }),
    ...(config.createRepositories && { createRepositories: config.repository }),
    tempDir: runner.tempDir,
    saveState: runner.saveLoginState,
    log,
  });
  const resolved = config.reuseReleasedImages
    ? await resolveReleases(plan.packages, {
        settings: config.habitatExport,
        log,
        maxParallel: config.maxParallel,
      })
    : undefined;
  // A preview pushes to repositories of its own, which its role may write and production never reads.
  const suffix = config.previewSuffix;
  const images = await acquireImages(plan.packages, session, {
    builds: plan.builds,
    tags: [config.imageTag, ...config.extraTags],
    versionTags: config.pushVersionTags,
    reuseReleased: config.reuseReleasedImages,
    ...(resolved && { resolved }),
    maxParallel: config.maxParallel,
    workDir: path.join(runner.tempDir, 'habitat-ecs-deploy', 'export'),
    workspace: run.workspace,
    exportSettings: config.habitatExport,
    ...(suffix !== undefined && { repositoryName: (r: string) => previewRepository(r, suffix) }),
    ...context,
  });
  const registry = images.length > 0 ? (await session.credentials()).registry : plan.registry;
  return { images, registry, ...(resolved && { resolved }) };
}

/** What the report says of each image: pushed or already there, and the layers moved. */
export function pushReport(images: readonly PushedImage[]): NonNullable<RunReport['pushes']> {
  return images.map((p) => ({
    repository: p.repository,
    reference: p.reference,
    pushed: p.pushed,
    ...(p.upload && {
      layers: {
        total: p.upload.layers,
        pushed: p.upload.layersPushed,
        present: p.upload.layersPresent,
        bytes: p.upload.bytesPushed,
      },
    }),
  }));
}
