import { toJson } from '../../src/compose/node';
import { normalizeVersion } from '../../src/compose/normalize-version';
import { parseYaml } from '../../src/compose/yaml';

function normalize(text: string) {
  const r = parseYaml(text, 'c.yml');
  const n = normalizeVersion(r.node!, 'c.yml');
  return { json: n.root ? toJson(n.root) : undefined, diagnostics: n.diagnostics };
}

describe('normalizeVersion', () => {
  it.each(['"2"', "'2.4'", '3', '3.8', '"3.9"', '"1"'])('drops the known version %s silently', (v) => {
    expect(normalize(`version: ${v}\nservices:\n  web: {image: a}\n`)).toEqual({
      json: { services: { web: { image: 'a' } } },
      diagnostics: [],
    });
  });

  it('warns about an unknown version and ignores it', () => {
    const r = normalize('version: "4.1"\nservices: {}\n');
    expect(r.json).toEqual({ services: {} });
    expect(r.diagnostics).toEqual([
      {
        severity: 'warning',
        message:
          'unknown compose file version "4.1": it is ignored; use "3.8", "2.4" or leave version: out (compose specification)',
        location: { file: 'c.yml', line: 1, column: 10 },
        path: 'version',
      },
    ]);
  });

  it('wraps a format 1 file under services:, renaming net:', () => {
    const r = normalize('x-common: 1\nweb:\n  image: nginx\n  net: host\ndb:\n  build: .\n');
    expect(r.json).toEqual({
      'x-common': 1,
      services: { web: { image: 'nginx', network_mode: 'host' }, db: { build: '.' } },
    });
  });

  it('leaves a versionless compose-spec file alone', () => {
    expect(normalize('volumes: {data: {}}\n').json).toEqual({ volumes: { data: {} } });
    expect(normalize('servces:\n  web: {image: a}\n').json).toEqual({ servces: { web: { image: 'a' } } });
  });

  it('refuses a top level that is not a mapping', () => {
    expect(normalize('- a\n').diagnostics[0]?.message).toMatch(
      /top level of a compose file must be a mapping/,
    );
  });
});
