// The fast `hab` stand-in (test/bin/hab), which most e2e tests use for fault injection, against
// the real Habitat 2.1.78 exporter: for the same packages, the same Builder and the same flags,
// both write the same report (but the image id), tag the same names, give the image the same
// entrypoint, command, environment and exposed ports, put a package in a layer of its own with
// --multi-layer (the action's default), refuse the same misuses of that flag, and fail the same way
// on a channel that lacks the package.
//
// Needs the local stack and HAB_TEST_BINARIES (see support/real-habitat.ts).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportReport, HAB } from '../support/hab';
import { hart, realHabitat } from '../support/real-habitat';
import { ok, run, type Run } from '../support/run';
import { requireStackEnv } from '../support/stack';

requireStackEnv();
jest.setTimeout(300_000);

const real = realHabitat();

interface Export extends Run {
  report: Record<string, string>;
  config: { Entrypoint: string[]; Cmd: string[]; Env: string[]; ExposedPorts: Record<string, object> };
}

/** One export by `which` hab in a fresh directory, with its report and its image's config. */
function exportWith(which: 'real' | 'stand-in', args: string[]): Export {
  const cwd = mkdtempSync(join(tmpdir(), `hab-parity-${which}-`));
  const env: NodeJS.ProcessEnv = { ...process.env, HAB_LICENSE: 'accept-no-persist', HAB_NOCOLORING: 'true' };
  for (const key of Object.keys(env)) if (key.startsWith('HAB_STANDIN_')) delete env[key];
  const r =
    which === 'real'
      ? run('hab', ['pkg', 'export', 'container', ...args], {
          cwd,
          env: { ...env, ...real.env },
          timeout: 240_000,
        })
      : run(HAB, ['pkg', 'export', 'container', ...args], { cwd, env, timeout: 60_000 });
  if (r.status !== 0)
    return { ...r, report: {}, config: { Entrypoint: [], Cmd: [], Env: [], ExposedPorts: {} } };
  const report = Object.fromEntries(exportReport(cwd));
  // Right away: both exporters tag the same names, so the id is what tells their images apart.
  const config = JSON.parse(
    ok('docker', ['image', 'inspect', '--format', '{{json .Config}}', report.id ?? '']).stdout,
  );
  return { ...r, report, config };
}

const builder = () => ['--url', real.builderUrl, '--base-pkgs-url', real.builderUrl];

/** The files (not directories) in each layer of a local image, bottom first (`docker image save`, legacy format). */
function layerFiles(image: string): string[][] {
  const dir = mkdtempSync(join(tmpdir(), 'hab-parity-save-'));
  ok('docker', ['image', 'save', '-o', join(dir, 'image.tar'), image], { timeout: 120_000 });
  ok('tar', ['-xf', join(dir, 'image.tar'), '-C', dir]);
  const [manifest] = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { Layers: string[] }[];
  return (manifest?.Layers ?? []).map((layer) =>
    ok('tar', ['-tf', join(dir, layer)], { maxBuffer: 64 * 1024 * 1024 })
      .stdout.split('\n')
      .map((p) => p.replace(/^\.?\//, ''))
      .filter((p) => p !== '' && !p.endsWith('/')),
  );
}

/**
 * Where one package's files are: how many layers hold any, and what else those layers hold (a
 * later RUN that changes only directories' modes, as the real exporter's `chmod g=u` does, counts
 * for neither).
 */
function packageLayers(image: string, ident: string): { layers: number; others: string[] } {
  const own = (p: string) => p.startsWith(`hab/pkgs/${ident}/`);
  const holding = layerFiles(image).filter((files) => files.some(own));
  return { layers: holding.length, others: holding.flat().filter((p) => !own(p)) };
}

test.each([
  ['by name from stable', () => [...builder(), '--channel', 'stable', 'billmeyer/mongodb']],
  [
    'by name and version from unstable',
    () => [...builder(), '--channel', 'unstable', 'billmeyer/mongodb/3.2.11'],
  ],
  ['a fully qualified ident', () => [...builder(), 'billmeyer/mongodb/3.2.10/20171016003652']],
  ['a .hart file', () => [...builder(), hart('mattray/national-parks/6.3.0/20190522195009')]],
  [
    'one layer per package (--multi-layer), by name from stable',
    () => [...builder(), '--channel', 'stable', '--multi-layer', 'billmeyer/mongodb'],
  ],
  [
    'with a name template and a custom tag',
    () => [
      ...builder(),
      '--channel',
      'stable',
      '-i',
      'acme/{{pkg_name}}-x',
      '--tag-custom',
      'v{{pkg_version}}',
      'mattray/national-parks',
    ],
  ],
])('%s: the same report, tags and image config', (_, args) => {
  const realRun = exportWith('real', args());
  expect({
    status: realRun.status,
    out: realRun.status === 0 ? '' : realRun.stdout + realRun.stderr,
  }).toEqual({ status: 0, out: '' });
  const standIn = exportWith('stand-in', args());
  expect(standIn.status).toBe(0);

  const { id: realId, ...realReport } = realRun.report;
  const { id: standInId, ...standInReport } = standIn.report;
  expect(standInReport).toEqual(realReport);
  expect(Object.keys(standIn.report)).toEqual(Object.keys(realRun.report));
  // Both write the short id `docker images -q` prints.
  expect(realId).toMatch(/^[0-9a-f]{12}$/);
  expect(standInId).toMatch(/^[0-9a-f]{12}$/);

  const pick = (c: Export['config']) => ({
    Entrypoint: c.Entrypoint,
    Cmd: c.Cmd,
    Env: c.Env,
    ExposedPorts: Object.keys(c.ExposedPorts ?? {}).sort(),
  });
  expect(pick(standIn.config)).toEqual(pick(realRun.config));

  // --multi-layer: the package's files in one layer that holds nothing else, in both images; the
  // registry-API push uploads only that layer (and the per-export ones) for a new release.
  if (args().includes('--multi-layer')) {
    const ident = 'billmeyer/mongodb/3.2.10/20171016003652';
    const own = { layers: 1, others: [] };
    expect(packageLayers(realRun.report.id ?? '', ident)).toEqual(own);
    expect(packageLayers(standIn.report.id ?? '', ident)).toEqual(own);
  }
});

// What the action passes by default: misuses of --multi-layer are refused by the stand-in as by the
// real exporter (clap's first line, exit 2), so a test of the stand-in cannot pass what Habitat refuses.
test.each([
  [['--multi-layer=true', 'billmeyer/mongodb']],
  [['--multi-layer=', 'billmeyer/mongodb']],
  [['--multi-layer', '--multi-layer', 'billmeyer/mongodb']],
  [['--multi-layer']],
  [['--multilayer', 'billmeyer/mongodb']],
])('%j: the stand-in refuses it as the real exporter does', (args) => {
  const realRun = exportWith('real', args);
  const standIn = exportWith('stand-in', args);
  const firstLine = (r: Run) => r.stderr.split('\n')[0];
  expect({ status: standIn.status, error: firstLine(standIn) }).toEqual({
    status: realRun.status,
    error: firstLine(realRun),
  });
  expect(realRun.status).toBe(2);
});

test('without --channel, hab 2.1.x looks in base, and both fail the same way', () => {
  const args = [...builder(), 'billmeyer/mongodb'];
  const realRun = exportWith('real', args);
  const standIn = exportWith('stand-in', args);
  for (const r of [realRun, standIn]) {
    expect(r.status).toBe(1);
    const out = r.stdout + r.stderr;
    expect(out).toContain("Determining latest version of billmeyer/mongodb in the 'base' channel");
    expect(out).toContain("No releases of billmeyer/mongodb exist in the 'base' channel");
    expect(out).toContain("  billmeyer/mongodb/3.2.10/20171016003652 in the 'stable' channel");
    expect(out).toContain("  billmeyer/mongodb/3.2.11/20180101000000 in the 'unstable' channel");
    expect(out).toMatch(/✗✗✗ Package not found\./);
  }
});

test('a package in no channel: both fail with "Package not found." and no list of releases', () => {
  const args = [...builder(), '--channel', 'stable', 'nobody/nothing'];
  for (const r of [exportWith('real', args), exportWith('stand-in', args)]) {
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/✗✗✗ Package not found\./);
    expect(r.stdout + r.stderr).not.toContain('The following releases were found');
  }
});
