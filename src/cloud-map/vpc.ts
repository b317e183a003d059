import { awsClientOptions, withCallContext } from '../aws/clients';

/**
 * The VPC the tasks run in: that of their awsvpc subnets (DescribeSubnets), where a private DNS
 * namespace must answer. Undefined when the subnets are not found.
 */
export async function vpcOfSubnets(region: string, subnets: readonly string[]): Promise<string | undefined> {
  if (subnets.length === 0) return undefined;
  const sdk = await import('../aws/sdk/ec2');
  const ec2 = withCallContext(new sdk.EC2Client(awsClientOptions(region)));
  const out = await ec2.send(new sdk.DescribeSubnetsCommand({ SubnetIds: [...subnets] }));
  return out.Subnets?.find((s) => s.VpcId)?.VpcId;
}
