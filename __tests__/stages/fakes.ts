import { CreateRepositoryCommand, ECRClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr';
import { mockClient } from 'aws-sdk-client-mock';
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ProcessRunner, RunResult } from '../../src/process';
import type { RawManifest, RemoteManifest } from '../../src/registry/manifest';
import type { UploadOptions } from '../../src/registry/api-push';
import { entry, tarOf } from '../image/tar-fixtures';

export const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
export const PASSWORD = 'ecr-password-from-the-token';

/** An ECR client answered by aws-sdk-client-mock: a token for `registry`, and repositories made. */
export function fakeEcr(registry = REGISTRY) {
  const client = new ECRClient({ region: 'us-east-1' });
  const mock = mockClient(client);
  mock.on(GetAuthorizationTokenCommand).resolves({
    authorizationData: [
      {
        authorizationToken: Buffer.from(`AWS:${PASSWORD}`).toString('base64'),
        proxyEndpoint: `https://${registry}`,
      },
    ],
  });
  mock.on(CreateRepositoryCommand).resolves({});
  return { client, mock };
}

/** A directory with executables named `hab` and `docker`, so the PATH checks pass; they never run. */
export function toolsDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'stage-tools-'));
  for (const name of ['hab', 'docker']) {
    writeFileSync(path.join(dir, name), '#!/bin/sh\nexit 99\n');
    chmodSync(path.join(dir, name), 0o755);
  }
  return dir;
}

const ok = (stdout = ''): RunResult => ({
  exitCode: 0,
  signal: null,
  timedOut: false,
  stdout,
  stderr: '',
  tail: [],
});
const sha = (text: string | Buffer) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

/**
 * hab, the docker engine and the registry, faked together: `hab pkg export` writes its report,
 * `docker save` gives a one-layer image of it, the registry API takes its blobs and manifests
 * (uploadApi), reads and tags them; `docker build` (the legacy builder) makes an image of its
 * context, which `docker push` stores as a manifest whose config is the local image. `events` is
 * what ran, in order: `hab export <ident>`, `upload <repository>` (a blob), `put
 * <repository>:<tag>` (a manifest), `docker build <context>`, `docker login`, `docker push <ref>`.
 */
export function fakeWorld() {
  const manifests = new Map<string, RawManifest>();
  const events: string[] = [];
  const tagged = new Map<string, string>();
  const store = (repository: string, ref: string, manifest: RawManifest) => {
    manifests.set(`${repository}:${ref}`, manifest);
    manifests.set(`${repository}:${manifest.manifest.digest}`, manifest);
  };
  const run: ProcessRunner = async (command, args, options) => {
    if (command === 'hab') {
      if (args[0] === '--version') return ok('hab 2.0.450/20250113101245\n');
      // The package is the last argument, after the channel and Builder flags.
      const ident = args[args.length - 1] ?? '';
      events.push(`hab export ${ident}`);
      const [origin, name, version = '1.0.0', release = '20200101000000'] = ident.split('/');
      await mkdir(path.join(options?.cwd ?? '', 'results'), { recursive: true });
      await writeFile(
        path.join(options?.cwd ?? '', 'results', `last_${args[2]}_export.env`),
        `id=${sha(ident)}\nname=${origin}/${name}\ntags=latest,${version},${version}-${release}\n`,
      );
      return ok();
    }
    const [verb] = args;
    if (verb === 'image') return ok(args[3] === '{{.Id}}' ? `${args[4]}\n` : 'linux/amd64\n');
    // The legacy builder: no buildx; a build of a context named "broken" fails.
    if (verb === 'buildx') return { ...ok(), exitCode: 1 };
    if (verb === 'version') return ok('1.41 linux/amd64\n');
    if (verb === 'build') {
      const context = args.at(-1) ?? '';
      events.push(`docker build ${context}`);
      if (context.includes('broken')) return { ...ok(), exitCode: 1, tail: ['unknown instruction: CPY'] };
      await writeFile(args[args.indexOf('--iidfile') + 1] ?? '', sha(`built ${context}`));
      return ok();
    }
    if (verb === 'login') {
      events.push('docker login');
      return ok('Login Succeeded\n');
    }
    if (verb === 'tag') {
      tagged.set(args[2] ?? '', args[1] ?? '');
      return ok();
    }
    if (verb === 'push') {
      const ref = args[1] ?? '';
      events.push(`docker push ${ref}`);
      const config = tagged.get(ref) ?? '';
      const manifest = { digest: sha(`manifest of ${config}`), configDigest: config };
      const [repository, tag] = ref.slice(REGISTRY.length + 1).split(':') as [string, string];
      store(repository, tag, { manifest, bytes: Buffer.from(JSON.stringify(manifest)), mediaType: 'x' });
      return ok(`${tag}: digest: ${manifest.digest} size: 528\n`);
    }
    throw new Error(`unexpected ${command} ${args.join(' ')}`);
  };
  const registryApi = {
    readManifest: async (_: unknown, repository: string, ref: string): Promise<RemoteManifest | undefined> =>
      manifests.get(`${repository}:${ref}`)?.manifest,
    readRawManifest: async (_: unknown, repository: string, ref: string) =>
      manifests.get(`${repository}:${ref}`),
    writeManifest: async (_: unknown, repository: string, tag: string, m: Pick<RawManifest, 'bytes'>) => {
      const manifest = JSON.parse(m.bytes.toString()) as RemoteManifest;
      store(repository, tag, { manifest, bytes: m.bytes, mediaType: 'x' });
      return manifest.digest;
    },
  };
  const blobs = new Map<string, Buffer>();
  const uploadApi: NonNullable<UploadOptions['api']> = {
    readRawManifest: registryApi.readRawManifest,
    writeManifest: async (_, repository, tag, m) => {
      events.push(`put ${repository}:${tag}`);
      const doc = JSON.parse(m.bytes.toString()) as { config: { digest: string } };
      const manifest = { digest: sha(m.bytes), configDigest: doc.config.digest };
      store(repository, tag, { manifest, bytes: m.bytes, mediaType: m.mediaType });
      return manifest.digest;
    },
    readBlob: async (_, repository, digest) => blobs.get(`${repository}@${digest}`),
    blobExists: async (_, repository, digest) => blobs.has(`${repository}@${digest}`),
    mountBlob: async () => false,
    uploadBlob: async (_, repository, blob) => {
      events.push(`upload ${repository}`);
      blobs.set(`${repository}@${blob.digest}`, 'bytes' in blob ? blob.bytes : Buffer.alloc(0));
    },
    saveImage: async (id, dir) => {
      await mkdir(dir, { recursive: true });
      const layer = path.join(dir, 'layer.tar');
      await writeFile(layer, tarOf([entry('IMAGE', {}, id)]));
      return { config: { architecture: 'amd64', os: 'linux', config: {} }, layers: [layer] };
    },
  };
  /** Puts an image in the registry under `tags`, as an earlier run would have pushed it. */
  const seed = (repository: string, tags: string[]): string => {
    const manifest = { digest: sha(`seeded ${repository}`), configDigest: sha(`config ${repository}`) };
    for (const tag of tags)
      store(repository, tag, { manifest, bytes: Buffer.from(JSON.stringify(manifest)), mediaType: 'x' });
    return manifest.digest;
  };
  return { run, registryApi, uploadApi, events, seed, manifests };
}
