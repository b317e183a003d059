import { targetGroupProblems } from '../../src/deploy/target-groups';

const attached = {
  LoadBalancerArns: ['arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1'],
};

describe('targetGroupProblems', () => {
  it('accepts ip targets for awsvpc and instance targets for bridge and host', () => {
    expect(targetGroupProblems({ ...attached, TargetGroupName: 'a', TargetType: 'ip' }, 'awsvpc')).toEqual(
      [],
    );
    expect(
      targetGroupProblems({ ...attached, TargetGroupName: 'b', TargetType: 'instance' }, 'bridge'),
    ).toEqual([]);
    expect(
      targetGroupProblems({ ...attached, TargetGroupName: 'c', TargetType: 'instance' }, 'host'),
    ).toEqual([]);
    // No network mode: EC2's default, bridge.
    expect(
      targetGroupProblems({ ...attached, TargetGroupName: 'd', TargetType: 'instance' }, undefined),
    ).toEqual([]);
  });

  it('refuses a target type the network mode cannot register, saying which would fit', () => {
    expect(
      targetGroupProblems({ ...attached, TargetGroupName: 'web', TargetType: 'instance' }, 'awsvpc'),
    ).toEqual([
      "target group web has target type instance, but the task's network mode is awsvpc, whose tasks register as ip targets: use a target group of type ip",
    ]);
    expect(targetGroupProblems({ ...attached, TargetGroupName: 'web', TargetType: 'ip' }, undefined)).toEqual(
      [
        "target group web has target type ip, but the task's network mode is bridge, whose tasks register as instance targets: use a target group of type instance, or network mode awsvpc (ecs-params.yml task_definition.ecs_network_mode) for an ip one",
      ],
    );
  });

  it('refuses a target group no load balancer uses, as ECS does', () => {
    expect(
      targetGroupProblems({ TargetGroupName: 'lonely', TargetType: 'ip', LoadBalancerArns: [] }, 'awsvpc'),
    ).toEqual([
      'target group lonely is not attached to a load balancer: ECS refuses it; add it to a listener (or listener rule) of one first',
    ]);
  });
});
