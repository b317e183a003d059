#!/usr/bin/env node
// Runs the bundled action (dist/) the way the Actions runner runs a step, on the Node that
// action.yml names (scripts/action-node.js): every input as INPUT_* (defaults from action.yml),
// GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_STATE and GITHUB_EVENT_PATH files, then the post step
// with STATE_* from what the main step saved.
//
//   node scripts/run-action.js WORKSPACE NAME=VALUE...   prints the summary and the outputs
//
// Used by `npm run demo` and the benchmarks (bench/run.js). The e2e tests have their own harness
// (__tests__/e2e/harness.ts), which also interrupts runs and lists what they leave behind.
'use strict';
const { spawnSync } = require('node:child_process');
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

/**
 * One step of the action, main then post. `inputs` by name; `env` on top of process.env.
 * Returns the main step's status and output, the outputs, the summary, and the time both took.
 */
function runAction({ workspace, inputs, env = {}, stdio = 'pipe', timeoutMs = 30 * 60 * 1000 }) {
  for (const name of Object.keys(inputs)) {
    if (!(name in ACTION.inputs)) throw new Error(`input "${name}" is not declared in action.yml`);
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'habitat-ecs-run-'));
  const files = Object.fromEntries(
    ['output', 'summary', 'state'].map((name) => [name, path.join(scratch, name)]),
  );
  for (const file of Object.values(files)) fs.writeFileSync(file, '');
  const event = path.join(scratch, 'event.json');
  const sha = '0123456789abcdef0123456789abcdef01234567';
  fs.writeFileSync(event, JSON.stringify({ ref: 'refs/heads/main', head_commit: { id: sha } }));
  fs.mkdirSync(path.join(scratch, 'runner-temp'));
  const base = {
    ...process.env,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: event,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: sha,
    GITHUB_REPOSITORY: 'example/national-parks',
    GITHUB_RUN_ID: '1',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    RUNNER_TEMP: path.join(scratch, 'runner-temp'),
    ...env,
  };
  for (const [name, spec] of Object.entries(ACTION.inputs)) {
    const value = inputs[name] ?? spec.default;
    if (value !== undefined) base[`INPUT_${name.toUpperCase()}`] = String(value);
  }
  const node = actionNode();
  const step = (script, extra) =>
    spawnSync(node, [path.join(ROOT, script)], {
      cwd: workspace,
      env: { ...base, ...extra },
      encoding: 'utf8',
      stdio,
      timeout: timeoutMs,
    });
  const started = process.hrtime.bigint();
  const main = step(ACTION.runs.main, {});
  const state = parseFileCommands(fs.readFileSync(files.state, 'utf8'));
  const post = step(
    ACTION.runs.post,
    Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v])),
  );
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const result = {
    status: main.status,
    stdout: main.stdout ?? '',
    stderr: main.stderr ?? '',
    postStatus: post.status,
    outputs: parseFileCommands(fs.readFileSync(files.output, 'utf8')),
    summary: fs.readFileSync(files.summary, 'utf8'),
    ms,
  };
  fs.rmSync(scratch, { recursive: true, force: true });
  return result;
}

module.exports = { runAction, parseFileCommands };

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
  console.log('\n==================== job summary ====================');
  console.log(r.summary);
  console.log('==================== outputs ========================');
  for (const [name, value] of Object.entries(r.outputs)) console.log(`${name}=${value}`);
  process.exit(r.status ?? 1);
}
