import { error, notice, warning, type Diagnostic, type SourceLocation } from './diagnostics';

export type KeyPath = readonly (string | number)[];

/**
 * Where a value was written: its key path and the file:line:column found for it when it was read.
 * The canonical compose pass gives each value one, so a translation that complains about it
 * points at the spot the user wrote, whatever form (short or long) it was written in.
 */
export interface Place {
  readonly path: KeyPath;
  readonly location?: SourceLocation;
}

/** `['services', 'web', 'ports', 0]` -> `services.web.ports[0]`, the form diagnostics use. */
export function pathText(path: KeyPath): string {
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

  static forProject(project: { locate(path: KeyPath): SourceLocation | undefined }): Problems {
    return new Problems((path) => project.locate(path));
  }

  /** The place of `path`, found now, for a value that is reported on later. */
  place(path: KeyPath): Place {
    const { location } = placeOf(this.locate, path);
    return { path, ...(location && { location }) };
  }

  error(at: KeyPath | Place, message: string): void {
    this.errors.push(error(message, this.where(at)));
  }

  warn(at: KeyPath | Place, message: string): void {
    this.warnings.push(warning(message, this.where(at)));
  }

  /** What the translation did for the user, with nothing to fix; listed among the warnings, in order. */
  note(at: KeyPath | Place, message: string): void {
    this.warnings.push(notice(message, this.where(at)));
  }

  private where(at: KeyPath | Place): Pick<Diagnostic, 'location' | 'path'> {
    if (!('path' in at)) return placeOf(this.locate, at);
    return { path: pathText(at.path), ...(at.location && { location: at.location }) };
  }
}
