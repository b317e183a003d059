// What the load balancer checks (target groups; a deployment strategy's listener rules) call, from the SDK's ES modules (why: es-modules.d.ts).
export { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2/dist-es/ElasticLoadBalancingV2Client';
export { DescribeTargetGroupsCommand } from '@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/DescribeTargetGroupsCommand';
export { DescribeRulesCommand } from '@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/DescribeRulesCommand';
export { DescribeListenersCommand } from '@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/DescribeListenersCommand';
