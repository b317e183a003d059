import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// No two modules of src/ import each other, directly or around a loop: a circle means neither can
// be read (or moved) without the other, and the layout stops saying which code depends on which.
// And the folders import one way, down: the pure translation never reaches an I/O layer, the
// stages never the runner or the command line.

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

/** Each file, with the files of the tree it imports. */
function importsOf(files: readonly string[]): Map<string, string[]> {
  return new Map(
    files.map((f) => {
      const text = fs.readFileSync(f, 'utf8');
      const targets = [...text.matchAll(IMPORT)]
        .map((m) => resolveImport(f, m[1] as string))
        .filter((t): t is string => t !== undefined);
      return [f, [...new Set(targets)]] as const;
    }),
  );
}

/** Every circle of imports, each once, as the files around it (relative to src/). */
function importCircles(files: readonly string[]): string[][] {
  const edges = importsOf(files);
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

/**
 * The folders of src/, top to bottom: each may import those below it, none those above. The
 * runner's side and the command line on top; the modes, a short list of stages each; the
 * inputs, which build the request the stages take; the stages; the I/O layers, each named for
 * what it talks to; the AWS clients; the pure translation, then the compose loader at the bottom.
 */
const LAYERS = [
  'action',
  'cli',
  'modes',
  'inputs',
  'stages',
  'docker-build',
  'registry',
  'habitat',
  'image',
  'cloud-map',
  'ecs',
  'verify',
  'local',
  'aws',
  'translate',
  'compose',
];
/** The entry points import anything. */
const ENTRIES = new Set(['index.ts', 'post.ts', 'cli.ts']);
/**
 * What every layer may import: the modules at the top of src/ that cut across (diagnostics, log,
 * process, ...), and the names of the action's inputs, which diagnostics cite. They import no
 * layer themselves.
 */
const isFoundation = (file: string) => !file.includes('/') || file === 'inputs/spec.ts';

/** Every import that runs up, or sideways into a layer of the same height, or out of a foundation. */
function wrongWays(root: string): string[] {
  const wrong: string[] = [];
  for (const [from, targets] of importsOf(sources(root))) {
    const f = path.relative(root, from);
    if (ENTRIES.has(f)) continue;
    for (const to of targets.map((t) => path.relative(root, t))) {
      const [a, b] = [f.split('/')[0] ?? '', to.split('/')[0] ?? ''];
      if (a === b || isFoundation(to)) continue;
      if (isFoundation(f)) wrong.push(`${f} -> ${to}: a module every layer imports imports no layer`);
      else if (!LAYERS.includes(a)) wrong.push(`${f}: ${a}/ is in no layer (LAYERS)`);
      else if (!LAYERS.includes(b)) wrong.push(`${f} -> ${to}: ${b}/ is in no layer (LAYERS)`);
      else if (LAYERS.indexOf(b) <= LAYERS.indexOf(a)) wrong.push(`${f} -> ${to}: ${a}/ is below ${b}/`);
    }
  }
  return wrong;
}

test('the folders of src/ import one way, down', () => {
  expect(wrongWays(SRC)).toEqual([]);
});

test('an import that runs up is found, and one that runs down is not', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'direction-'));
  try {
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    };
    write('log.ts', 'export const log = 1;\n');
    write('compose/load.ts', "import { log } from '../log';\nexport const load = log;\n");
    write('translate/project.ts', "import { load } from '../compose/load';\nexport const project = load;\n");
    write(
      'ecs/register.ts',
      "import { project } from '../translate/project';\nexport const register = project;\n",
    );
    expect(wrongWays(dir)).toEqual([]);
    write(
      'translate/image-plan.ts',
      "import { register } from '../ecs/register';\nexport const plan = register;\n",
    );
    expect(wrongWays(dir)).toEqual(['translate/image-plan.ts -> ecs/register.ts: translate/ is below ecs/']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
