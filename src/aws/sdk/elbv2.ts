// What the load balancer check calls, from the SDK's ES modules (why: es-modules.d.ts).
export { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2/dist-es/ElasticLoadBalancingV2Client';
export { DescribeTargetGroupsCommand } from '@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/DescribeTargetGroupsCommand';
