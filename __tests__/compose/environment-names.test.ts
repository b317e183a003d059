import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadComposeProject } from '../../src/compose/load';
import { UserError } from '../../src/diagnostics';

// Environment variable names reach the task definition, and the job summary and pull request
// comment name them: only a shell's names get there.

function load(compose: string, files: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'env-names-'));
  fs.writeFileSync(path.join(dir, 'docker-compose.yml'), compose);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  try {
    return {
      project: loadComposeProject({ files: [path.join(dir, 'docker-compose.yml')], environment: {} }),
    };
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return { errors: e.diagnostics.map((d) => `${d.location?.line}: ${d.message}`) };
  }
}

test.each([
  ['a backtick fence', '"```\\n> injected": x'],
  ['a newline', '"A\\nB": x'],
  ['a space', '"A B": x'],
  ['a leading digit', '"1A": x'],
  ['a dot', 'spring.profiles.active: prod'],
])('a name with %s is refused at its line', (_what, entry) => {
  const r = load(`services:\n  web:\n    image: nginx\n    environment:\n      OK: 1\n      ${entry}\n`);
  expect(r.errors).toEqual([
    expect.stringMatching(/^6: environment variable name .*: use letters, digits and "_"/),
  ]);
});

test("an env file's key is held to the same names, at its line there", () => {
  const r = load('services:\n  web:\n    image: nginx\n    env_file: app.env\n', {
    'app.env': 'GOOD=1\nbad-name=2\n',
  });
  expect(r.errors).toEqual([expect.stringMatching(/^2: environment variable name "bad-name"/)]);
});

test('shell names pass', () => {
  const r = load('services:\n  web:\n    image: nginx\n    environment: [A_1=x, _private=y, lower=z]\n');
  expect(r.project?.services.get('web')?.canonical.environment?.map((e) => e.key)).toEqual([
    'A_1',
    '_private',
    'lower',
  ]);
});
