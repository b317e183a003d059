#!/usr/bin/env node
// Times `habitat-ecs render` on a generated compose file with many services.
//
//   node scripts/bench-render.js [--services 500] [--runs 7] [--cli dist/cli/index.js]
//
// Each run is a fresh `node <cli> render` process, so the time includes start-up, as a user sees
// it. Prints every run and the median; exits 1 if a render fails.
'use strict';
const { execFileSync } = require('node:child_process');
const { mkdtempSync, rmSync, writeFileSync, existsSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const { parseArgs } = require('node:util');

const { values } = parseArgs({
  options: {
    services: { type: 'string', default: '500' },
    runs: { type: 'string', default: '7' },
    cli: { type: 'string', default: join(__dirname, '..', 'dist', 'cli', 'index.js') },
  },
});
const services = Number(values.services);
const runs = Number(values.runs);
const cli = resolve(values.cli);
if (!existsSync(cli)) {
  console.error(`bench-render: ${cli} does not exist; run "npm run bundle" first (or pass --cli)`);
  process.exit(1);
}

/** A compose file that exercises most of the translation for every service. */
function composeFile(count) {
  const lines = ['services:'];
  for (let i = 0; i < count; i++) {
    lines.push(
      `  svc${i}:`,
      `    image: example/svc${i}:1.${i}`,
      `    command: --port ${8000 + (i % 1000)} --name "service ${i}"`,
      '    mem_limit: 128m',
      '    cpu_shares: 64',
      '    ports:',
      `      - "${10000 + i}:${8000 + (i % 1000)}"`,
      '    environment:',
      `      INDEX: ${i}`,
      '      MODE: bench',
      '    volumes:',
      '      - data:/data:ro',
      '    healthcheck:',
      '      test: ["CMD", "true"]',
      '      interval: 30s',
      ...(i > 0 ? ['    depends_on:', `      - svc${i - 1}`] : []),
    );
  }
  lines.push('volumes:', '  data: {}');
  return `${lines.join('\n')}\n`;
}

const dir = mkdtempSync(join(tmpdir(), 'bench-render-'));
try {
  const file = join(dir, 'docker-compose.yml');
  writeFileSync(file, composeFile(services));
  const times = [];
  for (let run = 0; run < runs; run++) {
    const start = process.hrtime.bigint();
    execFileSync(process.execPath, [cli, 'render', '-f', file, '--family', 'bench'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    times.push(ms);
    console.log(`run ${run + 1}: ${ms.toFixed(1)} ms`);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`median of ${runs} runs, ${services} services: ${median.toFixed(1)} ms`);
} catch (e) {
  console.error(`bench-render: ${e.stderr ? e.stderr.toString() : e.message}`);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
