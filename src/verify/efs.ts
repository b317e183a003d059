import type { EC2Client, IpPermission, SecurityGroup, Subnet } from '@aws-sdk/client-ec2';
import type { EFSClient, MountTargetDescription } from '@aws-sdk/client-efs';
import { error, notice } from '../diagnostics';
import type { CheckContext, Check } from './context';
import type { EfsCheck, NetworkCheck } from './checklist';
import { errorName } from './findings';
import { PERMISSION } from './permissions';

/** NFS, which EFS is mounted over. */
const NFS_PORT = 2049;

type EfsSdk = typeof import('../aws/sdk/efs');
type Ec2Sdk = typeof import('../aws/sdk/ec2');

/**
 * Each EFS file system the task mounts exists, with its access point; and, for an awsvpc task, a
 * mount target in the Availability Zone of each of the task's subnets (a task mounts the one in
 * its zone), in their VPC, whose security groups let NFS (TCP 2049) in from the task's security
 * groups or its subnet (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html,
 * https://docs.aws.amazon.com/efs/latest/ug/network-access.html).
 */
export function efsChecks(
  volumes: readonly EfsCheck[],
  network: NetworkCheck | undefined,
  ctx: CheckContext,
): Check[] {
  const byFileSystem = new Map<string, EfsCheck[]>();
  for (const v of volumes) byFileSystem.set(v.fileSystemId, [...(byFileSystem.get(v.fileSystemId) ?? []), v]);
  return [...byFileSystem].map(([fileSystemId, uses]) => async () => {
    const sdk = await import('../aws/sdk/efs');
    const efs = ctx.clients.get('efs', ctx.region, (o) => new sdk.EFSClient(o));
    const first = uses[0] as EfsCheck;
    const fail = (e: unknown, permission: string, what: string) =>
      ctx.findings.failed(e, { permission, what, place: first.place });
    try {
      await efs.send(new sdk.DescribeFileSystemsCommand({ FileSystemId: fileSystemId }));
    } catch (e) {
      if (errorName(e) === 'FileSystemNotFound')
        for (const use of uses)
          ctx.findings.add(
            error(`EFS file system ${fileSystemId} does not exist in region ${ctx.region}`, use.place),
          );
      else fail(e, PERMISSION.describeFileSystems, `EFS file system ${fileSystemId}`);
      return;
    }
    for (const use of uses) if (use.accessPointId) await checkAccessPoint(efs, sdk, use, ctx);
    let targets: MountTargetDescription[];
    try {
      targets =
        (await efs.send(new sdk.DescribeMountTargetsCommand({ FileSystemId: fileSystemId }))).MountTargets ??
        [];
    } catch (e) {
      fail(e, PERMISSION.describeMountTargets, `the mount targets of ${fileSystemId}`);
      return;
    }
    if (targets.length === 0) {
      ctx.findings.add(
        error(
          `EFS file system ${fileSystemId} has no mount target, so no task can mount it: create one in each Availability Zone the task runs in`,
          first.place,
        ),
      );
      return;
    }
    if (!network || network.subnets.length === 0) {
      ctx.findings.add(
        notice(
          `the task uses its container instance's network, so whether the instances reach a mount target of ${fileSystemId} over NFS (TCP ${NFS_PORT}) was not checked`,
          first.place,
        ),
      );
      return;
    }
    await checkReach(efs, sdk, fileSystemId, targets, network, first, ctx);
  });
}

async function checkAccessPoint(
  efs: EFSClient,
  sdk: EfsSdk,
  use: EfsCheck,
  ctx: CheckContext,
): Promise<void> {
  try {
    const out = await efs.send(new sdk.DescribeAccessPointsCommand({ AccessPointId: use.accessPointId }));
    const owner = out.AccessPoints?.[0]?.FileSystemId;
    if (owner && owner !== use.fileSystemId)
      ctx.findings.add(
        error(
          `access point ${use.accessPointId ?? ''} belongs to ${owner}, not to ${use.fileSystemId}: ECS refuses the mount`,
          use.place,
        ),
      );
  } catch (e) {
    if (errorName(e) === 'AccessPointNotFound')
      ctx.findings.add(
        error(
          `EFS access point ${use.accessPointId ?? ''} does not exist in region ${ctx.region}`,
          use.place,
        ),
      );
    else
      ctx.findings.failed(e, {
        permission: PERMISSION.describeAccessPoints,
        what: `access point ${use.accessPointId ?? ''}`,
        place: use.place,
      });
  }
}

/** A mount target in each task subnet's zone and VPC, open to the task on TCP 2049. */
async function checkReach(
  efs: EFSClient,
  sdk: EfsSdk,
  fileSystemId: string,
  targets: readonly MountTargetDescription[],
  network: NetworkCheck,
  use: EfsCheck,
  ctx: CheckContext,
): Promise<void> {
  const ec2sdk = await import('../aws/sdk/ec2');
  const ec2 = ctx.clients.get('ec2', ctx.region, (o) => new ec2sdk.EC2Client(o));
  const subnetIds = [...new Set(network.subnets.map((s) => s.id))];
  let subnets: Subnet[];
  try {
    subnets =
      (
        await ec2.send(
          new ec2sdk.DescribeSubnetsCommand({ Filters: [{ Name: 'subnet-id', Values: subnetIds }] }),
        )
      ).Subnets ?? [];
  } catch (e) {
    ctx.findings.failed(e, {
      permission: PERMISSION.describeSubnets,
      what: `the subnets ${subnetIds.join(', ')}`,
      place: use.place,
    });
    return;
  }
  const used = new Map<string, { target: MountTargetDescription; subnets: Subnet[] }>();
  for (const subnet of subnets) {
    const target = targets.find(
      (t) => t.AvailabilityZoneName === subnet.AvailabilityZone && (!t.VpcId || t.VpcId === subnet.VpcId),
    );
    if (!target) {
      ctx.findings.add(
        error(
          `EFS file system ${fileSystemId} has no mount target in ${subnet.AvailabilityZone ?? '?'} (VPC ${subnet.VpcId ?? '?'}), where the task's subnet ${subnet.SubnetId ?? '?'} is: tasks there cannot mount it; create one`,
          use.place,
        ),
      );
      continue;
    }
    const id = target.MountTargetId ?? '';
    used.set(id, { target, subnets: [...(used.get(id)?.subnets ?? []), subnet] });
  }
  if (used.size === 0) return;
  const taskGroups = await taskSecurityGroups(ec2, ec2sdk, network, subnets[0]?.VpcId, use, ctx);
  if (!taskGroups) return;
  for (const [id, { subnets: from }] of used) {
    let groupIds: string[];
    try {
      groupIds =
        (await efs.send(new sdk.DescribeMountTargetSecurityGroupsCommand({ MountTargetId: id })))
          .SecurityGroups ?? [];
    } catch (e) {
      ctx.findings.failed(e, {
        permission: PERMISSION.describeMountTargetSecurityGroups,
        what: `the security groups of mount target ${id}`,
        place: use.place,
      });
      continue;
    }
    let groups: SecurityGroup[];
    try {
      groups =
        groupIds.length === 0
          ? []
          : ((await ec2.send(new ec2sdk.DescribeSecurityGroupsCommand({ GroupIds: groupIds })))
              .SecurityGroups ?? []);
    } catch (e) {
      ctx.findings.failed(e, {
        permission: PERMISSION.describeSecurityGroups,
        what: `security groups ${groupIds.join(', ')}`,
        place: use.place,
      });
      continue;
    }
    const rules = groups.flatMap((g) => g.IpPermissions ?? []);
    for (const subnet of from) {
      if (rules.some((r) => letsNfsIn(r, taskGroups, subnet.CidrBlock))) continue;
      ctx.findings.add(
        error(
          `the security groups of mount target ${id} (${groupIds.join(', ') || 'none'}) do not let NFS in from the task: add an inbound rule for TCP ${NFS_PORT} from its security group ${taskGroups.join(', ')} (or from its subnet ${subnet.SubnetId ?? '?'}, ${subnet.CidrBlock ?? '?'})`,
          use.place,
        ),
      );
    }
  }
}

/** The task's security groups: those of its awsvpc configuration, else its VPC's default group. */
async function taskSecurityGroups(
  ec2: EC2Client,
  ec2sdk: Ec2Sdk,
  network: NetworkCheck,
  vpcId: string | undefined,
  use: EfsCheck,
  ctx: CheckContext,
): Promise<string[] | undefined> {
  if (network.securityGroups.length > 0) return [...new Set(network.securityGroups.map((g) => g.id))];
  try {
    const out = await ec2.send(
      new ec2sdk.DescribeSecurityGroupsCommand({
        Filters: [
          { Name: 'vpc-id', Values: [vpcId ?? ''] },
          { Name: 'group-name', Values: ['default'] },
        ],
      }),
    );
    return (out.SecurityGroups ?? []).map((g) => g.GroupId ?? '');
  } catch (e) {
    ctx.findings.failed(e, {
      permission: PERMISSION.describeSecurityGroups,
      what: `the default security group of ${vpcId ?? '?'}`,
      place: use.place,
    });
    return undefined;
  }
}

/** An inbound rule that admits TCP 2049 from one of `groups`, or from an address range holding `cidr`. Pure. */
export function letsNfsIn(rule: IpPermission, groups: readonly string[], cidr: string | undefined): boolean {
  const protocol = rule.IpProtocol ?? '';
  const port =
    protocol === '-1' ||
    ((protocol === 'tcp' || protocol === '6') &&
      (rule.FromPort ?? 0) <= NFS_PORT &&
      NFS_PORT <= (rule.ToPort ?? 0));
  if (!port) return false;
  if ((rule.UserIdGroupPairs ?? []).some((p) => p.GroupId !== undefined && groups.includes(p.GroupId)))
    return true;
  return (
    cidr !== undefined &&
    (rule.IpRanges ?? []).some((r) => r.CidrIp !== undefined && contains(r.CidrIp, cidr))
  );
}

/** Whether IPv4 range `outer` holds all of `inner`. */
function contains(outer: string, inner: string): boolean {
  const parse = (c: string) => {
    const [ip = '', bits = '32'] = c.split('/');
    const n = ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
    return { n, bits: Number(bits) };
  };
  const a = parse(outer);
  const b = parse(inner);
  if (!(a.bits >= 0 && a.bits <= 32) || b.bits < a.bits) return false;
  const size = 2 ** (32 - a.bits);
  return Math.floor(a.n / size) === Math.floor(b.n / size);
}
