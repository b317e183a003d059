import * as fs from 'node:fs';
import * as path from 'node:path';

// Every relative link in the project's Markdown (README.md, docs/, CONTRIBUTING.md, ...) leads
// somewhere: the file or folder exists, and a `#fragment` names a heading (or an `<a id>`) of the
// Markdown file it points into, with GitHub's heading anchors. And every page of docs/ is linked
// from the README, so none is lost. Links to other sites are not followed (no network).

const ROOT = path.resolve(__dirname, '..');
const SKIP = new Set(['node_modules', 'dist', '.git', 'coverage', 'fixtures']);

function markdownFiles(dir = ROOT): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : markdownFiles(full);
    return entry.name.endsWith('.md') ? [full] : [];
  });
}

/** The lines of a Markdown file outside fenced code blocks, with inline code spans blanked. */
function prose(text: string): { line: number; text: string }[] {
  let fence = false;
  return text.split('\n').flatMap((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fence = !fence;
      return [];
    }
    return fence ? [] : [{ line: i + 1, text: line.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length)) }];
  });
}

/** GitHub's anchor for a heading: its text, lower case, without punctuation, spaces as dashes. */
export function slug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // a link's text
    .replace(/[*`]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors a Markdown file defines: its headings' (repeats get -1, -2, ...) and `<a id|name>`. */
function anchors(file: string): Set<string> {
  const text = fs.readFileSync(file, 'utf8');
  const found = new Set<string>();
  const seen = new Map<string, number>();
  let fence = false;
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line)?.[1];
    if (heading !== undefined) {
      const base = slug(heading);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      found.add(n === 0 ? base : `${base}-${n}`);
    }
    for (const m of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) if (m[1]) found.add(m[1]);
  }
  return found;
}

interface Link {
  from: string;
  target: string;
}

function links(file: string): Link[] {
  const rel = path.relative(ROOT, file);
  return prose(fs.readFileSync(file, 'utf8')).flatMap(({ line, text }) =>
    [...text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => ({
      from: `${rel}:${line}`,
      target: m[1] ?? '',
    })),
  );
}

/** What is wrong with a link, or undefined when it leads somewhere (or elsewhere on the web). */
export function problem(fromFile: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined; // https:, mailto:
  const [pathPart = '', fragment] = target.split('#', 2);
  const dest =
    pathPart === '' ? fromFile : path.resolve(path.dirname(fromFile), decodeURIComponent(pathPart));
  if (!dest.startsWith(ROOT + path.sep) && dest !== ROOT) return 'leads outside the repository';
  if (!fs.existsSync(dest)) return `${path.relative(ROOT, dest)} does not exist`;
  if (fragment === undefined) return undefined;
  if (!dest.endsWith('.md')) return undefined; // #L10 of a source file, and the like
  if (!anchors(dest).has(fragment)) return `${path.relative(ROOT, dest)} has no heading #${fragment}`;
  return undefined;
}

const files = markdownFiles();

test('the Markdown files are found, the docs among them', () => {
  const names = files.map((f) => path.relative(ROOT, f));
  expect(names).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'docs/inputs.md']));
});

test('every relative link leads to a file, and every #anchor to a heading', () => {
  const broken = files.flatMap((file) =>
    links(file).flatMap(({ from, target }) => {
      const why = problem(file, target);
      return why ? [`${from}: (${target}) ${why}`] : [];
    }),
  );
  expect(broken).toEqual([]);
});

test('every page of docs/ is linked from the README', () => {
  const readme = path.join(ROOT, 'README.md');
  const linked = new Set(
    links(readme).map(({ target }) => path.resolve(ROOT, decodeURIComponent(target.split('#')[0] ?? ''))),
  );
  const pages = files.filter((f) => path.dirname(f) === path.join(ROOT, 'docs'));
  expect(pages.filter((page) => !linked.has(page)).map((page) => path.relative(ROOT, page))).toEqual([]);
});

describe('the checker', () => {
  test("makes GitHub's anchors", () => {
    expect(slug('Migrations before the rollout: `run-before-deploy`')).toBe(
      'migrations-before-the-rollout-run-before-deploy',
    );
    expect(slug('Bridge network mode (EC2, the default)')).toBe('bridge-network-mode-ec2-the-default');
    expect(slug('HAB_LICENSE')).toBe('hab_license');
    expect(slug('The flags of `hab sup run` (Habitat 2.1.78)')).toBe('the-flags-of-hab-sup-run-habitat-2178');
  });

  test('finds a missing file, a missing heading and a way out of the repository', () => {
    const readme = path.join(ROOT, 'README.md');
    expect(problem(readme, 'docs/nowhere.md')).toBe('docs/nowhere.md does not exist');
    expect(problem(readme, 'docs/habitat.md#no-such-heading')).toBe(
      'docs/habitat.md has no heading #no-such-heading',
    );
    expect(problem(readme, '#no-such-heading')).toBe('README.md has no heading #no-such-heading');
    expect(problem(readme, '../outside.md')).toBe('leads outside the repository');
    expect(problem(readme, 'docs/habitat.md#x-habitat')).toBeUndefined();
    expect(problem(readme, 'https://example.com/#anything')).toBeUndefined();
  });
});
