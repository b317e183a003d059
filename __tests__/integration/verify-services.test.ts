// verify in the services layout, against moto on the local stack: the security group rules the
// services need between them (the Supervisors' gossip and HTTP, Service Connect's ports), each one
// missing an error that says which. Needs the stack: test/stack/local-stack up && eval "$(test/stack/local-stack env)".
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { awsClientOptions } from '../../src/aws/clients';
import { UserError, type Diagnostic } from '../../src/diagnostics';
import type { Log } from '../../src/log';
import { verifyDeployment } from '../../src/verify';
import { requireStackEnv } from '../support/stack';
import { verifyTarget } from '../support/verify-target';

jest.setTimeout(60_000);
requireStackEnv();

const run = Math.random().toString(36).slice(2, 8);
const region = 'us-east-1';
const ec2 = new EC2Client(awsClientOptions(region));
let subnet = '';
let vpc = '';
let subnetRange = '';

const compose = [
  'services:',
  '  mongo:',
  '    image: acme/mongo:latest',
  '    mem_limit: 256m',
  '  web:',
  '    image: acme/web:latest',
  '    mem_limit: 256m',
  '    ports: ["8080:8080"]',
  '    command: --peer mongo --bind database:mongo.default',
  '',
].join('\n');

function params(groups: string[]): string {
  return [
    'task_definition:',
    '  ecs_network_mode: awsvpc',
    'run_params:',
    '  network_configuration:',
    '    awsvpc_configuration:',
    `      subnets: [${subnet}]`,
    ...(groups.length > 0 ? [`      security_groups: [${groups.join(', ')}]`] : []),
    '',
  ].join('\n');
}

const quiet: Log = {
  info: () => undefined,
  debug: () => undefined,
  warning: () => undefined,
  output: () => undefined,
  group: (_n, fn) => fn(),
  setSecret: () => undefined,
};

async function errors(groups: string[]): Promise<Diagnostic[]> {
  const { target } = verifyTarget(
    { compose, params: params(groups) },
    { region, habitat: ['mongo', 'web'], namespace: 'app.internal' },
  );
  try {
    await verifyDeployment(target, { log: quiet, part: 'account' });
    return [];
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return [...e.diagnostics];
  }
}

async function group(name: string): Promise<string> {
  const out = await ec2.send(
    new CreateSecurityGroupCommand({
      GroupName: `${name}-${run}`,
      Description: 'verify-services',
      VpcId: vpc,
    }),
  );
  return out.GroupId ?? '';
}

async function allowFromItself(id: string, protocol: string, from: number, to: number): Promise<void> {
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: id,
      IpPermissions: [
        { IpProtocol: protocol, FromPort: from, ToPort: to, UserIdGroupPairs: [{ GroupId: id }] },
      ],
    }),
  );
}

beforeAll(async () => {
  const subnets = await ec2.send(
    new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }),
  );
  subnet = subnets.Subnets?.[0]?.SubnetId ?? '';
  vpc = subnets.Subnets?.[0]?.VpcId ?? '';
  subnetRange = subnets.Subnets?.[0]?.CidrBlock ?? '';
});
afterAll(() => ec2.destroy());

const needed = (id: string) =>
  [
    'tcp 9638 (Habitat gossip)',
    'udp 9638 (Habitat gossip)',
    "tcp 9631 (the Supervisors' HTTP gateway)",
    'tcp 8080 (Service Connect to web:8080)',
  ].map((rule) =>
    expect.objectContaining({
      message: expect.stringContaining(`security group ${id} has no inbound rule for ${rule} from itself`),
      path: 'run_params.network_configuration.awsvpc_configuration.security_groups[0]',
    }),
  );

test('a group without the rules is an error per missing one, at the group, saying how to add it', async () => {
  const id = await group('bare');
  const found = await errors([id]);
  expect(found).toEqual(needed(id));
  expect(found[1]?.message).toContain(
    `aws ec2 authorize-security-group-ingress --group-id ${id} --protocol udp --port 9638 --source-group ${id}`,
  );
});

test('rules from the group itself, one per port or all traffic, pass', async () => {
  const ports = await group('ports');
  await allowFromItself(ports, 'tcp', 9631, 9638);
  await allowFromItself(ports, 'udp', 9638, 9638);
  await allowFromItself(ports, 'tcp', 8080, 8080);
  expect(await errors([ports])).toEqual([]);
  const all = await group('all');
  await allowFromItself(all, '-1', -1, -1);
  expect(await errors([all])).toEqual([]);
});

test("an address range lets the tasks in only when it holds their subnet's addresses", async () => {
  const allFrom = async (name: string, cidr: string) => {
    const id = await group(name);
    await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: id,
        IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: cidr }] }],
      }),
    );
    return id;
  };
  const elsewhere = await allFrom('elsewhere', '203.0.113.0/24');
  expect(await errors([elsewhere])).toEqual(needed(elsewhere));
  expect(await errors([await allFrom('subnet', subnetRange)])).toEqual([]);
  expect(await errors([await allFrom('anywhere', '0.0.0.0/0')])).toEqual([]);
});

test("without a group in ecs-params, the VPC's default group is the one checked", async () => {
  const out = await ec2.send(
    new DescribeSecurityGroupsCommand({
      Filters: [
        { Name: 'vpc-id', Values: [vpc] },
        { Name: 'group-name', Values: ['default'] },
      ],
    }),
  );
  const id = out.SecurityGroups?.[0]?.GroupId ?? '';
  const rules = out.SecurityGroups?.[0]?.IpPermissions ?? [];
  const found = await errors([]);
  // moto's default group starts with no inbound rule (AWS's lets its own members in).
  if (rules.length === 0) {
    expect(found.map((d) => d.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`the VPC's default security group ${id} has no inbound rule for udp 9638`),
      ]),
    );
    expect(found[0]?.path).toBe('run_params.network_configuration.awsvpc_configuration.subnets');
  } else expect(found).toEqual([]);
});
