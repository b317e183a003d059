import { CreateRepositoryCommand } from '@aws-sdk/client-ecr';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Progress } from '../../src/progress';
import { acquireImages, type AcquireOptions } from '../../src/stages/acquire';
import { openRegistrySession } from '../../src/stages/session';
import type { ImageBuild } from '../../src/translate/build-plan';
import { parsePackageSource } from '../../src/translate/habitat/package-source';
import { RecordingLog } from '../support/recording-log';
import { fakeEcr, fakeWorld, PASSWORD, REGISTRY, toolsDir } from './fakes';

const mongodb = parsePackageSource('billmeyer/mongodb/3.2.10/20171016003652');
const parks = parsePackageSource('mattray/national-parks');
const redis = parsePackageSource('core/redis/4.0.14/20190319155852');

/** acquireImages on a fake hab, docker and registry, with a mocked ECR behind the session. */
function setup(extra: Partial<AcquireOptions> = {}) {
  const world = fakeWorld();
  const ecr = fakeEcr();
  const log = new RecordingLog();
  const progress = new Progress();
  const tracked = progress.tracking(log);
  const env = { PATH: toolsDir() };
  const tempDir = mkdtempSync(path.join(tmpdir(), 'acquire-'));
  const session = openRegistrySession(ecr.client, {
    createRepositories: {
      tagMutability: 'MUTABLE',
      scanOnPush: true,
      encryption: { type: 'AES256' },
      tags: {},
    },
    tempDir,
    log: tracked,
    saveState: () => world.events.push('state saved'),
    env,
    run: world.run,
  });
  const options: AcquireOptions = {
    tags: ['v1'],
    versionTags: true,
    reuseReleased: true,
    maxParallel: 2,
    workDir: path.join(tempDir, 'export'),
    workspace: tempDir,
    exportSettings: { channel: 'stable' },
    log: tracked,
    progress,
    env,
    run: world.run,
    registryApi: world.registryApi,
    uploadApi: world.uploadApi,
    ...extra,
  };
  return { world, ecr: ecr.mock, log, progress, session, options };
}

describe('acquireImages', () => {
  it('exports and pushes every package through the registry API, with no docker login, and pins each by digest', async () => {
    const s = setup();
    const images = await acquireImages([mongodb, parks], s.session, s.options);
    expect(images.map((i) => i.repository)).toEqual(['billmeyer/mongodb', 'mattray/national-parks']);
    expect(images.every((i) => i.pushed && i.reference === `${i.uri}@${i.digest}`)).toBe(true);
    expect(images[0]?.uri).toBe(`${REGISTRY}/billmeyer/mongodb`);
    // The run's tag, then the version tags the export made.
    expect(images[0]?.tags).toEqual(['v1', '3.2.10', '3.2.10-20171016003652']);
    const { events } = s.world;
    expect(events[0]).toBe('hab export billmeyer/mongodb/3.2.10/20171016003652');
    expect(events.filter((e) => e.startsWith('docker'))).toEqual([]);
    expect(events).not.toContain('state saved');
    expect(events.filter((e) => e.startsWith('hab export'))).toHaveLength(2);
    // A layer and a config each, then the manifest once a tag.
    expect(events.filter((e) => e.startsWith('upload'))).toHaveLength(4);
    expect(events.filter((e) => e.startsWith('put'))).toHaveLength(6);
    // Each repository made once, before its first write.
    expect(s.ecr.commandCalls(CreateRepositoryCommand)).toHaveLength(2);
    expect(s.progress.timings.map(([stage]) => stage)).toEqual(['Reuse', 'Export and push']);
    expect(s.progress.account()[0]).toBe('Done before that: 2 package(s) exported; 2 image(s) pushed.');
  });

  it('reuses what the registry holds, exports the rest, and keeps the order of the packages', async () => {
    const s = setup();
    const held = s.world.seed('billmeyer/mongodb', ['3.2.10-20171016003652']);
    const images = await acquireImages([parks, mongodb, redis], s.session, s.options);
    // Reused images come back first from the registry; the result is in the packages' order.
    expect(images.map((i) => [i.repository, i.pushed])).toEqual([
      ['mattray/national-parks', true],
      ['billmeyer/mongodb', false],
      ['core/redis', true],
    ]);
    expect(images[1]?.digest).toBe(held);
    expect(s.world.events.filter((e) => e.startsWith('hab export'))).toEqual([
      'hab export mattray/national-parks',
      'hab export core/redis/4.0.14/20190319155852',
    ]);
    // The reused image got the run's tags through the registry API, not a push.
    expect(s.world.manifests.get('billmeyer/mongodb:v1')?.manifest.digest).toBe(held);
  });

  it('exports nothing and logs in nowhere when every image is reused', async () => {
    const s = setup();
    s.world.seed('billmeyer/mongodb', ['v1', '3.2.10', '3.2.10-20171016003652']);
    s.world.seed('core/redis', ['v1', '4.0.14', '4.0.14-20190319155852']);
    const images = await acquireImages([redis, mongodb], s.session, s.options);
    expect(images.map((i) => [i.repository, i.pushed])).toEqual([
      ['core/redis', false],
      ['billmeyer/mongodb', false],
    ]);
    // Not even `hab --version`: the export stage does not start.
    expect(s.world.events).toEqual([]);
    expect(s.log.of('group')).toEqual(['group: Reuse']);
    expect(s.progress.account()[0]).toBe('Done before that: 2 released image(s) found in the registry.');
  });

  describe('the deferred checks (beforeChange)', () => {
    const gate =
      (s: ReturnType<typeof setup>, refuse = false) =>
      async () => {
        s.world.events.push('checked');
        if (refuse) throw new Error('no room for the task');
      };

    it('are not run when every image is reused under tags it already has', async () => {
      const s = setup();
      s.world.seed('billmeyer/mongodb', ['v1', '3.2.10', '3.2.10-20171016003652']);
      await acquireImages([mongodb], s.session, { ...s.options, beforeChange: gate(s) });
      expect(s.world.events).toEqual([]);
    });

    it('run before a reused image gets a tag', async () => {
      const s = setup();
      s.world.seed('billmeyer/mongodb', ['3.2.10', '3.2.10-20171016003652']);
      await acquireImages([mongodb], s.session, { ...s.options, beforeChange: gate(s) });
      expect(s.world.events).toEqual(['checked']);
      expect(s.world.manifests.has('billmeyer/mongodb:v1')).toBe(true);
      const refused = setup();
      refused.world.seed('billmeyer/mongodb', ['3.2.10', '3.2.10-20171016003652']);
      await expect(
        acquireImages([mongodb], refused.session, { ...refused.options, beforeChange: gate(refused, true) }),
      ).rejects.toThrow('no room');
      expect(refused.world.events).toEqual(['checked']);
      expect(refused.world.manifests.has('billmeyer/mongodb:v1')).toBe(false);
    });

    it('run once, before the first export; a refusal exports nothing and makes no repository', async () => {
      const s = setup();
      await acquireImages([mongodb, parks], s.session, { ...s.options, beforeChange: gate(s) });
      expect(s.world.events[0]).toBe('checked');
      expect(s.world.events.filter((e) => e === 'checked')).toHaveLength(1);
      const refused = setup();
      await expect(
        acquireImages([mongodb, parks], refused.session, {
          ...refused.options,
          beforeChange: gate(refused, true),
        }),
      ).rejects.toThrow('no room');
      expect(refused.world.events).toEqual(['checked']);
      expect(refused.ecr.commandCalls(CreateRepositoryCommand)).toHaveLength(0);
    });
  });

  it('reuses the release a package named without one resolved to, and exports as named one the registry lacks', async () => {
    const byName = parsePackageSource('billmeyer/mongodb');
    const resolved = new Map([
      [
        byName,
        { named: 'billmeyer/mongodb', version: '3.2.10', release: '20171016003652', channel: 'stable' },
      ],
      [
        parks,
        { named: 'mattray/national-parks', version: '6.3.0', release: '20190522195009', channel: 'stable' },
      ],
    ]);
    const s = setup({ resolved });
    const held = s.world.seed('billmeyer/mongodb', ['3.2.10-20171016003652']);
    const images = await acquireImages([byName, parks], s.session, s.options);
    expect(images.map((i) => [i.repository, i.pushed])).toEqual([
      ['billmeyer/mongodb', false],
      ['mattray/national-parks', true],
    ]);
    expect(images[0]?.digest).toBe(held);
    // Looked for at 6.3.0-20190522195009, not there: exported by its name, as without resolving.
    expect(s.world.events.filter((e) => e.startsWith('hab export'))).toEqual([
      'hab export mattray/national-parks',
    ]);
    expect(s.log.text()).toContain(
      'mattray/national-parks/6.3.0/20190522195009: the registry has no mattray/national-parks:6.3.0-20190522195009 yet',
    );
  });

  it('does not look in the registry first when reuse is off', async () => {
    const s = setup({ reuseReleased: false });
    s.world.seed('billmeyer/mongodb', ['3.2.10-20171016003652']);
    const images = await acquireImages([mongodb], s.session, s.options);
    expect(images[0]?.pushed).toBe(true);
    expect(s.log.of('group')).toEqual(['group: Export and push']);
  });

  // Issue 25, finding 2: a preview reads, tags and pushes only repositories of its own, so the
  // preview role needs no write on production's, and a tag it plants there cannot exist.
  it("a preview reuses from, pushes and builds into its own repositories only, production's untouched", async () => {
    const s = setup({ builds: [imageBuild('web')], repositoryName: (r) => `${r}-pr` });
    const production = s.world.seed('billmeyer/mongodb', ['3.2.10-20171016003652']);
    const previews = s.world.seed('core/redis-pr', ['4.0.14-20190319155852']);
    const outside = () => [...s.world.manifests.keys()].filter((k) => !/^[^:]*-pr:/.test(k));
    const before = outside();
    const images = await acquireImages([mongodb, redis], s.session, s.options);
    expect(images.map((i) => [i.repository, i.uri, i.pushed])).toEqual([
      ['billmeyer/mongodb', `${REGISTRY}/billmeyer/mongodb-pr`, true],
      ['core/redis', `${REGISTRY}/core/redis-pr`, false],
      ['shop/web', `${REGISTRY}/shop/web-pr`, true],
    ]);
    expect(images[0]?.digest).not.toBe(production);
    expect(images[1]?.digest).toBe(previews);
    expect(s.world.events).toContain(`docker push ${REGISTRY}/shop/web-pr:v1`);
    expect(outside()).toEqual(before);
    expect(s.ecr.commandCalls(CreateRepositoryCommand).map((c) => c.args[0].input.repositoryName)).toEqual(
      expect.arrayContaining(['billmeyer/mongodb-pr', 'shop/web-pr']),
    );
    expect(
      s.ecr
        .commandCalls(CreateRepositoryCommand)
        .every((c) => c.args[0].input.repositoryName?.endsWith('-pr')),
    ).toBe(true);
  });

  it('pushes only the run tags without version tags', async () => {
    const s = setup({ versionTags: false, tags: ['v1', 'latest'] });
    const images = await acquireImages([parks], s.session, s.options);
    expect(images[0]?.tags).toEqual(['v1', 'latest']);
  });

  it('builds build: services beside the exports and pushes them under the run tags, after the packages', async () => {
    const s = setup({ builds: [imageBuild('web')] });
    const images = await acquireImages([parks], s.session, s.options);
    expect(images.map((i) => [i.repository, i.tags, i.pushed])).toEqual([
      ['mattray/national-parks', ['v1', '1.0.0', '1.0.0-20200101000000'], true],
      ['shop/web', ['v1'], true],
    ]);
    expect(s.world.events).toContain('docker build /ws/web');
    expect(s.world.events).toContain(`docker push ${REGISTRY}/shop/web:v1`);
    expect(s.log.of('group')).toEqual(['group: Build, export and push']);
    expect(s.progress.account()[0]).toBe(
      'Done before that: 1 package(s) exported; 1 image(s) built; 2 image(s) pushed.',
    );
  });

  it('pushes nothing again when the registry already holds the built image under the run tags', async () => {
    const s = setup({ builds: [imageBuild('web')] });
    await acquireImages([], s.session, s.options);
    const again = setup({ builds: [imageBuild('web')] });
    for (const [key, value] of s.world.manifests) again.world.manifests.set(key, value);
    const [image] = await acquireImages([], again.session, again.options);
    expect(image?.pushed).toBe(false);
    expect(again.world.events).toEqual(['docker build /ws/web']);
    expect(again.log.of('group')).toEqual(['group: Build and push']);
  });

  it.each([
    ['an export', false, [parks]],
    ['a build', true, []],
  ])(
    'masks the registry token before %s starts: no output of hab or docker can show it',
    async (_what, build, packages) => {
      const s = setup(build ? { builds: [imageBuild('web')] } : { reuseReleased: false });
      const maskedAtStart: string[][] = [];
      const run = s.world.run;
      const recording: typeof run = async (command, args, o) => {
        maskedAtStart.push([...s.log.secrets]);
        return run(command, args, o);
      };
      await acquireImages(packages, s.session, { ...s.options, run: recording });
      expect(maskedAtStart.length).toBeGreaterThan(0);
      for (const masked of maskedAtStart) expect(masked).toContain(PASSWORD);
    },
  );

  it('a failed build fails the stage, naming the service, and no later build starts', async () => {
    const s = setup({ builds: [imageBuild('broken'), imageBuild('web')], maxParallel: 1 });
    await expect(acquireImages([], s.session, s.options)).rejects.toThrow(
      /building shop\/broken \(service broken\) failed: docker exited with code 1\. Last lines of its output:\nunknown instruction: CPY/,
    );
    expect(s.world.events).toEqual(['docker build /ws/broken']);
    expect(s.progress.account()[1]).toBe(
      'Images pushed so far are harmless: no task definition names them yet.',
    );
  });
});

function imageBuild(service: string): ImageBuild {
  const place = { path: ['services', service, 'build'] };
  return {
    repository: `shop/${service}`,
    services: [service],
    context: `/ws/${service}`,
    dockerfile: `/ws/${service}/Dockerfile`,
    args: [],
    labels: [],
    platform: 'linux/amd64',
    places: { context: place, dockerfile: place },
  };
}
