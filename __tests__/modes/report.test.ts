import { outputsOf, summaryMarkdown, type RunReport } from '../../src/modes/report';

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
