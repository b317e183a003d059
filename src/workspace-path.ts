import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Why `file` (absolute, or relative to `root`) is not inside `root`, or undefined when it is.
 * `..` and absolute paths are judged as written; a file that exists is judged again with every
 * symlink resolved, so a link in the workspace cannot lead to a file outside it. A file that does
 * not exist is left to whoever reads it to report.
 */
export function outsideRoot(root: string, file: string): string | undefined {
  const absolute = path.resolve(root, file);
  if (!contains(path.resolve(root), absolute)) return `is outside ${root}`;
  let real: string;
  try {
    real = fs.realpathSync(absolute);
  } catch {
    return undefined;
  }
  if (!contains(realRoot(root), real)) return `is a symlink to ${real}, outside ${root}`;
  return undefined;
}

/** `dir` itself or anything under it; `..foo` is a name, not a way up. */
function contains(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative === '' || (!path.isAbsolute(relative) && relative.split(path.sep)[0] !== '..');
}

function realRoot(root: string): string {
  try {
    return fs.realpathSync(root);
  } catch {
    return path.resolve(root);
  }
}
