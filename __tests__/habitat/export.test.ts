import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { UserError } from '../../src/diagnostics';
import { exportPackages, habEnvironment, packageArgument } from '../../src/habitat/export';
import type { PackageSource } from '../../src/translate/habitat/package-source';
import { CommandNotFoundError, type ProcessRunner, type RunOptions, type RunResult } from '../../src/process';
import { RecordingLog } from '../support/recording-log';

const mongodb: PackageSource = { kind: 'ident', origin: 'billmeyer', name: 'mongodb' };
const parks: PackageSource = { kind: 'ident', origin: 'mattray', name: 'national-parks', version: '6.3.0' };

/** A directory with executables named `hab` and `docker`, so the PATH checks pass. */
function toolsDir(names = ['hab', 'docker']): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tools-'));
  for (const name of names) {
    writeFileSync(path.join(dir, name), '#!/bin/sh\nexit 99\n');
    chmodSync(path.join(dir, name), 0o755);
  }
  return dir;
}

function result(stdout: string, exitCode = 0, tail: string[] = []): RunResult {
  return { exitCode, signal: null, timedOut: false, stdout, stderr: '', tail };
}

interface Call {
  args: readonly string[];
  options: RunOptions | undefined;
}

/** A fake hab: answers --version, and for an export writes the report into its cwd. */
function fakeHab(
  opts: {
    version?: string;
    help?: string;
    fail?: string;
    noReport?: boolean;
    refuseMultiLayer?: string;
  } = {},
) {
  const calls: Call[] = [];
  const run: ProcessRunner = async (command, args, options) => {
    expect(command).toBe('hab');
    calls.push({ args, options });
    if (args[0] === '--version') return result(opts.version ?? 'hab 2.0.450/20250113101245\n');
    if (args.join(' ') === 'pkg export --help') return result(opts.help ?? '');
    const ident = args.at(-1) ?? '';
    options?.onLine?.(`building ${ident}`, 'stdout');
    if (opts.fail === ident) return result('', 1, ['» Installing', `✗✗✗ Package not found: ${ident}`]);
    if (opts.refuseMultiLayer && args.includes('--multi-layer')) return result(opts.refuseMultiLayer, 1);
    if (!opts.noReport) {
      const [origin, name] = ident.split('/');
      await mkdir(path.join(options!.cwd!, 'results'), { recursive: true });
      await writeFile(
        path.join(options!.cwd!, 'results', `last_${args[2]}_export.env`),
        `id=sha256:${'a'.repeat(64)}\nname=${origin}/${name}\ntags=latest,6.3.0,6.3.0-20200101000000\n`,
      );
    }
    return result('');
  };
  return { run, calls };
}

describe('exportPackages', () => {
  const workDir = () => mkdtempSync(path.join(tmpdir(), 'export-'));
  const env = () => ({ PATH: toolsDir() });

  it('exports each package with `container` in its own directory and reads the report', async () => {
    const log = new RecordingLog();
    const hab = fakeHab();
    const images = await exportPackages([mongodb, parks], {
      workDir: workDir(),
      log,
      env: env(),
      run: hab.run,
    });
    const exports = hab.calls.filter((c) => c.args[0] === 'pkg');
    expect(exports.map((c) => c.args)).toEqual([
      ['pkg', 'export', 'container', '--channel', 'stable', 'billmeyer/mongodb'],
      ['pkg', 'export', 'container', '--channel', 'stable', 'mattray/national-parks/6.3.0'],
    ]);
    expect(exports[0]?.options?.cwd).not.toBe(exports[1]?.options?.cwd);
    expect(exports[0]?.options?.env?.HAB_LICENSE).toBe('accept-no-persist');
    expect(exports.flatMap((c) => c.args).some((a) => a.startsWith('--tag'))).toBe(false);
    expect(images[1]).toEqual({
      source: parks,
      repository: 'mattray/national-parks',
      imageId: `sha256:${'a'.repeat(64)}`,
      name: 'mattray/national-parks',
      tags: ['latest', '6.3.0', '6.3.0-20200101000000'],
      version: '6.3.0',
      release: '20200101000000',
    });
    expect(log.text()).toContain(
      'Using `hab pkg export container`: hab 2.0.450/20250113101245 has only `container`: `docker` was removed in 2.0.327',
    );
    expect(log.text()).toContain('output: building billmeyer/mongodb');
  });

  it('keeps a HAB_LICENSE the user set', () => {
    expect(habEnvironment({ HAB_LICENSE: 'accept' }).HAB_LICENSE).toBe('accept');
    expect(habEnvironment({}).HAB_LICENSE).toBe('accept-no-persist');
    // The real hab colours its output even into a pipe unless told not to.
    expect(habEnvironment({ HAB_NOCOLORING: 'false' }).HAB_NOCOLORING).toBe('true');
  });

  it('uses `docker` on an old hab', async () => {
    const hab = fakeHab({ version: 'hab 1.5.71/20200101\n' });
    await exportPackages([mongodb], {
      workDir: workDir(),
      log: new RecordingLog(),
      env: env(),
      run: hab.run,
    });
    expect(hab.calls[1]?.args).toEqual([
      'pkg',
      'export',
      'docker',
      '--channel',
      'stable',
      'billmeyer/mongodb',
    ]);
  });

  it('decides from the version alone on 1.6 (container from 1.6.21, positional until 1.6.115)', async () => {
    for (const [version, verb] of [
      ['hab 1.6.20/20200601000000', 'docker'],
      ['hab 1.6.100/20200701000000', 'container'],
    ] as const) {
      const log = new RecordingLog();
      const hab = fakeHab({ version });
      await exportPackages([mongodb], { workDir: workDir(), log, env: env(), run: hab.run });
      expect(hab.calls.map((c) => c.args.join(' '))).toEqual([
        '--version',
        `pkg export ${verb} --channel stable billmeyer/mongodb`,
      ]);
      expect(log.text()).toContain(`Using \`hab pkg export ${verb}\``);
    }
  });

  it('asks hab pkg export --help only when the version is unreadable', async () => {
    const log = new RecordingLog();
    const hab = fakeHab({
      version: 'hab (development build)\n',
      help: 'USAGE:\n    hab pkg export [OPTIONS] <FORMAT> <PKG_IDENT>\n',
    });
    await exportPackages([mongodb], { workDir: workDir(), log, env: env(), run: hab.run });
    expect(hab.calls.map((c) => c.args.join(' '))).toEqual([
      '--version',
      'pkg export --help',
      'pkg export docker --channel stable billmeyer/mongodb',
    ]);
    expect(log.text()).toContain('takes the format positionally');
    const lost = fakeHab({ version: 'hab ?\n', help: 'nothing useful' });
    await expect(
      exportPackages([mongodb], { workDir: workDir(), log: new RecordingLog(), env: env(), run: lost.run }),
    ).rejects.toThrow(/neither a `container` subcommand nor a format argument/);
  });

  it('installs from the channel and Builder of the inputs; a .hart gets no channel', async () => {
    const hab = fakeHab();
    const hart: PackageSource = {
      kind: 'hart',
      path: '/ws/core-redis-4.0.14-20190319155852-x86_64-linux.hart',
      origin: 'core',
      name: 'redis',
      version: '4.0.14',
      release: '20190319155852',
    };
    await exportPackages([mongodb, hart], {
      workDir: workDir(),
      log: new RecordingLog(),
      env: env(),
      run: hab.run,
      settings: { channel: 'unstable', builderUrl: 'http://127.0.0.1:5058', basePackagesChannel: 'base' },
    });
    const builder = ['--url', 'http://127.0.0.1:5058', '--base-pkgs-url', 'http://127.0.0.1:5058'];
    expect(hab.calls.filter((c) => c.args[0] === 'pkg').map((c) => c.args)).toEqual([
      [
        'pkg',
        'export',
        'container',
        '--channel',
        'unstable',
        ...builder,
        '--base-pkgs-channel',
        'base',
        'billmeyer/mongodb',
      ],
      ['pkg', 'export', 'container', ...builder, '--base-pkgs-channel', 'base', hart.path],
    ]);
  });

  it('hands HAB_AUTH_TOKEN to hab and masks it', async () => {
    const log = new RecordingLog();
    const hab = fakeHab();
    await exportPackages([mongodb], {
      workDir: workDir(),
      log,
      env: { ...env(), HAB_AUTH_TOKEN: 'private-origin-token' },
      run: hab.run,
    });
    expect(hab.calls.every((c) => c.options?.env?.HAB_AUTH_TOKEN === 'private-origin-token')).toBe(true);
    expect(log.secrets).toContain('private-origin-token');
  });

  it('refuses a buildah engine before running hab: its image would never reach Docker', async () => {
    const hab = fakeHab();
    const attempt = exportPackages([mongodb], {
      workDir: workDir(),
      log: new RecordingLog(),
      env: { ...env(), HAB_PKG_EXPORT_CONTAINER_ENGINE: 'buildah' },
      run: hab.run,
    });
    await expect(attempt).rejects.toThrow(UserError);
    await expect(attempt).rejects.toThrow(/HAB_PKG_EXPORT_CONTAINER_ENGINE=buildah .*outside Docker/);
    expect(hab.calls).toHaveLength(0);
  });

  it('fails up front when hab or docker is not on PATH, saying how to install hab', async () => {
    const hab = fakeHab();
    const noHab = exportPackages([mongodb], {
      workDir: workDir(),
      log: new RecordingLog(),
      env: { PATH: toolsDir(['docker']) },
      run: hab.run,
    });
    await expect(noHab).rejects.toThrow(UserError);
    await expect(noHab).rejects.toThrow(/`hab` is not on PATH: .*install\.sh.*HAB_LICENSE=accept-no-persist/);
    const noDocker = exportPackages([mongodb], {
      workDir: workDir(),
      log: new RecordingLog(),
      env: { PATH: toolsDir(['hab']) },
      run: hab.run,
    });
    await expect(noDocker).rejects.toThrow(/`docker` is not on PATH/);
    expect(hab.calls).toHaveLength(0);
  });

  it('turns a hab that cannot be started into the same clear error', async () => {
    const run: ProcessRunner = async () => {
      throw new CommandNotFoundError('hab');
    };
    await expect(
      exportPackages([mongodb], { workDir: workDir(), log: new RecordingLog(), env: env(), run }),
    ).rejects.toThrow(/`hab` is not on PATH/);
  });

  it('names the package and shows the tail when an export fails', async () => {
    const hab = fakeHab({ fail: 'mattray/national-parks/6.3.0' });
    const attempt = exportPackages([mongodb, parks], {
      workDir: workDir(),
      log: new RecordingLog(),
      env: env(),
      run: hab.run,
    });
    await expect(attempt).rejects.toThrow(
      /exporting mattray\/national-parks\/6\.3\.0 failed: .*exited with code 1[\s\S]*Package not found: mattray\/national-parks/,
    );
  });

  it.each([
    ['too many layers', 'Step 131/136 : COPY\nmax depth exceeded\n', /more layers than Docker allows/],
    ['an exporter without the flag', "error: unexpected argument '--multi-layer' found\n", /does not know/],
  ])('exports again as one layer, with a warning, after %s', async (_why, output, reason) => {
    const hab = fakeHab({ refuseMultiLayer: output });
    const log = new RecordingLog();
    const images = await exportPackages([mongodb], {
      workDir: workDir(),
      log,
      env: env(),
      run: hab.run,
      settings: { channel: 'stable', multiLayer: true },
    });
    const exports = hab.calls.filter((c) => c.args[0] === 'pkg').map((c) => c.args.includes('--multi-layer'));
    expect(exports).toEqual([true, false]);
    expect(images).toHaveLength(1);
    expect(log.of('warning')).toEqual([expect.stringMatching(reason)]);
  });

  it('does not ask a hab older than 1.5.98 for --multi-layer, and says so', async () => {
    const hab = fakeHab({ version: 'hab 1.5.86/20200408000000\n' });
    const log = new RecordingLog();
    await exportPackages([mongodb], {
      workDir: workDir(),
      log,
      env: env(),
      run: hab.run,
      settings: { channel: 'stable', multiLayer: true },
    });
    expect(hab.calls.some((c) => c.args.includes('--multi-layer'))).toBe(false);
    expect(log.of('warning')).toEqual([expect.stringContaining('predates `--multi-layer`')]);
  });

  it('does not export again when a multi-layer export fails for another reason', async () => {
    const hab = fakeHab({ refuseMultiLayer: '✗✗✗ Package not found\n' });
    await expect(
      exportPackages([mongodb], {
        workDir: workDir(),
        log: new RecordingLog(),
        env: env(),
        run: hab.run,
        settings: { channel: 'stable', multiLayer: true },
      }),
    ).rejects.toThrow(/exporting billmeyer\/mongodb failed/);
    expect(hab.calls.filter((c) => c.args[0] === 'pkg')).toHaveLength(1);
  });

  it('fails clearly when the report is missing or unusable', async () => {
    const hab = fakeHab({ noReport: true });
    await expect(
      exportPackages([mongodb], { workDir: workDir(), log: new RecordingLog(), env: env(), run: hab.run }),
    ).rejects.toThrow(/succeeded but wrote no report .*last_container_export\.env/);

    const broken: ProcessRunner = async (_command, args, options) => {
      if (args[0] === '--version') return result('hab 2.0.1/1');
      mkdirSync(path.join(options!.cwd!, 'results'));
      writeFileSync(path.join(options!.cwd!, 'results', 'last_docker_export.env'), 'name=x/y\n');
      return result('');
    };
    await expect(
      exportPackages([mongodb], { workDir: workDir(), log: new RecordingLog(), env: env(), run: broken }),
    ).rejects.toThrow(/last_docker_export\.env of billmeyer\/mongodb is unusable: no value for id/);
  });
});

describe('packageArgument', () => {
  it('makes .hart paths absolute against the workspace', () => {
    const hart: PackageSource = {
      kind: 'hart',
      path: 'results/core-redis-4.0.14-20190319155852-x86_64-linux.hart',
      origin: 'core',
      name: 'redis',
      version: '4.0.14',
      release: '20190319155852',
    };
    expect(packageArgument(hart, '/ws')).toBe(
      '/ws/results/core-redis-4.0.14-20190319155852-x86_64-linux.hart',
    );
    expect(
      packageArgument({ kind: 'ident', origin: 'a', name: 'b', version: '1', release: '20200101000000' }),
    ).toBe('a/b/1/20200101000000');
  });
});
