// What checking a deployment strategy's hooks and alarms calls (its listener rules: elbv2.ts), from the SDK's ES modules (why: es-modules.d.ts).
export { LambdaClient } from '@aws-sdk/client-lambda/dist-es/LambdaClient';
export { GetFunctionCommand } from '@aws-sdk/client-lambda/dist-es/commands/GetFunctionCommand';
export { CloudWatchClient } from '@aws-sdk/client-cloudwatch/dist-es/CloudWatchClient';
export { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch/dist-es/commands/DescribeAlarmsCommand';
