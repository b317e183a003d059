import type { PackageSource } from '../../src/habitat/types';
import { isValidRepositoryName, isValidTag, validateImagePlan } from '../../src/registry/validate';

const ident = (origin: string, name: string, extra: Partial<PackageSource> = {}): PackageSource =>
  ({ kind: 'ident', origin, name, ...extra }) as PackageSource;
const hart = (p: string, name = 'redis'): PackageSource => ({
  kind: 'hart',
  path: p,
  origin: 'core',
  name,
  version: '4.0.14',
  release: '20190319155852',
});

describe('validateImagePlan', () => {
  it('accepts the reference packages and a good tag', () => {
    expect(
      validateImagePlan({
        packages: [{ source: ident('billmeyer', 'mongodb') }, { source: ident('mattray', 'national-parks') }],
        tags: ['0f1e2d3', 'v1.2.3'],
        workspace: '/ws',
      }),
    ).toEqual([]);
  });

  it('refuses a .hart outside the workspace or missing, and says where', () => {
    const messages = validateImagePlan({
      packages: [
        {
          source: hart('../elsewhere/core-redis-4.0.14-20190319155852-x86_64-linux.hart'),
          input: 'habitat-packages',
        },
        { source: hart('/ws/results/core-redis2-4.0.14-20190319155852-x86_64-linux.hart', 'redis2') },
      ],
      tags: [],
      workspace: '/ws',
      fileExists: () => false,
    }).map((d) => `${d.input ?? ''}|${d.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^habitat-packages\|.*must be inside the workspace \/ws$/),
      expect.stringMatching(/no such file: \/ws\/results\/core-redis2/),
    ]);
  });

  it('refuses names ECR cannot hold and bad tags', () => {
    const messages = validateImagePlan({
      packages: [{ source: ident('core', 'bad--name') }, { source: ident('core', 'trailing_') }],
      tags: ['-leading', 'ok', 'x'.repeat(129)],
      workspace: '/ws',
      tagsInput: 'image-tag',
    }).map((d) => d.message);
    expect(messages).toHaveLength(4);
    expect(messages[0]).toMatch(/"core\/bad--name" is not a valid ECR repository name/);
    expect(messages[1]).toMatch(/"core\/trailing_" is not a valid ECR repository name/);
    expect(messages[2]).toMatch(/"-leading" is not a valid image tag/);
  });

  it('refuses two different packages for one repository', () => {
    const messages = validateImagePlan({
      packages: [{ source: ident('core', 'Redis') }, { source: ident('core', 'redis') }],
      tags: [],
      workspace: '/ws',
    }).map((d) => d.message);
    expect(messages).toEqual([expect.stringMatching(/same repository "core\/redis" as core\/Redis/)]);
  });
});

describe('patterns', () => {
  it('knows ECR repository names and docker tags', () => {
    expect(isValidRepositoryName('mattray/national-parks')).toBe(true);
    expect(isValidRepositoryName('a')).toBe(false);
    expect(isValidRepositoryName('A/b')).toBe(false);
    expect(isValidTag('3.2.10-20171016003652')).toBe(true);
    expect(isValidTag('.x')).toBe(false);
    expect(isValidTag('a/b')).toBe(false);
  });
});
