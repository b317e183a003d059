import * as path from 'node:path';
import { error, type Diagnostic } from '../diagnostics';
import type { InputName } from '../inputs/spec';
import { type PackageSource, repositoryOf } from '../translate/habitat/package-source';
import { isValidRepositoryName, isValidTag } from '../translate/image-name';
import { outsideRoot } from '../workspace-path';

/**
 * Everything about the images that can be checked before the first side effect (no hab, no
 * AWS, no docker): package idents, .hart paths, repository names, tags.
 */

// Package idents themselves are checked where they are parsed (habitat/package-source.ts).

export interface ImagePlanInput {
  packages: readonly { source: PackageSource; input?: InputName; path?: string }[];
  /** Tags every image gets (e.g. the image-tag input). */
  tags: readonly string[];
  /** GITHUB_WORKSPACE: .hart files must be inside it, symlinks followed; unset (the CLI): anywhere. */
  workspace?: string;
  /** Action input the tags came from, for messages. */
  tagsInput?: InputName;
  /** When given, .hart files must exist (e.g. fs.existsSync). */
  fileExists?: (file: string) => boolean;
}

export function tagProblem(tag: string): string | undefined {
  if (isValidTag(tag)) return undefined;
  return (
    `"${tag}" is not a valid image tag: use up to 128 letters, digits, "_", "." and "-", ` +
    'not starting with "." or "-"'
  );
}

/** One error for each invalid tag an image of `repository` would get, naming the repository. */
export function tagProblems(repository: string, tags: readonly string[]): Diagnostic[] {
  return tags.flatMap((tag) => {
    const problem = tagProblem(tag);
    return problem ? [error(`${repository}: ${problem}`)] : [];
  });
}

/** All problems found; empty when the plan can go ahead. */
export function validateImagePlan(plan: ImagePlanInput): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const seen = new Map<string, string>();
  for (const { source, input, path: keyPath } of plan.packages) {
    const where = { ...(input ? { input } : {}), ...(keyPath ? { path: keyPath } : {}) };
    const label = source.kind === 'hart' ? source.path : `${source.origin}/${source.name}`;
    const add = (message: string) => problems.push(error(`${label}: ${message}`, where));
    if (source.kind === 'hart') {
      const absolute = path.resolve(plan.workspace ?? '', source.path);
      const outside = plan.workspace === undefined ? undefined : outsideRoot(plan.workspace, source.path);
      if (outside) add(`the .hart file ${outside}: move it into the workspace`);
      else if (plan.fileExists && !plan.fileExists(absolute)) add(`no such file: ${absolute}`);
      if (!source.path.endsWith('.hart')) add('a package file must end in .hart');
    }
    const repository = repositoryOf(source);
    if (!isValidRepositoryName(repository))
      add(
        `"${repository}" is not a valid ECR repository name: each part must start and end with a ` +
          'letter or digit, with single ".", "_" or "-" between',
      );
    const earlier = seen.get(repository);
    if (earlier !== undefined && earlier !== label)
      add(`it goes to the same repository "${repository}" as ${earlier}: export each package once`);
    seen.set(repository, label);
  }
  for (const tag of plan.tags) {
    const problem = tagProblem(tag);
    if (problem) problems.push(error(problem, plan.tagsInput ? { input: plan.tagsInput } : {}));
  }
  return problems;
}
