import { UserError } from '../../src/diagnostics';
import type { ExportedImage } from '../../src/habitat/export';
import type { ProcessRunner, RunResult } from '../../src/process';
import type { RegistryLogin } from '../../src/registry/login';
import type { RemoteManifest } from '../../src/registry/manifest';
import { pushImages, type PushOptions } from '../../src/registry/docker-push';
import { RegistryFailure } from '../../src/registry/retry';
import { RecordingLog } from '../support/recording-log';

const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const login: RegistryLogin = {
  registry: REGISTRY,
  username: 'AWS',
  password: 'pw',
  dockerConfigDir: '/tmp/cfg',
};
const id = (c: string) => `sha256:${c.repeat(64)}`;

function image(repository: string, imageId: string): ExportedImage {
  return {
    source: { kind: 'ident', origin: repository.split('/')[0]!, name: repository.split('/')[1]! },
    repository,
    imageId,
    name: repository,
    tags: ['latest', '1.0', '1.0-20200101000000'],
    version: '1.0',
    release: '20200101000000',
  };
}

/**
 * A fake docker engine and registry: `push` stores a manifest whose config is the local image,
 * with a digest derived from it. `pushFailures` are thrown (as docker output) before success.
 */
function fakeWorld(pushFailures: string[] = []) {
  const registry = new Map<string, RemoteManifest>();
  const tagged = new Map<string, string>();
  const calls: string[][] = [];
  let running = 0;
  let most = 0;
  const ok = (stdout = ''): RunResult => ({
    exitCode: 0,
    signal: null,
    timedOut: false,
    stdout,
    stderr: '',
    tail: [],
  });
  const run: ProcessRunner = async (_command, args, options) => {
    calls.push([...args]);
    // Only what talks to the registry runs logged in; inspecting a local image runs with the
    // caller's docker config, not the private one.
    expect(options?.env?.DOCKER_CONFIG).toBe(args[0] === 'image' ? process.env.DOCKER_CONFIG : '/tmp/cfg');
    if (args[0] === 'image') return ok(`${args[4]}\n`);
    if (args[0] === 'tag') {
      tagged.set(args[2]!, args[1]!);
      return ok();
    }
    if (args[0] === 'push') {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      const failure = pushFailures.shift();
      if (failure) return { ...ok(), exitCode: 1, stderr: failure, tail: [failure] };
      const ref = args[1]!;
      const config = tagged.get(ref)!;
      const digest = `sha256:${config.slice(7, 15).repeat(8)}`;
      registry.set(ref, { digest, configDigest: config });
      options?.onLine?.(`${ref.split(':').at(-1)}: digest: ${digest} size: 528`, 'stdout');
      return ok(`${ref.split(':').at(-1)}: digest: ${digest} size: 528\n`);
    }
    throw new Error(`unexpected docker ${args.join(' ')}`);
  };
  const readManifest = async (_auth: unknown, repository: string, tag: string) =>
    registry.get(`${REGISTRY}/${repository}:${tag}`);
  return { run, readManifest, registry, calls, most: () => most };
}

function options(
  world: ReturnType<typeof fakeWorld>,
  extra: Partial<PushOptions<ExportedImage>> = {},
): PushOptions<ExportedImage> {
  return {
    login,
    prepare: async () => login,
    tags: (img) => ['abc123', img.version!],
    maxParallel: 2,
    log: new RecordingLog(),
    run: world.run,
    readManifest: world.readManifest,
    sleep: async () => undefined,
    retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
    ...extra,
  };
}

describe('pushImages', () => {
  it('tags and pushes every tag, and pins the digest the registry serves', async () => {
    const world = fakeWorld();
    const [pushed] = await pushImages([image('billmeyer/mongodb', id('a'))], options(world));
    const digest = `sha256:${'a'.repeat(64)}`;
    expect(pushed).toMatchObject({
      repository: 'billmeyer/mongodb',
      uri: `${REGISTRY}/billmeyer/mongodb`,
      tags: ['abc123', '1.0'],
      digest,
      reference: `${REGISTRY}/billmeyer/mongodb@${digest}`,
      pushed: true,
      pushedTags: ['abc123', '1.0'],
    });
    expect(world.calls.filter((c) => c[0] !== 'image')).toEqual([
      ['tag', id('a'), `${REGISTRY}/billmeyer/mongodb:abc123`],
      ['push', `${REGISTRY}/billmeyer/mongodb:abc123`],
      ['tag', id('a'), `${REGISTRY}/billmeyer/mongodb:1.0`],
      ['push', `${REGISTRY}/billmeyer/mongodb:1.0`],
    ]);
  });

  it('pushes nothing the second time', async () => {
    const world = fakeWorld();
    const images = [image('billmeyer/mongodb', id('a')), image('mattray/national-parks', id('b'))];
    const first = await pushImages(images, options(world));
    const log = new RecordingLog();
    const callsBefore = world.calls.length;
    const second = await pushImages(images, options(world, { log }));
    expect(second.map((p) => p.pushed)).toEqual([false, false]);
    expect(second.map((p) => p.reference)).toEqual(first.map((p) => p.reference));
    expect(world.calls.slice(callsBefore).every((c) => c[0] === 'image')).toBe(true);
    expect(log.text()).toContain(
      `info: ${REGISTRY}/billmeyer/mongodb: the registry already holds this image as abc123, 1.0: not pushed again`,
    );
  });

  it('prepares (repository, docker login) once per repository pushed to, and never for images already there', async () => {
    const world = fakeWorld();
    const prepared: string[] = [];
    const prepare = async (repository: string) => {
      // Before the repository's first docker tag: nothing of it is tagged or pushed yet.
      expect(world.calls.some((c) => c[0] !== 'image' && c.join(' ').includes(repository))).toBe(false);
      prepared.push(repository);
      return login;
    };
    const images = [image('billmeyer/mongodb', id('a')), image('mattray/national-parks', id('b'))];
    await pushImages(images.slice(0, 1), options(world, { prepare }));
    expect(prepared).toEqual(['billmeyer/mongodb']);

    prepared.length = 0;
    await pushImages(images, options(world, { prepare }));
    expect(prepared).toEqual(['mattray/national-parks']);
  });

  it('pushes again when the tag holds another image', async () => {
    const world = fakeWorld();
    await pushImages([image('a/b', id('a'))], options(world, { tags: () => ['t'] }));
    const [again] = await pushImages([image('a/b', id('c'))], options(world, { tags: () => ['t'] }));
    expect(again?.pushed).toBe(true);
    expect(again?.digest).toBe(`sha256:${'c'.repeat(64)}`);
  });

  it('retries transient registry errors with backoff', async () => {
    const world = fakeWorld([
      'received unexpected HTTP status: 500 Internal Server Error',
      'net/http: TLS handshake timeout',
    ]);
    const log = new RecordingLog();
    const [pushed] = await pushImages([image('a/b', id('a'))], options(world, { log, tags: () => ['t'] }));
    expect(pushed?.pushed).toBe(true);
    expect(world.calls.filter((c) => c[0] === 'push')).toHaveLength(3);
    expect(log.text()).toMatch(/pushing .*a\/b:t: attempt 1 failed .*500.*retrying in 1 ms/);
  });

  it('gives up after the attempts run out', async () => {
    const world = fakeWorld(['status 503', 'status 503', 'status 503', 'status 503']);
    await expect(pushImages([image('a/b', id('a'))], options(world, { tags: () => ['t'] }))).rejects.toThrow(
      /still failing after 3 attempts/,
    );
    expect(world.calls.filter((c) => c[0] === 'push')).toHaveLength(3);
  });

  it('fails fast on refused credentials', async () => {
    const world = fakeWorld(['unauthorized: authentication required']);
    let reads = 0;
    // The registry lets the first (up-front) read through, then refuses: the login went bad.
    const readManifest = async (auth: unknown, repository: string, tag: string) => {
      if (++reads > 1) throw new RegistryFailure('HTTP 401', 'auth');
      return world.readManifest(auth, repository, tag);
    };
    const attempt = pushImages([image('a/b', id('a'))], options(world, { tags: () => ['t'], readManifest }));
    await expect(attempt).rejects.toThrow(UserError);
    await expect(attempt).rejects.toThrow(/the registry refused the credentials/);
    expect(world.calls.filter((c) => c[0] === 'push')).toHaveLength(1);
  });

  it('retries a push docker calls unauthorized when the registry accepts the credentials', async () => {
    const world = fakeWorld(['unauthorized: authentication required']);
    const [pushed] = await pushImages([image('a/b', id('a'))], options(world, { tags: () => ['t'] }));
    expect(pushed?.pushed).toBe(true);
    expect(world.calls.filter((c) => c[0] === 'push')).toHaveLength(2);
  });

  it('explains an immutable tag that names another image', async () => {
    const world = fakeWorld([
      "tag invalid: The image tag 't' already exists in the 'a/b' repository and cannot be overwritten because the repository is immutable.",
    ]);
    await expect(pushImages([image('a/b', id('a'))], options(world, { tags: () => ['t'] }))).rejects.toThrow(
      /failed: the repository has immutable tags .*new image-tag/,
    );
    expect(world.calls.filter((c) => c[0] === 'push')).toHaveLength(1);
  });

  it('fails fast when reading the manifest is refused', async () => {
    const world = fakeWorld();
    let reads = 0;
    const readManifest = async () => {
      reads++;
      throw new RegistryFailure('HTTP 401', 'auth');
    };
    await expect(pushImages([image('a/b', id('a'))], options(world, { readManifest }))).rejects.toThrow(
      /refused the credentials \(HTTP 401\)/,
    );
    expect(reads).toBe(1);
  });

  it('refuses a push the registry does not confirm', async () => {
    const world = fakeWorld();
    const readManifest = async (auth: unknown, repository: string, tag: string) => {
      const served = await world.readManifest(auth, repository, tag);
      return served && { ...served, digest: `sha256:${'f'.repeat(64)}` };
    };
    await expect(
      pushImages([image('a/b', id('a'))], options(world, { readManifest, tags: () => ['t'] })),
    ).rejects.toThrow(/docker reported sha256:a+\) but the registry serves sha256:f+/);
  });

  it('validates the tags before doing anything', async () => {
    const world = fakeWorld();
    await expect(
      pushImages([image('a/b', id('a'))], options(world, { tags: () => ['bad tag'] })),
    ).rejects.toThrow(/"bad tag" is not a valid image tag/);
    expect(world.calls).toEqual([]);
  });

  it('pushes at most maxParallel images at once', async () => {
    const world = fakeWorld();
    const images = ['a', 'b', 'c', 'd', 'e'].map((c) => image(`o/${c}${c}`, id(c)));
    const pushed = await pushImages(images, options(world, { maxParallel: 2, tags: () => ['t'] }));
    expect(pushed.map((p) => p.repository)).toEqual(images.map((i) => i.repository));
    expect(world.most()).toBe(2);
  });
});
