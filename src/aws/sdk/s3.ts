// What verify calls of this service, from the SDK's ES modules (why: es-modules.d.ts).
export { S3Client } from '@aws-sdk/client-s3/dist-es/S3Client';
export { ListObjectsV2Command } from '@aws-sdk/client-s3/dist-es/commands/ListObjectsV2Command';
