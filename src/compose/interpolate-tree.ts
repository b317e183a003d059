import { error, type Diagnostic } from '../diagnostics';
import { interpolate, type Lookup } from './interpolate';
import { formatPath, type Node, type PathSegment } from './node';

/**
 * Interpolates every string value of one file's tree in place (keys are left alone, as compose
 * does), collecting one diagnostic per bad value at the value's own place.
 */
export function interpolateTree(
  node: Node,
  lookup: Lookup,
  out: Diagnostic[],
  path: PathSegment[] = [],
): void {
  if (node.kind === 'scalar') {
    if (typeof node.value !== 'string' || !node.value.includes('$')) return;
    const result = interpolate(node.value, lookup);
    if (result.ok) node.value = result.value;
    else {
      // Point at the faulty `$` itself when the source spells the value out as it is.
      const location =
        node.valueColumn === undefined ? node.loc : { ...node.loc, column: node.valueColumn + result.offset };
      out.push(error(result.message, { location, path: formatPath(path) }));
    }
  } else if (node.kind === 'seq') {
    node.items.forEach((item, i) => interpolateTree(item, lookup, out, [...path, i]));
  } else {
    for (const [key, entry] of node.entries) interpolateTree(entry.value, lookup, out, [...path, key]);
  }
}
