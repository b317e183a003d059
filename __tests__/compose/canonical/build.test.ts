import { canonicalOf, placed, refusals, service } from './load-yaml';

const build = (...lines: string[]) => placed(canonicalOf(service(...lines)).build);

describe('build: -> its long form', () => {
  test('a string is the context', () => {
    expect(build('build: ./web')).toEqual({
      context: { value: './web', at: '4:12 services.a.build' },
      args: [],
      labels: [],
      others: [],
      at: '4:12 services.a.build',
    });
  });

  test('a mapping: the keys the build honours typed, args in either form (a bare one unset in the environment left out), the others listed where written', () => {
    expect(
      build(
        'build:',
        '  context: web',
        '  dockerfile: docker/Dockerfile.prod',
        '  args: ["VERSION=1.2", "FROM_ENV"]',
        '  target: runtime',
        '  labels: { team: web }',
        '  platforms: [linux/amd64]',
        '  cache_from: [x]',
      ),
    ).toEqual({
      context: { value: 'web', at: '5:16 services.a.build.context' },
      dockerfile: { value: 'docker/Dockerfile.prod', at: '6:19 services.a.build.dockerfile' },
      args: [{ key: 'VERSION', value: '1.2', at: '7:14 services.a.build.args[0]' }],
      target: { value: 'runtime', at: '8:15 services.a.build.target' },
      labels: [{ key: 'team', value: 'web', at: '9:23 services.a.build.labels.team' }],
      platforms: [{ value: 'linux/amd64', at: '10:19 services.a.build.platforms[0]' }],
      others: [{ value: 'cache_from', at: '11:7 services.a.build.cache_from' }],
      at: '4:5 services.a.build',
    });
  });

  test('a mapping without context builds the directory of the compose file', () => {
    expect(build('build: { dockerfile: Dockerfile.dev }')).toMatchObject({
      context: { value: '.', at: '4:5 services.a.build' },
    });
  });

  test('values of the wrong type are refused at their line', () => {
    expect(refusals(service('build:', '  context: [a]', '  args: 5'))).toEqual([
      'docker-compose.yml:5:7: services.a.build.context: must be a non-empty string',
      'docker-compose.yml:6:13: services.a.build.args: must be a mapping or a list of "NAME=value"',
    ]);
  });
});
