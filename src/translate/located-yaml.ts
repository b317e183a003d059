import { toJson, type Node } from '../compose/node';
import { parseYaml } from '../compose/yaml';
import type { Diagnostic, SourceLocation } from '../diagnostics';
import type { KeyPath } from '../problems';

export interface LocatedYaml {
  value: unknown;
  /** Where a key path was written: the key of a mapping entry, or the item of a list. */
  locate(path: KeyPath): SourceLocation | undefined;
  errors: Diagnostic[];
}

/**
 * Parses a small YAML file (ecs-params.yml) and keeps line numbers for error messages. It goes
 * through the compose parser, so an alias bomb, an unknown alias or runaway nesting is refused
 * at its line as there, instead of escaping as an exception.
 */
export function parseLocatedYaml(text: string, file: string): LocatedYaml {
  const parsed = parseYaml(text, file);
  const root = parsed.node;
  if (!root) return { value: undefined, locate: () => undefined, errors: parsed.diagnostics };
  const locate = (path: KeyPath): SourceLocation | undefined => {
    let node: Node = root;
    let loc = root.loc;
    for (const key of path) {
      if (node.kind === 'map') {
        const entry = node.entries.get(String(key));
        if (!entry) return undefined;
        [node, loc] = [entry.value, entry.keyLoc];
      } else if (node.kind === 'seq' && typeof key === 'number') {
        const item = node.items[key];
        if (!item) return undefined;
        [node, loc] = [item, item.loc];
      } else return undefined;
    }
    return loc;
  };
  return { value: toJson(root), locate, errors: [] };
}
