import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DescribeSubnetsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { CreateClusterCommand, DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import { CreateFileSystemCommand, CreateMountTargetCommand, EFSClient } from '@aws-sdk/client-efs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createTaskRole } from '../support/cluster';
import { AwsCallLog, requireStackEnv } from '../support/stack';
import { nationalParksWorkspace, runAction, type RunResult } from './harness';

// State that survives the task, run by the bundled action against the stack (moto serves EFS and
// EC2): the reference example's Fargate variant keeps MongoDB's data on EFS
// (docker-compose.efs.yml, ecs-params.fargate-efs.yml, with this account's ids put in). Verify
// refuses, at the file system's line and before any write, a file system without a mount target
// in the task's zone and one whose mount target's security group keeps NFS out; once both are
// there the task definition carries the efsVolumeConfiguration, and a plan says nothing changes.

requireStackEnv();
jest.setTimeout(240_000);

const ec2 = new EC2Client({});
const efs = new EFSClient({});
const suffix = `${process.pid}-${Date.now().toString(36)}`;
const cluster = `efs-${suffix}`;
const workspace = nationalParksWorkspace();
const ids = { fileSystem: '', subnet: '', zone: '', vpc: '', taskGroup: '', mountGroup: '' };

function deploy(extra: Record<string, string> = {}): RunResult {
  return runAction({
    workspace,
    inputs: {
      'compose-file': 'docker-compose.yml\ndocker-compose.efs.yml',
      'ecs-params': 'ecs-params.fargate-efs.yml',
      'launch-type': 'FARGATE',
      'habitat-packages': 'billmeyer/mongodb\nmattray/national-parks',
      cluster,
      service: 'national-parks',
      'task-family': `np-efs-${suffix}`,
      'image-tag': `efs-${suffix}`,
      ...extra,
    },
  });
}

function explain(r: RunResult): string {
  return `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

const errors = (r: RunResult) => r.stdout.split('\n').filter((l) => l.startsWith('::error'));

beforeAll(async () => {
  await new ECSClient({}).send(new CreateClusterCommand({ clusterName: cluster }));
  await createTaskRole('ecsTaskExecutionRole');
  const subnet = (await ec2.send(new DescribeSubnetsCommand({}))).Subnets?.[0];
  ids.subnet = subnet?.SubnetId ?? '';
  ids.zone = subnet?.AvailabilityZone ?? '';
  ids.vpc = subnet?.VpcId ?? '';
  for (const which of ['taskGroup', 'mountGroup'] as const) {
    const created = await ec2.send(
      new CreateSecurityGroupCommand({ GroupName: `${which}-${suffix}`, Description: which, VpcId: ids.vpc }),
    );
    ids[which] = created.GroupId ?? '';
  }
  ids.fileSystem =
    (await efs.send(new CreateFileSystemCommand({ CreationToken: `np-${suffix}` }))).FileSystemId ?? '';
  // The example, with this account's file system, subnet and security group.
  const params = path.join(workspace, 'ecs-params.fargate-efs.yml');
  fs.writeFileSync(
    params,
    fs
      .readFileSync(params, 'utf8')
      .replace('fs-0123456789abcdef0', ids.fileSystem)
      .replace('subnet-0123456789abcdef0', ids.subnet)
      .replace('sg-0123456789abcdef0', ids.taskGroup),
  );
});

test('a file system without a mount target in the task zone fails the deploy at its line, before any write', () => {
  const calls = new AwsCallLog().mark();
  const r = deploy();
  expect(r.status).toBe(1);
  expect(errors(r)).toEqual([
    expect.stringMatching(
      new RegExp(
        `^::error file=ecs-params.fargate-efs.yml,line=12,.*EFS file system ${ids.fileSystem} has no mount target`,
      ),
    ),
  ]);
  expect(calls.writes()).toEqual([]);
});

test("a mount target whose security group keeps NFS out fails the plan at the file system's line", async () => {
  await efs.send(
    new CreateMountTargetCommand({
      FileSystemId: ids.fileSystem,
      SubnetId: ids.subnet,
      SecurityGroups: [ids.mountGroup],
    }),
  );
  const calls = new AwsCallLog().mark();
  const r = deploy({ mode: 'plan' });
  expect(r.status).toBe(1);
  expect(errors(r)).toEqual([
    expect.stringMatching(
      new RegExp(
        `^::error file=ecs-params.fargate-efs.yml,line=12,.*do not let NFS in from the task: add an inbound rule for TCP 2049 from its security group ${ids.taskGroup}`,
      ),
    ),
  ]);
  expect(calls.writes()).toEqual([]);
});

test('with NFS let in, MongoDB runs with its data on EFS; a plan then changes nothing', async () => {
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: ids.mountGroup,
      IpPermissions: [
        { IpProtocol: 'tcp', FromPort: 2049, ToPort: 2049, UserIdGroupPairs: [{ GroupId: ids.taskGroup }] },
      ],
    }),
  );
  const r = deploy();
  if (r.status !== 0) throw new Error(explain(r));
  expect(r.stdout).toContain('1 EFS file system');
  const td = (
    await new ECSClient({}).send(
      new DescribeTaskDefinitionCommand({ taskDefinition: r.outputs['task-definition-arn'] ?? '' }),
    )
  ).taskDefinition;
  expect(td?.volumes).toEqual([
    {
      name: 'mongodb-data',
      efsVolumeConfiguration: {
        fileSystemId: ids.fileSystem,
        rootDirectory: '/national-parks/mongodb',
        transitEncryption: 'ENABLED',
      },
    },
  ]);
  expect(td?.containerDefinitions?.find((c) => c.name === 'mongo')?.mountPoints).toEqual([
    { sourceVolume: 'mongodb-data', containerPath: '/hab/svc/mongodb/data', readOnly: false },
  ]);

  const plan = deploy({ mode: 'plan' });
  if (plan.status !== 0) throw new Error(explain(plan));
  expect(plan.outputs.changed).toBe('false');
});
