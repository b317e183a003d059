import type { ComposeProject } from './compose/types';
import { error, warning, type Diagnostic, type SourceLocation } from './diagnostics';

export type KeyPath = readonly (string | number)[];

/** `['services', 'web', 'ports', 0]` -> `services.web.ports[0]`, the form diagnostics use. */
function pathText(path: KeyPath): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? part : `.${part}`;
  }
  return text;
}

/**
 * Where a diagnostic about `path` points: the path as text, and where it was written, or (for a
 * path that was not, like a missing key) where its nearest written parent was, at worst the
 * document itself (so a file that is not even a mapping is still named).
 */
export function placeOf(
  locate: (path: KeyPath) => SourceLocation | undefined,
  path: KeyPath,
): Pick<Diagnostic, 'location' | 'path'> {
  let location: SourceLocation | undefined;
  for (let n = path.length; n >= 0 && !location; n--) location = locate(path.slice(0, n));
  return { path: pathText(path), ...(location && { location }) };
}

/**
 * Collects the problems of one translation, so a user sees every error of a file at once instead
 * of fixing them one run at a time. Each problem names the key path and, when the loader knows
 * it, the file:line:column it was written at (falling back to the nearest located parent).
 */
export class Problems {
  readonly errors: Diagnostic[] = [];
  readonly warnings: Diagnostic[] = [];

  /** `locate` finds where a key path was written; a path that was not (a missing key) is placed at its nearest written parent. */
  constructor(private readonly locate: (path: KeyPath) => SourceLocation | undefined) {}

  static forProject(project: Pick<ComposeProject, 'locate'>): Problems {
    return new Problems((path) => project.locate(path));
  }

  error(path: KeyPath, message: string): void {
    this.errors.push(error(message, placeOf(this.locate, path)));
  }

  warn(path: KeyPath, message: string): void {
    this.warnings.push(warning(message, placeOf(this.locate, path)));
  }
}
