// Preflight verify against moto on the local stack: IAM, SSM, Secrets Manager, CloudWatch Logs,
// EC2 (the default VPC and its subnets), ECR and ECS, all on AWS_ENDPOINT_URL. Each check has a
// case that passes and one that fails; denied calls come from the AWS fault proxy.
//
// Needs the stack: test/stack/local-stack up && eval "$(test/stack/local-stack env)".
import { CloudWatchLogsClient, CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { CreateRepositoryCommand, ECRClient } from '@aws-sdk/client-ecr';
import { CreateClusterCommand, ECSClient } from '@aws-sdk/client-ecs';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { awsClientOptions } from '../../src/aws/clients';
import { VerifyClients, verifyDeployment } from '../../src/verify';
import { UserError, type Diagnostic } from '../../src/diagnostics';
import type { Log } from '../../src/log';
import { createEc2Cluster } from '../support/cluster';
import { ok, run as runCommand } from '../support/run';
import { AwsCallLog, awsFault, ECR_CREDENTIALS, requireStackEnv } from '../support/stack';
import { verifyTarget } from '../support/verify-target';

jest.setTimeout(60_000);
requireStackEnv();

const run = Math.random().toString(36).slice(2, 8);
const region = 'us-east-1';
const trust = (service: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  });

const names = {
  taskRole: `it-task-${run}`,
  execRole: `it-exec-${run}`,
  ec2Role: `it-ec2-${run}`,
  parameter: `/it-${run}/db-url`,
  secret: `it-${run}/db`,
  logGroup: `/ecs/it-${run}`,
  repository: `it-${run}/base`,
  cluster: `it-verify-${run}`,
  emptyCluster: `it-empty-${run}`,
  scalingCluster: `it-scaling-${run}`,
};
let secretArn = '';
const net = { subnet: '', otherSubnet: '', group: '', otherGroup: '', publicSubnet: '', closedSubnet: '' };

beforeAll(async () => {
  const iam = new IAMClient({ region });
  await iam.send(
    new CreateRoleCommand({
      RoleName: names.taskRole,
      AssumeRolePolicyDocument: trust('ecs-tasks.amazonaws.com'),
    }),
  );
  await iam.send(
    new CreateRoleCommand({
      RoleName: names.execRole,
      AssumeRolePolicyDocument: trust('ecs-tasks.amazonaws.com'),
    }),
  );
  await iam.send(
    new CreateRoleCommand({ RoleName: names.ec2Role, AssumeRolePolicyDocument: trust('ec2.amazonaws.com') }),
  );
  await new SSMClient({ region }).send(
    new PutParameterCommand({ Name: names.parameter, Value: 'postgres://db', Type: 'SecureString' }),
  );
  const secret = await new SecretsManagerClient({ region }).send(
    new CreateSecretCommand({ Name: names.secret, SecretString: '{"password":"pw"}' }),
  );
  secretArn = secret.ARN ?? '';
  await new CloudWatchLogsClient({ region }).send(
    new CreateLogGroupCommand({ logGroupName: names.logGroup }),
  );

  const ec2 = new EC2Client({ region });
  const defaults = await ec2.send(
    new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }),
  );
  const [a, b, c] = defaults.Subnets ?? [];
  const vpcId = a?.VpcId ?? '';
  net.subnet = a?.SubnetId ?? '';
  const groups = await ec2.send(
    new DescribeSecurityGroupsCommand({
      Filters: [
        { Name: 'vpc-id', Values: [vpcId] },
        { Name: 'group-name', Values: ['default'] },
      ],
    }),
  );
  net.group = groups.SecurityGroups?.[0]?.GroupId ?? '';
  const other = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.9.0.0/16' }));
  const otherVpc = other.Vpc?.VpcId ?? '';
  net.otherSubnet =
    (await ec2.send(new CreateSubnetCommand({ VpcId: otherVpc, CidrBlock: '10.9.1.0/24' }))).Subnet
      ?.SubnetId ?? '';
  net.otherGroup =
    (
      await ec2.send(
        new CreateSecurityGroupCommand({ VpcId: otherVpc, GroupName: `it-${run}`, Description: 'other VPC' }),
      )
    ).GroupId ?? '';
  // In the default VPC: one subnet routed to an internet gateway; another left on the main table,
  // which moto creates with the local route only.
  const igw = (await ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway?.InternetGatewayId ?? '';
  await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpcId }));
  const table =
    (await ec2.send(new CreateRouteTableCommand({ VpcId: vpcId }))).RouteTable?.RouteTableId ?? '';
  await ec2.send(
    new CreateRouteCommand({ RouteTableId: table, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw }),
  );
  net.publicSubnet = b?.SubnetId ?? '';
  net.closedSubnet = c?.SubnetId ?? '';
  await ec2.send(new AssociateRouteTableCommand({ RouteTableId: table, SubnetId: net.publicSubnet }));

  await new ECRClient({ region }).send(new CreateRepositoryCommand({ repositoryName: names.repository }));
  pushImage(`${names.repository}:v1`);

  const ecs = new ECSClient({ region });
  await createEc2Cluster(names.cluster);
  await ecs.send(new CreateClusterCommand({ clusterName: names.emptyCluster }));
  await ecs.send(
    new CreateClusterCommand({ clusterName: names.scalingCluster, capacityProviders: ['FARGATE', 'it-asg'] }),
  );
});

afterEach(() => awsFault('clear'));

/** Builds a one-file image offline and pushes it to the stack's ECR as `reference` (repository:tag). */
function pushImage(reference: string): void {
  const work = mkdtempSync(path.join(tmpdir(), 'verify-it-'));
  const env = { ...process.env, DOCKER_CONFIG: path.join(work, 'docker-config') };
  const registry = process.env.HABITAT_ECS_STACK_REGISTRY ?? '';
  try {
    ok('docker', ['login', '-u', 'AWS', '--password-stdin', `https://${registry}`], {
      env,
      input: ECR_CREDENTIALS.password,
    });
    writeFileSync(path.join(work, 'content'), `${run}\n`);
    writeFileSync(path.join(work, 'Dockerfile'), 'FROM scratch\nCOPY content /content\n');
    ok('docker', ['build', '-q', '-t', `${registry}/${reference}`, work], { env });
    ok('docker', ['push', `${registry}/${reference}`], { env });
    runCommand('docker', ['rmi', '-f', `${registry}/${reference}`], { env });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

interface Outcome {
  errors: Diagnostic[];
  warnings: Diagnostic[];
  infos: string[];
}

/** Verifies the files as the action would; what it found, whatever the severity. */
async function verify(
  files: { compose?: string; params?: string },
  options: Parameters<typeof verifyTarget>[1] & { clients?: VerifyClients } = {},
): Promise<Outcome & { params: string; compose: string }> {
  const { target, written } = verifyTarget(
    { compose: files.compose ?? APP, ...(files.params !== undefined && { params: files.params }) },
    { cluster: names.cluster, ...options },
  );
  const outcome: Outcome = { errors: [], warnings: [], infos: [] };
  const log: Log = {
    info: (m) => outcome.infos.push(m),
    debug: () => undefined,
    warning: (_m, d) => d && outcome.warnings.push(d),
    output: () => undefined,
    group: (_n, fn) => fn(),
    setSecret: () => undefined,
  };
  try {
    await verifyDeployment(target, { log, ...(options.clients && { clients: options.clients }) });
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    outcome.errors = [...e.diagnostics];
  }
  return { ...outcome, params: written.params ?? '', compose: written.compose };
}

const APP = 'services:\n  app:\n    image: nginx:1.25\n    mem_limit: 64m\n';
const params = (...lines: string[]) => ['version: 1', 'task_definition:', ...lines, ''].join('\n');
const at = (file: string, line: number) => ({ location: expect.objectContaining({ file, line }) });

describe('roles', () => {
  test('roles that exist and trust ecs-tasks.amazonaws.com pass', async () => {
    const r = await verify({
      params: params(
        `  task_role_arn: arn:aws:iam::123456789012:role/${names.taskRole}`,
        `  task_execution_role: ${names.execRole}`,
      ),
    });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  test('a missing role and one ECS tasks cannot assume are errors at their lines', async () => {
    const r = await verify({
      params: params(`  task_role_arn: no-such-role-${run}`, `  task_execution_role: ${names.ec2Role}`),
    });
    expect(r.errors).toEqual([
      expect.objectContaining({
        message: `the task role no-such-role-${run} does not exist in the account the credentials reach`,
        ...at(r.params, 3),
      }),
      expect.objectContaining({
        message: expect.stringContaining(
          `ECS tasks cannot assume the execution role ${names.ec2Role}: its trust policy does not allow sts:AssumeRole`,
        ),
        ...at(r.params, 4),
      }),
    ]);
  });

  test('an ARN of another account is an error, though the name exists here', async () => {
    const r = await verify({
      params: params(`  task_role_arn: arn:aws:iam::210987654321:role/${names.taskRole}`),
    });
    expect(r.errors).toEqual([
      expect.objectContaining({ message: expect.stringContaining('check the account and path') }),
    ]);
  });
});

describe('secrets', () => {
  const withSecrets = (...valueFroms: string[]) =>
    params(
      `  task_execution_role: ${names.execRole}`,
      '  services:',
      '    app:',
      '      secrets:',
      ...valueFroms.flatMap((v, i) => [`        - name: S${i}`, `          value_from: "${v}"`]),
    );

  test('an SSM parameter by name and by ARN, and a Secrets Manager secret with a JSON key and stage, pass', async () => {
    const r = await verify({
      params: withSecrets(
        names.parameter,
        `arn:aws:ssm:${region}:123456789012:parameter${names.parameter}`,
        `${secretArn}:password:AWSCURRENT:`,
        // The ARN without the random suffix, as people write it.
        `${secretArn.replace(/-[A-Za-z0-9]{6}$/, '')}:password::`,
      ),
    });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  test('a missing parameter, a missing secret and a missing version stage are errors at their value_from lines', async () => {
    const missingSecret = `arn:aws:secretsmanager:${region}:123456789012:secret:it-${run}/nope`;
    const r = await verify({
      params: withSecrets(`/it-${run}/nope`, `${missingSecret}:k::`, `${secretArn}::AWSPENDING:`),
    });
    expect(r.errors).toEqual([
      expect.objectContaining({
        message: `SSM parameter /it-${run}/nope does not exist in region ${region}`,
        ...at(r.params, 8),
      }),
      expect.objectContaining({
        message: `Secrets Manager secret ${missingSecret} does not exist in region ${region}`,
        ...at(r.params, 10),
      }),
      expect.objectContaining({
        message: expect.stringContaining('has no version with the stage AWSPENDING'),
        ...at(r.params, 12),
      }),
    ]);
  });
});

describe('awslogs log groups', () => {
  const logging = (group: string, create = false) =>
    [
      'services:',
      '  app:',
      '    image: nginx:1.25',
      '    mem_limit: 64m',
      '    logging:',
      '      driver: awslogs',
      '      options:',
      `        awslogs-group: ${group}`,
      `        awslogs-region: ${region}`,
      ...(create ? ['        awslogs-create-group: "true"'] : []),
      '',
    ].join('\n');

  test('an existing group passes', async () => {
    const r = await verify({ compose: logging(names.logGroup) });
    expect(r.errors).toEqual([]);
  });

  test('a group that does not exist is an error at its line (a longer name with that prefix does not count)', async () => {
    const r = await verify({ compose: logging(names.logGroup.slice(0, -1)) });
    expect(r.errors).toEqual([
      expect.objectContaining({
        message: `log group ${names.logGroup.slice(0, -1)} does not exist in region ${region}: create it, or set awslogs-create-group: "true"`,
        path: 'services.app.logging.options.awslogs-group',
        ...at(r.compose, 8),
      }),
    ]);
  });

  test('with awslogs-create-group, a missing group is a notice that it will be created', async () => {
    const r = await verify({ compose: logging(`/ecs/it-${run}-new`, true) });
    expect(r.errors).toEqual([]);
    expect(r.infos.join('\n')).toContain(
      `log group /ecs/it-${run}-new does not exist in region ${region} yet: it is created`,
    );
  });
});

describe('awsvpc network', () => {
  const awsvpc = (subnets: string[], groups: string[], publicIp?: string) =>
    [
      'version: 1',
      'task_definition:',
      '  ecs_network_mode: awsvpc',
      `  task_execution_role: ${names.execRole}`,
      '  task_size:',
      '    cpu_limit: 256',
      '    mem_limit: 512',
      'run_params:',
      '  network_configuration:',
      '    awsvpc_configuration:',
      '      subnets:',
      ...subnets.map((s) => `        - ${s}`),
      '      security_groups:',
      ...groups.map((g) => `        - ${g}`),
      ...(publicIp ? [`      assign_public_ip: ${publicIp}`] : []),
      '',
    ].join('\n');

  test('subnets and a group of one VPC pass', async () => {
    const r = await verify({ params: awsvpc([net.subnet], [net.group]) });
    expect(r.errors).toEqual([]);
  });

  test('a subnet that does not exist, and a group of another VPC, are errors at their lines', async () => {
    const r = await verify({ params: awsvpc([net.subnet, 'subnet-0000000000000dead'], [net.otherGroup]) });
    expect(r.errors).toEqual([
      expect.objectContaining({
        message: `subnet subnet-0000000000000dead does not exist in region ${region}`,
        ...at(r.params, 13),
      }),
      expect.objectContaining({
        message: expect.stringContaining(`security group ${net.otherGroup} is in `),
        path: 'run_params.network_configuration.awsvpc_configuration.security_groups[0]',
        ...at(r.params, 15),
      }),
    ]);
  });

  test('subnets of two VPCs are an error at the second', async () => {
    const r = await verify({ params: awsvpc([net.subnet, net.otherSubnet], [net.group]) });
    expect(r.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('must all be in one VPC'),
        ...at(r.params, 13),
      }),
    ]);
  });

  test('Fargate in a public subnet with a public IP passes', async () => {
    const r = await verify(
      { params: awsvpc([net.publicSubnet], [net.group], 'ENABLED') },
      { launchType: 'FARGATE' },
    );
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  test('Fargate in a public subnet without a public IP, or in a closed subnet, is warned about at the subnet', async () => {
    const r = await verify(
      { params: awsvpc([net.publicSubnet, net.closedSubnet], [net.group]) },
      { launchType: 'FARGATE' },
    );
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(
          `subnet ${net.publicSubnet} routes to the internet only through an internet gateway`,
        ),
        ...at(r.params, 12),
      }),
      expect.objectContaining({
        message: expect.stringContaining(`subnet ${net.closedSubnet} has no route to the internet`),
        ...at(r.params, 13),
      }),
    ]);
  });
});

describe('images', () => {
  const image = (reference: string) => `services:\n  app:\n    image: ${reference}\n    mem_limit: 64m\n`;
  const registry = `123456789012.dkr.ecr.${region}.amazonaws.com`;

  test('an ECR image that is there passes; a public one is a notice', async () => {
    const r = await verify({ compose: image(`${registry}/${names.repository}:v1`) });
    expect(r.errors).toEqual([]);
    const pub = await verify({ compose: image('nginx:1.25') });
    expect(pub.infos.join('\n')).toContain('nginx:1.25 will be pulled from Docker Hub when the task starts');
  });

  test('a missing tag and a missing repository are errors at the image line', async () => {
    const tag = await verify({ compose: image(`${registry}/${names.repository}:v2`) });
    expect(tag.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(`repository ${names.repository} has no image tag v2`),
        ...at(tag.compose, 3),
      }),
    ]);
    const repo = await verify({ compose: image(`${registry}/it-${run}/nothing:v1`) });
    expect(repo.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(`repository it-${run}/nothing does not exist`),
      }),
    ]);
  });

  test('the images this run pushes are not looked for', async () => {
    const r = await verify({ compose: image(`${registry}/acme/web:v9`) }, { habitat: ['web'] });
    expect(r.errors).toEqual([]);
  });
});

describe('cluster', () => {
  test('a cluster with a container instance that has room passes', async () => {
    const r = await verify({});
    expect(r.errors).toEqual([]);
    expect(r.infos.join('\n')).toContain('Verified the cluster');
  });

  test('a cluster that does not exist is an error naming the input', async () => {
    const r = await verify({}, { cluster: `it-missing-${run}` });
    expect(r.errors).toEqual([
      {
        severity: 'error',
        message: `cluster "it-missing-${run}" was not found in region ${region}; create it, or check the cluster name and region`,
        input: 'cluster',
      },
    ]);
  });

  test('an EC2 cluster without instances is an error; Fargate needs none', async () => {
    const r = await verify({}, { cluster: names.emptyCluster });
    expect(r.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('has no container instance registered'),
        input: 'cluster',
      }),
    ]);
    const fargate = await verify(
      {
        params: params(
          `  task_execution_role: ${names.execRole}`,
          '  task_size:',
          '    cpu_limit: 256',
          '    mem_limit: 512',
        ),
      },
      { cluster: names.emptyCluster, launchType: 'FARGATE' },
    );
    expect(fargate.errors).toEqual([]);
  });

  test('a task bigger than any instance is an error; with capacity providers a warning', async () => {
    const big = 'services:\n  app:\n    image: nginx:1.25\n    mem_limit: 16g\n';
    const r = await verify({ compose: big });
    expect(r.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('has room for one task (0 CPU units, 16384 MiB)'),
      }),
    ]);
    const scaling = await verify({ compose: big }, { cluster: names.scalingCluster });
    expect(scaling.errors).toEqual([]);
    expect(scaling.warnings).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('Its capacity providers (it-asg) may add instances'),
      }),
    ]);
  });
});

describe('denied calls are warnings naming the permission', () => {
  const proxy = process.env.HABITAT_ECS_STACK_FAULT_ENDPOINT ?? '';
  const viaProxy = () => new VerifyClients((r) => ({ ...awsClientOptions(r), endpoint: proxy }));

  test.each([
    ['GetRole', 'iam:GetRole', { params: params(`  task_role_arn: ${names.taskRole}`) }, 3],
    [
      'GetParameter',
      'ssm:GetParameter',
      {
        params: params(
          `  task_execution_role: ${names.execRole}`,
          '  services:',
          '    app:',
          '      secrets:',
          '        - name: A',
          `          value_from: ${names.parameter}`,
        ),
      },
      8,
    ],
    [
      'DescribeSubnets',
      'ec2:DescribeSubnets',
      {
        params: params(
          '  ecs_network_mode: awsvpc',
          'run_params:',
          '  network_configuration:',
          '    awsvpc_configuration:',
          `      subnets: [${'SUBNET'}]`,
        ),
      },
      7,
    ],
  ])('%s denied', async (call, permission, files, line) => {
    const filled = { params: files.params.replace('SUBNET', net.subnet) };
    awsFault('denied', '1', call);
    const r = await verify(filled, { clients: viaProxy() });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringContaining(`because the credentials may not call ${permission}`),
        ...at(r.params, line),
      }),
    ]);
  });
});

test('a failing verification makes no write call', async () => {
  const calls = new AwsCallLog().mark();
  const r = await verify({
    compose: `services:\n  app:\n    image: 123456789012.dkr.ecr.${region}.amazonaws.com/${names.repository}:v0\n    mem_limit: 64m\n    logging:\n      driver: awslogs\n      options:\n        awslogs-group: /nope-${run}\n`,
    params: params(
      `  task_role_arn: nope-${run}`,
      `  task_execution_role: ${names.execRole}`,
      '  services:',
      '    app:',
      '      secrets:',
      `        - name: A`,
      `          value_from: /nope-${run}`,
    ),
  });
  expect(r.errors.length).toBeGreaterThanOrEqual(4);
  expect(calls.calls()).toEqual(
    expect.arrayContaining([
      'GetRole',
      'GetParameter',
      'DescribeLogGroups',
      'DescribeImages',
      'DescribeClusters',
    ]),
  );
  expect(calls.writes()).toEqual([]);
});
