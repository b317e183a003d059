// What the service's autoscaling calls, from the SDK's ES modules (why: es-modules.d.ts).
export { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling/dist-es/ApplicationAutoScalingClient';
export { DescribeScalableTargetsCommand } from '@aws-sdk/client-application-auto-scaling/dist-es/commands/DescribeScalableTargetsCommand';
export { DescribeScalingPoliciesCommand } from '@aws-sdk/client-application-auto-scaling/dist-es/commands/DescribeScalingPoliciesCommand';
export { RegisterScalableTargetCommand } from '@aws-sdk/client-application-auto-scaling/dist-es/commands/RegisterScalableTargetCommand';
export { PutScalingPolicyCommand } from '@aws-sdk/client-application-auto-scaling/dist-es/commands/PutScalingPolicyCommand';
export { DeleteScalingPolicyCommand } from '@aws-sdk/client-application-auto-scaling/dist-es/commands/DeleteScalingPolicyCommand';
