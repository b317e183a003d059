import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { actionNode } from '../../scripts/action-node';
import { requireStackEnv } from '../support/stack';
import { nationalParksWorkspace, ROOT, runAction, type RunResult } from './harness';
import { createEc2Cluster } from '../support/cluster';

// The tests run dist/ on the Node that action.yml names (node24), as the runner does, and the
// action says nothing about its runtime there: no DeprecationWarning, and not the AWS SDK's notice
// that its coming releases need a newer Node (which it prints on Node 20). The harness asks
// scripts/action-node.js for that Node by path; it does not count on `npm run`/`npx` putting the
// dev dependency's `node` first on PATH (jest.config.js refuses to run jest on another major).

requireStackEnv();
jest.setTimeout(240_000);

/** What Node prints for a process warning: `(node:PID) [DEP0040] DeprecationWarning: ...`, `(node:PID) Warning: ...`. */
const RUNTIME_WARNING = /^\(node:\d+\) |DeprecationWarning|NodeVersionSupportWarning/m;

function quiet(r: RunResult): void {
  expect(r.status).toBe(0);
  expect(r.post?.status).toBe(0);
  for (const [step, stderr] of [
    ['main', r.stderr],
    ['post', r.post?.stderr ?? ''],
  ] as const) {
    expect({ step, warnings: stderr.match(RUNTIME_WARNING) ? stderr : '' }).toEqual({ step, warnings: '' });
  }
}

test('dist/ runs on the Node major that action.yml names', () => {
  const using = (
    YAML.parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { runs: { using: string } }
  ).runs.using;
  expect(using).toMatch(/^node\d+$/);
  const version = spawnSync(actionNode(), ['--version'], { encoding: 'utf8' }).stdout.trim();
  expect(version.startsWith(`v${using.slice('node'.length)}.`)).toBe(true);
});

test('a deploy and its teardown print no runtime deprecation warning', async () => {
  const suffix = `${process.pid}-${Date.now().toString(36)}`;
  const cluster = `rt-${suffix}`;
  await createEc2Cluster(cluster);
  const inputs = {
    'habitat-packages': 'billmeyer/mongodb\nmattray/national-parks',
    cluster,
    service: 'national-parks',
    'image-tag': `rt-${suffix}`,
    'task-family': `np-rt-${suffix}`,
  };
  const workspace = nationalParksWorkspace();
  const deployed = runAction({ workspace, inputs });
  quiet(deployed);
  expect(deployed.outputs['service-arn']).toMatch(new RegExp(`service/${cluster}/national-parks$`));
  quiet(runAction({ workspace, inputs: { ...inputs, mode: 'teardown' } }));
});
