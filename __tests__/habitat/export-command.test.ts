import {
  containerEngineProblem,
  exportArguments,
  exportVerbForVersion,
  exportVerbFromHelp,
  multiLayerProblem,
  multiLayerRefusal,
  parseHabVersion,
} from '../../src/habitat/export-command';
import type { PackageSource } from '../../src/translate/habitat/package-source';

const ident: PackageSource = { kind: 'ident', origin: 'mattray', name: 'national-parks' };
const hart: PackageSource = {
  kind: 'hart',
  path: 'results/mattray-national-parks-6.3.0-20190522195009-x86_64-linux.hart',
  origin: 'mattray',
  name: 'national-parks',
  version: '6.3.0',
  release: '20190522195009',
};

describe('parseHabVersion', () => {
  it('reads hab --version, with or without a release', () => {
    expect(parseHabVersion('hab 2.0.450/20250113101245\n')).toEqual({
      major: 2,
      minor: 0,
      patch: 450,
      text: '2.0.450/20250113101245',
    });
    expect(parseHabVersion('hab 2.1.78\n')).toMatchObject({ major: 2, minor: 1, patch: 78, text: '2.1.78' });
    expect(parseHabVersion('something else')).toBeUndefined();
  });
});

describe('exportVerbForVersion: the verb every Habitat release has', () => {
  it.each([
    ['0.90.6/20190101', 'docker', 'predates `hab pkg export container`, which 1.6.21 added'],
    ['1.5.71/20200101', 'docker', 'predates'],
    ['1.6.0/20200505', 'docker', 'predates'],
    ['1.6.20', 'docker', 'predates'],
    ['1.6.21', 'container', 'takes the format positionally, as every hab before 1.6.116 does'],
    ['1.6.115', 'container', 'takes the format positionally'],
    ['1.6.116', 'container', '`docker` is only a deprecated alias there, removed in 2.0.327'],
    ['1.6.1245/20241010095431', 'container', 'deprecated alias'],
    ['2.0.0', 'container', 'deprecated alias'],
    ['2.0.326', 'container', 'deprecated alias'],
    ['2.0.327', 'container', 'has only `container`: `docker` was removed in 2.0.327'],
    ['2.0.450/20250113101245', 'container', 'has only `container`'],
    ['2.1.78', 'container', 'has only `container`'],
  ])('hab %s -> %s', (version, verb, why) => {
    const choice = exportVerbForVersion(parseHabVersion(`hab ${version}`)!);
    expect(choice.verb).toBe(verb);
    expect(choice.why).toContain(`hab ${version}`);
    expect(choice.why).toContain(why);
  });
});

describe('exportVerbFromHelp: when hab --version says nothing usable', () => {
  it('takes container when a subcommand list names it (clap 2 and clap 4 help)', () => {
    const clap2 = 'SUBCOMMANDS:\n    container    Container exporter\n    tar          Tar exporter\n';
    const clap4 = 'Commands:\n  container  Container Exporter\n  tar        Tar Exporter\n';
    const hint = "error: 'hab pkg export' requires a subcommand\n\n  [subcommands: container, tar]\n";
    for (const help of [clap2, clap4, hint]) expect(exportVerbFromHelp(help)?.verb).toBe('container');
  });
  it('takes docker for the positional format of every hab before 1.6.116', () => {
    const positional =
      'USAGE:\n    hab pkg export [OPTIONS] <FORMAT> <PKG_IDENT>\n\nARGS:\n    <FORMAT>    The export format\n';
    expect(exportVerbFromHelp(positional)).toEqual({
      verb: 'docker',
      why: expect.stringContaining('takes the format positionally'),
    });
    expect(exportVerbFromHelp('SUBCOMMANDS:\n    docker    Docker exporter\n')?.verb).toBe('docker');
  });
  it('gives up on anything else', () => {
    expect(exportVerbFromHelp('Usage: hab pkg export container')).toBeUndefined();
    expect(exportVerbFromHelp('')).toBeUndefined();
  });
});

describe('exportArguments', () => {
  it('gives a package named by ident its channel, always', () => {
    expect(exportArguments('container', ident, 'mattray/national-parks', { channel: 'stable' })).toEqual([
      'pkg',
      'export',
      'container',
      '--channel',
      'stable',
      'mattray/national-parks',
    ]);
  });
  it('points package installs and base packages at an on-premises Builder', () => {
    expect(
      exportArguments('docker', ident, 'mattray/national-parks', {
        channel: 'unstable',
        builderUrl: 'https://bldr.example.com',
        basePackagesChannel: 'LTS-2024',
      }),
    ).toEqual([
      'pkg',
      'export',
      'docker',
      '--channel',
      'unstable',
      '--url',
      'https://bldr.example.com',
      '--base-pkgs-url',
      'https://bldr.example.com',
      '--base-pkgs-channel',
      'LTS-2024',
      'mattray/national-parks',
    ]);
  });
  it('asks for one layer per package with --multi-layer, before the package', () => {
    expect(exportArguments('container', hart, '/ws/x.hart', { channel: 'stable', multiLayer: true })).toEqual(
      ['pkg', 'export', 'container', '--multi-layer', '/ws/x.hart'],
    );
  });
  it('gives a .hart no channel: the file is the package', () => {
    expect(exportArguments('container', hart, '/ws/x.hart', { channel: 'stable' })).toEqual([
      'pkg',
      'export',
      'container',
      '/ws/x.hart',
    ]);
  });
});

describe('containerEngineProblem', () => {
  it('accepts docker, the default', () => {
    expect(containerEngineProblem({})).toBeUndefined();
    expect(containerEngineProblem({ HAB_PKG_EXPORT_CONTAINER_ENGINE: '' })).toBeUndefined();
    expect(containerEngineProblem({ HAB_PKG_EXPORT_CONTAINER_ENGINE: 'docker' })).toBeUndefined();
  });
  it('refuses buildah, whose images Docker never sees, and engines the exporter does not know', () => {
    expect(containerEngineProblem({ HAB_PKG_EXPORT_CONTAINER_ENGINE: 'buildah' })).toContain(
      'build the image with buildah, outside Docker',
    );
    expect(containerEngineProblem({ HAB_PKG_EXPORT_CONTAINER_ENGINE: 'podman' })).toContain(
      'is not an engine the Habitat exporter knows (docker, buildah)',
    );
  });
});

describe('multiLayerProblem: which hab has --multi-layer', () => {
  it('is there from 1.5.98 (habitat-sh/habitat#7596), and assumed when the version is unknown', () => {
    expect(multiLayerProblem(parseHabVersion('hab 1.5.86/20200408'))).toBe(
      'hab 1.5.86/20200408 predates `--multi-layer` (1.5.98, first stable in 1.6.0)',
    );
    expect(multiLayerProblem(parseHabVersion('hab 1.5.98'))).toBeUndefined();
    expect(multiLayerProblem(parseHabVersion('hab 2.1.78'))).toBeUndefined();
    expect(multiLayerProblem(undefined)).toBeUndefined();
  });
});

describe('multiLayerRefusal: a failed multi-layer export that one layer may fix', () => {
  it('reads Docker refusing too many layers, and an exporter that does not know the flag', () => {
    expect(multiLayerRefusal('Step 131/136 : COPY ...\nmax depth exceeded\n')).toMatch(
      /more layers than Docker allows/,
    );
    expect(multiLayerRefusal("error: Found argument '--multi-layer' which wasn't expected")).toMatch(
      /does not know/,
    );
    expect(multiLayerRefusal("error: unexpected argument '--multi-layer' found")).toMatch(/does not know/);
  });
  it('is nothing for any other failure', () => {
    expect(multiLayerRefusal('✗✗✗ Package not found: core/x')).toBeUndefined();
    expect(multiLayerRefusal('hab pkg export container --multi-layer core/x: exit 1')).toBeUndefined();
  });
});
