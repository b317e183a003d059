import { awsClientOptions, withCallContext } from '../aws/clients';
import {
  applyScaling,
  readScaling,
  scalingChange,
  scalingResourceId,
  type AutoscalingSettings,
} from '../ecs/autoscaling';
import type { LoadBalancerTarget } from '../ecs/settings';
import type { Log } from '../log';

export interface ScaleOptions {
  region: string;
  cluster: string;
  service: string;
  settings: AutoscalingSettings;
  loadBalancers: readonly LoadBalancerTarget[];
  /** False: the service does not exist yet, so nothing is read (a plan of a service to create). */
  exists: boolean;
  /** False: only say what would change (plan mode). */
  apply: boolean;
  log: Log;
}

/**
 * The service's autoscaling made what the inputs ask (or, for a plan, what would change): a line
 * for each change. The SDK client loads only for a deploy that asks for autoscaling.
 */
export async function scaleService(options: ScaleOptions): Promise<string[]> {
  const { settings } = options;
  const resourceId = scalingResourceId(options.cluster, options.service);
  const label = settings.policies.some((p) => p.metric === 'alb-requests')
    ? await albResourceLabel(options.region, options.loadBalancers[0]?.targetGroupArn)
    : undefined;
  if (!options.exists) return scalingChange(resourceId, { policies: [] }, settings, label).lines;
  const sdk = await import('../aws/sdk/autoscaling');
  const aas = withCallContext(new sdk.ApplicationAutoScalingClient(awsClientOptions(options.region)));
  const change = scalingChange(resourceId, await readScaling(aas, resourceId), settings, label);
  if (options.apply) await applyScaling(aas, resourceId, change, options.log);
  return change.lines;
}

/**
 * `app/<lb>/<id>/targetgroup/<tg>/<id>`: what ALBRequestCountPerTarget is measured on, from the
 * target group and the load balancer that forwards to it
 * (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PredefinedMetricSpecification.html).
 */
async function albResourceLabel(
  region: string,
  targetGroupArn: string | undefined,
): Promise<string | undefined> {
  if (!targetGroupArn) return undefined;
  const { ElasticLoadBalancingV2Client, DescribeTargetGroupsCommand } = await import('../aws/sdk/elbv2');
  const elb = withCallContext(new ElasticLoadBalancingV2Client(awsClientOptions(region)));
  const group = (await elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [targetGroupArn] })))
    .TargetGroups?.[0];
  const balancer = group?.LoadBalancerArns?.[0]?.split(':loadbalancer/')[1];
  const target = targetGroupArn.split(':').pop();
  return balancer && target ? `${balancer}/${target}` : undefined;
}
