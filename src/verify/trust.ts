/** Whether a role's trust policy lets a service assume it. Pure. */

export const ECS_TASKS = 'ecs-tasks.amazonaws.com';

export type Trust = { trusted: true } | { trusted: false; reason: 'unreadable' | 'no-statement' | 'denied' };

interface Statement {
  Effect?: unknown;
  Principal?: unknown;
  Action?: unknown;
}

/**
 * Reads an AssumeRolePolicyDocument as IAM's GetRole returns it (URL-encoded JSON; plain JSON is
 * taken too) and says whether `service` may call sts:AssumeRole: an Allow statement naming the
 * service (or `*`) and the action, and no Deny that does. Conditions are not evaluated: the ones
 * ECS's documentation suggests (aws:SourceAccount, aws:SourceArn) hold for the account's own tasks.
 */
export function trustOf(document: string, service: string = ECS_TASKS): Trust {
  const policy = parsePolicy(document);
  if (!policy) return { trusted: false, reason: 'unreadable' };
  const raw = (policy as { Statement?: unknown }).Statement;
  const statements = (Array.isArray(raw) ? raw : [raw]).filter(
    (s): s is Statement => typeof s === 'object' && s !== null,
  );
  const applies = (s: Statement) => namesService(s.Principal, service) && assumes(s.Action);
  if (statements.some((s) => s.Effect === 'Deny' && applies(s))) return { trusted: false, reason: 'denied' };
  if (statements.some((s) => s.Effect === 'Allow' && applies(s))) return { trusted: true };
  return { trusted: false, reason: 'no-statement' };
}

function parsePolicy(document: string): object | undefined {
  for (const text of [decode(document), document]) {
    try {
      const value: unknown = JSON.parse(text ?? '');
      if (typeof value === 'object' && value !== null) return value;
    } catch {
      // the other form, or unreadable
    }
  }
  return undefined;
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function list(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function namesService(principal: unknown, service: string): boolean {
  if (principal === '*') return true;
  if (typeof principal !== 'object' || principal === null) return false;
  return list((principal as { Service?: unknown }).Service).includes(service);
}

function assumes(action: unknown): boolean {
  return list(action).some((a) => ['sts:assumerole', 'sts:*', '*'].includes(a.toLowerCase()));
}
