/**
 * Which `hab pkg export` command to run, and with which flags, for the `hab` that is installed.
 * Pure: reads `hab --version` / `hab pkg export --help` output the caller collected.
 *
 * The history, from habitat-sh/habitat's CHANGELOG.md and sources:
 * - before 1.6.21 the exporter is `docker` only (`hab pkg export docker`);
 * - 1.6.21 renamed it `container` (#7674), keeping `docker` as a deprecated alias;
 * - up to 1.6.115 `hab pkg export` takes the format positionally (`hab pkg export FORMAT PKG`,
 *   so `--help` lists no subcommands) and hands `docker`/`container` with the rest of the
 *   arguments straight to the exporter (components/hab/src/main.rs, `exec_subcommand_if_called`);
 *   1.6.116 made them subcommands (#7857), with `docker` hidden;
 * - 2.0.327 removed `docker` (components/hab/src/cli_v4/pkg/export.rs lists container and tar);
 * - `--engine` / HAB_PKG_EXPORT_CONTAINER_ENGINE exists from 1.6.28 (buildah, #7685).
 * `--channel`, `--url`, `--base-pkgs-url` and `--base-pkgs-channel` are exporter flags in every one
 * of these (components/pkg-export-docker, then components/pkg-export-container/src/cli.rs). The
 * exporter's own `--channel` default was `stable` and is `base` in 2.1 (2.1.78's `--help` says so),
 * a channel user packages are never in: so the action always says which channel.
 */

import type { PackageSource } from '../translate/habitat/package-source';

export interface HabVersion {
  major: number;
  minor: number;
  patch: number;
  /** As printed, e.g. `1.6.1245/20241010095431` or `2.1.78`. */
  text: string;
}

/** Parses `hab --version` output (`hab 2.0.450/20250113101245`, `hab 2.1.78`). */
export function parseHabVersion(output: string): HabVersion | undefined {
  const m = /\bhab\s+(\d+)\.(\d+)\.(\d+)(\S*)/.exec(output);
  if (!m) return undefined;
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: Number(m[3]),
    text: `${m[1]}.${m[2]}.${m[3]}${m[4]}`,
  };
}

export type ExportVerb = 'container' | 'docker';

export interface VerbChoice {
  verb: ExportVerb;
  /** Why, for the log: which versions have which verb. */
  why: string;
}

type Triple = readonly [number, number, number];
const CONTAINER_SINCE: Triple = [1, 6, 21];
const SUBCOMMANDS_SINCE: Triple = [1, 6, 116];
const DOCKER_REMOVED_IN: Triple = [2, 0, 327];

function atLeast(version: HabVersion, [major, minor, patch]: Triple): boolean {
  if (version.major !== major) return version.major > major;
  if (version.minor !== minor) return version.minor > minor;
  return version.patch >= patch;
}

/** The export verb for a `hab` of this version, and why. Every version settles it. */
export function exportVerbForVersion(version: HabVersion): VerbChoice {
  const hab = `hab ${version.text}`;
  if (!atLeast(version, CONTAINER_SINCE)) {
    return { verb: 'docker', why: `${hab} predates \`hab pkg export container\`, which 1.6.21 added` };
  }
  if (!atLeast(version, SUBCOMMANDS_SINCE)) {
    return {
      verb: 'container',
      why: `${hab} has \`container\` (since 1.6.21) and takes the format positionally, as every hab before 1.6.116 does`,
    };
  }
  if (!atLeast(version, DOCKER_REMOVED_IN)) {
    return {
      verb: 'container',
      why: `${hab} has \`container\` (since 1.6.21); \`docker\` is only a deprecated alias there, removed in 2.0.327`,
    };
  }
  return { verb: 'container', why: `${hab} has only \`container\`: \`docker\` was removed in 2.0.327` };
}

/**
 * The verb from `hab pkg export --help`, when `hab --version` said nothing usable: a listed
 * `container` subcommand, or the positional `<FORMAT>` of every hab before 1.6.116, where
 * `docker` always works. Undefined when the help shows neither.
 */
export function exportVerbFromHelp(help: string): VerbChoice | undefined {
  const listed = (name: string): boolean =>
    new RegExp(`^\\s{2,}${name}\\b`, 'm').test(help) ||
    [...help.matchAll(/\[subcommands?: ([^\]]*)\]/g)].some((m) =>
      (m[1] ?? '').split(',').some((s) => s.trim() === name),
    );
  if (listed('container')) {
    return { verb: 'container', why: '`hab pkg export --help` lists `container`' };
  }
  if (/<FORMAT>/.test(help)) {
    return {
      verb: 'docker',
      why: '`hab pkg export --help` takes the format positionally, as every hab before 1.6.116 does, and all of them know `docker`',
    };
  }
  if (listed('docker')) return { verb: 'docker', why: '`hab pkg export --help` lists `docker` only' };
  return undefined;
}

/** Where the exporter installs packages from: the action's habitat-* inputs. */
export interface ExportSettings {
  /** The channel a package named by ident is installed from (`--channel`). */
  channel: string;
  /** An on-premises Builder (`--url` and `--base-pkgs-url`); the exporter's default when unset. */
  builderUrl?: string;
  /** The channel of hab, the Supervisor, the launcher and busybox (`--base-pkgs-channel`). */
  basePackagesChannel?: string;
  /** One layer per package (`--multi-layer`); absent: one layer. */
  multiLayer?: boolean;
}

export const DEFAULT_EXPORT_SETTINGS: ExportSettings = { channel: 'stable' };

/** `--multi-layer` came with habitat-sh/habitat#7596, in 1.5.98 (first stable in 1.6.0). */
const MULTI_LAYER_SINCE: Triple = [1, 5, 98];

/** Why this hab cannot export one layer per package, if it cannot. */
export function multiLayerProblem(version: HabVersion | undefined): string | undefined {
  if (!version || atLeast(version, MULTI_LAYER_SINCE)) return undefined;
  return `hab ${version.text} predates \`--multi-layer\` (1.5.98, first stable in 1.6.0)`;
}

/**
 * Why a failed multi-layer export may work as one layer, from its output: the exporter did not
 * know the flag, or the image had more layers than the engine allows (Docker's "max depth
 * exceeded", past about 125 layers). Undefined for any other failure.
 */
export function multiLayerRefusal(output: string): string | undefined {
  if (/max depth exceeded/i.test(output))
    return 'the image would have more layers than Docker allows (about 125: one a package, plus 5)';
  if (/--multi-layer/.test(output) && /unexpected|wasn't expected|unrecognized|unknown/i.test(output))
    return 'this exporter does not know `--multi-layer`';
  return undefined;
}

/**
 * The argument vector of one export. A package named by ident is installed from `channel`,
 * always given: the exporter's own default (`base` since 2.1.15) never holds user packages. A
 * `.hart` is the package itself, so it gets no channel.
 */
export function exportArguments(
  verb: ExportVerb,
  source: PackageSource,
  target: string,
  settings: ExportSettings,
): string[] {
  return [
    'pkg',
    'export',
    verb,
    ...(source.kind === 'ident' ? ['--channel', settings.channel] : []),
    ...(settings.builderUrl ? ['--url', settings.builderUrl, '--base-pkgs-url', settings.builderUrl] : []),
    ...(settings.basePackagesChannel ? ['--base-pkgs-channel', settings.basePackagesChannel] : []),
    ...(settings.multiLayer ? ['--multi-layer'] : []),
    target,
  ];
}

/**
 * Why the container engine the environment asks the exporter for (HAB_PKG_EXPORT_CONTAINER_ENGINE,
 * read by exporters since 1.6.28) cannot be used, if it cannot. With buildah the image is built
 * outside Docker, where this action, which tags, inspects and pushes through the Docker engine,
 * never finds it.
 */
export function containerEngineProblem(env: NodeJS.ProcessEnv): string | undefined {
  const engine = env.HAB_PKG_EXPORT_CONTAINER_ENGINE;
  if (engine === undefined || engine === '' || engine === 'docker') return undefined;
  if (engine === 'buildah') {
    return (
      'HAB_PKG_EXPORT_CONTAINER_ENGINE=buildah makes the Habitat exporter build the image with buildah, outside ' +
      'Docker, and this action tags, inspects and pushes images through the Docker engine, so it would never ' +
      'find it: unset HAB_PKG_EXPORT_CONTAINER_ENGINE (or set it to docker) for this step'
    );
  }
  return `HAB_PKG_EXPORT_CONTAINER_ENGINE=${JSON.stringify(engine)} is not an engine the Habitat exporter knows (docker, buildah): unset it for this step`;
}
