// What verify calls of this service, from the SDK's ES modules (why: es-modules.d.ts).
export { EFSClient } from '@aws-sdk/client-efs/dist-es/EFSClient';
export { DescribeFileSystemsCommand } from '@aws-sdk/client-efs/dist-es/commands/DescribeFileSystemsCommand';
export { DescribeAccessPointsCommand } from '@aws-sdk/client-efs/dist-es/commands/DescribeAccessPointsCommand';
export { DescribeMountTargetsCommand } from '@aws-sdk/client-efs/dist-es/commands/DescribeMountTargetsCommand';
export { DescribeMountTargetSecurityGroupsCommand } from '@aws-sdk/client-efs/dist-es/commands/DescribeMountTargetSecurityGroupsCommand';
