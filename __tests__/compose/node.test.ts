import { formatPath, locate } from '../../src/compose/node';
import { parseYaml } from '../../src/compose/yaml';

describe('formatPath', () => {
  it('reads like the file', () => {
    expect(formatPath(['services', 'web', 'ports', 0, 'target'])).toBe('services.web.ports[0].target');
    expect(formatPath([])).toBe('');
  });
  it('quotes keys that are not plain words', () => {
    expect(formatPath(['services', 'web;rm -rf /', 'image'])).toBe('services["web;rm -rf /"].image');
    expect(formatPath(['services', 'web', 'environment', 'A.B'])).toBe('services.web.environment["A.B"]');
  });
});

describe('locate', () => {
  const node = parseYaml('a:\n  b:\n  c: [x, {d: 1}]\n', 'f.yml').node!;
  it('points a key without a value at the key', () => {
    expect(locate(node, ['a', 'b'])).toEqual({ file: 'f.yml', line: 2, column: 3 });
  });
  it('walks into lists and mappings, and gives up on a wrong turn', () => {
    expect(locate(node, ['a', 'c', 1, 'd'])).toEqual({ file: 'f.yml', line: 3, column: 14 });
    expect(locate(node, ['a', 'c', 'd'])).toBeUndefined();
    expect(locate(node, ['a', 'c', 5])).toBeUndefined();
    expect(locate(node, ['a', 'b', 'x'])).toBeUndefined();
  });
});
