/**
 * Text in the job summary and the pull request comment (GitHub Flavored Markdown). What the
 * action writes itself is Markdown; text from elsewhere (names from a compose file, a task's log
 * lines, AWS's and a registry's messages) goes through these, so that it shows as written and
 * cannot close a code block, open a link, embed HTML or mention anyone.
 */

/**
 * Text as it reads, on one line: with a backslash before each character that could start
 * markup inside a line (CommonMark 2.4: code, emphasis, links and images, HTML and autolinks,
 * entities, table cells, strikethrough; `>` only matters at a line's start, or after a `<`, which is
 * escaped). The text never starts a line (it follows `> `, `| ` or
 * a label; in a table cell `|` is escaped too), so the line-start markers (`#`, `-`, `1.`) need nothing.
 */
export function markdownText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<|~&]/g, (c) => `\\${c}`);
}

/** A code span that holds the text whatever backticks it has (CommonMark, 6.1). */
export function inlineCode(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  const fence = '`'.repeat(longestBacktickRun(flat) + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A fenced code block of the lines, its fence longer than any run of backticks in them (CommonMark, 4.5). */
export function codeBlock(lines: readonly string[], info = ''): string[] {
  const fence = '`'.repeat(Math.max(3, ...lines.map((l) => longestBacktickRun(l) + 1)));
  return [`${fence}${info}`, ...lines.map((l) => l.replace(/\r/g, '')), fence];
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}
