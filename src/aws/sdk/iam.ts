// What verify calls of this service, from the SDK's ES modules (why: es-modules.d.ts).
export { IAMClient } from '@aws-sdk/client-iam/dist-es/IAMClient';
export { GetRoleCommand } from '@aws-sdk/client-iam/dist-es/commands/GetRoleCommand';
export { SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam/dist-es/commands/SimulatePrincipalPolicyCommand';
