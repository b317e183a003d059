// What verify calls of this service, from the SDK's ES modules (why: es-modules.d.ts).
export { EC2Client } from '@aws-sdk/client-ec2/dist-es/EC2Client';
export { DescribeSubnetsCommand } from '@aws-sdk/client-ec2/dist-es/commands/DescribeSubnetsCommand';
export { DescribeSecurityGroupsCommand } from '@aws-sdk/client-ec2/dist-es/commands/DescribeSecurityGroupsCommand';
export { DescribeRouteTablesCommand } from '@aws-sdk/client-ec2/dist-es/commands/DescribeRouteTablesCommand';
