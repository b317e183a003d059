import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type EmptyStream,
  type Scalar,
  type YAMLError,
} from 'yaml';
import { error, type Diagnostic, type SourceLocation } from '../diagnostics';
import { mapNode, scalar, type MergeTag, type Node, type SeqNode } from './node';

/** Nodes an alias may expand to, in total: a real compose file needs a few hundred. */
export const MAX_ALIAS_NODES = 10_000;
/** Nesting deeper than this is not a compose file (and would blow the stack). */
const MAX_DEPTH = 64;

export interface ParsedYaml {
  /** Undefined for an empty file or when there were errors. */
  node?: Node;
  diagnostics: Diagnostic[];
}

const DUPLICATE_KEY_HINT = 'each key may appear once in a mapping: remove or rename one of them';

/** What to do about each YAML syntax problem, said in the user's terms. */
const HINTS: Record<string, string> = {
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  BAD_INDENT: 'indent nested entries consistently with spaces',
  BAD_DQ_ESCAPE: 'use a valid escape in double quotes (\\\\, \\", \\n, \\t, \\uXXXX) or single quotes',
  MISSING_CHAR: 'close the quote, bracket or brace that was opened',
  MULTILINE_IMPLICIT_KEY: 'a key must fit on one line; check for a missing ":" or a stray quote',
  BLOCK_AS_IMPLICIT_KEY: 'check the indentation and that each key ends with ": "',
  UNEXPECTED_TOKEN: 'check the indentation and quoting around this point',
  BAD_SCALAR_START: 'quote values that start with a reserved character (@ or `)',
  NON_STRING_KEY: 'keys must be plain strings',
};
/** Where one code covers several problems, the parser's message tells which hint fits. */
const MESSAGE_HINTS: [RegExp, string][] = [
  [
    /^Implicit map keys need to be followed by map values/,
    'write "key: value", with a space after the colon',
  ],
  [/^Tags and anchors must be separated/, 'put a space after the &anchor or !tag'],
  [/^Missing , or : between flow/, 'separate the items inside [ ] or { } with ", "'],
  [
    /^Nested mappings are not allowed in compact mappings/,
    'put a nested mapping on its own indented lines, or quote a value containing ": "',
  ],
];

/**
 * Parses one YAML file into located nodes. Aliases and `<<` merge keys are expanded here, with
 * a budget, so a "billion laughs" file is refused instead of exhausting memory.
 */
export function parseYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  let docs: Document.Parsed[] | EmptyStream;
  try {
    // The parser's own duplicate-key check compares each key with every earlier one (quadratic:
    // minutes for one 1 MiB flow mapping); the walker checks with a Set instead.
    docs = parseAllDocuments(text, { lineCounter, merge: true, uniqueKeys: false, prettyErrors: true });
  } catch {
    // The parser gives up only on pathological input (e.g. thousands of nesting levels).
    return {
      diagnostics: [
        error('the YAML parser could not read this file: simplify its nesting', {
          location: { file, line: 1, column: 1 },
        }),
      ],
    };
  }
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  if (!Array.isArray(docs) || docs.length === 0) return { diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  // A trailing `---` (an empty document) is harmless; a second document with content is not.
  const second = docs.slice(1).find((d) => !isBlank(text.slice(d.range[0], d.range[2])));
  if (second) {
    diagnostics.push(
      error(
        'a compose file holds one YAML document; found a second one: remove the "---" or split the files',
        {
          location: at(second.range[0]),
        },
      ),
    );
  }
  const doc = docs[0]!;
  // After one syntax error the parser reports every token that follows as unexpected too:
  // keep the first (it is the one to fix).
  const syntax = doc.errors[0];
  if (syntax) diagnostics.push(yamlDiagnostic(syntax, file));
  // Warnings (e.g. the unresolved `!reset` / `!override` tags, which are ours to read) are dropped.
  if (diagnostics.length > 0) return { diagnostics };
  if (doc.contents === null) return { diagnostics: [] };
  const walker = new Walker(at, file, text);
  try {
    const node = walker.walk(doc.contents, 0);
    return walker.diagnostics.length ? { diagnostics: walker.diagnostics } : { node, diagnostics: [] };
  } catch (e) {
    if (e instanceof LimitExceeded) return { diagnostics: [e.diagnostic] };
    throw e;
  }
}

/** Only a document marker, comments and white space. */
function isBlank(source: string): boolean {
  return (
    source
      .replace(/^(---|\.\.\.)/gm, '')
      .replace(/#.*$/gm, '')
      .trim() === ''
  );
}

function yamlDiagnostic(e: YAMLError, file: string): Diagnostic {
  const pos = e.linePos?.[0];
  let firstLine = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (e.code === 'MISSING_CHAR') {
    firstLine = firstLine
      .replace(/^Missing closing "quote$/, 'missing closing double quote')
      .replace(/^Missing closing 'quote$/, 'missing closing single quote');
  } else {
    firstLine = firstLine.replace(/^Unexpected [\w-]+ token in YAML stream: /, 'unexpected ');
  }
  const hint = MESSAGE_HINTS.find(([re]) => re.test(firstLine))?.[1] ?? HINTS[e.code];
  firstLine = firstLine.charAt(0).toLowerCase() + firstLine.slice(1);
  return error(hint ? `${firstLine}: ${hint}` : firstLine, {
    location: { file, line: pos?.line ?? 1, column: pos?.col ?? 1 },
  });
}

class LimitExceeded extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

class Walker {
  readonly diagnostics: Diagnostic[] = [];
  private aliasNodes = 0;
  private inAlias = 0;
  /**
   * Anchors seen so far, in document order. The parser's own Alias.resolve() searches the whole
   * document for every alias, which is quadratic on files with many aliases.
   */
  private readonly anchors = new Map<string, unknown>();

  constructor(
    private readonly at: (offset: number) => SourceLocation,
    private readonly file: string,
    private readonly text: string,
  ) {}

  walk(yamlNode: unknown, depth: number): Node {
    if (depth > MAX_DEPTH) {
      throw new LimitExceeded(
        error(
          `nesting deeper than ${MAX_DEPTH} levels (or an alias that contains itself): flatten the file`,
          {
            location: this.locOf(yamlNode),
          },
        ),
      );
    }
    if (this.inAlias > 0 && ++this.aliasNodes > MAX_ALIAS_NODES) {
      throw new LimitExceeded(
        error(
          `aliases expand to more than ${MAX_ALIAS_NODES} nodes (a "billion laughs" file?): ` +
            'write the values out or use fewer nested aliases',
          { location: this.locOf(yamlNode) },
        ),
      );
    }
    const loc = this.locOf(yamlNode);
    if (isAlias(yamlNode)) {
      const target = this.anchors.get(yamlNode.source);
      if (!target) {
        this.diagnostics.push(
          error(`unknown alias *${yamlNode.source}: define the anchor &${yamlNode.source} before using it`, {
            location: loc,
          }),
        );
        return scalar(null, loc);
      }
      this.inAlias++;
      try {
        return this.walk(target, depth + 1);
      } finally {
        this.inAlias--;
      }
    }
    const anchor = (yamlNode as { anchor?: string } | null)?.anchor;
    if (anchor && this.inAlias === 0) this.anchors.set(anchor, yamlNode);
    const tag = mergeTag(yamlNode);
    let node: Node;
    if (isScalar(yamlNode)) {
      const v = yamlNode.value;
      if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
        node = scalar(v, loc);
      else node = scalar(String(v), loc);
      const column = this.valueColumn(yamlNode, loc);
      if (column !== undefined) node.valueColumn = column;
    } else if (isSeq(yamlNode)) {
      const seq: SeqNode = { kind: 'seq', items: [], loc };
      for (const item of yamlNode.items) seq.items.push(this.walk(item, depth + 1));
      node = seq;
    } else if (isMap(yamlNode)) {
      node = this.walkMap(yamlNode.items, loc, depth);
    } else {
      node = scalar(null, loc);
    }
    if (tag) node.tag = tag;
    return node;
  }

  private walkMap(
    pairs: readonly { key: unknown; value: unknown }[],
    loc: SourceLocation,
    depth: number,
  ): Node {
    const map = mapNode(loc);
    const merged: Node[] = [];
    // Keys compare as the parser's did (1 and "1" differ). Inside an alias the anchored mapping
    // was already checked where it was defined.
    const seen = new Set<unknown>();
    for (const pair of pairs) {
      const keyLoc = this.locOf(pair.key);
      if (isScalar(pair.key) && typeof pair.key.value === 'symbol') {
        // `<<: *base` or `<<: [*a, *b]`: explicit keys win, then earlier sources win.
        const before = this.diagnostics.length;
        const src = this.walk(pair.value, depth + 1);
        if (this.diagnostics.length > before) continue; // an unknown alias, already reported
        for (const s of src.kind === 'seq' ? src.items : [src]) merged.push(s);
        continue;
      }
      if (!isScalar(pair.key) || pair.key.value === null || typeof pair.key.value === 'object') {
        this.diagnostics.push(error('a mapping key must be a plain string: quote it', { location: keyLoc }));
        continue;
      }
      if (seen.has(pair.key.value)) {
        if (this.inAlias === 0) {
          const message = `duplicate key "${String(pair.key.value)}": ${DUPLICATE_KEY_HINT}`;
          this.diagnostics.push(error(message, { location: keyLoc }));
        }
        continue;
      }
      seen.add(pair.key.value);
      const value = pair.value === null ? scalar(null, keyLoc) : this.walk(pair.value, depth + 1);
      map.entries.set(String(pair.key.value), { keyLoc, value });
    }
    for (const src of merged) {
      if (src.kind !== 'map') {
        this.diagnostics.push(
          error('"<<" merges mappings only: point it at an anchored mapping', { location: src.loc }),
        );
        continue;
      }
      for (const [k, e] of src.entries) if (!map.entries.has(k)) map.entries.set(k, e);
    }
    return map;
  }

  private valueColumn(n: Scalar, loc: SourceLocation): number | undefined {
    if (typeof n.value !== 'string' || !n.range) return undefined;
    const source = this.text.slice(n.range[0], n.range[1]);
    if (source.includes('\n')) return undefined;
    if (n.type === 'PLAIN' && source === n.value) return loc.column;
    const quoted = n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE';
    return quoted && source.slice(1, -1) === n.value ? loc.column + 1 : undefined;
  }

  private locOf(n: unknown): SourceLocation {
    const range = (n as { range?: [number, number, number] } | null)?.range;
    return range ? this.at(range[0]) : { file: this.file, line: 1, column: 1 };
  }
}

function mergeTag(n: unknown): MergeTag | undefined {
  const tag = (n as { tag?: string } | null)?.tag;
  if (tag === '!reset') return 'reset';
  if (tag === '!override') return 'override';
  return undefined;
}
