import { DescribeServicesCommand, DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import { ECRClient } from '@aws-sdk/client-ecr';
import { mockClient } from 'aws-sdk-client-mock';
import { decideChange, planChange } from '../../src/stages/change-plan';
import { planText, serviceVerdict } from '../../src/stages/change-text';
import { describedTaskDefinition, registerInput, serviceShape } from '../ecs/fixtures';

const reused = {
  repository: 'shop/web',
  how: 'reuse' as const,
  reason: 'the registry holds shop/web:1.0-2024',
};
const exported = { repository: 'shop/db', how: 'export' as const, reason: 'no release is pinned' };

describe('decideChange: what a deploy would do to the service', () => {
  const base = { running: describedTaskDefinition(), next: registerInput(), forceNewDeployment: false };

  it('creates a service that does not exist', () => {
    expect(decideChange({ ...base, exists: false, running: undefined, images: [] })).toBe('create');
  });

  it('leaves alone a service that runs this content (ECS defaults and metadata aside)', () => {
    expect(decideChange({ ...base, exists: true, images: [reused] })).toBe('none');
    expect(decideChange({ ...base, exists: true, images: [reused], forceNewDeployment: true })).toBe(
      'redeploy',
    );
  });

  it('updates when the content differs, or an image is exported (a new digest)', () => {
    const next = registerInput();
    next.cpu = '1 vCPU';
    expect(decideChange({ ...base, exists: true, next, images: [] })).toBe('update');
    expect(decideChange({ ...base, exists: true, images: [reused, exported] })).toBe('update');
    const built = { repository: 'shop/api', how: 'build' as const, reason: 'a new image' };
    expect(decideChange({ ...base, exists: true, images: [reused, built] })).toBe('update');
  });
});

describe('planText', () => {
  const running = 'arn:aws:ecs:us-east-1:123456789012:task-definition/shop:7';

  it('says the verdict, how each image would come, and the diff', () => {
    const plan = { service: 'update' as const, running, images: [reused, exported] };
    expect(
      planText(
        { ...plan, diff: [], logDiff: [], settings: [], changed: true, taskDefinition: registerInput() },
        'shop',
        ['web: env + A'],
      ),
    ).toEqual([
      'Plan: a deploy would update the service shop (it runs shop:7).',
      'Images:',
      '  shop/web: reused, not exported (the registry holds shop/web:1.0-2024)',
      '  shop/db: exported and pushed on deploy (no release is pinned)',
      'Changes against shop:7:',
      '  web: env + A',
    ]);
  });

  it('names each verdict', () => {
    expect(serviceVerdict({ service: 'create' }, 'shop')).toBe('a deploy would create the service shop');
    expect(serviceVerdict({ service: 'none', running }, 'shop')).toBe(
      'a deploy would leave the service shop alone: it already runs shop:7',
    );
    expect(serviceVerdict({ service: 'redeploy', running }, 'shop')).toBe(
      'a deploy would start a new deployment of shop:7 on shop (force-new-deployment); the task definition is unchanged',
    );
  });
});

describe('planChange: the service settings inputs', () => {
  const running = 'arn:aws:ecs:us-east-1:123456789012:task-definition/shop:7';
  const settings = { loadBalancers: [], capacityProviderStrategy: [], healthCheckGracePeriodSeconds: 120 };

  function plan(service: ReturnType<typeof serviceShape> | undefined) {
    const ecs = mockClient(ECSClient);
    ecs.on(DescribeServicesCommand).resolves({ services: service ? [service] : [] });
    ecs.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: describedTaskDefinition() });
    return planChange(
      { ecs: new ECSClient({ region: 'us-east-1' }), ecr: new ECRClient({ region: 'us-east-1' }) },
      {
        cluster: 'default',
        service: 'shop',
        createService: true,
        forceNewDeployment: false,
        settings,
        packages: [],
        builds: [],
        reuseReleased: true,
        registry: () => Promise.reject(new Error('no registry is needed')),
        render: () => registerInput(),
        placeholderRegistry: '000000000000.dkr.ecr.us-east-1.amazonaws.com',
      },
    );
  }

  it('a setting that differs on an unchanged revision is a change a deploy would make', async () => {
    const planned = await plan(serviceShape({ taskDefinition: running, healthCheckGracePeriodSeconds: 60 }));
    expect(planned.service).toBe('none');
    expect(planned.settings).toEqual(['health check grace period: 60 s -> 120 s']);
    expect(planned.changed).toBe(true);
    expect(serviceVerdict(planned, 'shop')).toBe(
      'a deploy would change the settings of the service shop; it already runs shop:7',
    );
    expect(planText(planned, 'shop', [])).toContain('Service settings that would change:');
  });

  it('the same settings: nothing to change', async () => {
    const planned = await plan(serviceShape({ taskDefinition: running, healthCheckGracePeriodSeconds: 120 }));
    expect(planned).toMatchObject({ service: 'none', settings: [], changed: false });
  });

  it('a service to create: the settings it would get', async () => {
    const planned = await plan(undefined);
    expect(planned).toMatchObject({ service: 'create', settings: ['health check grace period: 120 s'] });
  });
});
