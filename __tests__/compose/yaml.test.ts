import { locate, toJson } from '../../src/compose/node';
import { MAX_ALIAS_NODES, parseYaml } from '../../src/compose/yaml';

function parse(text: string) {
  const r = parseYaml(text, 'c.yml');
  expect(r.diagnostics).toEqual([]);
  return r.node!;
}

describe('parseYaml', () => {
  it('keeps plain values and their places', () => {
    const node = parse('services:\n  web:\n    image: "nginx"\n    ports:\n      - 80\n      - "8080:80"\n');
    expect(toJson(node)).toEqual({ services: { web: { image: 'nginx', ports: [80, '8080:80'] } } });
    expect(locate(node, ['services', 'web', 'image'])).toEqual({ file: 'c.yml', line: 3, column: 12 });
    expect(locate(node, ['services', 'web', 'ports'])).toEqual({ file: 'c.yml', line: 4, column: 5 });
    expect(locate(node, ['services', 'web', 'ports', 1])).toEqual({ file: 'c.yml', line: 6, column: 9 });
  });

  it('reads YAML 1.2 scalars the way compose does (yes is a string)', () => {
    expect(toJson(parse('a: yes\nb: true\nc: 010\nd: ~\ne:\n'))).toEqual({
      a: 'yes',
      b: true,
      c: 10,
      d: null,
      e: null,
    });
  });

  it('expands anchors, aliases and << merge keys, explicit keys winning', () => {
    const text = [
      'x-base: &base',
      '  image: app',
      '  restart: always',
      'x-more: &more',
      '  restart: "no"',
      '  tty: true',
      'services:',
      '  a:',
      '    <<: *base',
      '    restart: on-failure',
      '  b:',
      '    <<: [*more, *base]',
      '  c: *base',
    ].join('\n');
    const json = toJson(parse(text)) as { services: Record<string, unknown> };
    expect(json.services).toEqual({
      a: { restart: 'on-failure', image: 'app' },
      b: { restart: 'no', tty: true, image: 'app' },
      c: { image: 'app', restart: 'always' },
    });
  });

  it('gives an aliased value the place of its anchor', () => {
    const node = parse('x: &v 5\ny: *v\n');
    expect(locate(node, ['y'])).toEqual({ file: 'c.yml', line: 1, column: 7 });
  });

  it('reads the !reset and !override merge tags', () => {
    const node = parse('a: !reset []\nb: !override\n  - 1\n');
    expect(node.kind === 'map' && node.entries.get('a')?.value.tag).toBe('reset');
    expect(node.kind === 'map' && node.entries.get('b')?.value.tag).toBe('override');
  });

  it('tolerates a trailing document marker', () => {
    expect(toJson(parse('---\na: 1\n---\n'))).toEqual({ a: 1 });
  });

  it('returns no node and no error for an empty file', () => {
    expect(parseYaml('# only a comment\n', 'c.yml')).toEqual({ diagnostics: [] });
  });

  it('refuses an alias bomb', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(10).fill(`*${prev}`).join(',')}]`);
    }
    const r = parseYaml(lines.join('\n'), 'c.yml');
    expect(r.node).toBeUndefined();
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]?.message).toContain(`aliases expand to more than ${MAX_ALIAS_NODES} nodes`);
  });

  it('refuses an alias unknown at its place', () => {
    const r = parseYaml('a: 1\nb: *nope\n', 'c.yml');
    expect(r.diagnostics.map((d) => [d.location?.line, d.location?.column, d.message])).toEqual([
      [2, 4, 'unknown alias *nope: define the anchor &nope before using it'],
    ]);
  });

  it('refuses nesting beyond the depth limit', () => {
    const r = parseYaml('a: ' + '['.repeat(100) + ']'.repeat(100), 'c.yml');
    expect(r.diagnostics[0]?.message).toMatch(/nesting deeper than 64 levels/);
  });
});
