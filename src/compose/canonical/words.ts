/**
 * Splits a command line into words the way a POSIX shell would (quotes, backslashes), without
 * running a shell and without expanding anything: compose does the same for `command: a "b c"`.
 */
export function splitWords(line: string): { words: string[] } | { error: string } {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && i + 1 < line.length && '$`"\\\n'.includes(line[i + 1] as string)) {
        i++;
        if (line[i] !== '\n') word += line[i];
      } else word += c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\') {
      if (i + 1 >= line.length) return { error: 'ends with a lone backslash' };
      i++;
      // A backslash-newline joins lines; any other escaped character is taken literally.
      if (line[i] !== '\n') {
        word += line[i];
        inWord = true;
      }
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) return { error: `has an unterminated ${quote === '"' ? 'double' : 'single'} quote` };
  if (inWord) words.push(word);
  return { words };
}
