// Reuse of released images against the local stack's registry: a release pushed once is found by
// its <version>-<release> tag, pinned by that digest, and given the run's tags with manifest PUTs,
// without exporting or pushing anything.
//
// Needs the stack: test/stack/local-stack up && eval "$(test/stack/local-stack env)".
// It injects one registry fault, matched to a tag only this file uses.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ECRClient } from '@aws-sdk/client-ecr';
import { exportPackages } from '../../src/habitat/export';
import { parsePackageSource } from '../../src/translate/habitat/package-source';
import { ensureRepositories } from '../../src/registry/ecr';
import { authorizeRegistry, dockerLogin, logout, type RegistryLogin } from '../../src/registry/login';
import { getRawManifest } from '../../src/registry/manifest';
import { pushImages, type PushedImage } from '../../src/registry/docker-push';
import { reuseReleasedImages, type ReuseOptions } from '../../src/registry/reuse';
import { imageTags } from '../../src/registry/tags';
import { RecordingLog } from '../support/recording-log';
import { DEFAULT_REPOSITORY_SETTINGS } from '../support/repository-settings';
import { fault, registryRequests, requireStackEnv, servedDigest } from '../support/stack';

jest.setTimeout(180_000);

const MONGODB = parsePackageSource('billmeyer/mongodb/3.2.10/20171016003652');
const PARKS = parsePackageSource('mattray/national-parks/6.3.0/20190522195009');
// Another release of the same package: a different image, to hold a tag the reuse must move.
const OTHER_RELEASE = parsePackageSource('billmeyer/mongodb/3.2.10/20200101000000');
// A release nobody pushes: the registry has no tag for it, so it is left to export.
const NEVER_PUSHED = parsePackageSource('billmeyer/mongodb/3.2.10/20200202000000');
const UNPINNED = parsePackageSource('core/haproxy');
const FAST_RETRY = { attempts: 4, baseDelayMs: 100, maxDelayMs: 500 };

describe('reuse of released images on the local stack', () => {
  const ecr = new ECRClient({});
  const run = `reuse${Date.now()}`;
  const log = new RecordingLog();
  let workDir = '';
  let login: RegistryLogin | undefined;
  let first: PushedImage[] = [];
  let other: PushedImage | undefined;

  const reuseOptions = (tags: string[], extra: Partial<ReuseOptions> = {}): ReuseOptions => ({
    login: login!,
    tags: (image) => [...tags, ...imageTags(image, { version: true, versionRelease: true })],
    log,
    retry: FAST_RETRY,
    ...extra,
  });

  beforeAll(async () => {
    requireStackEnv();
    workDir = mkdtempSync(path.join(tmpdir(), 'reuse-it-'));
    await ensureRepositories(
      ecr,
      ['billmeyer/mongodb', 'mattray/national-parks'],
      DEFAULT_REPOSITORY_SETTINGS,
      log,
    );
    login = await dockerLogin(await authorizeRegistry(ecr, log), {
      dockerConfigDir: path.join(workDir, 'docker-config'),
      log,
    });
    // The releases, exported and pushed as a first deploy would: under the run tag and the version tags.
    const images = await exportPackages([MONGODB, PARKS, OTHER_RELEASE], {
      workDir: path.join(workDir, 'export'),
      log,
    });
    const push = (tags: (image: (typeof images)[number]) => string[], which: typeof images) =>
      pushImages(which, {
        login: login!,
        prepare: async () => login!,
        tags,
        maxParallel: 2,
        log,
        retry: FAST_RETRY,
      });
    first = await push(
      (image) => [run, ...imageTags(image, { version: true, versionRelease: true })],
      images.slice(0, 2),
    );
    [other] = await push(() => [`${run}-moved`], images.slice(2));
  });

  afterAll(async () => {
    if (process.env.HABITAT_ECS_STACK_DIR) fault('clear');
    if (login) await logout(login);
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  test('pins the pushed releases, adds and moves tags, and leaves the rest to export', async () => {
    const [mongodb, parks] = first;
    expect(other?.digest).not.toBe(mongodb?.digest);
    const { reused, toExport } = await reuseReleasedImages(
      [MONGODB, PARKS, NEVER_PUSHED, UNPINNED],
      reuseOptions([`${run}-2`, `${run}-moved`]),
    );
    expect(toExport).toEqual([NEVER_PUSHED, UNPINNED]);
    expect(reused.map((r) => [r.repository, r.reference, r.pushed])).toEqual([
      ['billmeyer/mongodb', mongodb?.reference, false],
      ['mattray/national-parks', parks?.reference, false],
    ]);
    expect(reused[0]?.pushedTags).toEqual(expect.arrayContaining([`${run}-2`, `${run}-moved`]));
    expect(reused[1]?.pushedTags).toEqual(expect.arrayContaining([`${run}-2`, `${run}-moved`]));

    // The registry serves every wanted tag at the pinned digest, the moved one included.
    for (const r of reused)
      for (const tag of r.tags)
        expect(await servedDigest(login!.registry, r.repository, tag, login!)).toBe(r.digest);

    // Same bytes and media type under the new tag: a retag, not a new manifest.
    const original = await getRawManifest(login!, 'billmeyer/mongodb', '3.2.10-20171016003652');
    const retagged = await getRawManifest(login!, 'billmeyer/mongodb', `${run}-2`);
    expect(retagged?.mediaType).toBe(original?.mediaType);
    expect(retagged?.bytes.equals(original!.bytes)).toBe(true);

    expect(log.of('info')).toEqual(
      expect.arrayContaining([
        `info: Reusing billmeyer/mongodb/3.2.10/20171016003652: the registry already has billmeyer/mongodb:3.2.10-20171016003652 (${mongodb?.digest})`,
        `info: Moved ${login!.registry}/billmeyer/mongodb:${run}-moved from ${other?.digest} to ${mongodb?.digest}`,
        'info: billmeyer/mongodb/3.2.10/20200202000000: the registry has no billmeyer/mongodb:3.2.10-20200202000000 yet: exporting it',
      ]),
    );
  });

  test('a second reuse with the same tags writes nothing', async () => {
    const from = registryRequests().length;
    const { reused } = await reuseReleasedImages([MONGODB, PARKS], reuseOptions([`${run}-2`]));
    expect(reused.map((r) => r.pushedTags)).toEqual([[], []]);
    const writes = registryRequests(from).filter(
      (line) => / (PUT|POST|PATCH) /.test(line) && line.includes(run),
    );
    expect(writes).toEqual([]);
  });

  test('a tag write that meets a 500 is retried', async () => {
    const tag = `${run}-3`;
    fault('500', '1', `PUT /v2/mattray/national-parks/manifests/${tag}`);
    const { reused } = await reuseReleasedImages([PARKS], reuseOptions([tag]));
    expect(reused[0]?.pushedTags).toContain(tag);
    expect(await servedDigest(login!.registry, 'mattray/national-parks', tag, login!)).toBe(first[1]?.digest);
    expect(log.text()).toMatch(new RegExp(`tagging .*national-parks:${tag}: attempt 1 failed \\(.*HTTP 500`));
  });
});
