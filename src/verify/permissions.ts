/**
 * The IAM actions the checks call, all read-only (SimulatePrincipalPolicy only reads policies): the VerifyReadOnly statement of the example
 * policies in examples/iam/ allows exactly these (a unit test holds them together).
 */
export const PERMISSION = {
  describeClusters: 'ecs:DescribeClusters',
  listContainerInstances: 'ecs:ListContainerInstances',
  describeContainerInstances: 'ecs:DescribeContainerInstances',
  describeServices: 'ecs:DescribeServices',
  describeImages: 'ecr:DescribeImages',
  getRole: 'iam:GetRole',
  simulatePrincipalPolicy: 'iam:SimulatePrincipalPolicy',
  getParameter: 'ssm:GetParameter',
  describeSecret: 'secretsmanager:DescribeSecret',
  describeLogGroups: 'logs:DescribeLogGroups',
  describeSubnets: 'ec2:DescribeSubnets',
  describeSecurityGroups: 'ec2:DescribeSecurityGroups',
  describeRouteTables: 'ec2:DescribeRouteTables',
} as const;
