// What the load balancer checks (target groups; a deployment strategy's listener rules) and the url
// output call, from the SDK's ES modules (why: es-modules.d.ts).
export { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2/dist-es/ElasticLoadBalancingV2Client';
export { DescribeListenersCommand } from '@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/DescribeListenersCommand';
export { DescribeLoadBalancersCommand } from '@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/DescribeLoadBalancersCommand';
export { DescribeRulesCommand } from '@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/DescribeRulesCommand';
export { DescribeTargetGroupsCommand } from '@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/DescribeTargetGroupsCommand';
