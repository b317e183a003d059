import type { EC2Client, RouteTable } from '@aws-sdk/client-ec2';
import { error, warning } from '../diagnostics';
import type { CheckContext, Check } from './context';
import type { NetworkCheck, Place } from './checklist';
import { egressOf, fargateEgressProblem, routeTableOf } from './routes';
import { PERMISSION } from './permissions';

/** Route tables read per VPC at most (100 a page). */
const MAX_ROUTE_PAGES = 5;

/**
 * The awsvpc subnets and security groups exist and are in one VPC; on Fargate, each subnet lets the
 * task out to pull its images, given assign_public_ip. (MapPublicIpOnLaunch is not looked at:
 * a Fargate task gets a public IP from assign_public_ip alone.)
 */
export function networkChecks(
  network: NetworkCheck | undefined,
  fargate: boolean,
  ctx: CheckContext,
): Check[] {
  if (!network || network.subnets.length === 0) return [];
  return [
    async () => {
      const ec2sdk = await import('../aws/sdk/ec2');
      const ec2 = ctx.clients.get('ec2', ctx.region, (o) => new ec2sdk.EC2Client(o));
      const ids = (items: { id: string }[]) => [...new Set(items.map((i) => i.id))];
      const subnets = await lookup(ctx, network.subnets, PERMISSION.describeSubnets, 'subnet', async () => {
        const out = await ec2.send(
          new ec2sdk.DescribeSubnetsCommand({
            Filters: [{ Name: 'subnet-id', Values: ids(network.subnets) }],
          }),
        );
        return new Map((out.Subnets ?? []).map((s) => [s.SubnetId ?? '', s.VpcId ?? '']));
      });
      const groups =
        network.securityGroups.length === 0
          ? new Map<string, string>()
          : await lookup(
              ctx,
              network.securityGroups,
              PERMISSION.describeSecurityGroups,
              'security group',
              async () => {
                const out = await ec2.send(
                  new ec2sdk.DescribeSecurityGroupsCommand({
                    Filters: [{ Name: 'group-id', Values: ids(network.securityGroups) }],
                  }),
                );
                return new Map((out.SecurityGroups ?? []).map((g) => [g.GroupId ?? '', g.VpcId ?? '']));
              },
            );
      let vpc: { id: string; of: string } | undefined;
      for (const [items, found, kind] of [
        [network.subnets, subnets, 'subnet'],
        [network.securityGroups, groups, 'security group'],
      ] as const) {
        if (!found) continue;
        for (const item of items) {
          const itsVpc = found.get(item.id);
          if (itsVpc === undefined) {
            ctx.findings.add(error(`${kind} ${item.id} does not exist in region ${ctx.region}`, item.place));
          } else if (!vpc) {
            vpc = { id: itsVpc, of: `${kind} ${item.id}` };
          } else if (itsVpc !== vpc.id) {
            ctx.findings.add(
              error(
                `${kind} ${item.id} is in ${itsVpc}, but ${vpc.of} is in ${vpc.id}: a task's subnets and security groups must all be in one VPC`,
                item.place,
              ),
            );
          }
        }
      }
      if (!fargate || !subnets || !vpc) return;
      const vpcId = vpc.id;
      const tables = await lookup(
        ctx,
        network.subnets,
        PERMISSION.describeRouteTables,
        'routes of subnet',
        () => routeTables(ec2, ec2sdk.DescribeRouteTablesCommand, vpcId),
      );
      if (!tables) return;
      for (const s of network.subnets) {
        const itsVpc = subnets.get(s.id);
        if (itsVpc !== vpcId) continue;
        const problem = fargateEgressProblem(
          egressOf(routeTableOf(s.id, itsVpc, tables)),
          network.assignPublicIp,
        );
        if (problem) ctx.findings.add(warning(`subnet ${s.id} ${problem}`, s.place));
      }
    },
  ];
}

/** The call's result, or undefined after recording why it failed (at the first item's place). */
async function lookup<T>(
  ctx: CheckContext,
  items: readonly { id: string; place: Place }[],
  permission: string,
  kind: string,
  call: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await call();
  } catch (e) {
    const first = items[0];
    if (first)
      ctx.findings.failed(e, {
        permission,
        what: `${kind} ${items.map((i) => i.id).join(', ')}`,
        place: first.place,
      });
    return undefined;
  }
}

async function routeTables(
  ec2: EC2Client,
  Command: typeof import('../aws/sdk/ec2').DescribeRouteTablesCommand,
  vpcId: string,
): Promise<RouteTable[]> {
  const tables: RouteTable[] = [];
  let NextToken: string | undefined;
  for (let page = 0; page < MAX_ROUTE_PAGES; page++) {
    const out = await ec2.send(
      new Command({
        Filters: [{ Name: 'vpc-id', Values: [vpcId] }],
        MaxResults: 100,
        ...(NextToken && { NextToken }),
      }),
    );
    tables.push(...(out.RouteTables ?? []));
    NextToken = out.NextToken;
    if (!NextToken) break;
  }
  return tables;
}
