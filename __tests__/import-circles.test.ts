import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// No two modules of src/ import each other, directly or around a loop: a circle means neither can
// be read (or moved) without the other, and the layout stops saying which code depends on which.

const SRC = path.join(__dirname, '..', 'src');
const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)'(\.{1,2}\/[^']+)'/gm;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
}

/** Every circle of imports, each once, as the files around it (relative to src/). */
function importCircles(files: readonly string[]): string[][] {
  const edges = new Map(
    files.map((f) => {
      const text = fs.readFileSync(f, 'utf8');
      const targets = [...text.matchAll(IMPORT)]
        .map((m) => resolveImport(f, m[1] as string))
        .filter((t): t is string => t !== undefined);
      return [f, [...new Set(targets)]] as const;
    }),
  );
  const circles = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): void => {
    state.set(f, 'open');
    stack.push(f);
    for (const t of edges.get(f) ?? []) {
      if (state.get(t) === 'open') {
        const loop = stack.slice(stack.indexOf(t)).map((x) => path.relative(SRC, x));
        circles.set([...loop].sort().join(' '), loop);
      } else if (!state.has(t)) visit(t);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of edges.keys()) if (!state.has(f)) visit(f);
  return [...circles.values()];
}

test('src/ has no import circle', () => {
  expect(importCircles(sources(SRC))).toEqual([]);
});

test('a circle is found where there is one', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'circle-'));
  try {
    fs.writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b';\nexport const a = b;\n");
    fs.writeFileSync(path.join(dir, 'b.ts'), "export const b = () => import('./a');\n");
    fs.writeFileSync(path.join(dir, 'c.ts'), "import type { a } from './a';\n");
    expect(importCircles(sources(dir))).toHaveLength(1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
