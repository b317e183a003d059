import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkBuilds } from '../docker-build/check';
import { formatDiagnostic, UserError } from '../diagnostics';
import type { RunContext } from '../action/github-context';
import type { Config } from '../inputs/config';
import type { Log } from '../log';
import { validateImagePlan } from '../registry/validate';
import { ecrRegistry } from '../translate/image-plan';
import type { ImageBuild } from '../translate/build-plan';
import type { PackageSource } from '../translate/habitat/package-source';
import type { TranslatedProject } from '../translate/project';
import { checkAgainstTask } from './check-task';
import { translateConfig } from './request';

export interface DeployPlan {
  /** Every package to export or reuse, in order: the given ones plus those named only by x-habitat. */
  packages: PackageSource[];
  /** Every image to build from a build: service (with the build input on), once per repository. */
  builds: ImageBuild[];
  /** The registry the images are named after until a login names the real one. */
  registry: string;
  /** The translation with those names: what verify checks in the account, and what the inputs
   * that name containers were checked against. */
  translated: TranslatedProject;
}

/**
 * Everything checkable, checked before the first side effect: the compose files and ecs-params
 * translate, the packages and tags make a valid set of images, and the build contexts and
 * Dockerfiles are there. Prints the warnings.
 */
export function planDeploy(config: Config, run: RunContext, log: Log): DeployPlan {
  // The account asked for, or a stand-in: only the names of the images depend on it.
  const registry = ecrRegistry(config.accountId ?? '000000000000', config.region);
  const planned = translateConfig(config, run, registry);
  for (const w of planned.warnings) log.warning(formatDiagnostic(w), w);
  const problems = [
    ...validateImagePlan({
      packages: planned.packages.map((source) => ({ source, input: 'habitat-packages' })),
      tags: [config.imageTag],
      tagsInput: 'image-tag',
      workspace: run.workspace,
      fileExists: (f) => fs.existsSync(path.resolve(run.workspace, f)),
    }),
    ...checkBuilds(planned.builds, run.workspace),
  ];
  const fit = checkAgainstTask(planned.taskDefinition, config.serviceSettings, config.runBeforeDeploy);
  for (const w of fit.warnings) log.warning(formatDiagnostic(w), w);
  problems.push(...fit.errors);
  if (problems.length > 0) throw new UserError(problems);
  return {
    packages: planned.packages,
    builds: planned.builds,
    registry,
    translated: planned,
  };
}
