import { explainAwsFailure } from '../aws/errors';
import { error, warning, type Diagnostic } from '../diagnostics';
import type { Place } from './checklist';

/** The error names AWS answers a call the credentials may not make with. */
const DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation']);

function isDenied(e: unknown): boolean {
  return typeof e === 'object' && e !== null && DENIED.has((e as { name?: string }).name ?? '');
}

/** An AWS error's name, e.g. `NoSuchEntityException`. */
export function errorName(e: unknown): string {
  return (typeof e === 'object' && e !== null && (e as { name?: string }).name) || '';
}

/**
 * What the checks found. A denied call is not the user's mistake in the compose file: the denials
 * of one permission become one warning, at the first place it was needed, naming the permission.
 */
export class Findings {
  private readonly list: Diagnostic[] = [];
  private readonly denials = new Map<string, { what: string[]; place: Place }>();

  add(...diagnostics: Diagnostic[]): void {
    this.list.push(...diagnostics);
  }

  /**
   * A call that failed for a reason other than what it looked for not being there: a denial is a
   * warning; throttling, AWS server errors, an endpoint out of reach or missing credentials stop
   * the run (thrown, explained by main like any AWS failure); anything else is an error at the place.
   */
  failed(e: unknown, check: { permission: string; what: string; place: Place }): void {
    if (isDenied(e)) {
      const seen = this.denials.get(check.permission);
      if (seen) seen.what.push(check.what);
      else this.denials.set(check.permission, { what: [check.what], place: check.place });
      return;
    }
    if (explainAwsFailure(e) !== undefined) throw e;
    const message = e instanceof Error ? e.message : String(e);
    this.list.push(
      error(
        `could not check ${check.what}: ${check.permission} failed: ${errorName(e)}: ${message}`,
        check.place,
      ),
    );
  }

  diagnostics(): Diagnostic[] {
    const denied = [...this.denials].map(([permission, { what, place }]) =>
      warning(
        `not checked: ${listText(what)}, because the credentials may not call ${permission}. ` +
          `Allow ${permission} (read-only) to the credentials to have it checked`,
        place,
      ),
    );
    return [...this.list, ...denied];
  }
}

function listText(items: readonly string[]): string {
  const unique = [...new Set(items)];
  return unique.length <= 3
    ? unique.join(', ')
    : `${unique.slice(0, 3).join(', ')} and ${unique.length - 3} more`;
}
