import { UserError } from '../../src/diagnostics';
import { parsePackageSource } from '../../src/translate/habitat/package-source';
import type { RawManifest, RemoteManifest } from '../../src/registry/manifest';
import { RegistryFailure } from '../../src/registry/retry';
import {
  immutableTagProblem,
  releasedPackage,
  releaseTag,
  reuseReleasedImages,
  tagChanges,
  type ReuseOptions,
} from '../../src/registry/reuse';
import { imageTags } from '../../src/registry/tags';
import { RecordingLog } from '../support/recording-log';

const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const login = { registry: REGISTRY, username: 'AWS', password: 'pw' };
const digest = (c: string) => `sha256:${c.repeat(64)}`;

describe('releasedPackage', () => {
  it('is known for a pinned ident and a .hart file, with the tags an export would make', () => {
    expect(releasedPackage(parsePackageSource('billmeyer/mongodb/3.2.10/20171016003652'))).toEqual({
      source: parsePackageSource('billmeyer/mongodb/3.2.10/20171016003652'),
      ident: 'billmeyer/mongodb/3.2.10/20171016003652',
      repository: 'billmeyer/mongodb',
      version: '3.2.10',
      release: '20171016003652',
      tags: ['latest', '3.2.10', '3.2.10-20171016003652'],
    });
    const hart = releasedPackage(
      parsePackageSource('results/core-redis-4.0.14-20190319155852-x86_64-linux.hart'),
    );
    expect(hart?.ident).toBe('core/redis/4.0.14/20190319155852');
    expect(hart && releaseTag(hart)).toBe('4.0.14-20190319155852');
  });
  it('is unknown without a release: those packages are always exported', () => {
    expect(releasedPackage(parsePackageSource('billmeyer/mongodb'))).toBeUndefined();
    expect(releasedPackage(parsePackageSource('billmeyer/mongodb/3.2.10'))).toBeUndefined();
  });
  it('gives the version tags main pushes an exported image under', () => {
    const released = releasedPackage(parsePackageSource('a/b/1.0/20200101000000'))!;
    expect(imageTags(released, { version: true, versionRelease: true })).toEqual([
      '1.0',
      '1.0-20200101000000',
    ]);
  });
});

describe('tagChanges', () => {
  it('lists missing tags, and tags on another image with where they point now', () => {
    const served = new Map([
      ['1.0-20200101000000', digest('a')],
      ['1.0', digest('b')],
      ['old', digest('a')],
    ]);
    expect(tagChanges(['new', '1.0', '1.0-20200101000000', 'old', 'new'], served, digest('a'))).toEqual([
      { tag: 'new' },
      { tag: '1.0', from: digest('b') },
    ]);
  });
  it('is empty when every tag already names the image', () => {
    expect(tagChanges(['x'], new Map([['x', digest('a')]]), digest('a'))).toEqual([]);
  });
});

describe('immutable tags', () => {
  it('says which tag, which repository, that it is immutable and what to change', () => {
    const released = releasedPackage(parsePackageSource('a/b/1.0/20200101000000'))!;
    const base = { uri: `${REGISTRY}/a/b`, from: digest('b'), to: digest('a'), released };
    const run = immutableTagProblem({ ...base, tag: 'main' }).message;
    expect(run).toContain(`${REGISTRY}/a/b:main`);
    expect(run).toContain('the ECR repository a/b is IMMUTABLE');
    expect(run).toContain(`names ${digest('b')}`);
    expect(run).toContain('use an image-tag');
    expect(immutableTagProblem({ ...base, tag: '1.0' }).message).toContain('push-version-tags: false');
  });
});

/** An in-memory registry: tags to manifests, by repository. */
function fakeRegistry(initial: Record<string, string>) {
  const tags = new Map(Object.entries(initial));
  const calls: string[] = [];
  const manifest = (d: string): RawManifest => ({
    manifest: { digest: d },
    bytes: Buffer.from(d),
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
  });
  const options = (extra: Partial<ReuseOptions> = {}): ReuseOptions => ({
    login,
    tags: (image) => ['run-2', ...imageTags(image, { version: true, versionRelease: true })],
    log: new RecordingLog(),
    retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
    sleep: async () => undefined,
    readManifest: async (_auth, repository, reference): Promise<RemoteManifest | undefined> => {
      calls.push(`GET ${repository}:${reference}`);
      const d = tags.get(`${repository}:${reference}`);
      return d ? { digest: d } : undefined;
    },
    readRawManifest: async (_auth, repository, reference) => {
      calls.push(`GET ${repository}@${reference}`);
      return manifest(reference);
    },
    writeManifest: async (_auth, repository, tag, m) => {
      calls.push(`PUT ${repository}:${tag} ${m.mediaType}`);
      tags.set(`${repository}:${tag}`, m.bytes.toString());
      return m.bytes.toString();
    },
    ...extra,
  });
  return { tags, calls, options };
}

describe('reuseReleasedImages', () => {
  const pinned = parsePackageSource('billmeyer/mongodb/3.2.10/20171016003652');
  const other = parsePackageSource('mattray/national-parks/6.3.0/20190522195009');
  const unpinned = parsePackageSource('core/haproxy');

  it('reuses a release the registry holds, adds the missing tags and exports the rest', async () => {
    const world = fakeRegistry({
      'billmeyer/mongodb:3.2.10-20171016003652': digest('a'),
      'billmeyer/mongodb:3.2.10': digest('b'),
    });
    const log = new RecordingLog();
    const result = await reuseReleasedImages([pinned, other, unpinned], world.options({ log }));
    expect(result.toExport).toEqual([other, unpinned]);
    expect(result.reused).toEqual([
      {
        repository: 'billmeyer/mongodb',
        uri: `${REGISTRY}/billmeyer/mongodb`,
        tags: ['run-2', '3.2.10', '3.2.10-20171016003652'],
        digest: digest('a'),
        reference: `${REGISTRY}/billmeyer/mongodb@${digest('a')}`,
        pushed: false,
        pushedTags: ['run-2', '3.2.10'],
      },
    ]);
    expect(world.tags.get('billmeyer/mongodb:run-2')).toBe(digest('a'));
    expect(world.tags.get('billmeyer/mongodb:3.2.10')).toBe(digest('a'));
    // The manifest is fetched by digest and stored with its media type.
    expect(world.calls).toContain(`GET billmeyer/mongodb@${digest('a')}`);
    expect(world.calls).toContain('PUT billmeyer/mongodb:run-2 application/vnd.oci.image.manifest.v1+json');
    // The unpinned package is never looked up.
    expect(world.calls.some((c) => c.includes('core/haproxy'))).toBe(false);
    expect(log.of('info')).toEqual(
      expect.arrayContaining([
        `info: Reusing billmeyer/mongodb/3.2.10/20171016003652: the registry already has billmeyer/mongodb:3.2.10-20171016003652 (${digest('a')})`,
        `info: Tagged ${REGISTRY}/billmeyer/mongodb:run-2 (${digest('a')})`,
        `info: Moved ${REGISTRY}/billmeyer/mongodb:3.2.10 from ${digest('b')} to ${digest('a')}`,
        'info: mattray/national-parks/6.3.0/20190522195009: the registry has no mattray/national-parks:6.3.0-20190522195009 yet: exporting it',
      ]),
    );
  });

  it('writes nothing when every tag is already there', async () => {
    const world = fakeRegistry({
      'billmeyer/mongodb:3.2.10-20171016003652': digest('a'),
      'billmeyer/mongodb:3.2.10': digest('a'),
      'billmeyer/mongodb:run-2': digest('a'),
    });
    const result = await reuseReleasedImages([pinned], world.options());
    expect(result.reused[0]?.pushedTags).toEqual([]);
    expect(world.calls.filter((c) => !c.startsWith('GET billmeyer/mongodb:'))).toEqual([]);
  });

  it('looks up 8 packages at once even with max-parallel 2, and the tags of each together', async () => {
    const world = fakeRegistry({});
    const packages = Array.from({ length: 8 }, (_, i) => parsePackageSource(`o/p${i}/1.0/2020010100000${i}`));
    for (const [i] of packages.entries()) world.tags.set(`o/p${i}:1.0-2020010100000${i}`, digest('a'));
    let inFlight = 0;
    let most = 0;
    const base = world.options({ maxParallel: 2 });
    const readManifest: ReuseOptions['readManifest'] = async (...args) => {
      most = Math.max(most, ++inFlight);
      // Every read waits for the others started with it: serial reads would take turns.
      await new Promise((done) => setTimeout(done, 20));
      inFlight--;
      return base.readManifest!(...args);
    };
    const result = await reuseReleasedImages(packages, { ...base, readManifest });
    expect(result.reused).toHaveLength(8);
    // Eight release tags, then eight pairs of run and version tags.
    expect(most).toBe(16);
  });

  it('retries a tag write that failed with a 5xx', async () => {
    const world = fakeRegistry({ 'billmeyer/mongodb:3.2.10-20171016003652': digest('a') });
    const base = world.options();
    let failures = 1;
    const result = await reuseReleasedImages(
      [pinned],
      world.options({
        writeManifest: async (...args) => {
          if (failures-- > 0) throw new RegistryFailure('HTTP 503', 'transient');
          return base.writeManifest!(...args);
        },
      }),
    );
    expect(result.reused[0]?.pushedTags).toEqual(['run-2', '3.2.10']);
  });

  it('fails clearly when an IMMUTABLE repository will not move a tag', async () => {
    const world = fakeRegistry({
      'billmeyer/mongodb:3.2.10-20171016003652': digest('a'),
      'billmeyer/mongodb:3.2.10': digest('a'),
      'billmeyer/mongodb:run-2': digest('c'),
    });
    const refusal = new RegistryFailure(
      `storing billmeyer/mongodb:run-2 on ${REGISTRY}: HTTP 400: {"errors":[{"code":"TAG_INVALID","message":"The image tag 'run-2' already exists in the 'billmeyer/mongodb' repository and cannot be overwritten because the tag is immutable."}]}`,
      'fatal',
    );
    const attempt = reuseReleasedImages(
      [pinned],
      world.options({
        writeManifest: async () => {
          throw refusal;
        },
      }),
    );
    await expect(attempt).rejects.toThrow(UserError);
    await expect(attempt).rejects.toThrow(
      `cannot point ${REGISTRY}/billmeyer/mongodb:run-2 at ${digest('a')} (the image of billmeyer/mongodb/3.2.10/20171016003652 already in the registry): the tag names ${digest('c')}, and the ECR repository billmeyer/mongodb is IMMUTABLE`,
    );
  });

  it('refuses a tag the registry would refuse, before any request', async () => {
    const world = fakeRegistry({});
    await expect(reuseReleasedImages([pinned], world.options({ tags: () => ['not a tag'] }))).rejects.toThrow(
      UserError,
    );
    expect(world.calls).toEqual([]);
  });
});
