import { initialDesiredCount, scalingChange, scalingResourceId } from '../../src/ecs/autoscaling';

const ID = 'service/prod/web';

describe('scalingChange: what makes the service scale as asked', () => {
  const wanted = { min: 1, max: 4, policies: [{ metric: 'cpu' as const, target: 60 }] };

  test('nothing there: the target registered and the policy put', () => {
    const change = scalingChange(ID, { policies: [] }, wanted);
    expect(change.register).toEqual({ min: 1, max: 4 });
    expect(change.put).toEqual([
      {
        PolicyName: 'habitat-ecs-deploy-cpu',
        ServiceNamespace: 'ecs',
        ResourceId: ID,
        ScalableDimension: 'ecs:service:DesiredCount',
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: 60,
          PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
        },
      },
    ]);
    expect(change.lines).toEqual([
      'autoscaling: 1-4 tasks',
      'autoscaling policy habitat-ecs-deploy-cpu: average CPU at 60%',
    ]);
  });

  test('all as asked: nothing to do (idempotent)', () => {
    const put = scalingChange(ID, { policies: [] }, wanted).put[0]!;
    const current = {
      target: { MinCapacity: 1, MaxCapacity: 4 },
      policies: [
        {
          PolicyName: put.PolicyName,
          PolicyType: 'TargetTrackingScaling' as const,
          TargetTrackingScalingPolicyConfiguration: put.TargetTrackingScalingPolicyConfiguration,
        } as never,
      ],
    };
    expect(scalingChange(ID, current, wanted)).toEqual({ put: [], remove: [], lines: [] });
  });

  test("changed bounds and targets are updated; our policies no longer asked for are removed, others' kept", () => {
    const current = {
      target: { MinCapacity: 2, MaxCapacity: 8 },
      policies: [
        {
          PolicyName: 'habitat-ecs-deploy-cpu',
          PolicyType: 'TargetTrackingScaling' as const,
          TargetTrackingScalingPolicyConfiguration: {
            TargetValue: 50,
            PredefinedMetricSpecification: {
              PredefinedMetricType: 'ECSServiceAverageCPUUtilization' as const,
            },
          },
        },
        { PolicyName: 'habitat-ecs-deploy-memory', PolicyType: 'TargetTrackingScaling' as const },
        { PolicyName: 'scale-on-queue', PolicyType: 'StepScaling' as const },
      ] as never[],
    };
    const change = scalingChange(ID, current, wanted);
    expect(change.register).toEqual({ min: 1, max: 4 });
    expect(change.remove).toEqual(['habitat-ecs-deploy-memory']);
    expect(change.lines).toEqual([
      'autoscaling: 2-8 -> 1-4 tasks',
      'autoscaling policy habitat-ecs-deploy-cpu: 50 -> average CPU at 60%',
      'autoscaling policy habitat-ecs-deploy-memory: removed',
    ]);
  });

  test('ALB requests per target are measured on the load balancer and target group', () => {
    const label = 'app/web/0123456789abcdef/targetgroup/web/fedcba9876543210';
    const change = scalingChange(
      ID,
      { policies: [] },
      { min: 1, max: 2, policies: [{ metric: 'alb-requests', target: 1000, scaleInCooldown: 300 }] },
      label,
    );
    expect(change.put[0]?.TargetTrackingScalingPolicyConfiguration).toEqual({
      TargetValue: 1000,
      PredefinedMetricSpecification: {
        PredefinedMetricType: 'ALBRequestCountPerTarget',
        ResourceLabel: label,
      },
      ScaleInCooldown: 300,
    });
  });
});

test('the resource id names the cluster and service, given by name or ARN', () => {
  expect(scalingResourceId('arn:aws:ecs:us-east-1:123456789012:cluster/prod', 'web')).toBe(ID);
});

test('a created service starts within the bounds', () => {
  const scaling = { min: 2, max: 4, policies: [] };
  expect(initialDesiredCount(1, scaling)).toBe(2);
  expect(initialDesiredCount(9, scaling)).toBe(4);
  expect(initialDesiredCount(3, scaling)).toBe(3);
  expect(initialDesiredCount(1, undefined)).toBe(1);
});
