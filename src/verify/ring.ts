import type { EC2Client, IpPermission, SecurityGroup } from '@aws-sdk/client-ec2';
import { error } from '../diagnostics';
import type { Check, CheckContext } from './context';
import type { RingCheck, RingPort } from './checklist';
import { PERMISSION } from './permissions';

/**
 * The services layout's tasks reach each other by address: the Supervisors gossip (TCP and UDP)
 * and answer HTTP, and Service Connect's proxies connect to the container ports. Every task has
 * the same security groups (ecs-params', else the VPC's default), so each of those ports must be
 * open to them: an inbound rule of one of the groups whose source is one of the groups (or an
 * address range that holds the tasks' subnets). Each missing rule is an error that says which.
 */
export function ringChecks(ring: RingCheck | undefined, ctx: CheckContext): Check[] {
  if (!ring || ring.ports.length === 0) return [];
  return [
    async () => {
      const sdk = await import('../aws/sdk/ec2');
      const ec2 = ctx.clients.get('ec2', ctx.region, (o) => new sdk.EC2Client(o));
      const place = ring.groups[0]?.place ?? ring.place;
      let groups: SecurityGroup[];
      try {
        if (ring.groups.length > 0) {
          const out = await ec2.send(
            new sdk.DescribeSecurityGroupsCommand({ GroupIds: [...new Set(ring.groups.map((g) => g.id))] }),
          );
          groups = out.SecurityGroups ?? [];
        } else {
          if (ring.subnets.length === 0) return;
          const subnets = await ec2.send(new sdk.DescribeSubnetsCommand({ SubnetIds: ring.subnets }));
          const vpc = subnets.Subnets?.find((s) => s.VpcId)?.VpcId;
          if (!vpc) return; // the network check says the subnets are missing
          const out = await ec2.send(
            new sdk.DescribeSecurityGroupsCommand({
              Filters: [
                { Name: 'vpc-id', Values: [vpc] },
                { Name: 'group-name', Values: ['default'] },
              ],
            }),
          );
          groups = out.SecurityGroups ?? [];
        }
      } catch (e) {
        ctx.findings.failed(e, {
          permission: PERMISSION.describeSecurityGroups,
          what: 'the security group rules between the services',
          place,
        });
        return;
      }
      const ids = new Set(groups.flatMap((g) => (g.GroupId ? [g.GroupId] : [])));
      if (ids.size === 0) return; // the network check says the groups are missing
      const rules = groups.flatMap((g) => g.IpPermissions ?? []);
      // An address range lets the tasks in when it holds the subnets they get their addresses in.
      const tasks = rules.some((r) => (r.IpRanges ?? []).length > 0)
        ? await subnetRanges(ec2, sdk, ring.subnets)
        : [];
      const missing = ring.ports.filter((p) => !rules.some((r) => allows(r, p, ids, tasks)));
      if (missing.length === 0) return;
      const group = [...ids][0] ?? '';
      const which =
        ring.groups.length > 0
          ? `security group ${[...ids].join(', ')}`
          : `the VPC's default security group ${group}`;
      for (const p of missing) {
        ctx.findings.add(
          error(
            `${which} has no inbound rule for ${p.protocol} ${p.port} (${p.why}) from itself: the services' tasks cannot reach each other there. Add it: aws ec2 authorize-security-group-ingress --group-id ${group} --protocol ${p.protocol} --port ${p.port} --source-group ${group}`,
            place,
          ),
        );
      }
    },
  ];
}

/** The IPv4 ranges of the tasks' subnets; none when they cannot be read (any range is then taken). */
async function subnetRanges(
  ec2: EC2Client,
  sdk: typeof import('../aws/sdk/ec2'),
  subnets: readonly string[],
): Promise<string[]> {
  if (subnets.length === 0) return [];
  try {
    const out = await ec2.send(new sdk.DescribeSubnetsCommand({ SubnetIds: [...subnets] }));
    return (out.Subnets ?? []).flatMap((s) => (s.CidrBlock ? [s.CidrBlock] : []));
  } catch {
    return []; // the network check reports subnets it cannot read
  }
}

/** Does `outer` (a.b.c.d/n) hold every address of `inner`? */
function holds(outer: string, inner: string): boolean {
  const parse = (cidr: string): [number, number] | undefined => {
    const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
    if (!m) return undefined;
    const bits = Number(m[5]);
    const address = m.slice(1, 5).reduce((a, o) => a * 256 + Number(o), 0);
    return bits <= 32 ? [address, bits] : undefined;
  };
  const o = parse(outer);
  const i = parse(inner);
  if (!o || !i || i[1] < o[1]) return false;
  const size = 2 ** (32 - o[1]);
  return Math.floor(o[0] / size) === Math.floor(i[0] / size);
}

/**
 * Does the rule let this port in from one of the groups, or from an address range that holds the
 * tasks' subnets (any IPv4 range when they are not known; an IPv6 range or a prefix list is
 * taken to)?
 */
function allows(
  rule: IpPermission,
  port: RingPort,
  groups: ReadonlySet<string>,
  tasks: readonly string[],
): boolean {
  const protocol = rule.IpProtocol ?? '';
  const all = protocol === '-1' || protocol === 'all';
  if (!all) {
    if (protocol !== port.protocol && protocol !== (port.protocol === 'tcp' ? '6' : '17')) return false;
    const from = rule.FromPort ?? -1;
    const to = rule.ToPort ?? -1;
    if (!(from === -1 || (from <= port.port && port.port <= to))) return false;
  }
  const fromGroup = (rule.UserIdGroupPairs ?? []).some(
    (p) => p.GroupId !== undefined && groups.has(p.GroupId),
  );
  const ranges = (rule.IpRanges ?? []).flatMap((r) => (r.CidrIp ? [r.CidrIp] : []));
  const fromRange =
    ranges.some((r) => tasks.length === 0 || tasks.every((t) => holds(r, t))) ||
    (rule.Ipv6Ranges ?? []).length + (rule.PrefixListIds ?? []).length > 0;
  return fromGroup || fromRange;
}
