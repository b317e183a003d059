#!/usr/bin/env node
// Writes action.yml from src/inputs-spec.ts (compiled to a temp dir first):
//   npx tsc src/inputs-spec.ts --outDir /tmp/spec --module commonjs && node scripts/action-yml.js /tmp/spec
// A unit test fails whenever action.yml and the table disagree.
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const { INPUTS, OUTPUTS } = require(path.resolve(process.argv[2] ?? '/tmp/spec', 'inputs-spec.js'));
const doc = {
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
  runs: { using: 'node24', main: 'dist/index.js', post: 'dist/post/index.js', 'post-if': 'always()' },
};
fs.writeFileSync(path.join(__dirname, '..', 'action.yml'), YAML.stringify(doc, { lineWidth: 0 }));
