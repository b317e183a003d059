import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { UserError } from '../../src/diagnostics';
import type { ExportedImage } from '../../src/habitat/export';
import { KnownLayers } from '../../src/registry/known-layers';
import type { RawManifest } from '../../src/registry/manifest';
import { RegistryFailure } from '../../src/registry/retry';
import { uploadImage, type UploadOptions } from '../../src/registry/api-push';
import { RecordingLog } from '../support/recording-log';
import { entry, tarOf } from '../image/tar-fixtures';

const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const login = { registry: REGISTRY, username: 'AWS', password: 'token' };
const sha = (b: Buffer | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** A package layer as an export at `time` writes it. */
function packageLayer(ident: string, time: number, payload = ident): Buffer {
  return tarOf([
    entry('hab/', { type: '5', mtime: time }),
    entry(`hab/pkgs/${ident}/`, { type: '5', mtime: time }),
    entry(`hab/pkgs/${ident}/IDENT`, { mtime: 1_577_836_800 }, `${ident}\n`),
    entry(`hab/pkgs/${ident}/payload`, { mtime: 1_577_836_800 }, payload.repeat(500)),
  ]);
}

/** An export of `top` at `time`: the dependencies' layers, the package's, and /init.sh naming it. */
function exportOf(top: string, time: number) {
  const layers = [
    packageLayer('core/glibc/2.36/20240101000000', time),
    packageLayer('chef/hab-sup/2.1.78/20260821000000', time),
    packageLayer(top, time),
    tarOf([entry('init.sh', { mode: 0o755, mtime: time }, `exec hab sup run ${top}\n`)]),
  ];
  const config = {
    architecture: 'amd64',
    os: 'linux',
    config: { Cmd: ['run', top], Image: `sha256:parent-${time}` },
    container: `build-${time}`,
    created: new Date(time * 1000).toISOString(),
    history: layers.map(() => ({ created: new Date(time * 1000).toISOString(), created_by: 'COPY' })),
    rootfs: { type: 'layers', diff_ids: layers.map((l) => sha(l)) },
  };
  return { config, layers };
}

/** The registry API and `docker save`, in memory; `events` is every write, in order. */
function fakeRegistry(opts: { mounts?: boolean; storedDigest?: string } = {}) {
  const blobs = new Map<string, Buffer>();
  const manifests = new Map<string, RawManifest>();
  const events: string[] = [];
  const images = new Map<string, ReturnType<typeof exportOf>>();
  const api: NonNullable<UploadOptions['api']> = {
    readRawManifest: async (_l, repository, ref) => manifests.get(`${repository}:${ref}`),
    writeManifest: async (_l, repository, tag, m) => {
      const digest = sha(m.bytes);
      events.push(`put ${repository}:${tag}`);
      const raw = { manifest: { digest, mediaType: m.mediaType }, bytes: m.bytes, mediaType: m.mediaType };
      manifests.set(`${repository}:${tag}`, raw);
      manifests.set(`${repository}:${digest}`, raw);
      return opts.storedDigest ?? digest;
    },
    readBlob: async (_l, repository, digest) => blobs.get(`${repository}@${digest}`),
    blobExists: async (_l, repository, digest) => blobs.has(`${repository}@${digest}`),
    mountBlob: async (_l, repository, digest, from) => {
      const blob = blobs.get(`${from}@${digest}`);
      if (!opts.mounts || !blob) return false;
      events.push(`mount ${repository}@${digest.slice(7, 15)} from ${from}`);
      blobs.set(`${repository}@${digest}`, blob);
      return true;
    },
    uploadBlob: async (_l, repository, blob) => {
      const bytes = 'file' in blob ? readFileSync(blob.file) : blob.bytes;
      expect(sha(bytes)).toBe(blob.digest);
      expect(bytes.length).toBe(blob.size);
      events.push(`upload ${repository}@${blob.digest.slice(7, 15)} ${bytes.length}`);
      blobs.set(`${repository}@${blob.digest}`, bytes);
    },
    saveImage: async (id, dir) => {
      const image = images.get(id);
      if (!image) throw new Error(`no image ${id}`);
      await mkdir(dir, { recursive: true });
      const files = await Promise.all(
        image.layers.map(async (layer, i) => {
          const file = path.join(dir, `${i}.tar`);
          await writeFile(file, layer);
          return file;
        }),
      );
      return { config: image.config, layers: files };
    },
  };
  return { api, blobs, manifests, events, images };
}

function exported(repository: string, id: string, release: string): ExportedImage {
  const [origin = '', name = ''] = repository.split('/');
  return {
    source: { kind: 'ident', origin, name },
    repository,
    imageId: id,
    name: repository,
    tags: ['latest', '1.0.0', `1.0.0-${release}`],
    version: '1.0.0',
    release,
  };
}

function setup(opts: Parameters<typeof fakeRegistry>[0] = {}) {
  const world = fakeRegistry(opts);
  const prepared: string[] = [];
  const workDir = mkdtempSync(path.join(tmpdir(), 'upload-'));
  const options: UploadOptions = {
    login,
    prepare: async (repository) => void prepared.push(repository),
    tags: ['v1'],
    known: new KnownLayers(),
    workDir,
    log: new RecordingLog(),
    env: {},
    api: world.api as NonNullable<UploadOptions['api']>,
    retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    sleep: async () => undefined,
  };
  const push = (image: ExportedImage, tags: string[], known = new KnownLayers()) =>
    uploadImage(image, { ...options, tags, known });
  return { world, prepared, push, options };
}

const APP = 'acme/app/1.0.0/20260101000000';
const NEXT = 'acme/app/1.0.0/20260102000000';

describe('uploadImage', () => {
  it('uploads every layer, the config, and the manifest once a tag, and pins the image by digest', async () => {
    const s = setup();
    s.world.images.set('id1', exportOf(APP, 1_795_912_205));
    const pushed = await s.push(exported('acme/app', 'id1', '20260101000000'), [
      'v1',
      '1.0.0',
      '1.0.0-20260101000000',
    ]);
    const { events } = s.world;
    expect(events.filter((e) => e.startsWith('upload'))).toHaveLength(5); // 4 layers + config
    expect(events.filter((e) => e.startsWith('put'))).toEqual([
      'put acme/app:v1',
      'put acme/app:1.0.0',
      'put acme/app:1.0.0-20260101000000',
    ]);
    expect(pushed).toMatchObject({
      uri: `${REGISTRY}/acme/app`,
      pushed: true,
      pushedTags: ['v1', '1.0.0', '1.0.0-20260101000000'],
    });
    expect(pushed.reference).toBe(`${REGISTRY}/acme/app@${pushed.digest}`);
    expect(s.world.manifests.get('acme/app:v1')?.manifest.digest).toBe(pushed.digest);
    expect(pushed.upload).toMatchObject({ layers: 4, layersPushed: 4, layersPresent: 0 });
    expect(pushed.upload?.bytesPushed).toBeGreaterThan(0);
    expect(s.prepared).toEqual(['acme/app']);
  });

  it('pushes nothing for a new export of the same packages: same digest, no upload, no tag written', async () => {
    const s = setup();
    s.world.images.set('id1', exportOf(APP, 1_795_912_205));
    s.world.images.set('id2', exportOf(APP, 1_795_999_999));
    const first = await s.push(exported('acme/app', 'id1', '20260101000000'), ['v1', '1.0.0']);
    const before = s.world.events.length;
    const second = await s.push(exported('acme/app', 'id2', '20260101000000'), ['v1', '1.0.0']);
    expect(second.digest).toBe(first.digest);
    expect(s.world.events.slice(before)).toEqual([]);
    expect(second).toMatchObject({ pushed: false, pushedTags: [] });
    expect(second.upload).toMatchObject({ layersPushed: 0, layersPresent: 4, bytesPushed: 0 });
  });

  it('uploads only the changed package and per-export layers for a new release of the top package', async () => {
    const s = setup();
    s.world.images.set('id1', exportOf(APP, 1_795_912_205));
    s.world.images.set('id2', exportOf(NEXT, 1_795_999_999));
    await s.push(exported('acme/app', 'id1', '20260101000000'), ['v1', '1.0.0']);
    const before = s.world.events.length;
    // A fresh run: what the registry holds is learnt from the image the tags name.
    const next = await s.push(exported('acme/app', 'id2', '20260102000000'), ['v2', '1.0.0']);
    const uploads = s.world.events.slice(before).filter((e) => e.startsWith('upload'));
    expect(uploads).toHaveLength(3); // the package, /init.sh, the config
    expect(next.upload).toMatchObject({ layersPushed: 2, layersPresent: 2 });
    expect(s.world.events.slice(before).filter((e) => e.startsWith('put'))).toEqual([
      'put acme/app:v2',
      'put acme/app:1.0.0',
    ]);
  });

  it('adds a tag with one manifest PUT and nothing else', async () => {
    const s = setup();
    s.world.images.set('id1', exportOf(APP, 1_795_912_205));
    await s.push(exported('acme/app', 'id1', '20260101000000'), ['v1']);
    const before = s.world.events.length;
    const again = await s.push(exported('acme/app', 'id1', '20260101000000'), ['v1', 'latest']);
    expect(s.world.events.slice(before)).toEqual(['put acme/app:latest']);
    expect(again.pushedTags).toEqual(['latest']);
  });

  it('mounts the layers another repository of the run pushed, or uploads them where the registry does not mount', async () => {
    for (const mounts of [true, false]) {
      const s = setup({ mounts });
      const known = new KnownLayers();
      s.world.images.set('id1', exportOf(APP, 1_795_912_205));
      s.world.images.set('id2', exportOf('acme/db/2.0.0/20250101000000', 1_795_999_999));
      await s.push(exported('acme/app', 'id1', '20260101000000'), ['v1'], known);
      const before = s.world.events.length;
      const db = await s.push(exported('acme/db', 'id2', '20250101000000'), ['v1'], known);
      const events = s.world.events.slice(before);
      expect(events.filter((e) => e.startsWith('mount'))).toHaveLength(mounts ? 2 : 0);
      expect(events.filter((e) => e.startsWith('upload'))).toHaveLength(mounts ? 3 : 5);
      expect(db.upload).toMatchObject({ layersPushed: mounts ? 2 : 4, layersPresent: mounts ? 2 : 0 });
    }
  });

  it('fails when the registry stores another digest than the manifest has', async () => {
    const s = setup({ storedDigest: 'sha256:other' });
    s.world.images.set('id1', exportOf(APP, 1_795_912_205));
    await expect(s.push(exported('acme/app', 'id1', '20260101000000'), ['v1'])).rejects.toThrow(
      /serves sha256:other for that tag/,
    );
  });

  it("takes a config the credentials may not read (403, AWS's push policy) for layers unknown, and pushes on", async () => {
    const s = setup();
    s.world.images.set('id1', exportOf(APP, 1_795_912_205));
    await s.push(exported('acme/app', 'id1', '20260101000000'), ['latest']);
    s.world.api.readBlob = async () => {
      throw new RegistryFailure('reading a config: HTTP 403: {"errors":[{"code":"DENIED"}]}', 'auth');
    };
    s.world.images.set('id2', exportOf(NEXT, 1_795_999_999));
    const before = s.world.events.length;
    const next = await s.push(exported('acme/app', 'id2', '20260102000000'), ['v2']);
    // Each layer was checked (HEAD) instead of known: the unchanged ones are not uploaded again.
    expect(next.upload).toMatchObject({ layersPresent: 2, layersPushed: 2 });
    expect(s.world.events.slice(before).filter((e) => e.startsWith('upload'))).toHaveLength(3);
  });

  it('takes a retried manifest PUT that an IMMUTABLE repository refuses, when the tag names our digest, for done', async () => {
    const s = setup();
    s.world.images.set('id1', exportOf(APP, 1_795_912_205));
    const write = s.world.api.writeManifest!;
    let attempts = 0;
    s.world.api.writeManifest = async (...args) => {
      attempts++;
      if (attempts === 1) {
        await write(...args); // stored, but the answer is lost
        throw new RegistryFailure('storing: HTTP 502', 'transient');
      }
      throw new RegistryFailure(
        "storing: HTTP 400: TAG_INVALID: The image tag 'v1' already exists ... because the repository is immutable.",
        'fatal',
      );
    };
    const pushed = await uploadImage(exported('acme/app', 'id1', '20260101000000'), {
      ...s.options,
      retry: { attempts: 3, baseDelayMs: 0, maxDelayMs: 0 },
    });
    expect(attempts).toBe(2);
    expect(pushed.pushedTags).toEqual(['v1']);
    expect(s.world.manifests.get('acme/app:v1')?.manifest.digest).toBe(pushed.digest);
  });

  it('still fails an IMMUTABLE refusal when the tag names another image', async () => {
    const s = setup();
    s.world.images.set('id1', exportOf(APP, 1_795_912_205));
    s.world.images.set('id2', exportOf(NEXT, 1_795_999_999));
    await s.push(exported('acme/app', 'id1', '20260101000000'), ['v1']);
    s.world.api.writeManifest = async () => {
      throw new RegistryFailure('storing: HTTP 400: TAG_INVALID: the repository is immutable', 'fatal');
    };
    await expect(s.push(exported('acme/app', 'id2', '20260102000000'), ['v1'])).rejects.toThrow(/immutable/);
  });

  it('refuses a bad tag before anything is read', async () => {
    const s = setup();
    await expect(s.push(exported('acme/app', 'id1', '20260101000000'), ['bad tag'])).rejects.toThrow(
      UserError,
    );
    expect(s.world.events).toEqual([]);
  });
});
