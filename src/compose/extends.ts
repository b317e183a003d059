import { isArnReference } from './s3-env-file';
import * as path from 'node:path';
import { error, type Diagnostic } from '../diagnostics';
import { mergeFiles } from './merge';
import { formatPath, mapNode, type Entry, type MapNode, type Node } from './node';
import { envFileRefs } from './service-env';

export interface ExtendsContext {
  /**
   * Another file through the per-file passes, its relative paths already made relative to the
   * project directory; undefined when it could not be loaded (the problem is already reported).
   */
  loadFile(file: string, from: Pick<Diagnostic, 'location' | 'path'>): MapNode | undefined;
}

/**
 * Resolves `extends:` in one file's services: the base service (from this file or from
 * `file:`, resolved first if it extends another) merged under the extending service with the
 * usual merge rules, the extending service winning. Cycles and missing bases are errors.
 */
export function applyExtends(root: MapNode, file: string, ctx: ExtendsContext, out: Diagnostic[]): void {
  const services = root.entries.get('services')?.value;
  if (services?.kind !== 'map') return;
  for (const name of services.entries.keys()) resolve(services, file, name, [], ctx, out);
}

function resolve(
  services: MapNode,
  file: string,
  name: string,
  stack: string[],
  ctx: ExtendsContext,
  out: Diagnostic[],
): Node | undefined {
  const entry = services.entries.get(name);
  const service = entry?.value;
  const ext = service?.kind === 'map' ? service.entries.get('extends') : undefined;
  if (!entry || service?.kind !== 'map' || !ext) return service;
  const at = { location: ext.keyLoc, path: formatPath(['services', name, 'extends']) };
  const own: MapNode = {
    ...service,
    entries: new Map([...service.entries].filter(([k]) => k !== 'extends')),
  };
  // Resolved once: the entry is replaced, so later references see no `extends:` left.
  const done = (value: MapNode): MapNode => (entry.value = value);

  const target = extendsTarget(ext.value);
  if (!target) {
    // A wrong type is reported by validation; a mapping without service: is not.
    if (ext.value.kind === 'map' && !ext.value.entries.has('service')) {
      out.push(
        error(
          'extends needs service: naming the service to extend, e.g. {service: base, file: common.yml}',
          at,
        ),
      );
    }
    return done(own);
  }
  const id = `${path.resolve(file)}#${name}`;
  if (stack.includes(id)) {
    const chain = [...stack, id].map((s) => s.slice(s.lastIndexOf('#') + 1)).join(' -> ');
    out.push(error(`extends cycle ${chain}: remove one of these extends`, at));
    return done(own);
  }
  // Named like the files the user gave (relative stays relative), for readable diagnostics.
  const baseFile = target.file === undefined ? file : path.join(path.dirname(file), target.file);
  const baseRoot = target.file === undefined ? undefined : ctx.loadFile(baseFile, at);
  if (target.file !== undefined && !baseRoot) return done(own);
  const baseServices = baseRoot ? baseRoot.entries.get('services')?.value : services;
  const baseName = target.service;
  if (baseServices?.kind !== 'map' || !baseServices.entries.has(baseName)) {
    const known = baseServices?.kind === 'map' ? [...baseServices.entries.keys()] : [];
    const where = target.file === undefined ? 'this file' : target.file;
    const choice = known.length ? `: name one of ${known.join(', ')}` : '';
    out.push(error(`extends: service "${baseName}" not found in ${where}${choice}`, at));
    return done(own);
  }
  const base = resolve(baseServices, baseFile, baseName, [...stack, id], ctx, out);
  if (base?.kind !== 'map') return done(own);
  const merged = mergeFiles(wrap(name, base), wrap(name, own)).entries.get('services')?.value;
  const result = merged?.kind === 'map' ? merged.entries.get(name)?.value : undefined;
  return done(result?.kind === 'map' ? result : own);
}

function wrap(name: string, service: MapNode): MapNode {
  const services = mapNode(
    service.loc,
    new Map<string, Entry>([[name, { keyLoc: service.loc, value: service }]]),
  );
  return mapNode(
    service.loc,
    new Map<string, Entry>([['services', { keyLoc: service.loc, value: services }]]),
  );
}

function extendsTarget(node: Node): { service: string; file?: string } | undefined {
  if (node.kind === 'scalar') return typeof node.value === 'string' ? { service: node.value } : undefined;
  if (node.kind !== 'map') return undefined;
  const service = node.entries.get('service')?.value;
  const file = node.entries.get('file')?.value;
  if (service?.kind !== 'scalar' || typeof service.value !== 'string') return undefined;
  if (file === undefined) return { service: service.value };
  return file.kind === 'scalar' && typeof file.value === 'string'
    ? { service: service.value, file: file.value }
    : undefined;
}

/**
 * Paths in a file reached through `extends: {file: ...}` are relative to that file; the project
 * reads them relative to its own directory, so rewrite them (env_file, build, bind mounts).
 */
export function rebasePaths(root: MapNode, fromDir: string, toDir: string): void {
  if (path.resolve(fromDir) === path.resolve(toDir)) return;
  // Kept starting with `.` so a bind mount source cannot turn into a volume name.
  const rebase = (p: string): string => {
    if (path.isAbsolute(p)) return p;
    const rel = path.relative(toDir, path.resolve(fromDir, p)) || '.';
    return rel.startsWith('.') || path.isAbsolute(rel) ? rel : `./${rel}`;
  };
  const services = root.entries.get('services')?.value;
  if (services?.kind !== 'map') return;
  for (const { value: service } of services.entries.values()) {
    if (service.kind !== 'map') continue;
    const envFile = service.entries.get('env_file')?.value;
    for (const ref of envFile ? envFileRefs(envFile) : [])
      if (!isArnReference(ref.path)) ref.node.value = rebase(ref.path);
    const build = service.entries.get('build')?.value;
    const context = build?.kind === 'map' ? build.entries.get('context')?.value : build;
    if (
      context?.kind === 'scalar' &&
      typeof context.value === 'string' &&
      !/^[\w+.-]+:\/\/|^git@/.test(context.value)
    ) {
      context.value = rebase(context.value);
    }
    const volumes = service.entries.get('volumes')?.value;
    for (const v of volumes?.kind === 'seq' ? volumes.items : []) {
      if (v.kind === 'scalar' && typeof v.value === 'string' && /^\.\.?(\/|:)/.test(v.value)) {
        const colon = v.value.indexOf(':');
        v.value = rebase(v.value.slice(0, colon)) + v.value.slice(colon);
      } else if (v.kind === 'map') {
        const source = v.entries.get('source')?.value;
        const type = v.entries.get('type')?.value;
        if (
          type?.kind === 'scalar' &&
          type.value === 'bind' &&
          source?.kind === 'scalar' &&
          typeof source.value === 'string'
        ) {
          source.value = rebase(source.value);
        }
      }
    }
  }
}
