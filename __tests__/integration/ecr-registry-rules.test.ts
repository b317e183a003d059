// ECR's own rules on the registry API, as the stack's front plays them (test/stack/registry-front.py),
// met by registry/api-push.ts: tag immutability, blob mounting refused, Retry-After, blob reads
// redirected to S3.
//
// Needs the stack: test/stack/local-stack up && eval "$(test/stack/local-stack env)".
// Faults are global to the stack: do not run this next to other tests that use the registry.
import { CreateRepositoryCommand, ECRClient } from '@aws-sdk/client-ecr';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { exportPackages, type ExportedImage } from '../../src/habitat/export';
import { KnownLayers } from '../../src/registry/known-layers';
import { uploadImage, type UploadOptions } from '../../src/registry/api-push';
import { RecordingLog } from '../support/recording-log';
import { ECR_CREDENTIALS, fault, registryRequests, requireStackEnv, servedDigest } from '../support/stack';

jest.setTimeout(180_000);

const registry = process.env.HABITAT_ECS_STACK_REGISTRY ?? '';
const login = { registry, ...ECR_CREDENTIALS };
const suffix = Date.now().toString(36);
const FAST_RETRY = { attempts: 5, baseDelayMs: 200, maxDelayMs: 1000 };
let workDir = '';
let image: ExportedImage;

function options(log: RecordingLog, extra: Partial<UploadOptions> = {}): UploadOptions {
  return {
    login,
    prepare: async () => undefined,
    tags: ['v1'],
    known: new KnownLayers(),
    workDir: path.join(workDir, 'push'),
    log,
    env: process.env,
    retry: FAST_RETRY,
    ...extra,
  };
}

async function repository(name: string, mutability: 'MUTABLE' | 'IMMUTABLE' = 'MUTABLE'): Promise<string> {
  await new ECRClient({}).send(
    new CreateRepositoryCommand({ repositoryName: name, imageTagMutability: mutability }),
  );
  return name;
}

beforeAll(async () => {
  requireStackEnv();
  fault('clear');
  workDir = mkdtempSync(path.join(tmpdir(), 'ecr-rules-'));
  [image] = (await exportPackages(
    [{ kind: 'ident', origin: 'core', name: `rules-${suffix}`, version: '1.0.0', release: '20260101000000' }],
    {
      workDir: path.join(workDir, 'export'),
      log: new RecordingLog(),
      env: { ...process.env, HAB_STANDIN_PAYLOAD_MB: '1' },
      settings: { channel: 'stable', multiLayer: true },
    },
  )) as [ExportedImage];
});

afterAll(() => {
  if (process.env.HABITAT_ECS_STACK_DIR) fault('clear');
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

test('an IMMUTABLE repository: a manifest PUT applied but answered 502 is retried, refused, and recognised as done', async () => {
  const repo = await repository(`core/rules-locked-${suffix}`, 'IMMUTABLE');
  const from = registryRequests().length;
  fault('apply-502', '1', `PUT /v2/${repo}/manifests/v1`);
  const pushed = await uploadImage({ ...image, repository: repo }, options(new RecordingLog()));
  const puts = registryRequests(from).filter((l) => l.includes(`PUT /v2/${repo}/manifests/v1`));
  expect(puts).toEqual([
    expect.stringMatching(/ 201 \(applied, answered 502\)$/),
    expect.stringMatching(/ 400 \(TAG_INVALID: immutable\)$/),
  ]);
  expect(await servedDigest(registry, repo, 'v1')).toBe(pushed.digest);
});

test('a mount the registry refuses (403: no read on the source repository) falls back to an upload', async () => {
  const a = await repository(`core/rules-a-${suffix}`);
  const b = await repository(`core/rules-b-${suffix}`);
  const known = new KnownLayers();
  await uploadImage({ ...image, repository: a }, options(new RecordingLog(), { known }));
  const from = registryRequests().length;
  fault('403', '100', 'mount=');
  const pushed = await uploadImage({ ...image, repository: b }, options(new RecordingLog(), { known }));
  fault('clear');
  const sent = registryRequests(from);
  expect(sent.filter((l) => l.includes('mount=') && l.endsWith('fault:403')).length).toBeGreaterThan(0);
  expect(sent.filter((l) => new RegExp(`PUT /v2/${b}/blobs/uploads/.* 201$`).test(l)).length).toBeGreaterThan(
    0,
  );
  expect(await servedDigest(registry, b, 'v1')).toBe(pushed.digest);
});

test('with blob mounting off (as in ECR by default) the mount parameters are dropped, and the blob is uploaded', async () => {
  const c = await repository(`core/rules-c-${suffix}`);
  const d = await repository(`core/rules-d-${suffix}`);
  const known = new KnownLayers();
  await uploadImage({ ...image, repository: c }, options(new RecordingLog(), { known }));
  const from = registryRequests().length;
  const pushed = await uploadImage({ ...image, repository: d }, options(new RecordingLog(), { known }));
  const sent = registryRequests(from);
  expect(sent.filter((l) => l.includes('mount='))).toEqual([]);
  expect(sent.filter((l) => new RegExp(`POST /v2/${d}/blobs/uploads/ 202$`).test(l)).length).toBeGreaterThan(
    0,
  );
  expect(pushed.upload?.layersPushed).toBe(pushed.upload?.layers);
});

test('a 429 with Retry-After is retried after the time the registry asked for, not the shorter backoff', async () => {
  const repo = await repository(`core/rules-retry-${suffix}`);
  const log = new RecordingLog();
  fault('429', '1', `HEAD /v2/${repo}/blobs/`);
  await uploadImage({ ...image, repository: repo }, options(log));
  expect(log.of('info').join('\n')).toMatch(/attempt 1 failed \(.*HTTP 429.*\); retrying in 3000 ms/);
});

test("a blob read is redirected to the layer bucket's host, and read there without the registry's credentials", async () => {
  const repo = await repository(`core/rules-read-${suffix}`);
  await uploadImage({ ...image, repository: repo }, options(new RecordingLog(), { tags: ['latest'] }));
  const from = registryRequests().length;
  // A push under a new tag reads the config of `latest` to learn its layers.
  const known = new KnownLayers();
  const pushed = await uploadImage(
    { ...image, repository: repo },
    options(new RecordingLog(), { tags: ['v2'], known }),
  );
  const sent = registryRequests(from);
  expect(sent.filter((l) => new RegExp(`GET /v2/${repo}/blobs/sha256:[a-f0-9]+ 307$`).test(l))).toHaveLength(
    1,
  );
  expect(
    sent.filter((l) => new RegExp(` GET /${repo}/blobs/sha256:[a-f0-9]+\\?X-Amz-.* 200$`).test(l)),
  ).toHaveLength(1);
  expect(pushed.upload?.layersPushed).toBe(0);
});
