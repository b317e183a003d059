// The `hab` stand-in (test/bin/hab) is faithful to each Habitat release where export detection
// depends on it (which verb exists, positional format or subcommands, what --help shows), and
// parses the exporter's Builder and channel flags the way the real exporter does. Then the
// action's exportPackages, run against it at every era, picks the verb that works and passes the
// channel by name.
//
// Needs the local stack's docker (the successful exports build images).
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportPackages } from '../../src/habitat/export';
import { HAB } from '../support/hab';
import { RecordingLog } from '../support/recording-log';
import { run } from '../support/run';
import { requireStackEnv } from '../support/stack';

jest.setTimeout(180_000);

const LICENSED = { HAB_LICENSE: 'accept-no-persist' };
let scratch = '';
let counter = 0;

beforeAll(() => {
  requireStackEnv();
  scratch = mkdtempSync(join(tmpdir(), 'standin-versions-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function fresh(): string {
  counter += 1;
  const dir = join(scratch, `d${counter}`);
  mkdirSync(dir);
  return dir;
}

function hab(args: string[], env: NodeJS.ProcessEnv = {}) {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(base)) if (key.startsWith('HAB_')) delete base[key];
  // The stack's emulated Builder, where the stand-in looks packages up by name.
  base.HAB_BLDR_URL = process.env.HABITAT_ECS_STACK_BUILDER_URL;
  return run(HAB, args, { cwd: fresh(), env: { ...base, ...env } });
}

describe('the stand-in, release by release', () => {
  test.each([
    ['1.5.71', 'positional'],
    ['1.6.0', 'positional'],
    ['1.6.20', 'positional'],
    ['1.6.21', 'positional'],
    ['1.6.115', 'positional'],
    ['1.6.116', 'SUBCOMMANDS:'],
    ['2.0.326', 'Commands:'],
    ['2.1.78', 'Commands:'],
  ])('hab %s: pkg export --help shows %s', (version, shape) => {
    const r = hab(['pkg', 'export', '--help'], { HAB_STANDIN_VERSION: version });
    expect(r.status).toBe(0);
    if (shape === 'positional') {
      expect(r.stdout).toContain('hab pkg export [OPTIONS] <FORMAT> <PKG_IDENT>');
      expect(r.stdout).not.toMatch(/^\s{2,}container\b/m);
    } else {
      expect(r.stdout).toContain(shape);
      expect(r.stdout).toMatch(/^\s{2,}container\b/m);
      expect(r.stdout).not.toMatch(/^\s{2,}docker\b/m);
    }
  });

  test.each([
    ['1.6.20', 'container', 1, 'Unsupported export format: container'],
    ['1.6.20', 'docker', 0, ''],
    ['1.6.21', 'docker', 0, 'deprecated alias'],
    ['1.6.21', 'container', 0, ''],
    ['2.0.326', 'docker', 0, 'deprecated alias'],
    ['2.0.327', 'docker', 2, "unrecognized subcommand 'docker'"],
  ])('hab %s: pkg export %s exits %i', (version, verb, status, stderr) => {
    const r = hab(['pkg', 'export', verb, 'billmeyer/mongodb'], {
      ...LICENSED,
      HAB_STANDIN_VERSION: version,
    });
    expect(r.status).toBe(status);
    if (stderr) expect(r.stderr).toContain(stderr);
  });

  test('--engine exists from 1.6.28', () => {
    const args = ['pkg', 'export', 'container', '--engine', 'docker', 'billmeyer/mongodb'];
    expect(hab(args, { ...LICENSED, HAB_STANDIN_VERSION: '1.6.27' }).stderr).toContain(
      "unexpected argument '--engine' found",
    );
    expect(hab(args, { ...LICENSED, HAB_STANDIN_VERSION: '1.6.28' }).status).toBe(0);
  });
});

describe("the stand-in's exporter flags for Builder and channels", () => {
  test.each([
    [
      ['--url', 'bldr.example.com'],
      "invalid value '`bldr.example.com`: relative URL without a base' for '--url <BLDR_URL>'",
    ],
    [['--base-pkgs-url', 'x'], "for '--base-pkgs-url <BASE_PKGS_BLDR_URL>'"],
    [['--channel', 'a', '-c', 'b'], "the argument '--channel <CHANNEL>' cannot be used multiple times"],
    // It takes the ident as its value, as clap does, and then misses the package.
    [
      ['--base-pkgs-channel'],
      'the following required arguments were not provided:\n  <PKG_IDENT_OR_ARTIFACT>',
    ],
  ])('refuses %j like the real exporter', (flags, message) => {
    const r = hab(['pkg', 'export', 'container', ...flags, 'billmeyer/mongodb'], LICENSED);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
  });

  test('records what it was told in HAB_STANDIN_LOG, with the default channel of each release', () => {
    const log = join(scratch, 'flags.jsonl');
    const given = [
      '--channel',
      'unstable',
      '-u',
      'http://127.0.0.1:5058',
      '--base-pkgs-url',
      'http://127.0.0.1:5058',
      '--base-pkgs-channel',
      'base',
      'billmeyer/mongodb',
    ];
    expect(hab(['pkg', 'export', 'container', ...given], { ...LICENSED, HAB_STANDIN_LOG: log }).status).toBe(
      0,
    );
    for (const version of ['2.1.14', '2.1.15'])
      hab(['pkg', 'export', 'container', 'billmeyer/mongodb'], {
        ...LICENSED,
        HAB_STANDIN_LOG: log,
        HAB_STANDIN_VERSION: version,
      });
    const records = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { export?: unknown });
    expect(records.map((r) => r.export)).toEqual([
      {
        verb: 'container',
        channel: 'unstable',
        channel_given: true,
        url: 'http://127.0.0.1:5058',
        base_pkgs_url: 'http://127.0.0.1:5058',
        base_pkgs_channel: 'base',
      },
      {
        verb: 'container',
        channel: 'stable',
        channel_given: false,
        url: null,
        base_pkgs_url: null,
        base_pkgs_channel: null,
      },
      {
        verb: 'container',
        channel: 'base',
        channel_given: false,
        url: null,
        base_pkgs_url: null,
        base_pkgs_channel: null,
      },
    ]);
  });
});

describe('exportPackages against the stand-in of each era', () => {
  test.each([
    ['1.6.20', 'docker'],
    ['1.6.100', 'container'],
    ['1.6.1245', 'container'],
    ['2.0.300', 'container'],
    ['2.1.78', 'container'],
  ])('hab %s: exports with %s, by name from the stable channel', async (version, verb) => {
    const log = new RecordingLog();
    const calls = join(scratch, `calls-${version}.jsonl`);
    const base: NodeJS.ProcessEnv = { ...process.env };
    for (const key of Object.keys(base)) if (key.startsWith('HAB_')) delete base[key];
    const [image] = await exportPackages([{ kind: 'ident', origin: 'billmeyer', name: 'mongodb' }], {
      workDir: fresh(),
      log,
      env: {
        ...base,
        PATH: `${join(HAB, '..')}:${process.env.PATH ?? ''}`,
        HAB_STANDIN_VERSION: version,
        HAB_STANDIN_LOG: calls,
      },
      settings: { channel: 'stable', builderUrl: process.env.HABITAT_ECS_STACK_BUILDER_URL },
    });
    expect(image?.tags).toEqual(['latest', '3.2.10', '3.2.10-20171016003652']);
    expect(log.text()).toContain(`Using \`hab pkg export ${verb}\`: hab ${version}`);
    const exported = readFileSync(calls, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { export?: { verb: string; channel: string; channel_given: boolean } })
      .filter((r) => r.export);
    expect(exported.map((r) => r.export)).toEqual([
      expect.objectContaining({ verb, channel: 'stable', channel_given: true }),
    ]);
  });
});
