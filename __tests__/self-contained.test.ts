// The project stands on its own: a GitHub runner, or any clone elsewhere, has the checkout and
// nothing beside it. So nothing the project runs or tests names a path outside the repository;
// the one door is .ci/run, which may hand a location in through an environment variable.
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const SCANNED = ['src', '__tests__', 'test', 'scripts', 'bench', '.github/workflows'];

/**
 * Paths of this machine's layout: the folder the checkouts live in, and the shared folder beside
 * them, reached by climbing out of the checkout (`..` then `shared`, in shell or in a path join).
 */
const MACHINE_PATHS: readonly [RegExp, string][] = [
  [/(^|[^\w.$-])\/work\//, 'an absolute path under /work'],
  [/(\.\.\/+|\)\/|(['"])\.\.\2\s*,\s*['"])shared\b(?![.\w-])/, 'the shared folder beside the checkout'],
];
/** `path.resolve(__dirname, '..', 'x')`, `path.join(__dirname, '../x')` with literal arguments. */
const FROM_DIRNAME = /\b(?:resolve|join)\(\s*__dirname((?:\s*,\s*(['"])[^'"\n]*\2)+)\s*\)/g;
/** Relative module specifiers: `from '../x'`, `require('../x')`, `import('../x')`. */
const MODULE = /(?:\bfrom\s+|\brequire\(\s*|\bimport\(\s*)(['"])(\.\.?\/[^'"\n]*)\1/g;
/** A shell script's own folder, climbed from: `$(dirname "$0")/..`. */
const SCRIPT_DIR = /\$\(dirname "\$(?:0|\{BASH_SOURCE\[0\]\})"\)((?:\/\.\.)+)/g;

/** What in `text` (the file `file`, relative to the root) reaches outside the repository. */
function outsideReferences(file: string, text: string): string[] {
  const found: string[] = [];
  const here = path.dirname(path.join(ROOT, file));
  const leaves = (target: string) => path.relative(ROOT, path.resolve(here, target)).startsWith('..');
  for (const [pattern, what] of MACHINE_PATHS) {
    const m = pattern.exec(text);
    if (m) found.push(`${what}: ${lineOf(text, m.index)}`);
  }
  for (const m of text.matchAll(FROM_DIRNAME)) {
    const parts = [...(m[1] ?? '').matchAll(/(['"])([^'"\n]*)\1/g)].map((p) => p[2] ?? '');
    if (leaves(path.join(...parts))) found.push(`a path above the repository: ${lineOf(text, m.index)}`);
  }
  for (const m of text.matchAll(MODULE)) {
    if (leaves(m[2] ?? '')) found.push(`a module above the repository: ${lineOf(text, m.index)}`);
  }
  for (const m of text.matchAll(SCRIPT_DIR)) {
    if (leaves(`.${m[1] ?? ''}`)) found.push(`a folder above the repository: ${lineOf(text, m.index)}`);
  }
  return found;
}

function lineOf(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end === -1 ? undefined : end).trim();
}

function filesUnder(dir: string): string[] {
  const absolute = path.join(ROOT, dir);
  if (!fs.existsSync(absolute)) return [];
  return fs.readdirSync(absolute, { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(relative);
    return entry.isFile() ? [relative] : [];
  });
}

function readText(file: string): string | undefined {
  const bytes = fs.readFileSync(path.join(ROOT, file));
  return bytes.length > 1024 * 1024 || bytes.includes(0) ? undefined : bytes.toString('utf8');
}

describe('the project stands on its own', () => {
  const files = SCANNED.flatMap(filesUnder).filter((f) => path.join(ROOT, f) !== __filename);

  it('reads files in the repository', () => {
    expect(files).toContain(path.join('src', 'index.ts'));
    expect(files).toContain(path.join('.github', 'workflows', 'ci.yml'));
    expect(files).toContain(path.join('test', 'stack', 'local-stack'));
  });

  it('names no path outside the repository in src, tests, test, scripts, bench or the workflows', () => {
    const found = files.flatMap((file) => {
      const text = readText(file);
      return text === undefined ? [] : outsideReferences(file, text).map((p) => `${file}: ${p}`);
    });
    expect(found).toEqual([]);
  });

  it('lets .ci/run name one only as the default of an environment variable', () => {
    const lines = (readText('.ci/run') ?? '').split('\n').filter((l) => !l.trim().startsWith('#'));
    const outside = lines.filter((l) => outsideReferences('.ci/run', l).length > 0);
    for (const line of outside) {
      expect(line).toMatch(/^export ([A-Z_]+)="\$\{\1:-[^}]*\}"$/);
      // A path relative to the checkout only: an absolute one names one machine's layout.
      expect(line.replace(/\/dev\/null/g, '')).not.toMatch(/(^|[\s"'(=:])\/[A-Za-z]/);
    }
  });
});

/** The paths the fixtures below name, put together here so that this file itself names none. */
const SHARED = ['', 'work', 'shared'].join('/');
const BESIDE = ['..', 'shared'].join('/');

describe('the check itself', () => {
  it.each([
    // The two suites that read the reference example from the machine's shared folder.
    ['__tests__/compose/seed.test.ts', `const SEED = '${SHARED}/examples/seed/docker-compose.yml';`],
    [
      '__tests__/habitat/apply.test.ts',
      `const SEED = fs.readFileSync('${SHARED}/examples/seed/docker-compose.yml', 'utf8');`,
    ],
    ['scripts/x', 'export HAB_TEST_BINARIES="${HAB_TEST_BINARIES:-$(cd .. && pwd)/shared/habitat}"'],
    ['__tests__/x.test.ts', `const HAB = '${BESIDE}/habitat';`],
    ['bench/x.js', "const HAB = path.join(ROOT, '..', 'shared', 'habitat');"],
    ['__tests__/support/x.ts', "const DOCS = path.resolve(__dirname, '../../..', 'shared-docs');"],
    ['__tests__/support/x.ts', "const DOCS = path.join(__dirname, '..', '..', '..', 'DESIGN.md');"],
    ['src/x.ts', "import { y } from '../../y';"],
    ['scripts/x', 'cd "$(dirname "$0")/../.."'],
  ])('flags %s: %s', (file, line) => {
    expect(outsideReferences(file, line)).toHaveLength(1);
  });

  it.each([
    [
      '__tests__/compose/x.test.ts',
      "const EXAMPLE = path.resolve(__dirname, '../../examples/national-parks');",
    ],
    ['__tests__/compose/x.test.ts', 'env_file: [../shared.env, link.env]'],
    ['__tests__/fixtures/golden/volumes/docker-compose.yml', 'target: /shared'],
    ['src/deploy/x.ts', "import { shortArn } from '../progress';"],
    ['scripts/x', 'cd "$(dirname "$0")/.."'],
    ['scripts/demo', 'cp -r examples/national-parks "$work/workspace"'],
  ])('leaves %s alone: %s', (file, line) => {
    expect(outsideReferences(file, line)).toEqual([]);
  });
});
