import type { RouteTable } from '@aws-sdk/client-ec2';
import { egressOf, fargateEgressProblem, routeTableOf } from '../../src/verify/routes';

const main: RouteTable = {
  RouteTableId: 'rtb-main',
  VpcId: 'vpc-1',
  Associations: [{ Main: true }],
  Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' }],
};
const publicTable: RouteTable = {
  RouteTableId: 'rtb-public',
  VpcId: 'vpc-1',
  Associations: [{ SubnetId: 'subnet-public' }],
  Routes: [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' }],
};
const natTable: RouteTable = {
  RouteTableId: 'rtb-nat',
  VpcId: 'vpc-1',
  Associations: [{ SubnetId: 'subnet-private' }],
  Routes: [{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1', State: 'active' }],
};
const blackhole: RouteTable = {
  RouteTableId: 'rtb-dead',
  VpcId: 'vpc-1',
  Associations: [{ SubnetId: 'subnet-dead' }],
  Routes: [{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-gone', State: 'blackhole' }],
};
const tables = [main, publicTable, natTable, blackhole];

test.each([
  ['subnet-public', 'internet-gateway'],
  ['subnet-private', 'other'],
  ['subnet-dead', 'none'],
  ['subnet-unassociated', 'none'], // the main table, with only the local route
])('%s goes out through %s', (subnet, egress) => {
  expect(egressOf(routeTableOf(subnet, 'vpc-1', tables))).toBe(egress);
});

test('a subnet without its own table uses its VPC main table', () => {
  expect(routeTableOf('subnet-x', 'vpc-1', tables)?.RouteTableId).toBe('rtb-main');
  expect(routeTableOf('subnet-x', 'vpc-2', tables)).toBeUndefined();
});

describe('fargateEgressProblem', () => {
  test('a public subnet needs a public IP', () => {
    expect(fargateEgressProblem('internet-gateway', 'DISABLED')).toContain('assign_public_ip is DISABLED');
    expect(fargateEgressProblem('internet-gateway', 'ENABLED')).toBeUndefined();
  });
  test('a subnet behind a NAT needs none, and a public IP does no harm', () => {
    expect(fargateEgressProblem('other', 'DISABLED')).toBeUndefined();
    expect(fargateEgressProblem('other', 'ENABLED')).toBeUndefined();
  });
  test('a closed subnet needs VPC endpoints, whatever the public IP', () => {
    expect(fargateEgressProblem('none', 'DISABLED')).toContain('no route to the internet');
    expect(fargateEgressProblem('none', 'ENABLED')).toContain('a public IP does not help');
  });
});
