import { decideChange } from '../../src/deploy/change-plan';
import { planText, serviceVerdict } from '../../src/deploy/change-text';
import { describedTaskDefinition, registerInput } from './fixtures';

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
      planText({ ...plan, diff: [], logDiff: [], changed: true, taskDefinition: registerInput() }, 'shop', [
        'web: env + A',
      ]),
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
