// What reading a one-off task's log calls, from the SDK's ES modules (why: es-modules.d.ts).
export { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs/dist-es/CloudWatchLogsClient';
export { GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs/dist-es/commands/GetLogEventsCommand';
