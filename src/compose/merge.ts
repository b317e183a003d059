import { mapNode, scalar, type Entry, type MapNode, type Node, type PathSegment, type SeqNode } from './node';

/**
 * Merges an override file's tree onto the base, following the compose-spec merge rules:
 * mappings merge recursively and the override wins on scalars; sequences append (without
 * repeating a value already there); command, entrypoint and healthcheck.test are replaced;
 * ports, volumes, secrets and configs merge entries that share their unique key; `!reset`
 * removes a value and `!override` replaces it whole. Nodes keep their own locations, so the
 * result says where each winning value was written.
 */
export function mergeFiles(base: MapNode, override: MapNode): MapNode {
  return mergeMaps(base, override, []);
}

/** Keys whose sequences an override replaces instead of extending. */
const REPLACED = new Set(['command', 'entrypoint', 'healthcheck.test']);
/** Keys whose list form is `key=value` strings and merges as a mapping. */
const KEY_VALUE_LISTS = new Set(['labels', 'annotations', 'sysctls', 'environment']);
/** Keys that take one string or a list of them; both forms merge as lists. */
const STRING_OR_LIST = new Set(['env_file', 'dns', 'dns_search', 'tmpfs', 'label_file']);
/** Keys whose list form names entries of an equivalent mapping. */
const NAME_LISTS: Record<string, (loc: Node['loc']) => Node> = {
  depends_on: (loc) =>
    mapNode(loc, new Map([['condition', { keyLoc: loc, value: scalar('service_started', loc) }]])),
  networks: (loc) => scalar(null, loc),
};

function mergeMaps(base: MapNode, override: MapNode, path: PathSegment[]): MapNode {
  const entries = new Map<string, Entry>(base.entries);
  for (const [key, over] of override.entries) {
    const existing = entries.get(key);
    if (over.value.tag === 'reset') {
      entries.delete(key);
      continue;
    }
    if (!existing || over.value.tag === 'override') {
      entries.set(key, over);
      continue;
    }
    const merged = mergeValues(existing.value, over.value, [...path, key]);
    entries.set(key, { keyLoc: merged === over.value ? over.keyLoc : existing.keyLoc, value: merged });
  }
  return { ...base, entries };
}

function mergeValues(base: Node, over: Node, path: PathSegment[]): Node {
  const inService = path[0] === 'services' && path.length >= 3;
  const key = inService ? path.slice(2).join('.') : '';
  if (inService && REPLACED.has(key)) return over;
  if (inService && path.length === 3) {
    const field = String(path[2]);
    if (KEY_VALUE_LISTS.has(field) && (base.kind === 'seq' || over.kind === 'seq')) {
      return mergeValues(keyValueMap(base), keyValueMap(over), path);
    }
    if (
      STRING_OR_LIST.has(field) &&
      base.kind !== 'map' &&
      over.kind !== 'map' &&
      !(base.kind === 'seq' && over.kind === 'seq')
    ) {
      return mergeValues(asList(base), asList(over), path);
    }
    const named = Object.hasOwn(NAME_LISTS, field) ? NAME_LISTS[field] : undefined;
    if (named && base.kind !== over.kind) {
      return mergeValues(nameMap(base, named), nameMap(over, named), path);
    }
    if (field === 'build' && base.kind !== over.kind) {
      return mergeValues(contextMap(base), contextMap(over), path);
    }
  }
  if (base.kind === 'map' && over.kind === 'map') return mergeMaps(base, over, path);
  if (base.kind === 'seq' && over.kind === 'seq') {
    const field = inService && path.length === 3 ? String(path[2]) : '';
    const unique = Object.hasOwn(UNIQUE_KEYS, field) ? UNIQUE_KEYS[field] : undefined;
    return unique ? mergeUnique(base, over, unique) : appendNew(base, over);
  }
  return over;
}

function appendNew(base: SeqNode, over: SeqNode): SeqNode {
  const items = [...base.items];
  for (const item of over.items) {
    const dup = item.kind === 'scalar' && items.some((i) => i.kind === 'scalar' && i.value === item.value);
    if (!dup) items.push(item);
  }
  return { ...base, items };
}

/** An override entry replaces the base entry with the same unique key, in its place. */
function mergeUnique(base: SeqNode, over: SeqNode, keyOf: (n: Node) => string | undefined): SeqNode {
  const items = [...base.items];
  for (const item of over.items) {
    const k = keyOf(item);
    const at = k === undefined ? -1 : items.findIndex((i) => keyOf(i) === k);
    if (at >= 0) items[at] = item;
    else items.push(item);
  }
  return { ...base, items };
}

const UNIQUE_KEYS: Record<string, (n: Node) => string | undefined> = {
  ports: portKey,
  volumes: (n) => targetKey(n, (s) => (s.split(':').length >= 2 ? s.split(':')[1] : s)),
  secrets: (n) => targetKey(n, (s) => s),
  configs: (n) => targetKey(n, (s) => s),
};

function field(n: Node, key: string): string | undefined {
  if (n.kind !== 'map') return undefined;
  const v = n.entries.get(key)?.value;
  return v?.kind === 'scalar' && v.value !== null ? String(v.value) : undefined;
}

function targetKey(n: Node, short: (s: string) => string | undefined): string | undefined {
  if (n.kind === 'scalar') return n.value === null ? undefined : short(String(n.value));
  return field(n, 'target') ?? field(n, 'source');
}

function portKey(n: Node): string | undefined {
  if (n.kind === 'scalar') return n.value === null ? undefined : String(n.value);
  const protocol = field(n, 'protocol') ?? 'tcp';
  return `${field(n, 'host_ip') ?? ''}:${field(n, 'published') ?? ''}:${field(n, 'target') ?? ''}/${protocol}`;
}

/** `["A=1", "B"]` as the mapping `{A: "1", B: null}`. */
export function keyValueMap(node: Node): Node {
  if (node.kind !== 'seq') return node;
  const map = mapNode(node.loc);
  for (const item of node.items) {
    if (item.kind !== 'scalar' || item.value === null) continue;
    const text = String(item.value);
    const eq = text.indexOf('=');
    const key = eq < 0 ? text : text.slice(0, eq);
    map.entries.set(key, { keyLoc: item.loc, value: scalar(eq < 0 ? null : text.slice(eq + 1), item.loc) });
  }
  return map;
}

function nameMap(node: Node, valueFor: (loc: Node['loc']) => Node): Node {
  if (node.kind !== 'seq') return node;
  const map = mapNode(node.loc);
  for (const item of node.items) {
    if (item.kind === 'scalar' && item.value !== null) {
      map.entries.set(String(item.value), { keyLoc: item.loc, value: valueFor(item.loc) });
    }
  }
  return map;
}

function asList(node: Node): Node {
  return node.kind === 'scalar' ? { kind: 'seq', items: [node], loc: node.loc } : node;
}

function contextMap(node: Node): Node {
  if (node.kind !== 'scalar') return node;
  return mapNode(node.loc, new Map([['context', { keyLoc: node.loc, value: node }]]));
}
