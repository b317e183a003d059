import fc from 'fast-check';
import { packageArgument } from '../../../src/habitat/export';
import {
  parsePackageSource,
  PackageSpecError,
  repositoryOf,
} from '../../../src/translate/habitat/package-source';

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
    ['-rf/redis', /origin "-rf" may contain only/],
    ['core/--help', /name "--help" may contain only/],
    ['core/redis/$(id)', /version "\$\(id\)" may contain only/],
    ['core/redis/1.0\n/20190319155852', /version "1.0\\n" may contain only/],
    ['results/x\ny/core-redis-4.0.14-20190319155852-x86_64-linux.hart', /contains a control character/],
    ['results/core-redis-4.0.14-20190319155852-x86_64-linux\u0000.hart', /contains a control character/],
    ['results/-rf-redis-4.0.14-20190319155852-x86_64-linux.hart', /not named like a Habitat artifact/],
  ])('refuses %s', (spec, message) => {
    expect(() => parsePackageSource(spec)).toThrow(message);
  });

  it('gives the repository, lower case as ECR wants it', () => {
    expect(repositoryOf(parsePackageSource('core/Redis/4.0.14'))).toBe('core/redis');
  });

  it('gives hab an argument that is never an option and never breaks a log line', () => {
    // Whatever the spec, what is accepted reaches `hab pkg export` as an ident or an absolute path
    // (one argv element, so a space in a directory name is only a space), without control characters.
    const part = fc.stringMatching(/^[-a-z0-9_.;$ \n`|&]{0,8}$/);
    const spec = fc.oneof(
      fc.string(),
      fc.array(part, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('/')),
      fc.tuple(part, part).map(([dir, name]) => `${dir}/${name}-redis-1.0-20190319155852-x86_64-linux.hart`),
    );
    fc.assert(
      fc.property(spec, (text) => {
        let argument: string;
        try {
          argument = packageArgument(parsePackageSource(text), '/ws');
        } catch (e) {
          if (e instanceof PackageSpecError) return;
          throw e;
        }
        expect(argument).not.toMatch(/^-|\p{Cc}/u);
      }),
      { numRuns: 500, seed: 9 },
    );
  });
});
