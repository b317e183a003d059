import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { error, UserError } from '../diagnostics';
import type { Log } from '../log';
import {
  CommandNotFoundError,
  describeExit,
  findExecutable,
  runProcess,
  type ProcessRunner,
  type RunOptions,
} from '../process';
import { ExportReportError, parseExportReport, versionFromTags } from './export-report';
import {
  containerEngineProblem,
  DEFAULT_EXPORT_SETTINGS,
  exportArguments,
  exportVerbForVersion,
  exportVerbFromHelp,
  multiLayerProblem,
  multiLayerRefusal,
  parseHabVersion,
  type HabVersion,
  type ExportSettings,
  type ExportVerb,
  type VerbChoice,
} from './export-command';
import { type PackageSource, repositoryOf } from '../translate/habitat/package-source';

/** A package exported to a local image, as the export report describes it. */
export interface ExportedImage {
  source: PackageSource;
  /** ECR repository for it: `origin/name`, lower case. */
  repository: string;
  /** Local image id (`sha256:...`) from the report. */
  imageId: string;
  /** Local image name from the report, e.g. `billmeyer/mongodb`. */
  name: string;
  /** Tags the exporter gave the local image (from the report). */
  tags: string[];
  version?: string;
  release?: string;
}

export interface ExportOptions {
  /** Parent of the private working directories (one per package), e.g. RUNNER_TEMP. */
  workDir: string;
  log: Log;
  /** Environment for hab (default process.env); HAB_LICENSE is added unless set. */
  env?: NodeJS.ProcessEnv;
  run?: ProcessRunner;
  /** Relative .hart paths are relative to this (GITHUB_WORKSPACE); default the current directory. */
  workspace?: string;
  /** Kill an export that runs longer than this. Default 30 minutes. */
  timeoutMs?: number;
  /** Called with each image as soon as it is exported; if it throws, no further export starts. */
  onExported?: (image: ExportedImage) => void;
  /** Channel and Builder to install from (the habitat-* inputs); default: the stable channel. */
  settings?: ExportSettings;
}

/** How long `hab --version` and `hab pkg export --help` may take. */
const HAB_QUERY_TIMEOUT_MS = 5 * 60 * 1000;

const INSTALL_HAB =
  'install the Habitat CLI in an earlier workflow step, e.g. ' +
  '`curl -fsSL https://raw.githubusercontent.com/habitat-sh/habitat/main/components/hab/install.sh | sudo bash`, ' +
  'and set HAB_LICENSE=accept-no-persist in the environment';

/**
 * The ident or .hart path to hand to hab. A .hart path is made absolute: hab runs in a private
 * working directory.
 */
export function packageArgument(source: PackageSource, workspace = process.cwd()): string {
  if (source.kind === 'hart') return path.resolve(workspace, source.path);
  return [source.origin, source.name, source.version, source.version ? source.release : undefined]
    .filter((part): part is string => part !== undefined && part !== '')
    .join('/');
}

/**
 * hab's environment: the caller's, plus the license acceptance CI needs unless the user chose one,
 * and no terminal colours: hab writes ANSI escapes even into a pipe, and they would end up as
 * garbage in the log and in the annotation that quotes a failed export's output.
 */
export function habEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, HAB_NOCOLORING: 'true', HAB_LICENSE: env.HAB_LICENSE || 'accept-no-persist' };
}

/** Fails unless hab and docker (which the exporter calls) are on PATH. No process is run. */
function checkExportTools(env: NodeJS.ProcessEnv): void {
  const problems = [];
  if (!findExecutable('hab', env)) problems.push(error(`\`hab\` is not on PATH: ${INSTALL_HAB}`));
  if (!findExecutable('docker', env))
    problems.push(error('`docker` is not on PATH: the Habitat exporter builds images with the docker CLI'));
  if (problems.length > 0) throw new UserError(problems);
}

/** Asks hab which exporter it has: its version, or its help when the version is not readable. */
async function detectExportVerb(
  run: ProcessRunner,
  env: NodeJS.ProcessEnv,
  log: Log,
): Promise<VerbChoice & { version?: HabVersion }> {
  const versionRun = await runHab(run, ['--version'], { env, timeoutMs: HAB_QUERY_TIMEOUT_MS });
  const version = parseHabVersion(versionRun.stdout + versionRun.stderr);
  let choice: VerbChoice | undefined = version && exportVerbForVersion(version);
  if (!choice) {
    const helpRun = await runHab(run, ['pkg', 'export', '--help'], { env, timeoutMs: HAB_QUERY_TIMEOUT_MS });
    choice = exportVerbFromHelp(helpRun.stdout + helpRun.stderr);
    if (!choice) {
      throw new UserError(
        error(
          '`hab --version` printed no version and `hab pkg export --help` shows neither a `container` subcommand nor ' +
            'a format argument: use a Habitat release that can export container images (2.x recommended)',
        ),
      );
    }
  }
  log.info(`Using \`hab pkg export ${choice.verb}\`: ${choice.why}`);
  return { ...choice, ...(version && { version }) };
}

/** Runs hab; hab missing from PATH is the user's to fix. */
async function runHab(run: ProcessRunner, args: string[], options: RunOptions) {
  try {
    return await run('hab', args, options);
  } catch (e) {
    if (e instanceof CommandNotFoundError)
      throw new UserError(error(`\`hab\` is not on PATH: ${INSTALL_HAB}`));
    throw e;
  }
}

/**
 * Exports every package to a local image, one after the other: concurrent hab processes share
 * the package store and artifact cache under /hab, where concurrent installs of the same
 * dependency have raced before, and the exports of one project share most dependencies.
 * Pushing is where parallelism pays off: onExported lets each image push while the next exports.
 */
export async function exportPackages(
  packages: readonly PackageSource[],
  options: ExportOptions,
): Promise<ExportedImage[]> {
  const env = habEnvironment(options.env ?? process.env);
  const run = options.run ?? runProcess;
  // A token for private origins reaches hab (and its exporter) through the environment only.
  if (env.HAB_AUTH_TOKEN) options.log.setSecret(env.HAB_AUTH_TOKEN);
  checkExportTools(env);
  const engine = containerEngineProblem(env);
  if (engine) throw new UserError(error(engine));
  const { verb, version } = await detectExportVerb(run, env, options.log);
  let settings = options.settings ?? DEFAULT_EXPORT_SETTINGS;
  const tooOld = settings.multiLayer ? multiLayerProblem(version) : undefined;
  if (tooOld) {
    options.log.warning(`${tooOld}: exporting every image as one layer`);
    settings = { ...settings, multiLayer: false };
  }
  await mkdir(options.workDir, { recursive: true });
  const images: ExportedImage[] = [];
  for (const source of packages) {
    const image = await exportOne(source, verb, { ...options, settings, env, run });
    images.push(image);
    options.onExported?.(image);
  }
  return images;
}

async function exportOne(
  source: PackageSource,
  verb: ExportVerb,
  options: ExportOptions & { env: NodeJS.ProcessEnv; run: ProcessRunner },
): Promise<ExportedImage> {
  const { log } = options;
  const target = packageArgument(source, options.workspace);
  const settings = options.settings ?? DEFAULT_EXPORT_SETTINGS;
  const attempt = async (withSettings: ExportSettings) => {
    // The report lands in ./results of hab's working directory: one private directory each.
    const cwd = await mkdtemp(path.join(options.workDir, `export-${source.origin}-${source.name}-`));
    const args = exportArguments(verb, source, target, withSettings);
    log.info(`hab ${args.join(' ')}`);
    const result = await runHab(options.run, args, {
      cwd,
      env: options.env,
      timeoutMs: options.timeoutMs,
      onLine: (line) => log.output(line),
    });
    return { cwd, result };
  };
  let { cwd, result } = await attempt(settings);
  const refusal =
    settings.multiLayer && result.exitCode !== 0 && !result.timedOut
      ? multiLayerRefusal(`${result.stdout}\n${result.stderr}`)
      : undefined;
  if (refusal) {
    log.warning(
      `exporting ${target} with one layer per package failed: ${refusal}; exporting it as one layer`,
    );
    ({ cwd, result } = await attempt({ ...settings, multiLayer: false }));
  }
  if (result.exitCode !== 0 || result.timedOut) {
    throw new UserError(
      error(
        `exporting ${target} failed: \`hab pkg export ${verb}\` ${describeExit(result)}. ` +
          `Last lines of its output:\n${result.tail.join('\n')}`,
      ),
    );
  }
  const report = await readReport(cwd, verb, target);
  const fromTags = versionFromTags(report.tags);
  return {
    source,
    repository: repositoryOf(source),
    imageId: report.id,
    name: report.name,
    tags: report.tags,
    version: source.version ?? fromTags.version,
    release: source.release ?? fromTags.release,
  };
}

async function readReport(cwd: string, verb: ExportVerb, target: string) {
  const names = verb === 'container' ? ['container', 'docker'] : ['docker', 'container'];
  const files = names.map((n) => path.join(cwd, 'results', `last_${n}_export.env`));
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new UserError(
        error(`cannot read the export report ${file} of ${target}: ${(e as Error).message}`),
      );
    }
    try {
      return parseExportReport(text);
    } catch (e) {
      if (!(e instanceof ExportReportError)) throw e;
      throw new UserError(error(`the export report ${file} of ${target} is unusable: ${e.message}`));
    }
  }
  throw new UserError(
    error(
      `\`hab pkg export ${verb} ${target}\` succeeded but wrote no report ` +
        `(looked for ${files.join(' and ')}): cannot tell which image it built`,
    ),
  );
}
