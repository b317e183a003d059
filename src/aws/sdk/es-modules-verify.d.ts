// The verify checks load each service's client from the SDK's ES module files (dist-es) instead of
// the package's main: ncc bundles a main as is, one CommonJS file with every call of the service
// (EC2's is 2 MB, 1 MB minified), while from ES modules it keeps only the calls imported, and a
// chunk is tens of KB. The files carry no types of their own; these give them the main's, which
// exports the same classes. jest, which runs CommonJS, maps the paths to the main (jest.config.js).

declare module '@aws-sdk/client-ec2/dist-es/EC2Client' {
  export { EC2Client } from '@aws-sdk/client-ec2';
}
declare module '@aws-sdk/client-ec2/dist-es/commands/DescribeSubnetsCommand' {
  export { DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
}
declare module '@aws-sdk/client-ec2/dist-es/commands/DescribeSecurityGroupsCommand' {
  export { DescribeSecurityGroupsCommand } from '@aws-sdk/client-ec2';
}
declare module '@aws-sdk/client-ec2/dist-es/commands/DescribeRouteTablesCommand' {
  export { DescribeRouteTablesCommand } from '@aws-sdk/client-ec2';
}
declare module '@aws-sdk/client-iam/dist-es/IAMClient' {
  export { IAMClient } from '@aws-sdk/client-iam';
}
declare module '@aws-sdk/client-iam/dist-es/commands/GetRoleCommand' {
  export { GetRoleCommand } from '@aws-sdk/client-iam';
}
declare module '@aws-sdk/client-ssm/dist-es/SSMClient' {
  export { SSMClient } from '@aws-sdk/client-ssm';
}
declare module '@aws-sdk/client-ssm/dist-es/commands/GetParameterCommand' {
  export { GetParameterCommand } from '@aws-sdk/client-ssm';
}
declare module '@aws-sdk/client-secrets-manager/dist-es/SecretsManagerClient' {
  export { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
}
declare module '@aws-sdk/client-secrets-manager/dist-es/commands/DescribeSecretCommand' {
  export { DescribeSecretCommand } from '@aws-sdk/client-secrets-manager';
}
declare module '@aws-sdk/client-cloudwatch-logs/dist-es/CloudWatchLogsClient' {
  export { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
}
declare module '@aws-sdk/client-cloudwatch-logs/dist-es/commands/DescribeLogGroupsCommand' {
  export { DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
}
