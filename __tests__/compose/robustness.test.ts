import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadComposeProject } from '../../src/compose/load';
import { UserError } from '../../src/diagnostics';
import { wideMapping } from '../../scripts/wide-mapping';
import type { ParsedYaml } from '../../src/compose/yaml';
import { callInWorker } from '../support/in-worker';

/** A small deterministic generator, so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SOURCE = fs.readFileSync(
  path.join(__dirname, '..', 'fixtures', 'compose', 'multi', 'docker-compose.yml'),
  'utf8',
);
const PIECES = [
  '${',
  '}',
  '$',
  ':',
  '- ',
  '\t',
  '"',
  "'",
  '&a ',
  '*a',
  '<<: ',
  '\n  ',
  '[',
  ']',
  '{',
  '}',
  '!reset ',
  '#',
  '---\n',
  '\\',
];

describe('a file at the size limit', () => {
  // One flow mapping of 153,000 keys: the YAML parser's own duplicate-key check compared each key
  // with every earlier one (3 min 20 s in `habitat-ecs render`); the walker's is a Set lookup.
  // How fast it is now is in BENCHMARKS.md. The parse runs in a worker ended after 60 s: a hang
  // guard, which a jest timeout is not for synchronous code.
  const parse = (text: string) =>
    callInWorker(path.join(__dirname, '../../src/compose/yaml.ts'), 'parseYaml', [text, 'c.yml'], 60_000);
  const lines = (parsed: { value?: unknown }) =>
    (parsed.value as ParsedYaml).diagnostics.map((d) => `${d.location?.line}: ${d.message}`);

  it('one mapping of 153,000 keys parses in bounded time, and a duplicate among them is still found', async () => {
    const text = wideMapping();
    expect([Buffer.byteLength(text), text.split(',').length]).toEqual([1_024_050, 153_000]);
    expect(lines(await parse(text))).toEqual([]);
    expect(lines(await parse(text.replace('}\n#', ',kaaab}\n#')))).toEqual([
      '4: duplicate key "kaaab": each key may appear once in a mapping: remove or rename one of them',
    ]);
    // And the whole load of the file, now that it cannot hang.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-wide-'));
    const file = path.join(dir, 'docker-compose.yml');
    fs.writeFileSync(file, text);
    expect(loadComposeProject({ files: [file], environment: {} }).services.size).toBe(1);
  }, 150_000);
});

describe('loading large files', () => {
  // How fast is measured by `npm run bench:render`, not here: a wall-clock limit in a test fails on a busy machine.
  it('loads 2000 services that merge one anchor, each with its own values', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-big-'));
    try {
      let text = 'x-base: &base\n  restart: always\n  environment:\n    A: "1"\nservices:\n';
      for (let i = 0; i < 2000; i++) {
        text += `  s${i}:\n    <<: *base\n    image: img${i}:\${TAG:-1}\n    ports: ["${i + 1}:80"]\n`;
      }
      const file = path.join(dir, 'docker-compose.yml');
      fs.writeFileSync(file, text);
      const project = loadComposeProject({ files: [file, file], environment: {} });
      expect(project.services.size).toBe(2000);
      expect(project.services.get('s1999')?.definition).toEqual({
        restart: 'always',
        environment: { A: '1' },
        image: 'img1999:1',
        ports: ['2000:80'],
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('loading mangled files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-fuzz-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('either loads or throws a UserError, never anything else', () => {
    const random = prng(20261124);
    const file = path.join(dir, 'docker-compose.yml');
    fs.writeFileSync(path.join(dir, 'web.env'), 'A=1\n');
    let refused = 0;
    for (let round = 0; round < 400; round++) {
      let text = SOURCE;
      const edits = 1 + Math.floor(random() * 4);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * text.length);
        const cut = Math.floor(random() * 4);
        const piece = PIECES[Math.floor(random() * PIECES.length)]!;
        text = text.slice(0, at) + piece + text.slice(at + cut);
      }
      fs.writeFileSync(file, text);
      try {
        loadComposeProject({ files: [file], environment: { TAG: '1', MONGO_VERSION: '4' } });
      } catch (e) {
        if (!(e instanceof UserError))
          throw new Error(`round ${round}: ${String(e)}\n--- input ---\n${text}`);
        expect(e.diagnostics.length).toBeGreaterThan(0);
        for (const d of e.diagnostics) expect(d.message).not.toMatch(/undefined|\[object /);
        refused++;
      }
    }
    // The mangling must actually produce bad files for this test to mean anything.
    expect(refused).toBeGreaterThan(100);
  });
});
