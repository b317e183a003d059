import type { Service } from '@aws-sdk/client-ecs';
import { createFields, describeCreated, settingsUpdate } from '../../src/ecs/settings';
import type { ServiceSettings } from '../../src/ecs/settings';

const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef';
const none: ServiceSettings = { loadBalancers: [], capacityProviderStrategy: [] };
const all: ServiceSettings = {
  loadBalancers: [{ targetGroupArn: TG, containerName: 'web', containerPort: 8080 }],
  healthCheckGracePeriodSeconds: 60,
  enableExecuteCommand: true,
  minimumHealthyPercent: 50,
  maximumPercent: 150,
  capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0 }],
  propagateTags: 'SERVICE',
  platformVersion: '1.4.0',
};

describe('createFields', () => {
  it('keeps what a created service always had when no setting is given', () => {
    expect(createFields(none, 'EC2')).toEqual({
      launchType: 'EC2',
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
      propagateTags: 'TASK_DEFINITION',
    });
    expect(createFields(undefined, 'FARGATE')).toMatchObject({ launchType: 'FARGATE' });
  });

  it('gives every setting, and capacity providers instead of the launch type', () => {
    expect(createFields(all, 'FARGATE')).toEqual({
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0 }],
      loadBalancers: [{ targetGroupArn: TG, containerName: 'web', containerPort: 8080 }],
      healthCheckGracePeriodSeconds: 60,
      enableExecuteCommand: true,
      deploymentConfiguration: {
        deploymentCircuitBreaker: { enable: true, rollback: true },
        minimumHealthyPercent: 50,
        maximumPercent: 150,
      },
      propagateTags: 'SERVICE',
      platformVersion: '1.4.0',
    });
  });

  it('says what a created service was given', () => {
    expect(describeCreated(all)).toEqual([
      'load balancers: web:8080 in target group web',
      'health check grace period: 60 s',
      'ECS Exec: on',
      'minimum healthy percent: 50',
      'maximum percent: 150',
      'capacity providers: FARGATE_SPOT (weight 1, base 0)',
      'propagate tags: SERVICE',
      'platform version: 1.4.0',
    ]);
    expect(describeCreated(none)).toEqual([]);
  });
});

describe('settingsUpdate', () => {
  const service: Service = {
    launchType: 'FARGATE',
    loadBalancers: [{ targetGroupArn: TG, containerName: 'web', containerPort: 8080 }],
    healthCheckGracePeriodSeconds: 60,
    enableExecuteCommand: true,
    deploymentConfiguration: {
      deploymentCircuitBreaker: { enable: true, rollback: true },
      minimumHealthyPercent: 50,
      maximumPercent: 150,
    },
    capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0 }],
    propagateTags: 'SERVICE',
    platformVersion: '1.4.0',
  };

  it('changes nothing when the service already has the settings, or none is given', () => {
    expect(settingsUpdate(service, all)).toEqual({ fields: {}, changes: [] });
    expect(settingsUpdate(service, none)).toEqual({ fields: {}, changes: [] });
    // What ECS assumes when a description leaves it out: 100/200, no grace period, Exec off.
    expect(
      settingsUpdate(
        {},
        { ...none, minimumHealthyPercent: 100, maximumPercent: 200, healthCheckGracePeriodSeconds: 0 },
      ),
    ).toEqual({ fields: {}, changes: [] });
  });

  it('sends only what differs, and keeps what is not ours in the deployment configuration', () => {
    const update = settingsUpdate(service, {
      ...all,
      healthCheckGracePeriodSeconds: 120,
      maximumPercent: 200,
    });
    expect(update.fields).toEqual({
      healthCheckGracePeriodSeconds: 120,
      deploymentConfiguration: {
        deploymentCircuitBreaker: { enable: true, rollback: true },
        minimumHealthyPercent: 50,
        maximumPercent: 200,
      },
    });
    expect(update.changes).toEqual([
      'health check grace period: 60 s -> 120 s',
      'maximum percent: 150 -> 200',
    ]);
  });

  it('replaces the load balancers when they differ, in any order', () => {
    const two = [
      { targetGroupArn: TG, containerName: 'web', containerPort: 9090 },
      { targetGroupArn: TG, containerName: 'web', containerPort: 8080 },
    ];
    const update = settingsUpdate(service, { ...none, loadBalancers: two });
    expect(update.fields.loadBalancers).toEqual(two);
    expect(update.changes).toEqual([
      'load balancers: web:8080 in target group web -> web:9090 in target group web, web:8080 in target group web',
    ]);
    expect(
      settingsUpdate({ loadBalancers: [...two].reverse() }, { ...none, loadBalancers: two }).changes,
    ).toEqual([]);
  });

  it('forces a new deployment for new capacity providers, as ECS requires', () => {
    const update = settingsUpdate(
      { launchType: 'FARGATE' },
      { ...none, capacityProviderStrategy: all.capacityProviderStrategy },
    );
    expect(update.fields).toEqual({
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0 }],
      forceNewDeployment: true,
    });
    expect(update.changes).toEqual([
      'capacity providers: launch type FARGATE -> FARGATE_SPOT (weight 1, base 0)',
    ]);
  });

  it('turns ECS Exec off, and changes tags and platform', () => {
    const update = settingsUpdate(service, {
      ...none,
      enableExecuteCommand: false,
      propagateTags: 'NONE',
      platformVersion: 'LATEST',
    });
    expect(update.fields).toEqual({
      enableExecuteCommand: false,
      propagateTags: 'NONE',
      platformVersion: 'LATEST',
    });
    expect(update.changes).toEqual([
      'ECS Exec: on -> off',
      'propagate tags: SERVICE -> NONE',
      'platform version: 1.4.0 -> LATEST',
    ]);
  });
});

describe('the deployment strategy', () => {
  const GREEN = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green/fedcba9876543210';
  const BLUE = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/0123456789abcdef';
  const RULE = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/1/2/3';
  const ROLE = 'arn:aws:iam::123456789012:role/ecsInfra';
  const HOOK = 'arn:aws:lambda:us-east-1:123456789012:function:smoke';
  const blueGreen: ServiceSettings = {
    loadBalancers: [
      {
        targetGroupArn: BLUE,
        containerName: 'web',
        containerPort: 80,
        advanced: { alternateTargetGroupArn: GREEN, productionListenerRule: RULE, roleArn: ROLE },
      },
    ],
    capacityProviderStrategy: [],
    strategy: {
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 10,
      alarms: ['web-5xx'],
      hooks: [{ functionArn: HOOK, roleArn: ROLE, stages: ['POST_TEST_TRAFFIC_SHIFT'] }],
    },
  };

  it('is given on create with its alternate target group, and without the rolling circuit breaker', () => {
    const fields = createFields(blueGreen, 'FARGATE');
    expect(fields.deploymentConfiguration).toEqual({
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 10,
      alarms: { alarmNames: ['web-5xx'], enable: true, rollback: true },
      lifecycleHooks: [
        {
          targetType: 'AWS_LAMBDA',
          hookTargetArn: HOOK,
          roleArn: ROLE,
          lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'],
        },
      ],
    });
    expect(fields.loadBalancers?.[0]?.advancedConfiguration).toEqual({
      alternateTargetGroupArn: GREEN,
      productionListenerRule: RULE,
      roleArn: ROLE,
    });
    expect(describeCreated(blueGreen)).toContain('deployment strategy: BLUE_GREEN');
  });

  it('moves a rolling service to blue/green, keeping what is not ours; then changes nothing', () => {
    const rolling: Service = {
      deploymentConfiguration: {
        deploymentCircuitBreaker: { enable: true, rollback: true },
        minimumHealthyPercent: 100,
        maximumPercent: 200,
      },
      loadBalancers: [{ targetGroupArn: BLUE, containerName: 'web', containerPort: 80 }],
    };
    const { fields, changes } = settingsUpdate(rolling, blueGreen);
    expect(fields.deploymentConfiguration).toMatchObject({
      strategy: 'BLUE_GREEN',
      minimumHealthyPercent: 100,
      deploymentCircuitBreaker: { enable: false, rollback: false },
    });
    expect(changes).toEqual(
      expect.arrayContaining([
        'deployment strategy: ROLLING -> BLUE_GREEN',
        'bake time: (none) -> 10 min',
        'deployment alarms: web-5xx',
      ]),
    );
    const after: Service = {
      deploymentConfiguration: fields.deploymentConfiguration,
      loadBalancers: fields.loadBalancers,
    };
    expect(settingsUpdate(after, blueGreen)).toEqual({ fields: {}, changes: [] });
  });
});
