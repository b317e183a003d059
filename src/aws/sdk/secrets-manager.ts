// What verify calls of this service, from the SDK's ES modules (why: es-modules.d.ts).
export { SecretsManagerClient } from '@aws-sdk/client-secrets-manager/dist-es/SecretsManagerClient';
export { DescribeSecretCommand } from '@aws-sdk/client-secrets-manager/dist-es/commands/DescribeSecretCommand';
