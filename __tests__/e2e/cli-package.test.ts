import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { actionNode } from '../../scripts/action-node';
import { ROOT } from './harness';

// The CLI as people install it (docs/cli.md): the tarball `npm pack` makes (the release workflow
// attaches it to each release) holds only the bundled dist/, the README, the license and
// package.json, and installs into an empty folder with no network at all (`--offline`, an empty
// npm cache of its own): everything the CLI loads is in dist/, so the package depends on nothing.
// Then the installed `habitat-ecs` command renders, and answers `up --help`, as the clone's does.
// No stack needed: render makes no AWS call and uses no network.

jest.setTimeout(180_000);

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-package-'));
/** npm and the installed command on the Node the action runs on, with npm's cache and logs in scratch. */
const env = {
  ...process.env,
  PATH: `${path.dirname(actionNode())}${path.delimiter}${process.env.PATH ?? ''}`,
  npm_config_cache: path.join(scratch, 'npm-cache'),
  npm_config_update_notifier: 'false',
};

function run(command: string, args: string[], cwd: string) {
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')}: exit ${r.status}\n${r.stdout}\n${r.stderr}${r.error ?? ''}`,
    );
  return r.stdout;
}

let files: string[] = [];
let tarball = '';

beforeAll(() => {
  const out = path.join(scratch, 'pack');
  fs.mkdirSync(out);
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', out], ROOT)) as {
    filename: string;
    files: { path: string }[];
  }[];
  files = (packed?.files ?? []).map((f) => f.path);
  tarball = path.join(out, packed?.filename ?? '');
});

test('npm pack gives only dist/, the README, the license and package.json', () => {
  expect(files).toContain('dist/cli/index.js');
  expect(files.filter((f) => !f.startsWith('dist/')).sort()).toEqual([
    'LICENSE',
    'README.md',
    'package.json',
  ]);
});

test('the tarball installs into an empty folder offline, and its habitat-ecs renders and answers up --help', () => {
  const app = path.join(scratch, 'app');
  fs.mkdirSync(app);
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], app);
  const installed = path.join(app, 'node_modules/.bin/habitat-ecs');
  // Nothing but the package itself: no dependency was (or could have been) downloaded.
  expect(fs.readdirSync(path.join(app, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual([
    'habitat-ecs-deploy',
  ]);

  const example = path.join(ROOT, 'examples/national-parks');
  const args = [
    'render',
    '-f',
    'docker-compose.yml',
    '--account-id',
    '123456789012',
    '--region',
    'us-east-1',
    '--image-tag',
    'v1.0.0',
    '--habitat-package',
    'billmeyer/mongodb',
    '--habitat-package',
    'mattray/national-parks',
  ];
  const rendered = JSON.parse(run(installed, args, example)) as {
    family: string;
    containerDefinitions: { name: string; image: string }[];
  };
  expect(rendered.containerDefinitions.map((c) => [c.name, c.image])).toEqual([
    ['mongo', '123456789012.dkr.ecr.us-east-1.amazonaws.com/billmeyer/mongodb:v1.0.0'],
    ['national-parks', '123456789012.dkr.ecr.us-east-1.amazonaws.com/mattray/national-parks:v1.0.0'],
  ]);
  // The same bytes as the clone's own CLI.
  expect(run(installed, args, example)).toBe(
    run(actionNode(), [path.join(ROOT, 'dist/cli/index.js'), ...args], example),
  );

  const help = run(installed, ['up', '--help'], app);
  expect(help).toMatch(/^habitat-ecs up \| down \| ps: run a task definition on the local Docker engine/);
  expect(help).toContain('habitat-ecs up   --task-definition <file.json>');
});
