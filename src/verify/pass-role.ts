import type { EvaluationResult } from '@aws-sdk/client-iam';
import { error, notice, warning } from '../diagnostics';
import type { RoleCheck } from './checklist';
import type { Check, CheckContext } from './context';
import { errorName } from './findings';
import { PERMISSION } from './permissions';
import { parseArn } from './references';
import { ECS_TASKS } from './trust';

const FIX =
  'allow iam:PassRole on the role to the credentials, with the condition iam:PassedToService ' +
  `${ECS_TASKS}, as the PassTaskRoles statement of examples/iam/deploy-policy.json does`;

/**
 * The credentials may pass each role to ECS tasks, which RegisterTaskDefinition needs
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html#specify-task-iam-roles):
 * IAM's policy simulator asked about the caller's own policies
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html).
 */
export function passRoleChecks(roles: readonly RoleCheck[], ctx: CheckContext): Check[] {
  if (roles.length === 0) return [];
  return [
    async () => {
      const caller = await callerArn(roles, ctx);
      if (!caller) return;
      const arns = new Map<string, RoleCheck[]>();
      for (const role of roles) {
        const arn = await roleArn(role, ctx);
        if (arn) arns.set(arn, [...(arns.get(arn) ?? []), role]);
      }
      if (arns.size === 0) return;
      const { IAMClient, SimulatePrincipalPolicyCommand } = await import('../aws/sdk/iam');
      const iam = ctx.clients.get('iam', ctx.region, (o) => new IAMClient(o));
      let results: EvaluationResult[];
      try {
        const answer = await iam.send(
          new SimulatePrincipalPolicyCommand({
            PolicySourceArn: caller,
            ActionNames: ['iam:PassRole'],
            ResourceArns: [...arns.keys()],
            ContextEntries: [
              {
                ContextKeyName: 'iam:PassedToService',
                ContextKeyValues: [ECS_TASKS],
                ContextKeyType: 'string',
              },
            ],
          }),
        );
        results = answer.EvaluationResults ?? [];
      } catch (e) {
        for (const role of roles) {
          // IAM simulates users, groups and roles only (not a federated user's session).
          if (/^(InvalidInput|NoSuchEntity)/.test(errorName(e))) {
            ctx.findings.add(
              notice(
                `not checked: whether the credentials (${caller}) may pass ${what(role)}, as IAM cannot simulate their policies`,
                role.place,
              ),
            );
          } else {
            ctx.findings.failed(e, {
              permission: PERMISSION.simulatePrincipalPolicy,
              what: `whether the credentials may pass ${what(role)}`,
              place: role.place,
            });
          }
        }
        return;
      }
      for (const [arn, uses] of arns) {
        const decision = decisionOn(results, arn);
        if (decision === undefined || decision.decision === 'allowed') continue;
        for (const use of uses) {
          if (decision.missing.length > 0) {
            ctx.findings.add(
              warning(
                `whether the credentials may pass ${what(use)} depends on ${decision.missing.join(', ')}, ` +
                  'which verify cannot know, so it was not checked',
                use.place,
              ),
            );
            continue;
          }
          const why = decision.decision === 'explicitDeny' ? 'a Deny in their policies refuses it' : FIX;
          ctx.findings.add(
            error(
              `the credentials may not pass ${what(use)} (${arn}) to ECS tasks: ECS refuses the task definition ` +
                `without iam:PassRole (${decision.decision}): ${why}`,
              use.place,
            ),
          );
        }
      }
    },
  ];
}

const what = (role: RoleCheck) => `the ${role.kind} role ${role.name}`;

/**
 * The IAM ARN whose policies apply to the caller: a user's own, or, for an assumed-role session
 * (arn:aws:sts::A:assumed-role/R/S), the role's, whose path GetRole gives. Undefined when there
 * is nothing to check (the account's root user may pass any role) or it could not be found.
 */
async function callerArn(roles: readonly RoleCheck[], ctx: CheckContext): Promise<string | undefined> {
  const fail = (e: unknown, permission: string) => {
    for (const role of roles) {
      ctx.findings.failed(e, {
        permission,
        what: `whether the credentials may pass ${what(role)}`,
        place: role.place,
      });
    }
    return undefined;
  };
  const { STSClient, GetCallerIdentityCommand } = await import('../aws/sdk/sts');
  const sts = ctx.clients.get('sts', ctx.region, (o) => new STSClient(o));
  let arn: string;
  try {
    // Needs no permission (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html).
    arn = (await sts.send(new GetCallerIdentityCommand({}))).Arn ?? '';
  } catch (e) {
    return fail(e, 'sts:GetCallerIdentity');
  }
  const parsed = parseArn(arn);
  if (parsed?.service === 'iam' && parsed.resource === 'root') return undefined;
  const session = parsed?.service === 'sts' ? /^assumed-role\/([^/]+)\//.exec(parsed.resource) : null;
  if (!session?.[1]) return arn;
  try {
    return await getRoleArn(session[1], ctx);
  } catch (e) {
    return fail(e, PERMISSION.getRole);
  }
}

/** A task's role's ARN: as the task names it, or GetRole's for a bare name (the path is part of the ARN). */
async function roleArn(role: RoleCheck, ctx: CheckContext): Promise<string | undefined> {
  if (role.reference.startsWith('arn:')) return role.reference;
  try {
    return await getRoleArn(role.name, ctx);
  } catch (e) {
    // A missing role is the role check's error (roles.ts).
    if (!/^NoSuchEntity/.test(errorName(e)))
      ctx.findings.failed(e, { permission: PERMISSION.getRole, what: what(role), place: role.place });
    return undefined;
  }
}

async function getRoleArn(name: string, ctx: CheckContext): Promise<string | undefined> {
  const { IAMClient, GetRoleCommand } = await import('../aws/sdk/iam');
  const iam = ctx.clients.get('iam', ctx.region, (o) => new IAMClient(o));
  return (await iam.send(new GetRoleCommand({ RoleName: name }))).Role?.Arn;
}

/** The simulator's decision on one resource, and the context keys it lacked to decide. */
function decisionOn(
  results: readonly EvaluationResult[],
  arn: string,
): { decision: string; missing: string[] } | undefined {
  for (const r of results) {
    const specific = (r.ResourceSpecificResults ?? []).find((s) => s.EvalResourceName === arn);
    if (specific?.EvalResourceDecision) {
      return { decision: specific.EvalResourceDecision, missing: specific.MissingContextValues ?? [] };
    }
    if (r.EvalResourceName === arn && r.EvalDecision) {
      return { decision: r.EvalDecision, missing: r.MissingContextValues ?? [] };
    }
  }
  return undefined;
}
