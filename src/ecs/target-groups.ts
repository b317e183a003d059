import type { NetworkMode } from '@aws-sdk/client-ecs';
import type { TargetGroup } from '@aws-sdk/client-elastic-load-balancing-v2';
import { awsClientOptions, withCallContext } from '../aws/clients';
import { error, UserError, warning, type Diagnostic } from '../diagnostics';
import type { LoadBalancerTarget } from './settings';
import type { Log } from '../log';

/**
 * The target groups of `load-balancer` (alternates included), read before anything is written (one
 * DescribeTargetGroups; the client loads only when a target group is given): each must exist, be
 * attached to a load balancer, and take targets the way the task's network mode registers them.
 */
export async function checkTargetGroups(
  targets: readonly LoadBalancerTarget[],
  options: { region: string; networkMode: NetworkMode | undefined; log: Log },
): Promise<void> {
  if (targets.length === 0) return;
  // A BLUE_GREEN, LINEAR or CANARY service's alternate target group takes the same targets.
  const arns = [
    ...new Set(
      targets.flatMap((t) => [
        t.targetGroupArn,
        ...(t.advanced?.alternateTargetGroupArn ? [t.advanced.alternateTargetGroupArn] : []),
      ]),
    ),
  ];
  const { ElasticLoadBalancingV2Client, DescribeTargetGroupsCommand } = await import('../aws/sdk/elbv2');
  const elb = withCallContext(new ElasticLoadBalancingV2Client(awsClientOptions(options.region)));
  let groups: TargetGroup[];
  try {
    groups = (await elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: arns }))).TargetGroups ?? [];
  } catch (e) {
    const name = (e as Error).name;
    if (name === 'TargetGroupNotFoundException' || name === 'TargetGroupNotFound') {
      throw new UserError(
        error(
          `${(e as Error).message}: check the ARNs, and that aws-region (${options.region}) is the target groups' region`,
          {
            input: 'load-balancer',
          },
        ),
      );
    }
    if (name === 'AccessDenied' || name === 'AccessDeniedException') {
      // A check we cannot make is no reason to refuse the deploy; ECS checks again on CreateService.
      const w = warning(
        `could not check the target groups (elasticloadbalancing:DescribeTargetGroups was denied): ${(e as Error).message}`,
        { input: 'load-balancer' },
      );
      options.log.warning(w.message, w);
      return;
    }
    throw e;
  }
  const problems = arns.flatMap((arn): Diagnostic[] => {
    const group = groups.find((g) => g.TargetGroupArn === arn);
    if (!group)
      return [
        error(`target group ${arn} was not found in region ${options.region}`, { input: 'load-balancer' }),
      ];
    return targetGroupProblems(group, options.networkMode).map((m) => error(m, { input: 'load-balancer' }));
  });
  if (problems.length > 0) throw new UserError(problems);
}

/** What ECS would refuse about a target group for a task in this network mode (pure). */
export function targetGroupProblems(group: TargetGroup, networkMode: NetworkMode | undefined): string[] {
  const name = group.TargetGroupName ?? group.TargetGroupArn ?? '?';
  const problems: string[] = [];
  // awsvpc tasks register their own address; bridge and host tasks register the instance.
  const awsvpc = networkMode === 'awsvpc';
  const want = awsvpc ? 'ip' : 'instance';
  const type = group.TargetType ?? 'instance';
  if (type !== want) {
    problems.push(
      `target group ${name} has target type ${type}, but the task's network mode is ${networkMode ?? 'bridge'}, whose tasks register as ${want} targets: use a target group of type ${want}` +
        (awsvpc
          ? ''
          : ', or network mode awsvpc (ecs-params.yml task_definition.ecs_network_mode) for an ip one'),
    );
  }
  if ((group.LoadBalancerArns ?? []).length === 0) {
    problems.push(
      `target group ${name} is not attached to a load balancer: ECS refuses it; add it to a listener (or listener rule) of one first`,
    );
  }
  return problems;
}
