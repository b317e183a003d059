import { parseEnvFile } from '../../src/compose/env-file';

const outer: Record<string, string> = { HOME_DIR: '/home/me', FROM_ENV: 'outer' };
const lookup = (name: string): string | undefined => outer[name];

function values(text: string): Record<string, string | undefined> {
  const parsed = parseEnvFile(text, '.env', lookup);
  expect(parsed.diagnostics).toEqual([]);
  return Object.fromEntries(parsed.entries.map((e) => [e.key, e.value]));
}

describe('parseEnvFile', () => {
  it('reads the forms compose reads', () => {
    const text = [
      '# a comment',
      '',
      'PLAIN=value',
      'export EXPORTED=yes',
      '  SPACED = trimmed  ',
      'EMPTY=',
      'COMMENTED=value # not part of it',
      'HASH=a#b',
      "SINGLE='literal $HOME_DIR \\n'",
      'DOUBLE="line1\\nline2 \\"q\\" \\$HOME_DIR $HOME_DIR"',
      'EXPANDED=${HOME_DIR}/x',
      'LATER=${PLAIN}-2',
      'FROM_ENV',
      'NOT_SET_ANYWHERE',
      'MULTI="first',
      'second"',
      'DOTTED.NAME-1=ok',
    ].join('\n');
    expect(values(text)).toEqual({
      PLAIN: 'value',
      EXPORTED: 'yes',
      SPACED: 'trimmed',
      EMPTY: '',
      COMMENTED: 'value',
      HASH: 'a#b',
      SINGLE: 'literal $HOME_DIR \\n',
      DOUBLE: 'line1\nline2 "q" $HOME_DIR /home/me',
      EXPANDED: '/home/me/x',
      LATER: 'value-2',
      FROM_ENV: 'outer',
      NOT_SET_ANYWHERE: undefined,
      MULTI: 'first\nsecond',
      'DOTTED.NAME-1': 'ok',
    });
  });

  it('asks the environment before its own earlier lines, as compose does', () => {
    expect(values('FROM_ENV=inner\nX=$FROM_ENV')).toMatchObject({ X: 'outer' });
  });

  it('records the line and column of each entry', () => {
    const parsed = parseEnvFile('\n  A=1\nB="x\ny"\nC=3', 'web.env', lookup);
    expect(parsed.entries.map((e) => [e.key, e.loc.line, e.loc.column])).toEqual([
      ['A', 2, 3],
      ['B', 3, 1],
      ['C', 5, 1],
    ]);
  });

  it('reports bad lines at their place and keeps going', () => {
    const parsed = parseEnvFile(
      'GOOD=1\n1BAD=x\nwhat is this\nREQ=${NOPE:?set NOPE}\nQ="open\n',
      'e.env',
      lookup,
    );
    expect(parsed.entries.map((e) => e.key)).toEqual(['GOOD']);
    expect(parsed.diagnostics.map((d) => [d.location?.line, d.message])).toEqual([
      [2, expect.stringMatching(/^expected KEY=value, found the key "1BAD": a key has letters/)],
      [
        3,
        expect.stringMatching(
          /^expected KEY=value, found a line without "=" \(not shown: env files hold secrets\)/,
        ),
      ],
      [4, expect.stringMatching(/^required variable NOPE is not set: set NOPE/)],
      [5, 'unterminated " quote in the value of Q: close it with "'],
    ]);
  });

  it('never shows the value of a malformed line: env files hold secrets', () => {
    const parsed = parseEnvFile('1DB_PASSWORD=hunter2\nhunter2 s3cret\n', 'e.env', lookup);
    const text = parsed.diagnostics.map((d) => d.message).join('\n');
    expect(parsed.diagnostics).toHaveLength(2);
    expect(text).toContain('"1DB_PASSWORD"');
    expect(text).not.toMatch(/hunter2|s3cret/);
  });

  it('refuses text after a closing quote', () => {
    const parsed = parseEnvFile('A="x" y', 'e.env', lookup);
    expect(parsed.diagnostics[0]?.message).toMatch(/unexpected text after the quoted value of A \(not shown/);
  });
});
