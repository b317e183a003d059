import type { SourceLocation } from '../diagnostics';
import type { JsonObject, JsonValue } from './types';

/**
 * The tree every loading pass works on: plain values, each carrying where it was written.
 * Keeping the place on the node (not in a side table) means a merge that moves a value from
 * an override file carries its location along, so `locate()` answers for the winning file.
 */
export type Scalar = string | number | boolean | null;
export type Node = ScalarNode | SeqNode | MapNode;
/** `!reset` / `!override` from the compose merge rules, read off the YAML tag. */
export type MergeTag = 'reset' | 'override';

interface NodeBase {
  loc: SourceLocation;
  tag?: MergeTag;
}
export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  value: Scalar;
  /**
   * Column of the value's first character when the source spells the value out character for
   * character on one line (no escapes), so a problem inside it can be pointed at exactly.
   */
  valueColumn?: number;
}
export interface SeqNode extends NodeBase {
  kind: 'seq';
  items: Node[];
}
export interface MapNode extends NodeBase {
  kind: 'map';
  entries: Map<string, Entry>;
}
export interface Entry {
  keyLoc: SourceLocation;
  value: Node;
}
export type PathSegment = string | number;

export function scalar(value: Scalar, loc: SourceLocation): ScalarNode {
  return { kind: 'scalar', value, loc };
}
export function mapNode(loc: SourceLocation, entries = new Map<string, Entry>()): MapNode {
  return { kind: 'map', entries, loc };
}

/**
 * `services.web.ports[0]`: the key path as users read it in diagnostics. A key that is not a
 * plain word is quoted (`services["web;rm"]`) so the path stays unambiguous.
 */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (!/^[A-Za-z0-9_-]+$/.test(seg)) out += `[${JSON.stringify(seg)}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

/** What a node is, in the words a diagnostic uses ("a string", "a list"). */
export function describe(node: Node): string {
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  if (node.value === null) return 'null';
  if (typeof node.value === 'string') return `the string ${JSON.stringify(truncate(node.value))}`;
  return `the ${typeof node.value} ${String(node.value)}`;
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

export function toJson(node: Node): JsonValue {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(toJson);
  const out: JsonObject = {};
  for (const [key, entry] of node.entries) {
    // Defined, not assigned: a `__proto__` key must stay a key, not replace the prototype.
    Object.defineProperty(out, key, {
      value: toJson(entry.value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/**
 * Where the value at `path` was written: a scalar's own place, a collection's key (so
 * `services.web.ports` points at `ports:`), a list item's first character.
 */
export function locate(root: Node, path: readonly PathSegment[]): SourceLocation | undefined {
  let node: Node = root;
  let loc: SourceLocation = root.loc;
  for (const seg of path) {
    if (node.kind === 'map' && typeof seg === 'string') {
      const entry = node.entries.get(seg);
      if (!entry) return undefined;
      node = entry.value;
      // A key written without a value (`KEY:`) has no place of its own: use the key's.
      loc = node.kind === 'scalar' && node.value !== null ? node.loc : entry.keyLoc;
    } else if (node.kind === 'seq' && typeof seg === 'number') {
      const item = node.items[seg];
      if (!item) return undefined;
      node = item;
      loc = item.loc;
    } else {
      return undefined;
    }
  }
  return loc;
}
