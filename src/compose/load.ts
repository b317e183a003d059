import * as fs from 'node:fs';
import * as path from 'node:path';
import { error, UserError, type Diagnostic } from '../diagnostics';
import { parseEnvFile } from './env-file';
import { canonicalServices } from './canonical/service';
import { applyExtends, rebasePaths, type ExtendsContext } from './extends';
import { RefusedVariable, type Lookup } from './interpolate';
import { interpolateTree } from './interpolate-tree';
import { mergeFiles } from './merge';
import { locate, toJson, type MapNode } from './node';
import { normalizeVersion } from './normalize-version';
import { readTextFile } from './read';
import { applyEnvFiles, resolveBuildArgs, normalizeEnvironments } from './service-env';
import type { ComposeProject, JsonObject, LoadOptions } from './types';
import { validateFile } from './validate';
import { parseYaml } from './yaml';
import { outsideRoot } from '../workspace-path';

/**
 * Loads a compose project like `docker compose -f a -f b config` would: each file is read
 * (size and UTF-8 checked), parsed with positions, brought to the compose-spec shape,
 * interpolated, validated and its `extends:` resolved on its own; then the files merge in
 * order, each service's env_file is folded into its environment, and the canonical pass reads
 * every short form into its typed long form. The problems of a stage are reported together in
 * one UserError; warnings (ignored keys, odd versions) ride along on the project. Relative paths
 * stay as written: they are relative to `workingDir`, the first file's directory, whichever
 * file they come from (as in compose).
 */
export function loadComposeProject(options: LoadOptions): ComposeProject {
  const first = options.files[0];
  if (first === undefined) {
    throw new UserError(
      error('no compose file given: name at least one, e.g. docker-compose.yml', { input: 'compose-file' }),
    );
  }
  const displayDir = path.dirname(first);
  const workingDir = path.resolve(displayDir);
  // Paths here are relative to the current directory, as fs reads them.
  const outside = (file: string) =>
    options.root === undefined ? undefined : outsideRoot(options.root, path.resolve(file));
  const dotenv = readProjectEnv(options, displayDir, outside);
  const lookup: Lookup = (name) => fromEnvironment(options, name) ?? dotenv.get(name);

  const diagnostics: Diagnostic[] = [];
  const extendedFiles = new Map<string, MapNode | undefined>();
  const ctx: ExtendsContext = {
    loadFile(file, from) {
      const key = path.resolve(file);
      const why = outside(file);
      if (why && !extendedFiles.has(key)) {
        diagnostics.push(
          error(`extends file ${file} ${why}: move it into the workspace and fix extends.file`, from),
        );
        extendedFiles.set(key, undefined);
      } else if (!extendedFiles.has(key)) {
        const found: Diagnostic[] = [];
        const root = loadFile(file, lookup, found);
        // A file that cannot be read at all is reported where `extends:` names it.
        diagnostics.push(...found.map((d) => (d.location ? d : { ...d, ...from })));
        if (root) rebasePaths(root, path.dirname(key), workingDir);
        extendedFiles.set(key, root);
      }
      return extendedFiles.get(key);
    },
  };
  let project: MapNode | undefined;
  for (const file of options.files) {
    const root = loadFile(file, lookup, diagnostics);
    if (!root) continue;
    applyExtends(root, file, ctx, diagnostics);
    project = project ? mergeFiles(project, root) : root;
  }
  const services = project?.entries.get('services')?.value;
  if (project && !hasErrors(diagnostics) && (services?.kind !== 'map' || services.entries.size === 0)) {
    diagnostics.push(
      error(`no services defined in ${options.files.join(', ')}: add services: with at least one service`, {
        location: { file: first, line: 1, column: 1 },
        path: 'services',
      }),
    );
  }
  if (!project || services?.kind !== 'map' || hasErrors(diagnostics))
    throw new UserError(errorsOf(diagnostics));

  diagnostics.push(...applyEnvFiles(services, { workingDir, displayDir, lookup, outside }));
  diagnostics.push(...resolveBuildArgs(services, lookup));
  if (hasErrors(diagnostics)) throw new UserError(errorsOf(diagnostics));

  const root = project;
  const serviceMap = canonicalServices(
    [...services.entries].map(([name, entry]) => [name, toJson(entry.value) as JsonObject]),
    (p) => locate(root, p),
  );
  const volumesNode = project.entries.get('volumes')?.value;
  const volumes =
    volumesNode?.kind === 'map' ? (toJson(volumesNode) as Record<string, JsonObject | null>) : {};
  return {
    files: [...options.files],
    workingDir,
    name: projectName(project, lookup, workingDir),
    services: serviceMap,
    volumes,
    warnings: diagnostics.filter((d) => d.severity === 'warning'),
    locate: (p) => locate(root, p),
  };
}

/** COMPOSE_PROJECT_NAME (environment or .env), else `name:`, else the directory, normalized as compose does. */
function projectName(project: MapNode, lookup: Lookup, workingDir: string): string {
  const written = project.entries.get('name')?.value;
  const name =
    lookup('COMPOSE_PROJECT_NAME') ||
    (written?.kind === 'scalar' && typeof written.value === 'string' && written.value) ||
    path.basename(workingDir);
  return name
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[_-]+/, '');
}

/** One file through the per-file passes; problems go to `out`. */
function loadFile(file: string, lookup: Lookup, out: Diagnostic[]): MapNode | undefined {
  let text: string;
  try {
    text = readTextFile(file, file, 'compose file');
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    out.push(...e.diagnostics);
    return undefined;
  }
  const parsed = parseYaml(text, file);
  out.push(...parsed.diagnostics);
  if (!parsed.node) {
    if (parsed.diagnostics.length === 0) {
      out.push(
        error(`the file is empty: a compose file needs at least services: with one service`, {
          location: { file, line: 1, column: 1 },
        }),
      );
    }
    return undefined;
  }
  const normalized = normalizeVersion(parsed.node, file);
  out.push(...normalized.diagnostics);
  const root = normalized.root;
  if (!root) return undefined;
  interpolateTree(root, lookup, out);
  out.push(...validateFile(root));
  normalizeEnvironments(root);
  return root;
}

/** Variables of `options.envFile` (which must exist) or of `.env` beside the first file. */
function readProjectEnv(
  options: LoadOptions,
  displayDir: string,
  outside: (file: string) => string | undefined,
): Map<string, string> {
  const explicit = options.envFile;
  const file = explicit ?? path.join(displayDir, '.env');
  if (explicit === undefined && !fs.existsSync(file)) return new Map();
  const why = outside(file);
  if (why) {
    throw new UserError(
      error(`env file ${file} ${why}: move it into the workspace`, {
        ...(explicit !== undefined && { input: 'env-file' }),
      }),
    );
  }
  let text: string;
  try {
    text = readTextFile(file, file, 'env file');
  } catch (e) {
    if (!(e instanceof UserError) || explicit === undefined) throw e;
    throw new UserError(e.diagnostics.map((d) => ({ ...d, input: 'env-file' })));
  }
  const parsed = parseEnvFile(text, file, (name) => fromEnvironment(options, name));
  if (parsed.diagnostics.length > 0) throw new UserError(parsed.diagnostics);
  const vars = new Map<string, string>();
  for (const entry of parsed.entries) if (entry.value !== undefined) vars.set(entry.key, entry.value);
  return vars;
}

/**
 * Own variables only: `constructor` or `__proto__` must not find Object's. A variable the caller
 * refuses throws RefusedVariable, which interpolation turns into an error at its `$`.
 */
function fromEnvironment(options: LoadOptions, name: string): string | undefined {
  const value = Object.hasOwn(options.environment, name) ? options.environment[name] : undefined;
  const refused = value === undefined ? undefined : options.refuseVariable?.(name, value);
  if (refused !== undefined) throw new RefusedVariable(refused);
  return value;
}

function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

function errorsOf(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 'error');
}
