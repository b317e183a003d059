import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadComposeProject } from '../../src/compose/load';
import { UserError } from '../../src/diagnostics';

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
