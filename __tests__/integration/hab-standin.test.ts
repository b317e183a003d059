// The `hab` stand-in (test/bin/hab) behaves like the real CLI where the action depends on it:
// report keys, tags, a deterministic image id, version/subcommand rules, the license rule, clap-like
// argument errors and the test hooks.
//
// Needs the local stack's docker: test/stack/local-stack up && eval "$(test/stack/local-stack env)".
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  readFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportReport as report, HAB } from '../support/hab';
import { ok, run, type Run } from '../support/run';
import { publish, requireStackEnv } from '../support/stack';

const LICENSED = { HAB_LICENSE: 'accept-no-persist' };
/** hab 2.1.x installs a package by name from `base` unless told; user packages are in stable. */
const STABLE = ['--channel', 'stable'];

jest.setTimeout(120_000);

let scratch = '';
let counter = 0;
function freshDir(): string {
  counter += 1;
  const dir = join(scratch, `cwd-${counter}`);
  mkdirSync(dir);
  return dir;
}

/**
 * Run the stand-in in a fresh working directory, without HAB_* from the caller's environment but
 * HAB_BLDR_URL, the stack's emulated Builder, where it looks packages up by name.
 */
function hab(args: string[], extraEnv: NodeJS.ProcessEnv = {}, cwd = freshDir()): Run & { cwd: string } {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('HAB_')) delete env[key];
  env.HAB_BLDR_URL = process.env.HABITAT_ECS_STACK_BUILDER_URL;
  return { ...run(HAB, args, { cwd, env: { ...env, ...extraEnv } }), cwd };
}

function docker(args: string[]): string {
  return ok('docker', args).stdout.trim();
}

function imageConfig(ref: string): {
  Entrypoint: string[];
  Cmd: string[];
  ExposedPorts: Record<string, object>;
} {
  return JSON.parse(docker(['image', 'inspect', '--format', '{{json .Config}}', ref]));
}

function fileInImage(ref: string, path: string): string {
  const container = docker(['create', ref]);
  try {
    // `docker cp` to stdout gives a tar stream; the file's bytes are in it verbatim.
    return ok('docker', ['cp', `${container}:${path}`, '-']).stdout;
  } finally {
    run('docker', ['rm', container]);
  }
}

beforeAll(() => {
  requireStackEnv();
  scratch = mkdtempSync(join(tmpdir(), 'hab-standin-test-'));
  // Packages of these tests' own, in the emulated Builder (the demo ones are in its seed).
  publish('stable', 'standin-test/determinism/1.0.0/20200101000000');
  // In a channel of its own: the other tests expect stable's national-parks to be 6.3.0.
  publish('standin-test', 'mattray/national-parks/6.3.1/20200202020202', '--exposes', '8080');
  publish('stable', 'standin-test/lookup/1.0.0/20200101000000', '--exposes', '7000');
  publish('unstable', 'standin-test/lookup/1.1.0/20210101000000', '--exposes', '7001');
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('hab --version and subcommands', () => {
  test('--version prints hab X.Y.Z/RELEASE, configurable, and needs no license', () => {
    expect(hab(['--version']).stdout.trim()).toMatch(/^hab 2\.1\.\d+\/\d{14}$/);
    expect(hab(['--version'], { HAB_STANDIN_VERSION: '1.6.1245/20240101020304' }).stdout.trim()).toBe(
      'hab 1.6.1245/20240101020304',
    );
    expect(hab(['-V'], { HAB_STANDIN_VERSION: '2.0.327' }).stdout.trim()).toMatch(/^hab 2\.0\.327\/\d{14}$/);
  });

  test('pkg export docker is gone from 2.0.327 on, failing like clap', () => {
    const r = hab(['pkg', 'export', 'docker', ...STABLE, 'billmeyer/mongodb'], {
      ...LICENSED,
      HAB_STANDIN_VERSION: '2.0.327',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("error: unrecognized subcommand 'docker'");
    expect(r.stderr).toContain('Usage: hab pkg export <COMMAND>');
    expect(existsSync(join(r.cwd, 'results'))).toBe(false);
  });

  test('pkg export docker is a deprecated alias before 2.0.327 and writes both reports', () => {
    const r = hab(['pkg', 'export', 'docker', ...STABLE, 'billmeyer/mongodb'], {
      ...LICENSED,
      HAB_STANDIN_VERSION: '2.0.326',
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('deprecated');
    expect(report(r.cwd, 'last_docker_export.env')).toEqual(report(r.cwd));
  });

  test('pkg export container exists from 1.6.21 on; before that only docker (see hab-standin-versions)', () => {
    const old = { ...LICENSED, HAB_STANDIN_VERSION: '1.6.20' };
    const r = hab(['pkg', 'export', 'container', ...STABLE, 'billmeyer/mongodb'], old);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Unsupported export format: container');
    const d = hab(['pkg', 'export', 'docker', ...STABLE, 'billmeyer/mongodb'], old);
    expect(d.status).toBe(0);
    expect(d.stderr).not.toContain('deprecated');
    expect(
      hab(['pkg', 'export', 'container', ...STABLE, 'billmeyer/mongodb'], {
        ...LICENSED,
        HAB_STANDIN_VERSION: '1.6.21',
      }).status,
    ).toBe(0);
  });
});

describe('license', () => {
  test.each([[undefined], ['deny'], ['yes']])('HAB_LICENSE=%s: export refuses, writes nothing', (value) => {
    const r = hab(
      ['pkg', 'export', 'container', ...STABLE, 'billmeyer/mongodb'],
      value ? { HAB_LICENSE: value } : {},
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('Chef License Acceptance');
    expect(r.stderr).toContain('License agreement not accepted');
    expect(existsSync(join(r.cwd, 'results'))).toBe(false);
  });

  test.each([['accept'], ['accept-no-persist']])('HAB_LICENSE=%s: export runs', (value) => {
    expect(
      hab(['pkg', 'export', 'container', ...STABLE, 'billmeyer/mongodb'], { HAB_LICENSE: value }).status,
    ).toBe(0);
  });
});

describe('pkg export container', () => {
  test('the report has exactly the real keys, default tags and the short image id', () => {
    const r = hab(['pkg', 'export', 'container', ...STABLE, 'billmeyer/mongodb'], LICENSED);
    expect(r.status).toBe(0);
    const entries = report(r.cwd);
    expect(entries.map(([k]) => k)).toEqual(['id', 'name', 'tags', 'name_tags']);
    const values = Object.fromEntries(entries);
    expect(values.name).toBe('billmeyer/mongodb');
    expect(values.tags).toBe('latest,3.2.10,3.2.10-20171016003652');
    expect(values.name_tags).toBe(
      'billmeyer/mongodb:latest,billmeyer/mongodb:3.2.10,billmeyer/mongodb:3.2.10-20171016003652',
    );
    expect(values.id).toMatch(/^[0-9a-f]{12}$/);
    expect(values.id).toBe(docker(['images', '-q', 'billmeyer/mongodb:3.2.10-20171016003652']));
    expect(report(r.cwd, 'last_docker_export.env')).toEqual(entries);
    expect(r.stdout).toContain('» Building a container image with: billmeyer/mongodb');
    expect(r.stdout).toContain(
      "★ Container image 'billmeyer/mongodb' created with tags: latest, 3.2.10, 3.2.10-20171016003652",
    );
  });

  test('the same package gives the same image id, even after the image is removed', () => {
    // A package of its own, so removing its image cannot disturb other tests using the daemon.
    const pkg = 'standin-test/determinism';
    const first = Object.fromEntries(
      report(hab(['pkg', 'export', 'container', ...STABLE, pkg], LICENSED).cwd),
    );
    const fullId = docker(['image', 'inspect', '--format', '{{.Id}}', `${pkg}:latest`]);
    run('docker', ['rmi', '-f', ...(first.name_tags ?? '').split(',')]);
    expect(docker(['images', '-q', pkg])).toBe('');
    const second = Object.fromEntries(
      report(hab(['pkg', 'export', 'container', ...STABLE, pkg], LICENSED).cwd),
    );
    expect(second.id).toBe(first.id);
    expect(docker(['image', 'inspect', '--format', '{{.Id}}', `${pkg}:latest`])).toBe(fullId);

    // the demo package: the same id from two exports in two directories
    const parks = () =>
      Object.fromEntries(
        report(hab(['pkg', 'export', 'container', ...STABLE, 'mattray/national-parks'], LICENSED).cwd),
      );
    const parksId = parks().id;
    expect(parks().id).toBe(parksId);
    // another version (so another release) is another image (named apart, so no shared tag moves)
    const other = Object.fromEntries(
      report(
        hab(
          [
            'pkg',
            'export',
            'container',
            '-c',
            'standin-test',
            '-i',
            'standin-test/{{pkg_name}}',
            'mattray/national-parks/6.3.1',
          ],
          LICENSED,
        ).cwd,
      ),
    );
    expect(other.id).not.toBe(parksId);
    expect(other.tags).toMatch(/^latest,6\.3\.1,6\.3\.1-\d{14}$/);
  });

  test('the image looks like an exported Habitat package', () => {
    hab(['pkg', 'export', 'container', ...STABLE, 'billmeyer/mongodb'], LICENSED);
    const mongo = imageConfig('billmeyer/mongodb:latest');
    expect(mongo.Entrypoint).toEqual(['/init.sh']);
    expect(mongo.Cmd).toEqual(['run', 'billmeyer/mongodb']);
    expect(Object.keys(mongo.ExposedPorts).sort()).toEqual(['27017/tcp', '9631/tcp']);
    expect(
      fileInImage('billmeyer/mongodb:latest', '/hab/pkgs/billmeyer/mongodb/3.2.10/20171016003652/IDENT'),
    ).toContain('billmeyer/mongodb/3.2.10/20171016003652\n');
    expect(fileInImage('billmeyer/mongodb:latest', '/init.sh')).toContain('run billmeyer/mongodb "$@"');

    hab(['pkg', 'export', 'container', ...STABLE, 'mattray/national-parks'], LICENSED);
    const parks = imageConfig('mattray/national-parks:latest');
    expect(Object.keys(parks.ExposedPorts).sort()).toEqual(['8080/tcp', '9631/tcp']);
    expect(parks.ExposedPorts['9638/tcp']).toBeUndefined();
  });

  test('image name template, custom tag (lowercased) and the inverted --tag-latest bug', () => {
    const r = hab(
      [
        'pkg',
        'export',
        'container',
        '--image-name',
        'Stand-In/{{pkg_origin}}-{{ pkg_name }}',
        '--tag-custom={{pkg_version}}-{{channel}}-X',
        '--tag-latest',
        '-c',
        'unstable',
        'billmeyer/mongodb',
      ],
      LICENSED,
    );
    expect(r.status).toBe(0);
    const values = Object.fromEntries(report(r.cwd));
    expect(values.name).toBe('stand-in/billmeyer-mongodb');
    // unstable's latest (the Builder's seed and test/habitat/real-packages agree on it)
    expect(values.tags).toBe('3.2.11,3.2.11-20180101000000,3.2.11-unstable-x');
    expect(docker(['images', '-q', 'stand-in/billmeyer-mongodb:3.2.11-unstable-x'])).toBe(values.id);
  });

  test('accepts the real flags with their values', () => {
    const r = hab(
      [
        'pkg',
        'export',
        'container',
        '-u',
        process.env.HABITAT_ECS_STACK_BUILDER_URL ?? '',
        `--base-pkgs-url=${process.env.HABITAT_ECS_STACK_BUILDER_URL}`,
        ...STABLE,
        '--base-pkgs-channel',
        'base',
        '-z',
        'token',
        '--hab-pkg',
        'core/hab',
        '--launcher-pkg',
        'core/hab-launcher',
        '--sup-pkg',
        'core/hab-sup',
        '--multi-layer',
        '--engine',
        'docker',
        '-m',
        '2gb',
        '--no-push-image',
        '--no-tag-latest',
        'billmeyer/mongodb',
      ],
      LICENSED,
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(Object.fromEntries(report(r.cwd)).tags).toBe('latest,3.2.10,3.2.10-20171016003652');
  });

  test.each([
    [['--frobnicate', 'a/b'], "unexpected argument '--frobnicate' found"],
    [['-x', 'a/b'], "unexpected argument '-x' found"],
    [['a/b', '--image-name'], "a value is required for '--image-name <IMAGE_NAME>'"],
    [[], 'the following required arguments were not provided'],
    [['--engine', 'podman', 'a/b'], "invalid value 'podman' for '--engine <ENGINE>'"],
    [['--tag-latest', '--no-tag-latest', 'a/b'], "'--tag-latest' cannot be used with '--no-tag-latest'"],
    [['-R', 'amazon', 'a/b'], '--registry-url <REGISTRY_URL>'],
    [['-i', 'x', '-i', 'y', 'a/b'], 'cannot be used multiple times'],
  ])('clap-like usage error for %j', (args, message) => {
    const r = hab(['pkg', 'export', 'container', ...args], LICENSED);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('Usage: hab-pkg-export-container [OPTIONS] <PKG_IDENT_OR_ARTIFACT>...');
    expect(existsSync(join(r.cwd, 'results'))).toBe(false);
  });

  test.each([['mongodb'], ['a/b/c/d/e'], ['a//b'], ['bad origin/name']])(
    'ident %j fails like hab',
    (ident) => {
      const r = hab(['pkg', 'export', 'container', ident], LICENSED);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`Invalid package identifier: "${ident}"`);
      expect(existsSync(join(r.cwd, 'results'))).toBe(false);
    },
  );

  test('a .hart file gives its ident from its name; a missing one fails', () => {
    const hart = join(scratch, 'core-foo-bar-1.2.3-20200101010101-x86_64-linux.hart');
    writeFileSync(hart, 'HART-1\nnot really a package\n');
    const r = hab(['pkg', 'export', 'container', hart], LICENSED);
    expect(r.status).toBe(0);
    const values = Object.fromEntries(report(r.cwd));
    expect(values.name).toBe('core/foo-bar');
    expect(values.tags).toBe('latest,1.2.3,1.2.3-20200101010101');

    const missing = hab(
      ['pkg', 'export', 'container', join(scratch, 'core-nope-1.0.0-20200101010101-x86_64-linux.hart')],
      LICENSED,
    );
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/Habitat artifact file: '.*core-nope.*' not found/);
  });

  test('needs docker on PATH', () => {
    const bin = join(scratch, 'no-docker-bin');
    mkdirSync(bin);
    const python = ok('python3', ['-c', 'import sys; print(sys.executable)']).stdout.trim();
    symlinkSync(python, join(bin, 'python3'));
    const r = hab(['pkg', 'export', 'container', ...STABLE, 'billmeyer/mongodb'], { ...LICENSED, PATH: bin });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Could not find the container engine executable 'docker' on the PATH");
  });
});

describe('packages by name come from the Builder, per channel, as the real exporter gets them', () => {
  test('the version, release and exposed ports are what the channel holds', () => {
    const stable = hab(['pkg', 'export', 'container', ...STABLE, 'standin-test/lookup'], LICENSED);
    expect(stable.stdout).toContain(
      "Determining latest version of standin-test/lookup in the 'stable' channel",
    );
    expect(Object.fromEntries(report(stable.cwd)).tags).toBe('latest,1.0.0,1.0.0-20200101000000');
    expect(Object.keys(imageConfig('standin-test/lookup:1.0.0').ExposedPorts).sort()).toEqual([
      '7000/tcp',
      '9631/tcp',
    ]);
    const unstable = hab(['pkg', 'export', 'container', '-c', 'unstable', 'standin-test/lookup'], LICENSED);
    expect(Object.fromEntries(report(unstable.cwd)).tags).toBe('latest,1.1.0,1.1.0-20210101000000');
    const pinned = hab(
      ['pkg', 'export', 'container', '-c', 'unstable', 'standin-test/lookup/1.0.0'],
      LICENSED,
    );
    expect(pinned.status).toBe(1); // 1.0.0 is in stable only
  });

  test('without --channel, hab 2.1.x asks base, which holds no user package', () => {
    const r = hab(['pkg', 'export', 'container', 'standin-test/lookup'], LICENSED);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("Determining latest version of standin-test/lookup in the 'base' channel");
    expect(r.stderr).toContain("No releases of standin-test/lookup exist in the 'base' channel");
    expect(r.stderr).toContain("  standin-test/lookup/1.0.0/20200101000000 in the 'stable' channel");
    expect(r.stderr).toContain("  standin-test/lookup/1.1.0/20210101000000 in the 'unstable' channel");
    expect(r.stderr).toContain('✗✗✗ Package not found.');
    expect(existsSync(join(r.cwd, 'results'))).toBe(false);
    // hab 2.0.x still defaulted to stable.
    expect(
      hab(['pkg', 'export', 'container', 'standin-test/lookup'], {
        ...LICENSED,
        HAB_STANDIN_VERSION: '2.0.450',
      }).status,
    ).toBe(0);
  });

  test('--url wins over HAB_BLDR_URL; nothing but loopback is ever asked; a fully qualified ident is not looked up', () => {
    const builder = process.env.HABITAT_ECS_STACK_BUILDER_URL ?? '';
    const viaFlag = hab(['pkg', 'export', 'container', '--url', builder, ...STABLE, 'standin-test/lookup'], {
      ...LICENSED,
      HAB_BLDR_URL: 'http://127.0.0.1:9',
    });
    expect(viaFlag.status).toBe(0);
    const away = hab(['pkg', 'export', 'container', ...STABLE, 'standin-test/lookup'], {
      ...LICENSED,
      HAB_BLDR_URL: 'https://bldr.habitat.sh',
    });
    expect(away.status).toBe(1);
    expect(away.stderr).toContain('asks only a Builder on loopback, not https://bldr.habitat.sh');
    const down = hab(['pkg', 'export', 'container', ...STABLE, 'standin-test/lookup'], {
      ...LICENSED,
      HAB_BLDR_URL: 'http://127.0.0.1:9',
    });
    expect(down.status).toBe(1);
    expect(down.stderr).toContain('error sending request for url (http://127.0.0.1:9/v1/depot/channels/');
    const full = hab(['pkg', 'export', 'container', 'standin-test/unlisted/2.0.0/20220101000000'], {
      ...LICENSED,
      HAB_BLDR_URL: 'http://127.0.0.1:9',
    });
    expect(full.status).toBe(0);
  });
});

describe('test hooks', () => {
  test('HAB_STANDIN_FAIL fails that export like a failing build, without a report', () => {
    for (const target of ['billmeyer/mongodb', '*', 'billmeyer/mongodb/3.2.10/20171016003652']) {
      const r = hab(['pkg', 'export', 'container', ...STABLE, 'billmeyer/mongodb'], {
        ...LICENSED,
        HAB_STANDIN_FAIL: target,
      });
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('» Building a container image with: billmeyer/mongodb');
      expect(r.stderr).toContain('Container image build failed');
      expect(existsSync(join(r.cwd, 'results'))).toBe(false);
    }
    const other = hab(['pkg', 'export', 'container', ...STABLE, 'billmeyer/mongodb'], {
      ...LICENSED,
      HAB_STANDIN_FAIL: 'mattray/national-parks',
    });
    expect(other.status).toBe(0);
  });

  test('HAB_STANDIN_DELAY sleeps before building', () => {
    const started = Date.now();
    const r = hab(['pkg', 'export', 'container', ...STABLE, 'billmeyer/mongodb'], {
      ...LICENSED,
      HAB_STANDIN_DELAY: '1.5',
    });
    expect(r.status).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
  });

  test('HAB_STANDIN_LOG records argv, cwd and the license of every call', () => {
    const log = join(scratch, 'calls.jsonl');
    const a = hab(['--version'], { HAB_STANDIN_LOG: log });
    const b = hab(['pkg', 'export', 'container', '--tag-custom', 'x', ...STABLE, 'billmeyer/mongodb'], {
      ...LICENSED,
      HAB_STANDIN_LOG: log,
    });
    const c = hab(['pkg', 'export', 'container', ...STABLE, 'billmeyer/mongodb'], { HAB_STANDIN_LOG: log });
    expect(c.status).toBe(1);
    const lines = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ argv: ['--version'], cwd: a.cwd, hab_license_set: false });
    expect(lines[1]).toMatchObject({
      argv: ['pkg', 'export', 'container', '--tag-custom', 'x', ...STABLE, 'billmeyer/mongodb'],
      cwd: b.cwd,
      hab_license_set: true,
      hab_license: 'accept-no-persist',
    });
    expect(lines[2]).toMatchObject({ cwd: c.cwd, hab_license_set: false });
  });
});
