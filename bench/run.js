#!/usr/bin/env node
// `npm run bench`: the action against the documented manual procedure and against the floor set
// by exporting and pushing the same bytes, on the local stack. See BENCHMARKS.md.
//
//   node bench/run.js [--sizes 1,2,4,8,16] [--rounds 3] [--mb 50] [--uplink MBPS] [--payload random|binary] [--json FILE]
//
// For each size N (Habitat packages, HAB_STANDIN_PAYLOAD_MB each) and round, in turn: (a) a first
// deploy by the action (its peak memory recorded), then (c) the action again with nothing
// changed; (b) the manual procedure and (f) the floor (both in bench/by-hand.sh). Before each of
// a, b and f (not timed): the emulator and the registry are emptied (local-stack reset), the
// cluster is made, and the local images of the packages are removed, so every export builds its
// image. Then, each round, the redeploy scenario (bench/redeploy.js), one layer per package and
// one layer for all, side by side: 6 × --mb MB of packages, a new release of the 5% application;
// with --uplink, again with what the runner sends to the registry capped at MBPS MB/s
// (local-stack uplink), as a runner's link to ECR caps it. The packages' bytes are incompressible,
// or with --payload binary like machine code (deflate makes about 54% of them; test/bin/hab).
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { actionNode } = require('../scripts/action-node');
const { ROOT, STACK, sh, fresh, measure, median, actionRun } = require('./lib');
const { redeploy } = require('./redeploy');

const RELEASE = '1.0.0/20260101000000';
const OWN = /(^|\/)bench\/pkg\d+:/;

function args(argv) {
  const options = {
    sizes: [1, 2, 4, 8, 16],
    rounds: 3,
    mb: 50,
    uplink: undefined,
    payload: 'random',
    json: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--sizes') options.sizes = value.split(',').map(Number);
    else if (flag === '--rounds') options.rounds = Number(value);
    else if (flag === '--mb') options.mb = Number(value);
    else if (flag === '--json') options.json = value;
    else if (flag === '--uplink') options.uplink = Number(value);
    else if (flag === '--payload') options.payload = value;
    else
      throw new Error(
        `unknown argument ${flag}; usage: bench/run.js [--sizes 1,2,4,8,16] [--rounds 3] [--mb 50] [--uplink MBPS] [--payload random|binary] [--json FILE]`,
      );
    i++;
  }
  if (options.sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 16))
    throw new Error('--sizes: 1 to 16 each');
  if (!Number.isInteger(options.rounds) || options.rounds < 1 || options.rounds > 20)
    throw new Error('--rounds: 1 to 20');
  if (!(options.mb > 0 && options.mb <= 500)) throw new Error('--mb: more than 0, at most 500');
  if (!['random', 'binary'].includes(options.payload)) throw new Error('--payload: random or binary');
  if (options.uplink !== undefined && !(Number.isInteger(options.uplink) && options.uplink >= 1))
    throw new Error('--uplink: whole MB/s, at least 1');
  return options;
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

/** Least-squares line through the points [x, y], and how well it fits. */
function slope(points) {
  if (points.length < 2) return undefined;
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const m = sxy / sxx;
  const b = my - m * mx;
  const ssr = points.reduce((s, [x, y]) => s + (y - (m * x + b)) ** 2, 0);
  const sst = points.reduce((s, [, y]) => s + (y - my) ** 2, 0);
  return { slope: m, intercept: b, r2: sst === 0 ? 1 : 1 - ssr / sst };
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
  // Every export, the redeploy's too, makes its bytes alike.
  process.env.HAB_STANDIN_PAYLOAD_KIND = options.payload;
  const results = [];
  const redeploys = [];
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
      const action = () => actionRun({ workspace: ws, inputs, env });
      const byHand = (mode) => () =>
        sh('bash', [path.join(__dirname, 'by-hand.sh'), mode, work, tag, ...idents(n)], {
          env: { ...process.env, ...env },
        });

      fresh(OWN);
      const a = measure(action);
      const c = measure(action);
      fresh(OWN);
      const b = measure(byHand('manual'));
      fresh(OWN);
      const f = measure(byHand('floor'));
      for (const [variant, m] of Object.entries({ a, b, f, c })) results.push({ round, n, variant, ...m });
      const s = (m) => `${(m.ms / 1000).toFixed(2)}s`;
      console.error(
        `round ${round} N=${n}: a ${s(a)} (peak ${(a.peakRssKb / 1024).toFixed(0)} MB)  b ${s(b)}  f ${s(f)}  c ${s(c)} (${c.awsCalls} AWS calls)`,
      );
      fs.rmSync(ws, { recursive: true, force: true });
      fs.rmSync(work, { recursive: true, force: true });
    }
    for (const uplink of options.uplink ? [undefined, options.uplink] : [undefined]) {
      sh(STACK, ['uplink', uplink ? String(uplink) : 'off']);
      try {
        for (const multiLayer of [true, false]) {
          const r = redeploy({ scale: options.mb / 50, multiLayer });
          redeploys.push({ round, uplink, ...r });
          console.error(
            `round ${round} redeploy ${multiLayer ? 'multi' : 'single'}-layer${uplink ? ` at ${uplink} MB/s` : ''}: ` +
              `${(r.again.ms / 1000).toFixed(2)}s, ${(r.again.bytesPushed / 2 ** 20).toFixed(1)} MB, ` +
              `${r.again.layersPushed} layer(s) pushed, ${r.again.layersPresent} there`,
          );
        }
      } finally {
        sh(STACK, ['uplink', 'off']);
      }
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
        ...(v === 'a' && { peakRssKb: of(v, 'peakRssKb') }),
      };
    }
    row['a/b'] = row.a.ms / row.b.ms;
    row['a/f'] = row.a.ms / row.f.ms;
    return row;
  });
  const redeploySummary = [...new Set(redeploys.map((r) => r.uplink))].flatMap((uplink) =>
    [true, false].map((multiLayer) => redeployRow(uplink, multiLayer)),
  );
  function redeployRow(uplink, multiLayer) {
    const runs = redeploys.filter((r) => r.multiLayer === multiLayer && r.uplink === uplink);
    const of = (key) => median(runs.map((r) => r.again[key]));
    const last = runs.at(-1);
    return {
      multiLayer,
      uplinkMBps: uplink ?? null,
      ms: of('ms'),
      bytesPushed: of('bytesPushed'),
      layersPushed: of('layersPushed'),
      layersPresent: of('layersPresent'),
      blobUploads: of('blobUploads'),
      peakRssKb: of('peakRssKb'),
      firstDeployMs: median(runs.map((r) => r.first.ms)),
      appLayerBytes: last?.appLayerBytes ?? 0,
      items: last?.items,
    };
  }
  const dist = fs.statSync(path.join(ROOT, 'dist/index.js')).size;
  const report = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, the action on node ${sh(actionNode(), ['--version']).stdout.trim()}`,
    options,
    distIndexBytes: dist,
    coldStartMs: coldStart(),
    summary,
    slope: slope(summary.map((r) => [r.n, r.a.ms])),
    redeploy: redeploySummary,
    runs: results.map(({ calls, ...r }) => ({ ...r, calls: [...new Set(calls)].join(',') })),
    redeployRuns: redeploys.map(({ first, again, ...r }) => ({
      ...r,
      first: { ...first, calls: undefined },
      again: { ...again, calls: undefined },
    })),
  };

  const sec = (ms) => (ms / 1000).toFixed(2);
  const mb = (bytes) => (bytes / 2 ** 20).toFixed(1);
  console.log(
    `\n${report.machine}; ${report.date}; ${options.rounds} round(s), ${options.mb} MB per package`,
  );
  console.log(
    '\n| N | a action (s) | b manual (s) | f floor (s) | a/b | a/f | c rerun (s) | AWS calls a / b / f / c | MB pushed a / b / f / c | new revisions a / b / c | a peak RSS (MB) |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of summary) {
    console.log(
      `| ${r.n} | ${sec(r.a.ms)} | ${sec(r.b.ms)} | ${sec(r.f.ms)} | ${r['a/b'].toFixed(2)} | ${r['a/f'].toFixed(2)} | ${sec(r.c.ms)} | ` +
        `${r.a.awsCalls} / ${r.b.awsCalls} / ${r.f.awsCalls} / ${r.c.awsCalls} | ` +
        `${mb(r.a.bytesPushed)} / ${mb(r.b.bytesPushed)} / ${mb(r.f.bytesPushed)} / ${mb(r.c.bytesPushed)} | ` +
        `${r.a.revisions} / ${r.b.revisions} / ${r.c.revisions} | ${(r.a.peakRssKb / 1024).toFixed(0)} |`,
    );
  }
  const fit = report.slope;
  if (fit)
    console.log(
      `\na's time against N: ${sec(fit.slope)} s a package more, ${sec(fit.intercept)} s at N = 0 (least squares, R² ${fit.r2.toFixed(3)})`,
    );
  console.log(
    '\nRedeploy (a new release of the application only, from a fresh runner):\n\n' +
      '| Uplink | Layers | Redeploy (s) | MB pushed | Layers pushed / already there | Blob uploads | First deploy (s) | Peak RSS (MB) |\n|---|---|---|---|---|---|---|---|',
  );
  for (const r of redeploySummary)
    console.log(
      `| ${r.uplinkMBps ? `${r.uplinkMBps} MB/s` : 'loopback'} | ${r.multiLayer ? 'one a package' : 'one for all'} | ${sec(r.ms)} | ${mb(r.bytesPushed)} | ${r.layersPushed} / ${r.layersPresent} | ` +
        `${r.blobUploads} | ${sec(r.firstDeployMs)} | ${(r.peakRssKb / 1024).toFixed(0)} |`,
    );
  for (const uplink of new Set(redeploySummary.map((r) => r.uplinkMBps))) {
    const multi = redeploySummary.find((r) => r.uplinkMBps === uplink && r.multiLayer);
    const single = redeploySummary.find((r) => r.uplinkMBps === uplink && !r.multiLayer);
    if (multi && single)
      console.log(
        `redeploy time one a package / one for all (${uplink ? `${uplink} MB/s` : 'loopback'}): ${(multi.ms / single.ms).toFixed(2)}`,
      );
  }
  const multi = redeploySummary.find((r) => r.multiLayer);
  if (multi?.items) {
    const listed = [
      ...multi.items.layers.map((l) => `${l.what} ${mb(l.bytes)} MB`),
      `config ${(multi.items.config / 1024).toFixed(1)} KiB`,
      `manifest ${(multi.items.manifest / 1024).toFixed(1)} KiB a tag`,
    ];
    console.log(`\nWhat the multi-layer redeploy added to the registry: ${listed.join('; ')}`);
    console.log(
      `MB pushed / the application's layer: ${(multi.bytesPushed / multi.appLayerBytes).toFixed(2)}`,
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
