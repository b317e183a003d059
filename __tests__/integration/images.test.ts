// The image pipeline against the local stack: hab stand-in exports, moto's ECR repositories and
// token, the TLS registry at the ECR host name, and its fault injection.
//
// Needs the stack: test/stack/local-stack up && eval "$(test/stack/local-stack env)".
// Faults are global to the stack: do not run this next to other tests that use the registry.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DeleteRepositoryCommand, ECRClient } from '@aws-sdk/client-ecr';
import { exportPackages, type ExportedImage } from '../../src/habitat/export';
import type { PackageSource } from '../../src/translate/habitat/package-source';
import { ensureRepositories } from '../../src/registry/ecr';
import { authorizeRegistry, dockerLogin, logout, type RegistryLogin } from '../../src/registry/login';
import { getManifest } from '../../src/registry/manifest';
import { pushImages, type PushOptions } from '../../src/registry/docker-push';
import { imageTags } from '../../src/registry/tags';
import { RecordingLog } from '../support/recording-log';
import { DEFAULT_REPOSITORY_SETTINGS } from '../support/repository-settings';
import { fault, requireStackEnv, servedDigest } from '../support/stack';

jest.setTimeout(180_000);

/** hab finds the stack's emulated Builder through HAB_BLDR_URL, as the real one does. */
const BUILDER_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  HAB_BLDR_URL: process.env.HABITAT_ECS_STACK_BUILDER_URL,
};

const PACKAGES: PackageSource[] = [
  { kind: 'ident', origin: 'billmeyer', name: 'mongodb' },
  { kind: 'ident', origin: 'mattray', name: 'national-parks' },
];
const FAST_RETRY = { attempts: 5, baseDelayMs: 200, maxDelayMs: 1000 };

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('image pipeline on the local stack', () => {
  const ecr = new ECRClient({});
  const run = `it${Date.now()}`;
  let workDir = '';
  let log: RecordingLog;
  let images: ExportedImage[] = [];
  let login: RegistryLogin | undefined;

  const pushOptions = (extra: Partial<PushOptions<ExportedImage>> = {}): PushOptions<ExportedImage> => ({
    login: login!,
    prepare: async () => login!,
    tags: (img) => [run, ...imageTags(img, { version: true, versionRelease: true })],
    maxParallel: 2,
    log,
    retry: FAST_RETRY,
    ...extra,
  });

  beforeAll(async () => {
    requireStackEnv();
    fault('clear');
    workDir = mkdtempSync(path.join(tmpdir(), 'images-it-'));
    log = new RecordingLog();
    for (const source of PACKAGES) {
      await ecr
        .send(new DeleteRepositoryCommand({ repositoryName: `${source.origin}/${source.name}`, force: true }))
        .catch(() => undefined);
    }
  });

  afterAll(async () => {
    if (process.env.HABITAT_ECS_STACK_DIR) fault('clear');
    if (login) await logout(login);
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  test('exports both packages with the stand-in', async () => {
    images = await exportPackages(PACKAGES, { workDir: path.join(workDir, 'export'), log, env: BUILDER_ENV });
    expect(images.map((i) => [i.repository, i.name, i.version, i.release])).toEqual([
      ['billmeyer/mongodb', 'billmeyer/mongodb', '3.2.10', '20171016003652'],
      ['mattray/national-parks', 'mattray/national-parks', '6.3.0', '20190522195009'],
    ]);
    expect(log.text()).toMatch(/Using `hab pkg export container`.*hab 2\.1\.78\//);
  });

  test('creates both repositories, then finds them', async () => {
    const names = images.map((i) => i.repository);
    expect(await ensureRepositories(ecr, names, DEFAULT_REPOSITORY_SETTINGS, log)).toEqual({
      created: names,
      existing: [],
    });
    expect(await ensureRepositories(ecr, names, DEFAULT_REPOSITORY_SETTINGS, log)).toEqual({
      created: [],
      existing: names,
    });
  });

  test('logs in, pushes both, and the digests are what the registry serves; a second run pushes nothing', async () => {
    login = await dockerLogin(await authorizeRegistry(ecr, log), {
      dockerConfigDir: path.join(workDir, 'docker-config'),
      log,
    });
    expect(login.registry).toBe(process.env.HABITAT_ECS_STACK_REGISTRY);
    expect(statSync(login.dockerConfigDir).mode & 0o777).toBe(0o700);

    const pushed = await pushImages(images, pushOptions());
    expect(pushed.map((p) => p.tags)).toEqual([
      [run, '3.2.10', '3.2.10-20171016003652'],
      [run, '6.3.0', '6.3.0-20190522195009'],
    ]);
    for (const p of pushed) {
      expect(p.pushedTags).toContain(run);
      expect(p.reference).toBe(`${login.registry}/${p.repository}@${p.digest}`);
      for (const tag of p.tags)
        expect(await servedDigest(login.registry, p.repository, tag, login)).toBe(p.digest);
    }

    const again = await pushImages(images, pushOptions());
    expect(again.map((p) => p.pushed)).toEqual([false, false]);
    expect(again.map((p) => p.reference)).toEqual(pushed.map((p) => p.reference));
  });

  test('retries when the registry answers 500 and then recovers', async () => {
    const tag = `${run}-r1`;
    fault('500', '2');
    const [p] = await pushImages(images.slice(0, 1), pushOptions({ tags: () => [tag] }));
    expect(p?.pushed).toBe(true);
    expect(await servedDigest(login!.registry, p!.repository, tag, login!)).toBe(p?.digest);
    expect(log.text()).toMatch(/attempt 1 failed \(.*HTTP 500.*\); retrying/);
  });

  test('retries a docker push that meets 500s', async () => {
    const tag = `${run}-r2`;
    // Let the up-front manifest check through, then make the push itself meet the faults.
    let injected = false;
    const readManifest: typeof getManifest = async (...args) => {
      const answer = await getManifest(...args);
      if (answer === undefined && !injected) {
        injected = true;
        fault('500', '2');
      }
      return answer;
    };
    const [p] = await pushImages(images.slice(1), pushOptions({ tags: () => [tag], readManifest }));
    expect(p?.pushed).toBe(true);
    // Docker may report the 500 itself, or "unauthorized" when the 500 hid the auth challenge.
    expect(log.text()).toMatch(
      /pushing .*national-parks:.*-r2: attempt 1 failed \(docker push .*exited with code 1/,
    );
    expect(await servedDigest(login!.registry, p!.repository, tag, login!)).toBe(p?.digest);
  });

  test('refused credentials fail fast with a clear message', async () => {
    fault('401');
    try {
      const started = Date.now();
      await expect(pushImages(images.slice(0, 1), pushOptions({ tags: () => [`${run}-a`] }))).rejects.toThrow(
        /the registry refused the credentials/,
      );
      expect(Date.now() - started).toBeLessThan(10_000);
      await expect(
        dockerLogin(await authorizeRegistry(ecr, log), {
          dockerConfigDir: path.join(workDir, 'docker-config-2'),
          log,
        }),
      ).rejects.toThrow(/logging in to .* failed: the registry refused the ECR token/);
    } finally {
      fault('clear');
    }
  });

  test('after logout no log line and no file under the work dir holds the ECR password', async () => {
    const { password, username } = login!;
    const encoded = Buffer.from(`${username}:${password}`).toString('base64');
    expect(readFileSync(path.join(login!.dockerConfigDir, 'config.json'), 'utf8')).toContain(encoded);
    await logout(login!, { log });
    expect(existsSync(login!.dockerConfigDir)).toBe(false);
    login = undefined;
    for (const line of log.raw) {
      expect(line).not.toContain(password);
      expect(line).not.toContain(encoded);
    }
    for (const file of filesUnder(workDir)) {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toContain(password);
      expect(text).not.toContain(encoded);
    }
  });

  test.each([
    ['1.5.71', 'docker'],
    ['1.6.20', 'docker'],
    ['1.6.1245', 'container'],
    ['2.0.450', 'container'],
  ])(
    'hab %s: uses `%s` from its version, by name from stable, with HAB_LICENSE, in a private directory',
    async (version, sub) => {
      const callLog = path.join(workDir, `hab-calls-${version}.jsonl`);
      const versionLog = new RecordingLog();
      const env: NodeJS.ProcessEnv = {
        ...BUILDER_ENV,
        HAB_STANDIN_VERSION: version,
        HAB_STANDIN_LOG: callLog,
      };
      delete env.HAB_LICENSE;
      const exportDir = path.join(workDir, `v${version}`);
      const [exported] = await exportPackages(PACKAGES.slice(0, 1), {
        workDir: exportDir,
        log: versionLog,
        env,
      });
      expect(exported?.tags).toEqual(['latest', '3.2.10', '3.2.10-20171016003652']);
      const calls = readFileSync(callLog, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { argv: string[]; cwd: string; hab_license: string });
      expect(calls.map((c) => c.argv.join(' '))).toEqual([
        '--version',
        `pkg export ${sub} --channel stable billmeyer/mongodb`,
      ]);
      const exportCall = calls.at(-1)!;
      expect(exportCall.hab_license).toBe('accept-no-persist');
      expect(path.dirname(exportCall.cwd)).toBe(exportDir);
      expect(versionLog.text()).toContain(`Using \`hab pkg export ${sub}\``);
    },
  );

  test('hab missing from PATH fails clearly', async () => {
    const dirs = (process.env.PATH ?? '')
      .split(path.delimiter)
      .filter((d) => !existsSync(path.join(d, 'hab')));
    await expect(
      exportPackages(PACKAGES, {
        workDir: path.join(workDir, 'nohab'),
        log: new RecordingLog(),
        env: { ...process.env, PATH: dirs.join(path.delimiter) },
      }),
    ).rejects.toThrow(/`hab` is not on PATH: install the Habitat CLI .*install\.sh/);
  });

  test('a failing export names the package and shows the tail of its output', async () => {
    const attempt = exportPackages(PACKAGES, {
      workDir: path.join(workDir, 'failing-tail'),
      log: new RecordingLog(),
      env: { ...BUILDER_ENV, HAB_STANDIN_FAIL: 'mattray/national-parks' },
    });
    await expect(attempt).rejects.toThrow(
      /failure injected by HAB_STANDIN_FAIL[\s\S]*Container image build failed/,
    );
    await expect(
      exportPackages(PACKAGES, {
        workDir: path.join(workDir, 'failing'),
        log: new RecordingLog(),
        env: { ...BUILDER_ENV, HAB_STANDIN_FAIL: 'mattray/national-parks' },
      }),
    ).rejects.toThrow(
      /exporting mattray\/national-parks failed: `hab pkg export container` exited with code 1\. Last lines/,
    );
  });
});
