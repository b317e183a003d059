import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from '../diagnostics';
import { Problems } from '../problems';
import { didYouMean } from '../suggest';
import type { ImageBuild } from '../translate/build-plan';
import { outsideRoot } from '../workspace-path';

/** A Dockerfile larger than this is not read for its stage names (docker reads it anyway). */
const MAX_DOCKERFILE_BYTES = 1024 * 1024;

/**
 * What can be known about the builds before anything runs, at the compose lines that name them:
 * each context is a directory and each Dockerfile a file, both inside the workspace when there
 * is one (symlinks followed), and a `target:` is a stage of its Dockerfile.
 */
export function checkBuilds(builds: readonly ImageBuild[], workspace?: string): Diagnostic[] {
  const problems = new Problems(() => undefined);
  const shown = (file: string) => path.relative(workspace ?? '', file) || '.';
  const outside = (file: string) => (workspace === undefined ? undefined : outsideRoot(workspace, file));
  for (const build of builds) {
    const { places } = build;
    const contextOutside = outside(build.context);
    if (contextOutside) {
      problems.error(
        places.context,
        `the build context ${build.context} ${contextOutside}: move it into the workspace`,
      );
      continue;
    }
    if (!isKind(build.context, 'directory')) {
      problems.error(places.context, `no build context directory ${shown(build.context)} in the workspace`);
      continue;
    }
    const dockerfileOutside = outside(build.dockerfile);
    if (dockerfileOutside) {
      problems.error(
        places.dockerfile,
        `the Dockerfile ${build.dockerfile} ${dockerfileOutside}: move it into the workspace`,
      );
      continue;
    }
    if (!isKind(build.dockerfile, 'file')) {
      problems.error(
        places.dockerfile,
        `no Dockerfile ${shown(build.dockerfile)} (dockerfile: is relative to the context ${shown(build.context)})`,
      );
      continue;
    }
    if (build.target !== undefined && places.target) {
      const stages = readStages(build.dockerfile);
      if (stages && !stages.includes(build.target.toLowerCase())) {
        problems.error(
          places.target,
          stages.length === 0
            ? `${shown(build.dockerfile)} names no stage (FROM ... AS <name>): remove target:`
            : `${shown(build.dockerfile)} has no stage "${build.target}"${didYouMean(build.target, stages)} (its stages: ${stages.join(', ')})`,
        );
      }
    }
  }
  return problems.errors;
}

function isKind(file: string, kind: 'file' | 'directory'): boolean {
  try {
    const stat = fs.statSync(file);
    return kind === 'file' ? stat.isFile() : stat.isDirectory();
  } catch {
    return false;
  }
}

/** The stage names of a Dockerfile (`FROM [--flag...] image AS name`), lower case; undefined when unread. */
function readStages(dockerfile: string): string[] | undefined {
  let text: string;
  try {
    if (fs.statSync(dockerfile).size > MAX_DOCKERFILE_BYTES) return undefined;
    text = fs.readFileSync(dockerfile, 'utf8');
  } catch {
    return undefined;
  }
  return stageNames(text);
}

/** Stage names (undefined: cannot tell), from instructions joined across `\` line continuations; comments skipped. */
export function stageNames(text: string): string[] | undefined {
  // With another escape character, lines continue differently: leave the stages to docker.
  if (/^#\s*escape\s*=\s*`/im.test(text)) return undefined;
  const joined = text.replace(/\\\r?\n/g, ' ');
  const names: string[] = [];
  for (const line of joined.split(/\r?\n/)) {
    const match = /^\s*FROM\s+(?:--\S+\s+)*\S+\s+AS\s+(\S+)\s*$/i.exec(line);
    if (match?.[1]) names.push(match[1].toLowerCase());
  }
  return names;
}
