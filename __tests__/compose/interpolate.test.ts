import { interpolate } from '../../src/compose/interpolate';

const env: Record<string, string> = { SET: 'value', EMPTY: '', B: 'bee', PORT: '8080' };
const lookup = (name: string): string | undefined => env[name];
const ok = (s: string): string => {
  const r = interpolate(s, lookup);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};
const fail = (s: string): string => {
  const r = interpolate(s, lookup);
  if (r.ok) throw new Error(`expected ${s} to fail, got ${r.value}`);
  return r.message;
};

describe('interpolate', () => {
  it.each([
    ['plain text', 'plain text'],
    ['$SET', 'value'],
    ['${SET}', 'value'],
    ['a${SET}b$SET.c', 'avalueb' + 'value.c'],
    ['$UNSET', ''],
    ['${UNSET}', ''],
    ['$$SET', '$SET'],
    ['$${SET}', '${SET}'],
    ['cost: $$5', 'cost: $5'],
    ['${UNSET:-def}', 'def'],
    ['${EMPTY:-def}', 'def'],
    ['${EMPTY-def}', ''],
    ['${UNSET-def}', 'def'],
    ['${SET:-def}', 'value'],
    ['${SET:+alt}', 'alt'],
    ['${EMPTY:+alt}', ''],
    ['${EMPTY+alt}', 'alt'],
    ['${UNSET+alt}', ''],
    ['${UNSET:-${B}}', 'bee'],
    ['${UNSET:-${ALSO_UNSET:-deep}}', 'deep'],
    ['${UNSET:-$B-x}', 'bee-x'],
    ['${UNSET:-a $$ b}', 'a $ b'],
    ['${SET:?must be set}', 'value'],
    ['${EMPTY?must be set}', ''],
    ['${PORT}:80', '8080:80'],
    ['${UNSET:-}', ''],
  ])('%s -> %s', (input, expected) => {
    expect(ok(input)).toBe(expected);
  });

  it('does not evaluate a default whose variable is set', () => {
    expect(ok('${SET:-${UNSET:?never}}')).toBe('value');
  });

  it('fails on required variables with the message', () => {
    expect(fail('${UNSET:?tell me the region}')).toBe(
      'required variable UNSET is not set: tell me the region (set it in the environment or the env file)',
    );
    expect(fail('${EMPTY:?no empties}')).toMatch(/^required variable EMPTY is empty: no empties/);
    expect(fail('${UNSET?}')).toBe(
      'required variable UNSET is not set (set it in the environment or the env file)',
    );
  });

  it('refuses defaults nested beyond the limit instead of recursing', () => {
    const deep = '${A:-'.repeat(40) + 'x' + '}'.repeat(40);
    expect(fail(deep)).toMatch(/nested more than 16 levels deep/);
    expect(ok('${A:-'.repeat(10) + 'x' + '}'.repeat(10))).toBe('x');
  });

  it('fails on malformed templates, saying what is right', () => {
    expect(fail('${SET')).toMatch(/unterminated "\$\{" .*close it with "}"/);
    expect(fail('${UNSET:-${B}')).toMatch(/unterminated/);
    expect(fail('${}')).toMatch(/invalid variable name .* starts with a letter/);
    expect(fail('${1A}')).toMatch(/invalid variable name/);
    expect(fail('${SET:x}')).toMatch(/use \$\{NAME\}, \$\{NAME:-default\}/);
    expect(fail('5$')).toMatch(/write \$\$ for a literal "\$"/);
    expect(fail('$ 5')).toMatch(/invalid interpolation "\$ "/);
  });
});
