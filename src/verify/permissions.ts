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
  // An env file from S3: that the object is listed (never read: s3:ListBucket, not s3:GetObject),
  // and what the execution role's own policies allow.
  listBucket: 's3:ListBucket',
  listAttachedRolePolicies: 'iam:ListAttachedRolePolicies',
  getPolicy: 'iam:GetPolicy',
  getPolicyVersion: 'iam:GetPolicyVersion',
  listRolePolicies: 'iam:ListRolePolicies',
  getRolePolicy: 'iam:GetRolePolicy',
  // EFS volumes: the file system, its access point, and its mount targets and their security groups.
  describeFileSystems: 'elasticfilesystem:DescribeFileSystems',
  describeAccessPoints: 'elasticfilesystem:DescribeAccessPoints',
  describeMountTargets: 'elasticfilesystem:DescribeMountTargets',
  describeMountTargetSecurityGroups: 'elasticfilesystem:DescribeMountTargetSecurityGroups',
} as const;
