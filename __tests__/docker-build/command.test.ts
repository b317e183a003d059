import { apiAtLeast, buildCommand, osArch } from '../../src/docker-build/command';
import type { ImageBuild } from '../../src/translate/build-plan';

const place = { path: ['services', 'web', 'build'] };
const web: ImageBuild = {
  repository: 'shop/web',
  services: ['web'],
  context: '/ws/web',
  dockerfile: '/ws/web/Dockerfile',
  args: [
    { name: 'VERSION', value: '1.2', secret: false },
    { name: 'NPM_TOKEN', value: 's3cret', secret: true },
    { name: 'FROM_ENV', value: 'taken when the compose file was loaded', secret: false },
  ],
  target: 'runtime',
  labels: [['team', 'web shop']],
  platform: 'linux/amd64',
  places: { context: place, dockerfile: place },
};

describe('buildCommand', () => {
  test('buildx: loads the image into the engine, for the platform asked', () => {
    const { argv } = buildCommand(web, { kind: 'buildx' }, '/tmp/iid');
    expect(argv).toEqual([
      'buildx', 'build', '--load', '--platform', 'linux/amd64', '--file', '/ws/web/Dockerfile', '--iidfile', '/tmp/iid',
      '--target', 'runtime', '--build-arg', 'VERSION=1.2', '--build-arg', 'NPM_TOKEN=s3cret',
      '--build-arg', 'FROM_ENV=taken when the compose file was loaded',
      '--label', 'team=web shop', '/ws/web',
    ]); // prettier-ignore
  });

  test('the legacy builder: --platform only when the engine takes it', () => {
    const legacy = (platformFlag: boolean) =>
      buildCommand(web, { kind: 'legacy', platformFlag, engine: 'linux/amd64' }, '/tmp/iid').argv.slice(0, 3);
    expect(legacy(true)).toEqual(['build', '--platform', 'linux/amd64']);
    expect(legacy(false)).toEqual(['build', '--file', '/ws/web/Dockerfile']);
  });

  test('the command as logged: a secret-looking build arg shows no value', () => {
    const { shown } = buildCommand(
      web,
      { kind: 'legacy', platformFlag: true, engine: 'linux/amd64' },
      '/tmp/iid',
    );
    expect(shown).toBe(
      "docker build --platform linux/amd64 --file /ws/web/Dockerfile --iidfile /tmp/iid --target runtime --build-arg VERSION=1.2 --build-arg 'NPM_TOKEN=***' --build-arg 'FROM_ENV=taken when the compose file was loaded' --label 'team=web shop' /ws/web",
    );
    expect(shown).not.toContain('s3cret');
  });
});

test('apiAtLeast compares versions part by part', () => {
  expect(apiAtLeast('1.41', '1.38')).toBe(true);
  expect(apiAtLeast('1.38', '1.38')).toBe(true);
  expect(apiAtLeast('1.9', '1.38')).toBe(false);
  expect(apiAtLeast('1.37', '1.38')).toBe(false);
  expect(apiAtLeast('x', '1.38')).toBe(false);
});

test('osArch drops the variant', () => {
  expect(osArch('linux/arm64/v8')).toBe('linux/arm64');
  expect(osArch('linux/amd64')).toBe('linux/amd64');
});
