import { error, notice } from '../diagnostics';
import type { CheckContext, Check } from './context';
import type { LogGroupCheck } from './checklist';
import { PERMISSION } from './permissions';

/** Pages of DescribeLogGroups read per group: the exact name sorts first among those it prefixes. */
const MAX_PAGES = 3;

/** Each awslogs log group exists, or the task asks ECS to create it. */
export function logGroupChecks(groups: readonly LogGroupCheck[], ctx: CheckContext): Check[] {
  const seen = new Set<string>();
  return groups
    .filter((g) => {
      const key = `${g.region} ${g.name}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((group) => async () => {
      const { CloudWatchLogsClient, DescribeLogGroupsCommand } = await import('../aws/sdk/log-groups');
      const logs = ctx.clients.get('logs', group.region, (o) => new CloudWatchLogsClient(o));
      const places = groups.filter((g) => g.name === group.name && g.region === group.region);
      let exists = false;
      try {
        let nextToken: string | undefined;
        for (let page = 0; page < MAX_PAGES && !exists; page++) {
          const out = await logs.send(
            new DescribeLogGroupsCommand({ logGroupNamePrefix: group.name, ...(nextToken && { nextToken }) }),
          );
          exists = (out.logGroups ?? []).some((g) => g.logGroupName === group.name);
          nextToken = out.nextToken;
          if (!nextToken) break;
        }
      } catch (e) {
        const what = `log group ${group.name}`;
        for (const g of places)
          ctx.findings.failed(e, { permission: PERMISSION.describeLogGroups, what, place: g.place });
        return;
      }
      if (exists) return;
      for (const g of places) {
        ctx.findings.add(
          g.create
            ? notice(
                `log group ${g.name} does not exist in region ${g.region} yet: it is created when the first task starts ` +
                  '(awslogs-create-group), if the role that sends the logs may call logs:CreateLogGroup',
                g.place,
              )
            : error(
                `log group ${g.name} does not exist in region ${g.region}: create it, or set awslogs-create-group: "true"`,
                g.place,
              ),
        );
      }
    });
}
