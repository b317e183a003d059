import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RunContext } from '../../src/inputs/run-context';
import { parseConfig } from '../../src/inputs/parse';
import type { InputName } from '../../src/inputs/spec';

const EXAMPLE = path.join(__dirname, '../../examples/national-parks/docker-compose.yml');
/** A workspace with the reference example and an ecs-params.yml with an awsvpc configuration. */
export const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'stage-translate-'));
fs.copyFileSync(EXAMPLE, path.join(workspace, 'docker-compose.yml'));
fs.writeFileSync(
  path.join(workspace, 'ecs-params.yml'),
  `task_definition:
  ecs_network_mode: awsvpc
run_params:
  network_configuration:
    awsvpc_configuration:
      subnets: [subnet-1]
      assign_public_ip: ENABLED
`,
);
export const run: RunContext = {
  eventName: 'push',
  ref: 'refs/heads/main',
  sha: 'abcdef0123456789',
  workspace,
};

/** The action's Config for that workspace, with these inputs on top. */
export function config(inputs: Partial<Record<InputName, string>> = {}) {
  const all: Partial<Record<InputName, string>> = {
    service: 'parks',
    'compose-file': path.join(workspace, 'docker-compose.yml'),
    'habitat-packages': 'billmeyer/mongodb\nmattray/national-parks',
    'aws-account-id': '123456789012',
    'aws-region': 'us-east-1',
    ...inputs,
  };
  return parseConfig((name) => all[name] ?? '', {}, run);
}
