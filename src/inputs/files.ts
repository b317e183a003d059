import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  type PackageSource,
  PackageSpecError,
  parsePackageSource,
} from '../translate/habitat/package-source';
import type { InputName } from './spec';
import { outsideRoot } from '../workspace-path';

/**
 * The inputs that name files: compose files, ecs-params, env-file and .hart packages. Each must be
 * inside the workspace, symlinks followed, since the action (or hab) reads it.
 */

export type Fail = (name: InputName, message: string) => void;

/** A file the action reads must exist, and be inside the workspace (symlinks followed). */
export function checkFile(file: string, name: InputName, workspace: string, fail: Fail): void {
  const outside = outsideRoot(workspace, file);
  if (outside) {
    fail(name, `${file} ${outside}: give a file inside the workspace (paths are relative to it)`);
    return;
  }
  let isFile = false;
  try {
    isFile = fs.statSync(path.resolve(workspace, file)).isFile();
  } catch {
    isFile = false;
  }
  if (!isFile) fail(name, `${file}: no such file (paths are relative to ${workspace})`);
}

export function optionalFile(
  value: string,
  name: InputName,
  workspace: string,
  fail: Fail,
): string | undefined {
  if (value === '') return undefined;
  checkFile(value, name, workspace, fail);
  return value;
}

/** Package lines; `.hart` lines may be globs (`*`, `?` in the file name) and must stay inside the workspace. */
export function readPackages(
  lines: readonly string[],
  workspace: string,
  lenient: boolean,
  fail: Fail,
): PackageSource[] {
  const sources: PackageSource[] = [];
  for (const line of lines) {
    if (lenient && line.endsWith('.hart') && /[*?[]/.test(line)) continue;
    const specs = line.endsWith('.hart') && !lenient ? expandHarts(line, workspace, fail) : [line];
    for (const spec of specs) {
      try {
        sources.push(parsePackageSource(spec));
      } catch (e) {
        if (!(e instanceof PackageSpecError)) throw e;
        fail('habitat-packages', e.message);
      }
    }
  }
  return sources;
}

function expandHarts(pattern: string, workspace: string, fail: Fail): string[] {
  const absolute = path.resolve(workspace, pattern);
  const relative = path.relative(workspace, absolute);
  const outside = (file: string): boolean => {
    const why = outsideRoot(workspace, file);
    if (why) fail('habitat-packages', `${file} ${why}: .hart files must be inside the workspace`);
    return why !== undefined;
  };
  if (outside(pattern)) return [];
  const dir = path.dirname(absolute);
  const base = path.basename(absolute);
  if (/[*?[]/.test(path.dirname(relative))) {
    fail('habitat-packages', `${pattern}: wildcards are allowed in the file name only, e.g. results/*.hart`);
    return [];
  }
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    names = [];
  }
  const matcher = new RegExp(
    `^${base
      .replace(/[.+^${}()|\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')
      .replace(/\?/g, '[^/]')}$`,
  );
  const found = names.filter((n) => matcher.test(n)).sort();
  if (found.length === 0) {
    fail('habitat-packages', `${pattern}: no such .hart file (build it first with hab pkg build)`);
  }
  // hab reads the file: a symlink out of the workspace is refused like a path that leaves it.
  return found.map((n) => path.join(path.dirname(relative), n)).filter((file) => !outside(file));
}
