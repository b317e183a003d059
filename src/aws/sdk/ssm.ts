// What verify calls of this service, from the SDK's ES modules (why: es-modules.d.ts).
export { SSMClient } from '@aws-sdk/client-ssm/dist-es/SSMClient';
export { GetParameterCommand } from '@aws-sdk/client-ssm/dist-es/commands/GetParameterCommand';
