import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { error, type Diagnostic, type SourceLocation } from '../diagnostics';
import type { KeyPath } from './problems';

export interface LocatedYaml {
  value: unknown;
  /** Where a key path was written: the key of a mapping entry, or the item of a list. */
  locate(path: KeyPath): SourceLocation | undefined;
  errors: Diagnostic[];
}

/** Parses a small YAML file (ecs-params.yml) and keeps line numbers for error messages. */
export function parseLocatedYaml(text: string, file: string): LocatedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const errors = doc.errors.map((e) =>
    error(e.message.split('\n')[0] ?? e.message, { location: at(e.pos[0]) }),
  );
  const locate = (path: KeyPath): SourceLocation | undefined => {
    let node: unknown = doc.contents;
    let offset: number | undefined = (node as YamlNode | null)?.range?.[0];
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => String((p.key as { value?: unknown } | null)?.value) === String(key),
        );
        if (!pair) return undefined;
        offset = (pair.key as YamlNode).range?.[0];
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
        offset = (node as YamlNode | undefined)?.range?.[0];
      } else return undefined;
    }
    return offset === undefined ? undefined : at(offset);
  };
  return { value: errors.length > 0 ? undefined : doc.toJS(), locate, errors };
}
