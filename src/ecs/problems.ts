import type { ComposeProject } from '../compose/types';
import { error, warning, type Diagnostic } from '../diagnostics';

export type KeyPath = readonly (string | number)[];

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
 * Collects the problems of one translation, so a user sees every error of a file at once instead
 * of fixing them one run at a time. Each problem names the key path and, when the loader knows
 * it, the file:line:column it was written at (falling back to the nearest located parent).
 */
export class Problems {
  readonly errors: Diagnostic[] = [];
  readonly warnings: Diagnostic[] = [];

  constructor(private readonly locate: (path: KeyPath) => Diagnostic['location']) {}

  static forProject(project: Pick<ComposeProject, 'locate'>): Problems {
    return new Problems((path) => {
      for (let n = path.length; n > 0; n--) {
        const found = project.locate(path.slice(0, n));
        if (found) return found;
      }
      return undefined;
    });
  }

  error(path: KeyPath, message: string): void {
    this.errors.push(error(message, this.where(path)));
  }

  warn(path: KeyPath, message: string): void {
    this.warnings.push(warning(message, this.where(path)));
  }

  private where(path: KeyPath): Omit<Diagnostic, 'severity' | 'message'> {
    const location = this.locate(path);
    return { path: pathText(path), ...(location && { location }) };
  }
}
