import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PackageSource } from '../../src/translate/habitat/package-source';
import { validateImagePlan } from '../../src/registry/validate';

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
      expect.stringMatching(
        /^habitat-packages\|.*the \.hart file is outside \/ws: move it into the workspace$/,
      ),
      expect.stringMatching(/no such file: \/ws\/results\/core-redis2/),
    ]);
  });

  it('refuses a .hart in the workspace that is a symlink to one outside it', () => {
    const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'validate-')));
    const file = 'core-redis-4.0.14-20190319155852-x86_64-linux.hart';
    fs.mkdirSync(path.join(base, 'ws'));
    fs.writeFileSync(path.join(base, file), 'HART-1');
    fs.symlinkSync(path.join(base, file), path.join(base, 'ws', file));
    try {
      expect(
        validateImagePlan({
          packages: [{ source: hart(file), path: 'services.cache.x-habitat.package' }],
          tags: [],
          workspace: path.join(base, 'ws'),
        }),
      ).toEqual([
        {
          severity: 'error',
          message: `${file}: the .hart file is a symlink to ${path.join(base, file)}, outside ${path.join(base, 'ws')}: move it into the workspace`,
          path: 'services.cache.x-habitat.package',
        },
      ]);
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
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
