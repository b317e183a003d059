import { parsePackageSource, repositoryOf } from '../../src/habitat/package-source';

describe('parsePackageSource', () => {
  it.each([
    ['billmeyer/mongodb', { kind: 'ident', origin: 'billmeyer', name: 'mongodb' }],
    ['core/redis/4.0.14', { kind: 'ident', origin: 'core', name: 'redis', version: '4.0.14' }],
    [
      'core/redis/4.0.14/20190319155852',
      { kind: 'ident', origin: 'core', name: 'redis', version: '4.0.14', release: '20190319155852' },
    ],
    [
      'results/mattray-national-parks-6.2.0-20190402194419-x86_64-linux.hart',
      {
        kind: 'hart',
        path: 'results/mattray-national-parks-6.2.0-20190402194419-x86_64-linux.hart',
        origin: 'mattray',
        name: 'national-parks',
        version: '6.2.0',
        release: '20190402194419',
      },
    ],
  ])('reads %s', (spec, expected) => {
    expect(parsePackageSource(spec)).toEqual(expected);
  });

  it.each([
    ['mongodb', /use origin\/name/],
    ['a/b/c/d/e', /use origin\/name/],
    ['Core/redis', /origin "Core" may contain only lower-case/],
    ['core/re dis', /name "re dis" may contain only/],
    ['core/redis/1.0/2019', /release "2019" may contain only 14 digits/],
    ['results/redis.hart', /not named like a Habitat artifact/],
    ['core/redis;rm -rf /', /may contain only/],
  ])('refuses %s', (spec, message) => {
    expect(() => parsePackageSource(spec)).toThrow(message);
  });

  it('gives the repository, lower case as ECR wants it', () => {
    expect(repositoryOf(parsePackageSource('core/Redis/4.0.14'))).toBe('core/redis');
  });
});
