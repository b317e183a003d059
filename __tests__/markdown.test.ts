import { codeBlock, inlineCode, markdownText } from '../src/markdown';
import { runnerSafeLines } from '../src/untrusted-text';
import { runnerCommands } from './support/workflow-commands';

describe('text from elsewhere in Markdown', () => {
  it('a code block is fenced longer than any run of backticks in it, so no line can close it', () => {
    const lines = ['+ NAME```', '````', 'x'];
    const block = codeBlock(lines, 'diff');
    expect(block[0]).toBe('`````diff');
    expect(block.at(-1)).toBe('`````');
    expect(block.slice(1, -1)).toEqual(lines);
    expect(codeBlock(['plain'])).toEqual(['```', 'plain', '```']);
  });

  it('a code span holds backticks, and a line break cannot end it', () => {
    expect(inlineCode('a`b')).toBe('``a`b``');
    expect(inlineCode('`x`')).toBe('`` `x` ``');
    expect(inlineCode('one\ntwo')).toBe('`one two`');
  });

  it('text escapes what could open markup: HTML, links, images, code, emphasis, table cells', () => {
    expect(
      markdownText('<img src=x onerror=alert(1)> [a](http://e) ![i](j) `c` *b* _u_ a|b ~s~ &amp;\nnext'),
    ).toBe(
      '\\<img src=x onerror=alert(1)> \\[a\\](http://e) !\\[i\\](j) \\`c\\` \\*b\\* \\_u\\_ a\\|b \\~s\\~ \\&amp; next',
    );
  });
});

describe('text from elsewhere in the log', () => {
  it('is written as it is when the runner could read no command in it', () => {
    expect(runnerSafeLines('Step 1/4 : FROM scratch\rprogress 10%')).toEqual([
      'Step 1/4 : FROM scratch\rprogress 10%',
    ]);
  });

  it.each(['::add-mask::x', 'a\r::error::b', 'x ##[set-output name=a;]b', '##[stop-commands]t'])(
    '%j goes inside a pause the text cannot end',
    (text) => {
      const lines = runnerSafeLines(text, () => 'tok3n-from-the-test');
      expect(lines).toEqual(['::stop-commands::tok3n-from-the-test', text, '::tok3n-from-the-test::']);
      expect(runnerCommands(`${lines.join('\n')}\n::notice::after`).map((c) => c.command)).toEqual([
        'notice',
      ]);
    },
  );
});
