import * as fs from 'node:fs';
import { checkBuilds } from '../docker-build/check';
import { formatDiagnostic, UserError } from '../diagnostics';
import type { OneOffTask } from '../ecs/run-task';
import type { ServiceSettings } from '../ecs/settings';
import type { Log } from '../log';
import { validateImagePlan } from '../registry/validate';
import type { ImageBuild } from '../translate/build-plan';
import type { PackageSource } from '../translate/habitat/package-source';
import { containersView, type TranslatedProject } from '../translate/project';
import { checkAgainstTask } from './check-task';
import { requestRegistry, translateRequest, type Request } from './request';

export interface Preflight {
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

/** What a deploy does with the task besides registering it: checked against the translation. */
export interface ServiceUse {
  settings: ServiceSettings;
  oneOffs: readonly OneOffTask[];
}

/**
 * Everything checkable, checked before the first side effect: the compose files and ecs-params
 * translate, the packages and tags make a valid set of images, the build contexts and
 * Dockerfiles are there, and what the service does with the task fits it. Prints the warnings.
 */
export function preflight(request: Request, log: Log, use?: ServiceUse): Preflight {
  // The account asked for, or a stand-in: only the names of the images depend on it.
  const registry = requestRegistry(request);
  const planned = translateRequest(request, registry);
  for (const w of planned.warnings) {
    // The translation's notices say what it did for the user: nothing to fix.
    if (w.severity === 'notice') log.info(formatDiagnostic(w));
    else log.warning(formatDiagnostic(w), w);
  }
  const problems = [
    ...validateImagePlan({
      packages: planned.packages.map((source) => ({ source, input: 'habitat-packages' })),
      tags: [request.imageTag],
      tagsInput: 'image-tag',
      ...(request.root !== undefined && { workspace: request.root }),
      fileExists: (f) => fs.existsSync(f),
    }),
    ...checkBuilds(planned.builds, request.root),
  ];
  if (use) {
    const fit = checkAgainstTask(containersView(planned), use.settings, use.oneOffs);
    for (const w of fit.warnings) log.warning(formatDiagnostic(w), w);
    problems.push(...fit.errors);
  }
  if (problems.length > 0) throw new UserError(problems);
  return {
    packages: planned.packages,
    builds: planned.builds,
    registry,
    translated: planned,
  };
}
