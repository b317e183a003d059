#!/usr/bin/env node
// Writes action.yml and the input and output tables of docs/inputs.md from src/inputs/spec.ts, the one
// table the code reads. Run: npm run sync:docs. A unit test fails whenever they disagree.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const YAML = require('yaml');

const root = path.join(__dirname, '..');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'inputs-spec-'));
execFileSync(
  process.execPath,
  [
    require.resolve('typescript/bin/tsc'),
    'src/inputs/spec.ts',
    '--outDir',
    out,
    '--module',
    'commonjs',
    '--target',
    'es2022',
    // Only this file's own types matter; dev dependencies' declarations are not ours to check.
    '--skipLibCheck',
  ],
  { cwd: root, stdio: 'inherit' },
);
const { INPUTS, OUTPUTS } = require(path.join(out, 'spec.js'));

const action = {
  name: 'Habitat ECS Deploy',
  description:
    'Export Chef Habitat packages, push them to Amazon ECR, and deploy a Docker Compose file to Amazon ECS as one task definition.',
  author: 'habitat-ecs-deploy',
  branding: { icon: 'box', color: 'orange' },
  inputs: Object.fromEntries(
    Object.entries(INPUTS).map(([k, v]) => [
      k,
      { description: v.description, required: false, ...(v.default !== undefined && { default: v.default }) },
    ]),
  ),
  outputs: Object.fromEntries(Object.entries(OUTPUTS).map(([k, v]) => [k, { description: v }])),
  runs: { using: 'node24', main: 'dist/index.js', post: 'dist/index.js', 'post-if': 'always()' },
};
fs.writeFileSync(path.join(root, 'action.yml'), YAML.stringify(action, { lineWidth: 0 }));

const cell = (s) => s.replace(/\|/g, '\\|');
const tables = {
  inputs: [
    '| Input | Default | Description | Example |',
    '| --- | --- | --- | --- |',
    ...Object.entries(INPUTS).map(
      ([k, v]) =>
        `| \`${k}\` | ${v.default !== undefined ? `\`${v.default}\`` : ''} | ${cell(v.description)} | ${v.example !== undefined ? `\`${cell(`${k}: ${v.example}`)}\`` : ''} |`,
    ),
  ],
  outputs: [
    '| Output | Description |',
    '| --- | --- |',
    ...Object.entries(OUTPUTS).map(([k, v]) => `| \`${k}\` | ${cell(v)} |`),
  ],
};
const reference = path.join(root, 'docs/inputs.md');
let text = fs.readFileSync(reference, 'utf8');
for (const [name, lines] of Object.entries(tables)) {
  const re = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
  if (!re.test(text))
    throw new Error(`docs/inputs.md has no <!-- ${name}:start --> ... <!-- ${name}:end --> block`);
  text = text.replace(re, `$1${lines.join('\n')}\n$2`);
}
fs.writeFileSync(reference, text);
