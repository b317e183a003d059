import { HtmlRenderer, Parser, type Node } from 'commonmark';
import { outputsOf, summaryMarkdown, type RunReport } from '../../src/modes/report';

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

const base: RunReport = {
  mode: 'deploy',
  region: 'us-east-1',
  cluster: 'prod',
  service: 'np',
  imageTag: 'v1',
  images: { mongo: 'r/billmeyer/mongodb@sha256:aa' },
  changed: true,
};

const services: RunReport = {
  ...base,
  topology: 'flowchart LR\n  a --> b',
  services: [
    {
      name: 'mongo',
      service: 'np-mongo',
      taskDefinition: {
        family: 'np-mongo',
        containerDefinitions: [{ name: 'mongo', image: 'r/billmeyer/mongodb@sha256:aa' }],
      },
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:1:task-definition/np-mongo:1',
      taskDefinitionFile: '/tmp/np-mongo.task-definition.json',
      serviceArn: 'arn:aws:ecs:us-east-1:1:service/prod/np-mongo',
      registered: false,
      state: 'unchanged on np-mongo:1',
    },
    {
      name: 'national-parks',
      service: 'np-national-parks',
      taskDefinition: {
        family: 'np-national-parks',
        containerDefinitions: [
          {
            name: 'national-parks',
            image: 'r/np@sha256:bb',
            portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
          },
        ],
      },
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:1:task-definition/np-national-parks:2',
      serviceArn: 'arn:aws:ecs:us-east-1:1:service/prod/np-national-parks',
      deploymentId: 'ecs-svc/2',
      state: 'updated and stable on np-national-parks:2',
      diff: ['~ national-parks.environment.GREETING'],
    },
  ],
};

describe('the report of the services layout', () => {
  test('the outputs are JSON objects keyed by compose service (only the services that have one)', () => {
    expect(outputsOf(services)).toEqual({
      'task-definition-arn': JSON.stringify({
        mongo: 'arn:aws:ecs:us-east-1:1:task-definition/np-mongo:1',
        'national-parks': 'arn:aws:ecs:us-east-1:1:task-definition/np-national-parks:2',
      }),
      'task-definition-file': JSON.stringify({ mongo: '/tmp/np-mongo.task-definition.json' }),
      images: JSON.stringify(base.images),
      'service-arn': JSON.stringify({
        mongo: 'arn:aws:ecs:us-east-1:1:service/prod/np-mongo',
        'national-parks': 'arn:aws:ecs:us-east-1:1:service/prod/np-national-parks',
      }),
      'deployment-id': JSON.stringify({ 'national-parks': 'ecs-svc/2' }),
      url: '',
      changed: 'true',
    });
  });

  test('the summary draws the topology, then the table of services, their containers and changes', () => {
    const md = summaryMarkdown(services);
    const at = (text: string) => md.indexOf(text);
    expect(md).toContain('```mermaid\nflowchart LR\n  a --> b\n```');
    expect(md).toContain('| mongo | np-mongo | `np-mongo:1` (reused) | unchanged on np-mongo:1 |');
    expect(md).toContain('| national-parks | national-parks | `r/np@sha256:bb` | 8080/tcp |');
    expect(md).toContain('<details><summary>national-parks: changes against the previous revision</summary>');
    expect(at('```mermaid')).toBeLessThan(at('| Compose service |'));
    expect(at('| Compose service |')).toBeLessThan(at('| Service | Container |'));
  });

  test('the task layout keeps its outputs, and draws its topology above the table of containers', () => {
    const task: RunReport = {
      ...base,
      topology: 'flowchart LR',
      taskDefinition: { family: 'np', containerDefinitions: [{ name: 'mongo', image: 'm' }] },
      taskDefinitionArn: 'arn:td/np:1',
    };
    expect(outputsOf(task)['task-definition-arn']).toBe('arn:td/np:1');
    const md = summaryMarkdown(task);
    expect(md.indexOf('```mermaid')).toBeLessThan(md.indexOf('| Container | Image | Ports |'));
  });
});
