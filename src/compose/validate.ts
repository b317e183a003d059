import { error, warning, type Diagnostic } from '../diagnostics';
import { describe, formatPath, type MapNode, type Node, type PathSegment } from './node';
import { TOP_LEVEL_KEYS } from './normalize-version';
import { RESOURCE_SECTIONS, SERVICE_KEYS, SERVICE_NAME, type Spec } from './schema';
import { didYouMean } from '../suggest';

const KNOWN_SERVICE_KEYS = Object.keys(SERVICE_KEYS);

/**
 * Checks one file's structure after interpolation (so `${PORT}` has become a string). Unknown
 * service keys are dropped from the tree with a warning, so later stages never see them, and
 * strings are cast where a key takes only a number or a boolean.
 */
export function validateFile(root: MapNode): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [key, entry] of root.entries) {
    const at = { location: entry.keyLoc, path: key };
    if (key.startsWith('x-')) continue;
    if (!TOP_LEVEL_KEYS.includes(key)) {
      out.push(
        error(
          `unknown top-level key "${key}"${didYouMean(key, TOP_LEVEL_KEYS)} ` +
            `(allowed: ${TOP_LEVEL_KEYS.join(', ')}, or x-* for extensions)`,
          at,
        ),
      );
    } else if (key === 'include') {
      out.push(
        error('include: is not supported: pass the included files as additional compose files instead', at),
      );
    } else if (key === 'name') {
      out.push(...mismatches(entry.value, { type: 'string', label: 'a project name string' }, [key]));
    } else if (key === 'services') {
      validateServices(entry.value, out);
    } else if (RESOURCE_SECTIONS.includes(key) && !isNull(entry.value)) {
      out.push(
        ...mismatches(
          entry.value,
          {
            type: 'map',
            values: { type: 'either', options: [{ type: 'map' }], label: 'a mapping (or nothing)' },
          },
          [key],
          true,
        ),
      );
    }
  }
  return out;
}

function validateServices(services: Node, out: Diagnostic[]): void {
  if (isNull(services)) return;
  if (services.kind !== 'map') {
    out.push(
      error(
        `expected a mapping of service names to their definitions (e.g. web: {image: nginx}), found ${describe(services)}`,
        {
          location: services.loc,
          path: 'services',
        },
      ),
    );
    return;
  }
  for (const [name, entry] of services.entries) {
    const path = ['services', name];
    if (!SERVICE_NAME.test(name)) {
      out.push(
        error(`invalid service name ${JSON.stringify(name)}: use only letters, digits, ".", "_" and "-"`, {
          location: entry.keyLoc,
          path: formatPath(path),
        }),
      );
      continue;
    }
    const service = entry.value;
    if (service.kind !== 'map') {
      out.push(
        error(`a service must be a mapping of keys such as image: and ports:, found ${describe(service)}`, {
          location: service.loc,
          path: formatPath(path),
        }),
      );
      continue;
    }
    for (const [key, e] of [...service.entries]) {
      if (key.startsWith('x-')) continue;
      const spec = Object.hasOwn(SERVICE_KEYS, key) ? SERVICE_KEYS[key] : undefined;
      if (!spec) {
        service.entries.delete(key);
        out.push(
          warning(`unknown service key "${key}" is ignored${didYouMean(key, KNOWN_SERVICE_KEYS)}`, {
            location: e.keyLoc,
            path: formatPath([...path, key]),
          }),
        );
      } else {
        out.push(...mismatches(e.value, spec, [...path, key]));
      }
    }
  }
}

/**
 * A diagnostic for every place `node` does not fit `spec`. Strings where a key takes only a number
 * or a boolean (`retries: ${RETRIES}`) are cast in place when they read as one. With `nullValues`,
 * a mapping's null values are let through.
 */
function mismatches(node: Node, spec: Spec, path: PathSegment[], nullValues = false): Diagnostic[] {
  const wrong = (): Diagnostic[] => [
    error(`expected ${label(spec)}, found ${describe(node)}`, { location: node.loc, path: formatPath(path) }),
  ];
  switch (spec.type) {
    case 'any':
      return [];
    case 'scalar':
      return node.kind === 'scalar' ? [] : wrong();
    case 'string':
      return node.kind === 'scalar' && typeof node.value === 'string' ? [] : wrong();
    case 'number':
      // An interpolated value is a string; like compose, cast it to the type the key takes.
      if (node.kind === 'scalar' && typeof node.value === 'string' && /^-?\d+(\.\d+)?$/.test(node.value)) {
        node.value = Number(node.value);
      }
      return node.kind === 'scalar' && typeof node.value === 'number' ? [] : wrong();
    case 'boolean':
      if (node.kind === 'scalar' && typeof node.value === 'string' && /^(true|false)$/i.test(node.value)) {
        node.value = node.value.toLowerCase() === 'true';
      }
      return node.kind === 'scalar' && typeof node.value === 'boolean' ? [] : wrong();
    case 'list':
      if (node.kind !== 'seq') return wrong();
      return node.items.flatMap((item, i) => mismatches(item, spec.items, [...path, i]));
    case 'map': {
      if (node.kind !== 'map') return wrong();
      const out: Diagnostic[] = [];
      for (const [key, e] of node.entries) {
        if (nullValues && e.value.kind === 'scalar' && e.value.value === null) continue;
        const valueSpec = spec.keys?.[key] ?? spec.values;
        if (valueSpec) out.push(...mismatches(e.value, valueSpec, [...path, key]));
      }
      return out;
    }
    case 'either': {
      // Report the deeper problem of the option with the same kind of node, if one exists.
      let sameKind: Diagnostic[] | undefined;
      for (const option of spec.options) {
        const found = mismatches(node, option, path);
        if (found.length === 0) return [];
        if (!sameKind && kindOf(option) === node.kind) sameKind = found;
      }
      return sameKind ?? wrong();
    }
  }
}

function isNull(node: Node): boolean {
  return node.kind === 'scalar' && node.value === null;
}

function kindOf(spec: Spec): Node['kind'] | undefined {
  if (spec.type === 'list') return 'seq';
  if (spec.type === 'map') return 'map';
  return undefined;
}

function label(spec: Spec): string {
  if (spec.label) return spec.label;
  switch (spec.type) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'scalar':
      return 'a string, number or boolean';
    case 'list':
      return 'a list';
    case 'map':
      return 'a mapping';
    default:
      return 'a value';
  }
}
