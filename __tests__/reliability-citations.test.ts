import * as fs from 'node:fs';
import * as path from 'node:path';

// RELIABILITY.md cites its proofs as `file` › describe › test title (see its header). A renamed,
// moved or deleted test leaves a row that claims a proof nobody runs: every cited file must exist,
// and every part of every cited title must be a title that file can give (a string in it, with
// jest's %-placeholders and template expressions standing for any text). Loose on purpose: it
// catches citations of tests that are gone, not every paraphrase.

const ROOT = path.resolve(__dirname, '..');
const doc = fs.readFileSync(path.join(ROOT, 'RELIABILITY.md'), 'utf8');

interface Citation {
  line: number;
  file: string;
  parts: string[];
}

function citations(): Citation[] {
  const found: Citation[] = [];
  doc.split('\n').forEach((text, index) => {
    if (!text.startsWith('|')) return;
    for (const m of text.matchAll(/`(__tests__\/[^`]+\.test\.ts)` › (.+?)(?=<br>|\s+\||$)/g)) {
      found.push({ line: index + 1, file: m[1] ?? '', parts: (m[2] ?? '').split(' › ') });
    }
  });
  return found;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every string literal of a test file, as a pattern a jest title made from it would match. */
function titlePatterns(source: string): RegExp[] {
  const patterns: RegExp[] = [];
  for (const m of source.matchAll(/'((?:\\.|[^'\\\n])*)'|"((?:\\.|[^"\\\n])*)"|`((?:\\.|[^`\\])*)`/g)) {
    const raw = m[1] ?? m[2] ?? m[3] ?? '';
    const text = raw.replace(/\\(['"`\\])/g, '$1');
    const parts = text.split(/%[sdijfopP#]|\$\{[^}]*\}/);
    patterns.push(new RegExp(`^${parts.map(escapeRegExp).join('[\\s\\S]*')}$`));
  }
  return patterns;
}

/** A cited part, and the same without a trailing note such as "(and 4 others)" or "(fast-check)". */
function readings(part: string): string[] {
  const bare = part.replace(/\s+\([^()]*(?:\([^()]*\)[^()]*)*\)$/, '');
  return bare === part ? [part] : [part, bare];
}

const cited = citations();

test('RELIABILITY.md cites tests', () => {
  expect(cited.length).toBeGreaterThan(100);
});

test('every test RELIABILITY.md cites exists under that name', () => {
  const patterns = new Map<string, RegExp[]>();
  const missing: string[] = [];
  for (const c of cited) {
    const full = path.join(ROOT, c.file);
    if (!fs.existsSync(full)) {
      missing.push(`RELIABILITY.md:${c.line}: ${c.file} does not exist`);
      continue;
    }
    if (!patterns.has(c.file)) patterns.set(c.file, titlePatterns(fs.readFileSync(full, 'utf8')));
    const known = patterns.get(c.file) ?? [];
    for (const part of c.parts) {
      if (!readings(part).some((r) => known.some((p) => p.test(r))))
        missing.push(
          `RELIABILITY.md:${c.line}: ${c.file} has no test or describe titled ${JSON.stringify(part)}`,
        );
    }
  }
  expect(missing).toEqual([]);
});
