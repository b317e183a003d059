// What verify reads of a role's own policies, from the SDK's ES modules (why: es-modules.d.ts).
export { IAMClient } from '@aws-sdk/client-iam/dist-es/IAMClient';
export { ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam/dist-es/commands/ListAttachedRolePoliciesCommand';
export { GetPolicyCommand } from '@aws-sdk/client-iam/dist-es/commands/GetPolicyCommand';
export { GetPolicyVersionCommand } from '@aws-sdk/client-iam/dist-es/commands/GetPolicyVersionCommand';
export { ListRolePoliciesCommand } from '@aws-sdk/client-iam/dist-es/commands/ListRolePoliciesCommand';
export { GetRolePolicyCommand } from '@aws-sdk/client-iam/dist-es/commands/GetRolePolicyCommand';
