// Pushing an exported image through the registry API (registry/api-push.ts) against the local stack:
// the stand-in's multi-layer export, the TLS registry at the ECR host name, its fault injection,
// and the Docker engine pulling back what was pushed.
//
// Needs the stack: test/stack/local-stack up && eval "$(test/stack/local-stack env)".
// Faults are global to the stack: do not run this next to other tests that use the registry.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { exportPackages, type ExportedImage } from '../../src/habitat/export';
import { KnownLayers } from '../../src/registry/known-layers';
import { uploadImage, type UploadOptions } from '../../src/registry/api-push';
import type { PackageSource } from '../../src/translate/habitat/package-source';
import { RecordingLog } from '../support/recording-log';
import { ok, run } from '../support/run';
import {
  dockerLogin,
  ECR_CREDENTIALS,
  fault,
  registryRequests,
  requireStackEnv,
  servedDigest,
} from '../support/stack';

jest.setTimeout(180_000);

const registry = process.env.HABITAT_ECS_STACK_REGISTRY ?? '';
const login = { registry, ...ECR_CREDENTIALS };
// A repository of its own each run: the registry keeps what earlier runs pushed.
const NAME = `upload-it-${Date.now()}`;
const PACKAGE: PackageSource = {
  kind: 'ident',
  origin: 'core',
  name: NAME,
  version: '1.0.0',
  release: '20260101000000',
};
const REPOSITORY = `core/${NAME}`;
const FAST_RETRY = { attempts: 5, baseDelayMs: 200, maxDelayMs: 1000 };

describe('uploadImage on the local stack', () => {
  const tag = `up${Date.now()}`;
  let workDir = '';
  let image: ExportedImage;
  const options = (extra: Partial<UploadOptions> = {}): UploadOptions => ({
    login,
    prepare: async () => undefined,
    tags: [tag],
    known: new KnownLayers(),
    workDir: path.join(workDir, 'push'),
    log: new RecordingLog(),
    env: process.env,
    retry: FAST_RETRY,
    ...extra,
  });

  beforeAll(async () => {
    requireStackEnv();
    fault('clear');
    workDir = mkdtempSync(path.join(tmpdir(), 'upload-it-'));
    [image] = (await exportPackages([PACKAGE], {
      workDir: path.join(workDir, 'export'),
      log: new RecordingLog(),
      env: { ...process.env, HAB_STANDIN_PAYLOAD_MB: '1' },
      settings: { channel: 'stable', multiLayer: true },
    })) as [ExportedImage];
  });

  afterAll(() => {
    if (process.env.HABITAT_ECS_STACK_DIR) fault('clear');
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  test('pushes every layer through the API, with blob uploads meeting 500s retried, and Docker pulls back the same files', async () => {
    const from = registryRequests().length;
    fault('500', '2', 'PATCH /v2/');
    const pushed = await uploadImage(image, options());
    const sent = registryRequests(from);
    expect(sent.filter((l) => / PATCH \/v2\/.* fault:500$/.test(l))).toHaveLength(2);
    expect(await servedDigest(registry, REPOSITORY, tag)).toBe(pushed.digest);
    expect(pushed.upload).toMatchObject({ layersPushed: pushed.upload?.layers, layersPresent: 0 });
    // The engine takes the pushed image, and it holds what the export made.
    dockerLogin(registry);
    ok('docker', ['pull', '-q', pushed.reference], { timeout: 120_000 });
    const ident = (img: string) =>
      ok('docker', [
        'run',
        '--rm',
        '--entrypoint',
        '/bin/busybox',
        img,
        'cat',
        `/hab/pkgs/core/${NAME}/1.0.0/20260101000000/IDENT`,
      ]).stdout;
    expect(ident(pushed.reference)).toBe(ident(image.imageId));
    expect(ident(pushed.reference)).toBe(`core/${NAME}/1.0.0/20260101000000\n`);
    run('docker', ['rmi', pushed.reference]);
  });

  test('a new export of the same package pushes nothing: same digest, no write to the registry', async () => {
    const first = await servedDigest(registry, REPOSITORY, tag);
    const from = registryRequests().length;
    const again = await uploadImage(image, options());
    expect(again).toMatchObject({ digest: first, pushed: false });
    expect(registryRequests(from).filter((l) => / (PUT|POST|PATCH) /.test(l))).toEqual([]);
  });

  test('refused credentials fail at once, saying so', async () => {
    const started = Date.now();
    const refused = uploadImage(
      image,
      options({ login: { ...login, password: 'wrong' }, tags: [`${tag}-x`] }),
    );
    await expect(refused).rejects.toThrow(/the registry refused the credentials/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
