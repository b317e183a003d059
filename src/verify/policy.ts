/**
 * Whether a role's own policies allow an action on a resource (pure): the part of IAM's policy
 * evaluation that the policies' text decides, as IAM describes it
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html):
 * an explicit Deny wins, else an Allow is needed; Action and Resource match with `*` and `?`,
 * actions without regard to case; NotAction and NotResource match what they do not name.
 * A statement with a Condition may or may not apply, so it decides nothing for sure.
 * What the text cannot tell (a bucket policy, permission boundaries, SCPs) is for the caller to say.
 */

export type Access = 'allowed' | 'denied' | 'not-allowed' | 'conditional';

interface Statement {
  Effect?: unknown;
  Action?: unknown;
  NotAction?: unknown;
  Resource?: unknown;
  NotResource?: unknown;
  Condition?: unknown;
}

/** Policy documents as IAM returns them (URL-encoded JSON, or plain JSON). */
export function accessOf(documents: readonly string[], action: string, resource: string): Access {
  const statements = documents.flatMap(statementsOf);
  const applies = (s: Statement) =>
    matchesAny(s.Action, s.NotAction, action, true) && matchesAny(s.Resource, s.NotResource, resource, false);
  const conditional = (s: Statement) => typeof s.Condition === 'object' && s.Condition !== null;
  const relevant = statements.filter(applies);
  if (relevant.some((s) => s.Effect === 'Deny' && !conditional(s))) return 'denied';
  if (relevant.some((s) => s.Effect === 'Allow' && !conditional(s))) return 'allowed';
  if (relevant.some(conditional)) return 'conditional';
  return 'not-allowed';
}

function statementsOf(document: string): Statement[] {
  let policy: unknown;
  for (const text of [safeDecode(document), document]) {
    try {
      policy = JSON.parse(text ?? '');
      break;
    } catch {
      // the other form, or unreadable
    }
  }
  const raw = (policy as { Statement?: unknown } | undefined)?.Statement;
  return (Array.isArray(raw) ? raw : [raw]).filter(
    (s): s is Statement => typeof s === 'object' && s !== null,
  );
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** `named` (or, when absent, everything but `notNamed`) matches `value`. */
function matchesAny(named: unknown, notNamed: unknown, value: string, ignoreCase: boolean): boolean {
  const match = (patterns: unknown) => list(patterns).some((p) => glob(p, value, ignoreCase));
  if (named !== undefined) return match(named);
  if (notNamed !== undefined) return !match(notNamed);
  return false;
}

function list(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function glob(pattern: string, value: string, ignoreCase: boolean): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, ignoreCase ? 'i' : '').test(value);
}
