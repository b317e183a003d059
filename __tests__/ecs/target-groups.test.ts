import {
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { checkTargetGroups, targetGroupProblems } from '../../src/ecs/target-groups';
import { UserError } from '../../src/diagnostics';
import { RecordingLog } from '../support/recording-log';

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

describe('checkTargetGroups', () => {
  const elb = mockClient(ElasticLoadBalancingV2Client);
  const arn = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef';
  const targets = [
    { targetGroupArn: arn, containerName: 'web', containerPort: 8080 },
    { targetGroupArn: arn, containerName: 'web', containerPort: 9090 },
  ];
  const check = (log = new RecordingLog()) =>
    checkTargetGroups(targets, { region: 'us-east-1', networkMode: 'awsvpc', log });
  beforeEach(() => elb.reset());

  it('reads each target group once, and passes one that fits', async () => {
    elb.on(DescribeTargetGroupsCommand).resolves({
      TargetGroups: [{ ...attached, TargetGroupArn: arn, TargetGroupName: 'web', TargetType: 'ip' }],
    });
    await check();
    expect(elb.commandCalls(DescribeTargetGroupsCommand).map((c) => c.args[0].input)).toEqual([
      { TargetGroupArns: [arn] },
    ]);
  });

  it('refuses at the input a target group that does not fit, or does not exist', async () => {
    elb.on(DescribeTargetGroupsCommand).resolves({
      TargetGroups: [{ ...attached, TargetGroupArn: arn, TargetGroupName: 'web', TargetType: 'instance' }],
    });
    const refused = await check().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UserError);
    expect((refused as UserError).diagnostics[0]).toMatchObject({ input: 'load-balancer' });

    elb.on(DescribeTargetGroupsCommand).rejects(
      Object.assign(new Error('One or more target groups not found'), {
        name: 'TargetGroupNotFoundException',
      }),
    );
    await expect(check()).rejects.toThrow(
      'input "load-balancer": One or more target groups not found: check the ARNs, and that aws-region (us-east-1) is the target groups\' region',
    );
  });

  it('warns, and lets ECS check, when it may not read target groups', async () => {
    elb.on(DescribeTargetGroupsCommand).rejects(
      Object.assign(new Error('not authorized to perform: elasticloadbalancing:DescribeTargetGroups'), {
        name: 'AccessDenied',
      }),
    );
    const log = new RecordingLog();
    await check(log);
    expect(log.lines).toEqual([
      'warning: could not check the target groups (elasticloadbalancing:DescribeTargetGroups was denied): not authorized to perform: elasticloadbalancing:DescribeTargetGroups',
    ]);
  });
});
