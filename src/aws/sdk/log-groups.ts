// What verify calls of this service, from the SDK's ES modules (why: es-modules.d.ts).
export { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs/dist-es/CloudWatchLogsClient';
export { DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs/dist-es/commands/DescribeLogGroupsCommand';
