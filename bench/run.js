#!/usr/bin/env node
// `npm run bench`: the action against the documented manual procedure and against the floor set
// by exporting and pushing the same bytes, on the local stack. See BENCHMARKS.md.
//
//   node bench/run.js [--sizes 1,2,4,8] [--rounds 3] [--mb 50] [--json FILE]
//
// For each size N (Habitat packages, HAB_STANDIN_PAYLOAD_MB each, in three layers) and round, in
// turn: (a) a first deploy by the action, then (c) the action again with nothing changed; (b) the
// manual procedure and (f) the floor (both in bench/by-hand.sh). Before each of a, b and f
// (not timed): the emulator and the registry are emptied (local-stack reset), the cluster is
// made, and the local images of the packages are removed, so every export builds its image.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { actionNode } = require('../scripts/action-node');
const { runAction } = require('../scripts/run-action');

const ROOT = path.resolve(__dirname, '..');
const STACK = path.join(ROOT, 'test/stack/local-stack');
const STATE = process.env.HABITAT_ECS_STACK_DIR || '/tmp/habitat-ecs-stack';
const RELEASE = '1.0.0/20260101000000';

function args(argv) {
  const options = { sizes: [1, 2, 4, 8], rounds: 3, mb: 50, json: undefined };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--sizes') options.sizes = value.split(',').map(Number);
    else if (flag === '--rounds') options.rounds = Number(value);
    else if (flag === '--mb') options.mb = Number(value);
    else if (flag === '--json') options.json = value;
    else
      throw new Error(
        `unknown argument ${flag}; usage: bench/run.js [--sizes 1,2,4,8] [--rounds 3] [--mb 50] [--json FILE]`,
      );
    i++;
  }
  if (options.sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 16))
    throw new Error('--sizes: 1 to 16 each');
  if (!Number.isInteger(options.rounds) || options.rounds < 1 || options.rounds > 20)
    throw new Error('--rounds: 1 to 20');
  if (!(options.mb > 0 && options.mb <= 500)) throw new Error('--mb: more than 0, at most 500');
  return options;
}

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

function idents(n) {
  return Array.from({ length: n }, (_, i) => `bench/pkg${i + 1}/${RELEASE}`);
}

/** A project of N services, one per package: the compose file the action translates. */
function workspace(n) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `habitat-ecs-bench-${n}-`));
  const services = Array.from(
    { length: n },
    (_, i) => `  svc${i + 1}:\n    image: bench/pkg${i + 1}\n    mem_limit: 128m\n`,
  ).join('');
  fs.writeFileSync(path.join(dir, 'docker-compose.yml'), `version: "2"\nservices:\n${services}`);
  return dir;
}

/** The task definition someone following the manual procedure writes by hand. */
function handWrittenTaskDefinition(n, registry, tag) {
  return {
    family: 'bench-manual',
    containerDefinitions: Array.from({ length: n }, (_, i) => ({
      name: `svc${i + 1}`,
      image: `${registry}/bench/pkg${i + 1}:${tag}`,
      memory: 128,
      essential: true,
    })),
  };
}

/** Empty emulator and registry, the cluster, and no local image of the packages. */
function fresh() {
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
  const images = sh('docker', ['images', '--format', '{{.Repository}}:{{.Tag}}'])
    .stdout.split('\n')
    .filter((ref) => /(^|\/)bench\/pkg\d+:/.test(ref));
  if (images.length > 0) sh('docker', ['rmi', '-f', ...images]);
}

/** Runs fn, with what it cost: wall time, AWS calls, bytes pushed, registry writes. */
function measure(fn) {
  const calls = awsCalls().length;
  const requests = registryRequests().length;
  const bytes = registryBytes();
  const started = process.hrtime.bigint();
  fn();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const made = awsCalls().slice(calls);
  return {
    ms,
    awsCalls: made.length,
    calls: made,
    revisions: made.filter((c) => c === 'RegisterTaskDefinition').length,
    bytesPushed: registryBytes() - bytes,
    registryWrites: registryRequests()
      .slice(requests)
      .filter((l) => / (PUT|POST|PATCH) /.test(l)).length,
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function coldStart(runs = 10) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_')));
    const started = process.hrtime.bigint();
    const r = spawnSync(actionNode(), [path.join(ROOT, 'dist/index.js')], {
      cwd: os.tmpdir(),
      env,
      encoding: 'utf8',
    });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (r.status !== 1 || !r.stdout.includes('::error'))
      throw new Error(`dist/index.js without inputs: ${r.status}\n${r.stdout}`);
  }
  return median(times);
}

function main() {
  const options = args(process.argv.slice(2));
  const registry = process.env.HABITAT_ECS_STACK_REGISTRY;
  if (!registry)
    throw new Error(
      'the stack is not loaded: test/stack/local-stack up && eval "$(test/stack/local-stack env)"',
    );
  const env = { HAB_STANDIN_PAYLOAD_MB: String(options.mb) };
  const results = [];
  for (let round = 1; round <= options.rounds; round++) {
    for (const n of options.sizes) {
      const tag = `bench-${round}-${n}`;
      const ws = workspace(n);
      const work = fs.mkdtempSync(path.join(os.tmpdir(), `habitat-ecs-bench-work-${n}-`));
      fs.writeFileSync(
        path.join(work, 'task-definition.json'),
        JSON.stringify(handWrittenTaskDefinition(n, registry, tag), null, 2),
      );
      const inputs = {
        'habitat-packages': idents(n).join('\n'),
        cluster: 'bench',
        service: 'bench-action',
        'image-tag': tag,
        'launch-type': 'EC2',
      };
      const action = () => {
        const r = runAction({ workspace: ws, inputs, env });
        if (r.status !== 0 || r.postStatus !== 0)
          throw new Error(`the action failed:\n${r.stdout}\n${r.stderr}`);
      };
      const byHand = (mode) => () =>
        sh('bash', [path.join(__dirname, 'by-hand.sh'), mode, work, tag, ...idents(n)], {
          env: { ...process.env, ...env },
        });

      fresh();
      const a = measure(action);
      const c = measure(action);
      fresh();
      const b = measure(byHand('manual'));
      fresh();
      const f = measure(byHand('floor'));
      for (const [variant, m] of Object.entries({ a, b, f, c })) results.push({ round, n, variant, ...m });
      const s = (m) => `${(m.ms / 1000).toFixed(2)}s`;
      console.error(
        `round ${round} N=${n}: a ${s(a)}  b ${s(b)}  f ${s(f)}  c ${s(c)} (${c.awsCalls} AWS calls)`,
      );
      fs.rmSync(ws, { recursive: true, force: true });
      fs.rmSync(work, { recursive: true, force: true });
    }
  }

  const summary = options.sizes.map((n) => {
    const of = (variant, key) =>
      median(results.filter((r) => r.n === n && r.variant === variant).map((r) => r[key]));
    const row = { n };
    for (const v of ['a', 'b', 'f', 'c']) {
      row[v] = {
        ms: of(v, 'ms'),
        awsCalls: of(v, 'awsCalls'),
        bytesPushed: of(v, 'bytesPushed'),
        revisions: of(v, 'revisions'),
        registryWrites: of(v, 'registryWrites'),
      };
    }
    row['a/b'] = row.a.ms / row.b.ms;
    row['a/f'] = row.a.ms / row.f.ms;
    return row;
  });
  const dist = fs.statSync(path.join(ROOT, 'dist/index.js')).size;
  const report = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, the action on node ${sh(actionNode(), ['--version']).stdout.trim()}`,
    options,
    distIndexBytes: dist,
    coldStartMs: coldStart(),
    summary,
    runs: results.map(({ calls, ...r }) => ({ ...r, calls: [...new Set(calls)].join(',') })),
  };

  const sec = (ms) => (ms / 1000).toFixed(2);
  const mb = (bytes) => (bytes / 2 ** 20).toFixed(1);
  console.log(
    `\n${report.machine}; ${report.date}; ${options.rounds} round(s), ${options.mb} MB per package`,
  );
  console.log(
    '\n| N | a action (s) | b manual (s) | f floor (s) | a/b | a/f | c rerun (s) | AWS calls a / b / f / c | MB pushed a / b / f / c | new revisions a / b / c |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of summary) {
    console.log(
      `| ${r.n} | ${sec(r.a.ms)} | ${sec(r.b.ms)} | ${sec(r.f.ms)} | ${r['a/b'].toFixed(2)} | ${r['a/f'].toFixed(2)} | ${sec(r.c.ms)} | ` +
        `${r.a.awsCalls} / ${r.b.awsCalls} / ${r.f.awsCalls} / ${r.c.awsCalls} | ` +
        `${mb(r.a.bytesPushed)} / ${mb(r.b.bytesPushed)} / ${mb(r.f.bytesPushed)} / ${mb(r.c.bytesPushed)} | ` +
        `${r.a.revisions} / ${r.b.revisions} / ${r.c.revisions} |`,
    );
  }
  console.log(
    `\ndist/index.js: ${(dist / 1024).toFixed(0)} KiB; cold start (median of 10, failing on missing inputs): ${report.coldStartMs.toFixed(0)} ms`,
  );
  if (options.json) fs.writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
}

try {
  main();
} catch (e) {
  console.error(`bench: ${e.message}`);
  process.exit(1);
}
