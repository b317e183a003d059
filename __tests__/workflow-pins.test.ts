import * as fs from 'node:fs';
import * as path from 'node:path';

// Every action that the project's workflows, the examples and the documentation use is pinned by
// its full commit SHA, with the release it is in a comment (`@<40 hex> # v7.0.1`), as GitHub's
// security hardening guide advises (a tag can be moved; a commit cannot), and one action is
// pinned to the same commit everywhere, so an update is one search and replace (or one dependabot
// pull request). The exception is this action itself, which the examples use as `@v1`: users
// choose how to pin it (docs/previews-and-releases.md, Versions).

const ROOT = path.resolve(__dirname, '..');
const OWN = 'habitat-ecs-deploy/habitat-ecs-deploy@';
const PINNED = /^([\w.-]+\/[\w.-]+)(\/[\w./-]+)?@([0-9a-f]{40}) # (v\d+\.\d+\.\d+)$/;

interface Use {
  where: string;
  text: string;
}

function files(dir: string, ext: RegExp): string[] {
  const full = path.join(ROOT, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f))
    .map((f) => path.join(dir, f));
}

/** The `uses:` values (with their comment) of a workflow file, or of a Markdown file's code blocks. */
function uses(file: string): Use[] {
  const found: Use[] = [];
  let inCode = !file.endsWith('.md');
  fs.readFileSync(path.join(ROOT, file), 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (file.endsWith('.md') && /^\s*```/.test(line)) inCode = !inCode;
      const m = inCode ? /^\s*(?:-\s+)?uses:\s*(.+?)\s*$/.exec(line) : null;
      if (m?.[1]) found.push({ where: `${file}:${i + 1}`, text: m[1] });
    });
  return found;
}

const all = [
  ...files('.github/workflows', /\.ya?ml$/),
  ...files('examples/workflows', /\.ya?ml$/),
  ...['README.md', 'CONTRIBUTING.md'].filter((f) => fs.existsSync(path.join(ROOT, f))),
  ...files('docs', /\.md$/),
].flatMap(uses);

test('the workflows, examples and docs use actions', () => {
  expect(all.length).toBeGreaterThan(10);
});

test('every action but this one is pinned by full commit SHA with its release in a comment', () => {
  const unpinned = all.filter(
    ({ text }) => !text.startsWith('./') && !text.startsWith(OWN) && !PINNED.test(text),
  );
  expect(unpinned).toEqual([]);
});

test('each action is pinned to one commit and release everywhere', () => {
  const pins = new Map<string, Set<string>>();
  for (const { text } of all) {
    const m = PINNED.exec(text);
    if (!m) continue;
    const [, repo, , sha, version] = m;
    pins.set(repo ?? '', (pins.get(repo ?? '') ?? new Set()).add(`${sha} # ${version}`));
  }
  const split = [...pins]
    .filter(([, seen]) => seen.size > 1)
    .map(([repo, seen]) => ({ repo, pins: [...seen] }));
  expect(split).toEqual([]);
});
