import { error, warning } from '../diagnostics';
import type { CheckContext, Check } from './context';
import { errorName } from './findings';
import type { RoleCheck } from './checklist';
import { trustOf, ECS_TASKS } from './trust';
import { PERMISSION } from './permissions';

/** Each role exists and lets ECS tasks assume it: one IAM GetRole per role, however often it is named. */
export function roleChecks(roles: readonly RoleCheck[], ctx: CheckContext): Check[] {
  const byName = new Map<string, RoleCheck[]>();
  for (const role of roles) byName.set(role.name, [...(byName.get(role.name) ?? []), role]);
  return [...byName].map(([name, uses]) => async () => {
    const { IAMClient, GetRoleCommand } = await import('../aws/sdk/iam');
    const iam = ctx.clients.get('iam', ctx.region, (o) => new IAMClient(o));
    let role;
    try {
      role = (await iam.send(new GetRoleCommand({ RoleName: name }))).Role;
    } catch (e) {
      for (const use of uses) {
        if (/^NoSuchEntity/.test(errorName(e))) {
          ctx.findings.add(
            error(
              `the ${use.kind} role ${name} does not exist in the account the credentials reach`,
              use.place,
            ),
          );
        } else {
          ctx.findings.failed(e, {
            permission: PERMISSION.getRole,
            what: `the ${use.kind} role ${name}`,
            place: use.place,
          });
        }
      }
      return;
    }
    const trust = trustOf(role?.AssumeRolePolicyDocument ?? '');
    for (const use of uses) {
      const what = `the ${use.kind} role ${name}`;
      if (use.reference.startsWith('arn:') && role?.Arn && role.Arn !== use.reference) {
        ctx.findings.add(
          error(
            `${use.reference} is not ${what} the credentials reach (${role.Arn}): check the account and path`,
            use.place,
          ),
        );
      } else if (trust.trusted) {
        continue;
      } else if (trust.reason === 'unreadable') {
        ctx.findings.add(
          warning(`the trust policy of ${what} could not be read, so it was not checked`, use.place),
        );
      } else {
        const fix =
          trust.reason === 'denied'
            ? `denies sts:AssumeRole to the service ${ECS_TASKS}: remove that Deny`
            : `does not allow sts:AssumeRole to the service ${ECS_TASKS}: add ` +
              `{"Effect": "Allow", "Principal": {"Service": "${ECS_TASKS}"}, "Action": "sts:AssumeRole"}`;
        ctx.findings.add(error(`ECS tasks cannot assume ${what}: its trust policy ${fix}`, use.place));
      }
    }
  });
}
