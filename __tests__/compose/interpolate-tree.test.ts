import type { Diagnostic } from '../../src/diagnostics';
import { interpolateTree } from '../../src/compose/interpolate-tree';
import { toJson } from '../../src/compose/node';
import { parseYaml } from '../../src/compose/yaml';

describe('interpolateTree', () => {
  const vars: Record<string, string> = { IMG: 'nginx', PORT: '8080' };
  const lookup = (name: string): string | undefined => vars[name];

  it('interpolates values at every depth, never keys, and leaves non-strings alone', () => {
    const node = parseYaml(
      'services:\n  web:\n    image: $IMG\n    ports: ["${PORT}:80", 443]\n    labels:\n      "${IMG}": "$$literal"\n    tty: true\n',
      'c.yml',
    ).node!;
    const out: Diagnostic[] = [];
    interpolateTree(node, lookup, out);
    expect(out).toEqual([]);
    expect(toJson(node)).toEqual({
      services: {
        web: { image: 'nginx', ports: ['8080:80', 443], labels: { '${IMG}': '$literal' }, tty: true },
      },
    });
  });

  it('reports each bad value with its key path and keeps going', () => {
    const node = parseYaml('a: ${X:?need X}\nb:\n  - ok\n  - ${Y?}\n', 'c.yml').node!;
    const out: Diagnostic[] = [];
    interpolateTree(node, lookup, out);
    expect(out.map((d) => [d.path, d.location?.line, d.location?.column])).toEqual([
      ['a', 1, 4],
      ['b[1]', 4, 5],
    ]);
  });
});
