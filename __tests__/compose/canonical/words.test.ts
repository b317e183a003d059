import { splitWords } from '../../../src/compose/canonical/words';

describe('splitWords', () => {
  test.each([
    [
      '--peer mongodb --bind database:mongodb.default',
      ['--peer', 'mongodb', '--bind', 'database:mongodb.default'],
    ],
    ['  a   b  ', ['a', 'b']],
    [`echo "a b" 'c d' e\\ f`, ['echo', 'a b', 'c d', 'e f']],
    [`"say \\"hi\\"" 'it''s' ""`, ['say "hi"', 'its', '']],
    ['a\\\nb', ['ab']],
    ['$HOME "$X"', ['$HOME', '$X']],
  ])('%j', (line, words) => {
    expect(splitWords(line)).toEqual({ words });
  });

  test('unterminated quotes and a trailing backslash are errors', () => {
    expect(splitWords(`a 'b`)).toEqual({ error: 'has an unterminated single quote' });
    expect(splitWords('a \\')).toEqual({ error: 'ends with a lone backslash' });
  });
});
