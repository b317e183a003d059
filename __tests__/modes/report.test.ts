import { HtmlRenderer, Parser, type Node } from 'commonmark';
import { summaryMarkdown, type RunReport } from '../../src/modes/report';

// The job summary (and the pull request comment, which is the same Markdown) with text from
// elsewhere in every place it can be: read back by a CommonMark parser, it is text where it was
// text and one code block where it was a diff.

const hostile = '`` ``` <img src=x onerror=alert(1)> [click](https://evil.example) *loud* | cell';

const report: RunReport = {
  mode: 'plan',
  region: 'us-east-1',
  cluster: 'prod',
  service: 'web',
  imageTag: 'v1',
  images: {},
  changed: true,
  state: `failed: ${hostile}`,
  taskDefinition: {
    family: 'web',
    containerDefinitions: [{ name: `web${hostile}`, image: `nginx:${hostile}`, portMappings: [] }],
  },
  plan: { service: 'update', running: 'arn:aws:ecs:us-east-1:1:task-definition/web:3', images: [] },
  diff: ['  environment:', `+   ${hostile}: changed`, '```', '````', 'after the fence'],
  ranBefore: [hostile],
  settings: [hostile],
};

function walk(markdown: string): { types: string[]; html: string; code: string[] } {
  const tree = new Parser().parse(markdown);
  const types: string[] = [];
  const code: string[] = [];
  const walker = tree.walker();
  for (let step = walker.next(); step; step = walker.next()) {
    const node: Node = step.node;
    if (!step.entering) continue;
    types.push(node.type);
    if (node.type === 'code_block') code.push(node.literal ?? '');
  }
  return { types, html: new HtmlRenderer().render(tree), code };
}

test('text from elsewhere stays text: no HTML, link, image or emphasis comes out of it', () => {
  const { types, html } = walk(summaryMarkdown(report));
  expect(types).not.toContain('html_inline');
  expect(types).not.toContain('html_block');
  expect(types).not.toContain('link');
  expect(types).not.toContain('image');
  expect(types).not.toContain('emph');
  expect(html).not.toContain('<img');
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; [click](https://evil.example) *loud*');
});

test('the diff is one code block, whatever fences its lines hold, and nothing after it leaks out', () => {
  const { code } = walk(summaryMarkdown(report));
  expect(code).toEqual([`${report.diff?.join('\n')}\n`]);
});
