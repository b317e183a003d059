// What verify calls of this service, from the SDK's ES modules (why: es-modules.d.ts).
export { STSClient } from '@aws-sdk/client-sts/dist-es/STSClient';
export { GetCallerIdentityCommand } from '@aws-sdk/client-sts/dist-es/commands/GetCallerIdentityCommand';
