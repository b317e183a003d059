#!/usr/bin/env node
// Runs the bundled action (dist/) the way the Actions runner runs a step, on the Node that
// action.yml names (scripts/action-node.js): every input as INPUT_* (defaults from action.yml),
// GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_STATE, GITHUB_ENV and GITHUB_EVENT_PATH files, then the
// post step with STATE_* from what the main step saved. The one harness of the e2e tests
// (__tests__/e2e/harness.ts adds what only tests need), `npm run demo` and the benchmarks.
//
//   node scripts/run-action.js WORKSPACE NAME=VALUE...   prints the summary and the outputs
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const YAML = require('yaml');
const { actionNode } = require('./action-node');

const ROOT = path.resolve(__dirname, '..');
const ACTION = YAML.parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));

/** `name<<DELIMITER` blocks and `name=value` lines (GITHUB_OUTPUT, GITHUB_STATE). */
function parseFileCommands(text) {
  const result = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const body = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) body.push(lines[i]);
      result[heredoc[1]] = body.join('\n');
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      result[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return result;
}

/** One step of the action, main then post: see run-action.d.ts for the options and the result. */
function runAction(options) {
  const run = prepare(options);
  const started = process.hrtime.bigint();
  return run.finish(run.step(ACTION.runs.main, {}), started);
}

/**
 * runAction, with the main step sent `signal` (as the runner does when a job is cancelled) as
 * soon as its output matches `when`; then the post step runs, as the runner runs it after a
 * cancellation.
 */
async function runActionInterrupted(options) {
  const run = prepare(options);
  const started = process.hrtime.bigint();
  const child = spawn(actionNode(), [path.join(ROOT, ACTION.runs.main)], {
    cwd: options.workspace,
    env: run.env({}),
  });
  let stdout = '';
  let stderr = '';
  let signalledAt;
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    stdout += chunk;
    if (signalledAt === undefined && options.when.test(stdout)) {
      signalledAt = Date.now();
      child.kill(options.signal);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const status = await new Promise((resolve) => child.on('close', (code) => resolve(code)));
  clearTimeout(timer);
  const exitedAt = Date.now();
  return {
    ...run.finish({ status, stdout, stderr }, started),
    exitedAt,
    ...(signalledAt && { signalledAt }),
  };
}

const DEFAULT_TIMEOUT_MS = 30 * 60 * 1000;

function prepare(options) {
  for (const name of Object.keys(options.inputs)) {
    if (!(name in ACTION.inputs)) throw new Error(`input "${name}" is not declared in action.yml`);
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'habitat-ecs-run-'));
  const runnerTemp = path.join(scratch, 'runner-temp');
  fs.mkdirSync(runnerTemp);
  const files = Object.fromEntries(
    ['output', 'summary', 'state', 'env', 'event.json'].map((name) => [name, path.join(scratch, name)]),
  );
  for (const file of Object.values(files)) fs.writeFileSync(file, '');
  const event = options.event ?? { name: 'push', payload: { ref: 'refs/heads/main' } };
  fs.writeFileSync(files['event.json'], JSON.stringify(event.payload));
  const inputs = {};
  for (const [name, spec] of Object.entries(ACTION.inputs)) {
    const value = options.inputs[name] ?? spec.default;
    if (value !== undefined) inputs[`INPUT_${name.toUpperCase()}`] = String(value);
  }
  const base = {
    ...process.env,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: files['event.json'],
    GITHUB_REF: event.ref ?? 'refs/heads/main',
    GITHUB_SHA: event.sha ?? '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REPOSITORY: 'example/national-parks',
    GITHUB_RUN_ID: '4242',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.env,
    RUNNER_TEMP: runnerTemp,
    ...options.env,
  };
  const env = (extra) => ({ ...base, ...inputs, ...extra });
  const step = (script, extra) => {
    const r = spawnSync(actionNode(), [path.join(ROOT, script)], {
      cwd: options.workspace,
      env: env(extra),
      encoding: 'utf8',
      stdio: options.stdio ?? 'pipe',
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  };
  const read = (file) => parseFileCommands(fs.readFileSync(file, 'utf8'));
  /** After the main step: the post step with what main saved, then what the run left. */
  const finish = (main, started) => {
    let post;
    if (options.post !== false && ACTION.runs.post) {
      const state = { ...read(files.state), ...options.postState };
      post = step(
        ACTION.runs.post,
        Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v])),
      );
    }
    return {
      ...main,
      ...(post && { post }),
      outputs: read(files.output),
      summary: fs.readFileSync(files.summary, 'utf8'),
      state: read(files.state),
      runnerTemp,
      ms: Number(process.hrtime.bigint() - started) / 1e6,
      files: () => listFiles(runnerTemp),
      remove: () => fs.rmSync(scratch, { recursive: true, force: true }),
    };
  };
  return { env, step, finish };
}

function listFiles(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listFiles(full));
    else if (entry.isFile()) found.push({ path: full, content: fs.readFileSync(full, 'latin1') });
  }
  return found;
}

module.exports = { ROOT, ACTION, runAction, runActionInterrupted, parseFileCommands };

if (require.main === module) {
  const [workspace, ...pairs] = process.argv.slice(2);
  if (!workspace || pairs.some((p) => !p.includes('='))) {
    console.error('usage: node scripts/run-action.js WORKSPACE NAME=VALUE...');
    process.exit(2);
  }
  const inputs = Object.fromEntries(
    pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]),
  );
  const r = runAction({
    workspace: path.resolve(workspace),
    inputs,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  r.remove();
  console.log('\n==================== job summary ====================');
  console.log(r.summary);
  console.log('==================== outputs ========================');
  for (const [name, value] of Object.entries(r.outputs)) console.log(`${name}=${value}`);
  process.exit(r.status ?? 1);
}
