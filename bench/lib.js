// What the benchmarks share: processes, the stack's logs and storage, what a run cost, and the
// action run with its peak memory recorded. See bench/run.js and BENCHMARKS.md.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runAction } = require('../scripts/run-action');

const ROOT = path.resolve(__dirname, '..');
const STACK = path.join(ROOT, 'test/stack/local-stack');
const STATE = process.env.HABITAT_ECS_STACK_DIR || '/tmp/habitat-ecs-stack';

function sh(cmd, argv, options = {}) {
  const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 30 * 60 * 1000, ...options });
  if (r.status !== 0)
    throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r;
}

function lines(file) {
  return fs.existsSync(file)
    ? fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
    : [];
}

/** AWS calls the stack's endpoint recorded (test/stack/ecr-front.py, in front of moto), by operation name. */
function awsCalls() {
  return lines(path.join(STATE, 'logs', 'moto-calls.jsonl')).map((l) =>
    (JSON.parse(l).headers?.['X-Amz-Target'] ?? '').split('.').pop(),
  );
}

/** Requests the registry front has logged. */
function registryRequests() {
  return lines(path.join(STATE, 'logs', 'registry-requests.log'));
}

/** Bytes in the registry's storage: all pushed data, since every variant starts from empty. */
function registryBytes() {
  const dir = path.join(STATE, 'registry-data');
  if (!fs.existsSync(dir)) return 0;
  return Number(sh('du', ['-sb', dir]).stdout.split('\t')[0]);
}

/** Empties the emulator and the registry, makes the cluster, and removes the local images `pattern` matches. */
function fresh(pattern) {
  sh(STACK, ['reset']);
  sh('aws', ['ecs', 'create-cluster', '--cluster-name', 'bench']);
  // A container instance, as a real EC2 cluster has (the action's verify looks for room on one).
  const text = (argv) => sh('aws', [...argv, '--output', 'text']).stdout.trim();
  const ami = text(['ec2', 'describe-images', '--owners', 'amazon', '--query', 'Images[0].ImageId']);
  const instance = text([
    'ec2',
    'run-instances',
    '--image-id',
    ami,
    '--count',
    '1',
    '--instance-type',
    'm5.large',
    '--query',
    'Instances[0].InstanceId',
  ]);
  sh('aws', [
    'ecs',
    'register-container-instance',
    '--cluster',
    'bench',
    '--instance-identity-document',
    JSON.stringify({ instanceId: instance }),
  ]);
  removeImages(pattern);
}

/**
 * Removes the local images `pattern` matches, as a fresh runner has none; then writes out what
 * earlier runs left in the page cache, so that writing it back does not slow the next measured run.
 */
function removeImages(pattern) {
  const images = sh('docker', ['images', '--format', '{{.Repository}}:{{.Tag}}'])
    .stdout.split('\n')
    .filter((ref) => pattern.test(ref));
  if (images.length > 0) sh('docker', ['rmi', '-f', ...images]);
  sh('sync', []);
}

/** Runs fn, with what it cost: wall time, AWS calls, bytes pushed, registry writes. */
function measure(fn) {
  const calls = awsCalls().length;
  const requests = registryRequests().length;
  const bytes = registryBytes();
  const started = process.hrtime.bigint();
  const result = fn();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const made = awsCalls().slice(calls);
  const sent = registryRequests().slice(requests);
  return {
    ms,
    awsCalls: made.length,
    calls: made,
    revisions: made.filter((c) => c === 'RegisterTaskDefinition').length,
    bytesPushed: registryBytes() - bytes,
    registryWrites: sent.filter((l) => / (PUT|POST|PATCH) /.test(l)).length,
    // Blob uploads completed (a PUT that closes an upload session: layers and configs).
    blobUploads: sent.filter((l) => / PUT \/v2\/.*\/blobs\/uploads\//.test(l)).length,
    ...(result && typeof result === 'object' ? result : {}),
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The action (main and post step), failing loudly, with the main step's peak resident memory
 * (bench/peak-rss.js) and the per-image layer counts its job summary gives.
 */
function actionRun(options) {
  const rssFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'habitat-ecs-rss-')), 'rss');
  const env = {
    ...options.env,
    NODE_OPTIONS: `--require ${path.join(__dirname, 'peak-rss.js')}`,
    HABITAT_ECS_BENCH_RSS_FILE: rssFile,
  };
  const r = runAction({ ...options, env });
  r.remove();
  if (r.status !== 0 || r.post?.status !== 0) throw new Error(`the action failed:\n${r.stdout}\n${r.stderr}`);
  const main = lines(rssFile)
    .map((l) => l.split('\t'))
    .filter(([script]) => !script.includes(`${path.sep}post${path.sep}`));
  fs.rmSync(path.dirname(rssFile), { recursive: true, force: true });
  const layers = [...r.summary.matchAll(/(\d+) of (\d+) layers pushed \(([\d.]+) MB\), (\d+) already/g)];
  return {
    peakRssKb: Math.max(0, ...main.map(([, kb]) => Number(kb))),
    layersPushed: layers.reduce((n, m) => n + Number(m[1]), 0),
    layersPresent: layers.reduce((n, m) => n + Number(m[4]), 0),
  };
}

/** The manifest a tag names in the stack's registry (schema 2: config and layers with their sizes). */
function registryManifest(repository, tag) {
  const registry = process.env.HABITAT_ECS_STACK_REGISTRY;
  const r = sh('curl', [
    '-fsS',
    '--cacert',
    process.env.NODE_EXTRA_CA_CERTS ?? '',
    '-u',
    `AWS:${process.env.HABITAT_ECS_STACK_ECR_PASSWORD ?? ''}`,
    '-H',
    'Accept: application/vnd.docker.distribution.manifest.v2+json',
    `https://${registry}/v2/${repository}/manifests/${tag}`,
  ]);
  return { ...JSON.parse(r.stdout), bytes: Buffer.byteLength(r.stdout) };
}

module.exports = { ROOT, STACK, sh, fresh, removeImages, measure, median, actionRun, registryManifest };
