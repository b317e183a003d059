import type { RouteTable } from '@aws-sdk/client-ec2';

/**
 * How a subnet reaches the internet, from its route tables: straight through an internet gateway
 * (a public subnet), through something else (a NAT gateway, an instance, a transit gateway, a
 * peering), or not at all. Pure.
 */
export type Egress = 'internet-gateway' | 'other' | 'none';

/** The table associated with the subnet, else its VPC's main table (as EC2 routes it). */
export function routeTableOf(
  subnetId: string,
  vpcId: string,
  tables: readonly RouteTable[],
): RouteTable | undefined {
  return (
    tables.find((t) => t.Associations?.some((a) => a.SubnetId === subnetId)) ??
    tables.find((t) => t.VpcId === vpcId && t.Associations?.some((a) => a.Main))
  );
}

export function egressOf(table: RouteTable | undefined): Egress {
  const route = table?.Routes?.find((r) => r.DestinationCidrBlock === '0.0.0.0/0' && r.State !== 'blackhole');
  if (!route) return 'none';
  if (route.GatewayId?.startsWith('igw-')) return 'internet-gateway';
  return 'other';
}

/**
 * What a Fargate task's network can reach, in words, when it cannot pull its images, send its logs
 * or fetch its secrets from the internet: undefined when it can. A warning, not an error: VPC
 * endpoints (ECR, S3, CloudWatch Logs, Secrets Manager, SSM) make a closed subnet work.
 */
export function fargateEgressProblem(
  egress: Egress,
  assignPublicIp: 'ENABLED' | 'DISABLED',
): string | undefined {
  if (egress === 'internet-gateway' && assignPublicIp === 'DISABLED') {
    return (
      'routes to the internet only through an internet gateway, but the task gets no public IP ' +
      '(assign_public_ip is DISABLED): it cannot pull images or fetch secrets unless the VPC has endpoints for them. ' +
      'Set assign_public_ip: ENABLED, or use a private subnet with a NAT gateway'
    );
  }
  if (egress === 'none') {
    return (
      'has no route to the internet (no 0.0.0.0/0 route)' +
      (assignPublicIp === 'ENABLED' ? ', so a public IP does not help' : '') +
      ': the task cannot pull images or fetch secrets unless the VPC has endpoints for them'
    );
  }
  return undefined;
}
