import type { IpPermission, SecurityGroup } from '@aws-sdk/client-ec2';
import { error } from '../diagnostics';
import type { Check, CheckContext } from './context';
import type { RingCheck, RingPort } from './checklist';
import { PERMISSION } from './permissions';

/**
 * The services layout's tasks reach each other by address: the Supervisors gossip (TCP and UDP)
 * and answer HTTP, and Service Connect's proxies connect to the container ports. Every task has
 * the same security groups (ecs-params', else the VPC's default), so each of those ports must be
 * open to them: an inbound rule of one of the groups whose source is one of the groups (or an
 * address range, which is taken to cover the VPC). Each missing rule is an error that says which.
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
      const missing = ring.ports.filter((p) => !rules.some((r) => allows(r, p, ids)));
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

/** Does the rule let this port in from one of the groups (or from an address range)? */
function allows(rule: IpPermission, port: RingPort, groups: ReadonlySet<string>): boolean {
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
  const fromRange =
    (rule.IpRanges ?? []).length + (rule.Ipv6Ranges ?? []).length + (rule.PrefixListIds ?? []).length > 0;
  return fromGroup || fromRange;
}
