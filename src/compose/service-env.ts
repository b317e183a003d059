import * as fs from 'node:fs';
import * as path from 'node:path';
import { error, UserError, type Diagnostic } from '../diagnostics';
import { parseEnvFile } from './env-file';
import { RefusedVariable, type Lookup } from './interpolate';
import { keyValueMap } from './merge';
import { formatPath, mapNode, scalar, type MapNode, type Node, type ScalarNode } from './node';
import { readTextFile } from './read';
import { isArnReference } from './s3-env-file';

/**
 * Per file, before merging: `environment` in its mapping form with string values, so lists and
 * mappings from different files merge by variable name. A `NAME` without a value stays null
 * until `applyEnvFiles` resolves it.
 */
export function normalizeEnvironments(root: MapNode): void {
  const services = root.entries.get('services')?.value;
  if (services?.kind !== 'map') return;
  for (const { value: service } of services.entries.values()) {
    const env = service.kind === 'map' ? service.entries.get('environment') : undefined;
    if (!env) continue;
    const map = keyValueMap(env.value);
    if (map.kind !== 'map') continue;
    for (const entry of map.entries.values()) {
      const v = entry.value;
      if (v.kind === 'scalar' && v.value !== null && typeof v.value !== 'string') v.value = String(v.value);
    }
    env.value = map;
  }
}

export interface EnvFileContext {
  /** Absolute project directory: env_file paths are relative to it. */
  workingDir: string;
  /** The project directory as the user wrote it, for naming files in diagnostics. */
  displayDir: string;
  /** Interpolation variables: a bare `NAME` takes its value from here. */
  lookup: Lookup;
  /** Why a file may not be read (it leaves the workspace), or undefined when it may. */
  outside?: (file: string) => string | undefined;
}

/**
 * After merging: reads each service's `env_file:` entries and folds them into `environment`
 * (later files win over earlier ones, `environment` wins over all), then drops `env_file`.
 * Variables written without a value are resolved from `lookup` and left out when unset. Entries
 * that name an S3 object (an ARN) are not read: `env_file` keeps them, for the task's
 * environmentFiles, which ECS reads when the task starts.
 */
export function applyEnvFiles(services: MapNode, ctx: EnvFileContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [name, { value: service }] of services.entries) {
    if (service.kind !== 'map') continue;
    const envFile = service.entries.get('env_file');
    const envEntry = service.entries.get('environment');
    if (!envFile && !envEntry) continue;
    const env = mapNode(envEntry?.value.loc ?? envFile!.keyLoc);
    const objects: ScalarNode[] = [];
    for (const ref of envFile ? envFileRefs(envFile.value) : []) {
      if (isArnReference(ref.path)) {
        objects.push(ref.node);
        continue;
      }
      const abs = path.resolve(ctx.workingDir, ref.path);
      const display = path.isAbsolute(ref.path) ? ref.path : path.join(ctx.displayDir, ref.path);
      const where = { location: ref.node.loc, path: formatPath(['services', name, 'env_file']) };
      const outside = ctx.outside?.(abs);
      if (outside) {
        out.push(error(`env file ${display} ${outside}: move it into the workspace and fix the path`, where));
        continue;
      }
      if (!fs.existsSync(abs)) {
        if (ref.required) {
          out.push(
            error(
              `env file ${display} not found: create it, fix the path (relative to ${ctx.displayDir}), or write {path: ${ref.path}, required: false}`,
              where,
            ),
          );
        }
        continue;
      }
      let text: string;
      try {
        text = readTextFile(abs, display, 'env file');
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        out.push(
          ...e.diagnostics.map((d) => ({ ...d, location: d.location ?? where.location, path: where.path })),
        );
        continue;
      }
      const parsed = parseEnvFile(text, display, ctx.lookup);
      out.push(...parsed.diagnostics);
      for (const entry of parsed.entries) {
        if (entry.value === undefined) continue;
        env.entries.set(entry.key, { keyLoc: entry.loc, value: scalar(entry.value, entry.loc) });
      }
    }
    if (envEntry?.value.kind === 'map') {
      for (const [key, entry] of envEntry.value.entries) {
        const v = entry.value;
        let value: string | undefined;
        try {
          value =
            v.kind === 'scalar' && v.value === null
              ? ctx.lookup(key)
              : v.kind === 'scalar'
                ? String(v.value)
                : undefined;
        } catch (e) {
          if (!(e instanceof RefusedVariable)) throw e;
          out.push(
            error(e.message, {
              location: entry.keyLoc,
              path: formatPath(['services', name, 'environment', key]),
            }),
          );
          continue;
        }
        // A value taken from the environment is placed where its name was written.
        const loc = v.kind === 'scalar' && v.value === null ? entry.keyLoc : v.loc;
        if (value === undefined) env.entries.delete(key);
        else env.entries.set(key, { keyLoc: entry.keyLoc, value: scalar(value, loc) });
      }
    }
    for (const [key, entry] of [...env.entries]) {
      if (ENV_NAME.test(key)) continue;
      env.entries.delete(key);
      out.push(
        error(
          `environment variable name ${JSON.stringify(key)}: use letters, digits and "_", not starting with a digit (a shell's names, which the job summary and the pull request comment show as they are)`,
          { location: entry.keyLoc, path: formatPath(['services', name, 'environment']) },
        ),
      );
    }
    if (objects.length > 0 && envFile)
      service.entries.set('env_file', {
        keyLoc: envFile.keyLoc,
        value: { kind: 'seq', items: objects, loc: envFile.value.loc },
      });
    else service.entries.delete('env_file');
    service.entries.set('environment', { keyLoc: envEntry?.keyLoc ?? envFile!.keyLoc, value: env });
  }
  return out;
}

/**
 * After merging: a build arg written without a value (`args: [NPM_TOKEN]`) takes it from the
 * environment, as compose does, through the same lookup as interpolation, so the job's own
 * credentials are refused here too (they would stay in the pushed image's history); unset, it is
 * left out. docker then gets every arg as NAME=value: a bare `--build-arg NAME` would make docker
 * read the value from its own environment, past this check.
 */
export function resolveBuildArgs(services: MapNode, lookup: Lookup): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [name, { value: service }] of services.entries) {
    const build = service.kind === 'map' ? service.entries.get('build')?.value : undefined;
    const args = build?.kind === 'map' ? build.entries.get('args')?.value : undefined;
    if (!args) continue;
    // Where each bare name is written, and how to set its value or leave it out (in its own form).
    const bare: {
      key: string;
      loc: Node['loc'];
      at: (string | number)[];
      set: (v: string | undefined) => void;
    }[] = [];
    if (args.kind === 'seq') {
      args.items.forEach((item, i) => {
        if (item.kind !== 'scalar' || typeof item.value !== 'string' || item.value.includes('=')) return;
        const key = item.value;
        bare.push({
          key,
          loc: item.loc,
          at: [i],
          set: (v) => (item.value = v === undefined ? null : `${key}=${v}`),
        });
      });
    } else if (args.kind === 'map') {
      for (const [key, entry] of args.entries) {
        if (entry.value.kind !== 'scalar' || entry.value.value !== null) continue;
        bare.push({
          key,
          loc: entry.keyLoc,
          at: [key],
          set: (v) => (v === undefined ? args.entries.delete(key) : (entry.value = scalar(v, entry.keyLoc))),
        });
      }
    }
    for (const arg of bare) {
      try {
        arg.set(lookup(arg.key));
      } catch (e) {
        if (!(e instanceof RefusedVariable)) throw e;
        out.push(
          error(`build arg ${arg.key}: ${e.message}`, {
            location: arg.loc,
            path: formatPath(['services', name, 'build', 'args', ...arg.at]),
          }),
        );
      }
    }
    // A list item left without a value (unset) is dropped, as compose drops it.
    if (args.kind === 'seq')
      args.items = args.items.filter((i) => !(i.kind === 'scalar' && i.value === null));
  }
  return out;
}

/** A variable name a task's environment may have: POSIX's portable names. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface EnvFileRef {
  path: string;
  required: boolean;
  /** The scalar the path is written in. */
  node: ScalarNode;
}

/** The files an `env_file:` names: a path, `{path, required}`, or a list of either. */
export function envFileRefs(node: Node): EnvFileRef[] {
  const items = node.kind === 'seq' ? node.items : [node];
  const refs: EnvFileRef[] = [];
  for (const item of items) {
    if (item.kind === 'scalar' && typeof item.value === 'string') {
      refs.push({ path: item.value, required: true, node: item });
    } else if (item.kind === 'map') {
      const p = item.entries.get('path')?.value;
      const r = item.entries.get('required')?.value;
      if (p?.kind !== 'scalar' || typeof p.value !== 'string') continue;
      const required =
        r?.kind === 'scalar' ? !(r.value === false || String(r.value).toLowerCase() === 'false') : true;
      refs.push({ path: p.value, required, node: p });
    }
  }
  return refs;
}
