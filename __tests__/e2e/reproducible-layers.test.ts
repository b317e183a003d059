import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readBlob } from '../../src/registry/blobs';
import { getRawManifest } from '../../src/registry/manifest';
import { realHabitat } from '../support/real-habitat';
import { ok, run } from '../support/run';
import { ECR_CREDENTIALS, registryRequests, requireStackEnv } from '../support/stack';
import { createEc2Cluster } from '../support/cluster';
import { runAction, type RunResult } from './harness';

// The proof that per-package layers cost nothing when their package did not change, with the real
// Habitat 2.1.78 exporter (`--multi-layer`) and no build cache, as on a fresh runner: every export
// stamps new times into every layer, and the action's normalised layers are the same bytes anyway.
// What moved is counted in the registry's own request log. Needs HAB_TEST_BINARIES.

requireStackEnv();
jest.setTimeout(900_000);

// Makes and publishes the real packages first (or fails saying how to get HAB_TEST_BINARIES).
realHabitat();
const registry = process.env.HABITAT_ECS_STACK_REGISTRY ?? '';
const login = { registry, ...ECR_CREDENTIALS };
const REPOSITORY = 'billmeyer/mongodb';
const suffix = `${process.pid}-${Date.now().toString(36)}`;
const cluster = `layers-${suffix}`;

function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hed-layers-'));
  fs.writeFileSync(
    path.join(dir, 'docker-compose.yml'),
    'version: "2"\nservices:\n  mongo:\n    image: billmeyer/mongodb\n',
  );
  return dir;
}

/** No local image of the package and no build cache: what a fresh runner starts from. */
function noBuildCache(): void {
  const refs = ok('docker', ['images', '--format', '{{.Repository}}:{{.Tag}}', REPOSITORY])
    .stdout.split('\n')
    .filter(Boolean);
  if (refs.length > 0) ok('docker', ['rmi', '-f', ...refs]);
  ok('docker', ['image', 'prune', '-f']);
  run('docker', ['builder', 'prune', '-af']);
}

/** The local image the export made (its id), for telling two exports apart. */
function localImage(): string {
  return ok('docker', ['image', 'inspect', '--format', '{{.Id}}', `${REPOSITORY}:latest`]).stdout.trim();
}

interface Deploy {
  result: RunResult;
  /** The registry requests the deploy made (and any a test running beside it made meanwhile). */
  requests: string[];
  /** Where in the registry's request log the deploy began. */
  from: number;
  localId: string;
}

function deploy(tag: string, inputs: Record<string, string> = {}): Deploy {
  const from = registryRequests().length;
  const result = runAction({
    workspace: workspace(),
    hab: 'real',
    timeoutMs: 600_000,
    inputs: {
      'habitat-packages': REPOSITORY,
      cluster,
      service: 'mongo',
      'image-tag': tag,
      // Always export: the proof is about what a new export pushes.
      'reuse-released-images': 'false',
      ...inputs,
    },
  });
  if (result.status !== 0) throw new Error(`exit ${result.status}\n${result.stdout}\n${result.stderr}`);
  return { result, requests: registryRequests(from), from, localId: localImage() };
}

/** The digests of the blobs a deploy uploaded into the repository (the PUT that closes an upload). */
function uploaded(d: Pick<Deploy, 'requests'>): string[] {
  return d.requests
    .filter((l) => l.includes(` PUT /v2/${REPOSITORY}/blobs/uploads/`))
    .map((l) => decodeURIComponent(/[?&]digest=([^& ]+)/.exec(l)?.[1] ?? '?'));
}

/** The digests of the blobs the repository got before the deploy began (from any test: layers are reproducible). */
function uploadedBefore(d: Deploy): string[] {
  return uploaded({ requests: registryRequests().slice(0, d.from) });
}

async function image(tag: string) {
  const raw = await getRawManifest(login, REPOSITORY, tag);
  if (!raw) throw new Error(`no ${REPOSITORY}:${tag} in the registry`);
  const manifest = JSON.parse(raw.bytes.toString()) as {
    config: { digest: string };
    layers: { digest: string }[];
  };
  const config = JSON.parse(
    (await readBlob(login, REPOSITORY, manifest.config.digest))?.toString() ?? '{}',
  ) as {
    history: { created_by: string; empty_layer?: boolean }[];
  };
  // What each layer holds, from the history entry that made it.
  const made = config.history.filter((h) => !h.empty_layer).map((h) => h.created_by);
  return {
    digest: raw.manifest.digest,
    config: manifest.config.digest,
    layers: manifest.layers.map((l, i) => ({ digest: l.digest, made: made[i] ?? '' })),
  };
}

let first: Deploy;
let second: Deploy;
let third: Deploy;

beforeAll(async () => {
  await createEc2Cluster(cluster);
  noBuildCache();
  first = deploy(`layers-1-${suffix}`);
  noBuildCache();
  second = deploy(`layers-2-${suffix}`);
  noBuildCache();
  // billmeyer/mongodb 3.2.11 is in unstable only: a new release of the top package, nothing else new.
  third = deploy(`layers-3-${suffix}`, { 'habitat-channel': 'unstable' });
}, 900_000);

test('the real exporter made one layer per package, and two exports without build cache differ locally', async () => {
  expect(first.result.stdout).toContain(`--multi-layer ${REPOSITORY}`);
  expect(second.localId).not.toBe(first.localId);
  const { layers } = await image(`layers-1-${suffix}`);
  const packages = layers
    .filter((l) => / in \/hab\/pkgs\//.test(l.made))
    .map((l) => l.made.split(' in ')[1]?.trim());
  expect(packages).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^\/hab\/pkgs\/core\/glibc\//),
      expect.stringMatching(/^\/hab\/pkgs\/chef\/hab-sup\//),
      expect.stringMatching(/^\/hab\/pkgs\/billmeyer\/mongodb\/3\.2\.10\//),
    ]),
  );
  // What the first deploy uploaded is this image's (the registry may have had some of it already).
  const own = new Set([(await image(`layers-1-${suffix}`)).config, ...layers.map((l) => l.digest)]);
  expect(uploaded(first).filter((d) => !own.has(d))).toEqual([]);
});

test('a second export of the same packages, without build cache, pushes no layer: the same image, one tag added', async () => {
  expect(uploaded(second)).toEqual([]);
  expect(second.requests.filter((l) => / (PATCH|POST) \/v2\//.test(l))).toEqual([]);
  expect(second.requests.filter((l) => / PUT \/v2\//.test(l)).map((l) => l.split(' ')[2])).toEqual([
    `/v2/${REPOSITORY}/manifests/layers-2-${suffix}`,
  ]);
  expect((await image(`layers-2-${suffix}`)).digest).toBe((await image(`layers-1-${suffix}`)).digest);
  expect(second.result.summary).toMatch(/0 of \d+ layers pushed|no, the registry already had this image/);
});

test('a new release of only the top package pushes only its layer and the per-export layers', async () => {
  const before = await image(`layers-1-${suffix}`);
  const after = await image(`layers-3-${suffix}`);
  const top = after.layers.findIndex((l) => l.made.includes(`/hab/pkgs/${REPOSITORY}/`));
  expect(after.layers[top]?.made).toContain('/hab/pkgs/billmeyer/mongodb/3.2.11/');
  // Every package under it is the very layer the first deploy pushed.
  expect(after.layers.slice(0, top)).toEqual(before.layers.slice(0, top));
  const sent = new Set(uploaded(third));
  const topLayer = after.layers[top]?.digest ?? '';
  expect(topLayer).not.toBe(before.layers[top]?.digest);
  // Uploaded now; or before, when an earlier run on this stack (which keeps its registry) or a
  // test beside this one exported the same release: the bytes are the same.
  const earlier = new Set(uploadedBefore(third));
  expect(sent.has(topLayer) || earlier.has(topLayer)).toBe(true);
  expect(sent.has(after.config) || earlier.has(after.config)).toBe(true);
  // Nothing else: no dependency's layer, only what comes after the package (/bin, the RUNs, /etc, /init.sh).
  const allowed = new Set([after.config, ...after.layers.slice(top).map((l) => l.digest)]);
  expect([...sent].filter((d) => !allowed.has(d))).toEqual([]);
  const layersSent = [...sent].filter((d) => d !== after.config).length;
  expect(third.result.summary).toMatch(
    new RegExp(`\\| ${REPOSITORY} \\| yes: ${layersSent} of ${after.layers.length} layers pushed`),
  );
});
