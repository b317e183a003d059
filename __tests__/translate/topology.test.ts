import { topologyOf } from '../../src/translate/topology';
import type { TranslatedTaskLayout } from '../../src/translate/project';
import { renderServices, renderYaml } from './render-helper';

const packages = ['billmeyer/mongodb', 'mattray/national-parks'];
const NP = `services:
  mongo:
    image: billmeyer/mongodb
    mem_limit: 256m
    hostname: mongodb
  national-parks:
    image: mattray/national-parks
    mem_limit: 256m
    ports: ["8080:8080"]
    links: [mongo]
    command: --peer mongodb --bind database:mongodb.default
`;

describe('the topology as a Mermaid flowchart', () => {
  test('the task layout in bridge: one ECS service, its containers, the published port, the link, the ring and the bind', () => {
    expect(topologyOf(renderYaml(NP, { packages }), { title: 'np' }).split('\n')).toEqual([
      'flowchart LR',
      '  subgraph s0["ECS service np · task test (bridge)"]',
      '    c_mongo["mongo<br/>billmeyer/mongodb:v1"]',
      '    c_national_parks["national-parks<br/>mattray/national-parks:v1<br/>8080/tcp"]',
      '  end',
      '  p_c_national_parks_8080_tcp(["8080/tcp"]) --> c_national_parks',
      '  c_national_parks -->|"link"| c_mongo',
      '  c_national_parks -.->|"--peer mongodb"| c_mongo',
      '  c_national_parks ==>|"--bind database:mongodb.default"| c_mongo',
    ]);
  });

  test('the task layout in awsvpc: the peer on loopback is drawn to the Supervisor that gossips on that port', () => {
    const out = topologyOf(
      renderYaml(NP, { packages, ecsParams: 'task_definition:\n  ecs_network_mode: awsvpc\n' }),
      {
        title: 'np',
      },
    );
    expect(out).toContain('  c_national_parks -.->|"--peer 127.0.0.1:9638"| c_mongo');
    expect(out).not.toContain('link');
  });

  test('the services layout: an ECS service each, with its Cloud Map name, and Service Connect where the other has a port', () => {
    const out = topologyOf(
      renderServices(
        `services:\n  web:\n    image: nginx\n    mem_limit: 64m\n    environment:\n      DB: db:5432\n    deploy:\n      replicas: 2\n  db:\n    image: postgres\n    mem_limit: 64m\n    expose: ["5432"]\n`,
        { ecsParams: 'task_definition:\n  ecs_network_mode: awsvpc\n', namespace: 'shop.internal' },
      ),
      { title: 'shop' },
    );
    expect(out).toContain('subgraph s0["ECS service shop-db · db.shop.internal · desired-count tasks"]');
    expect(out).toContain('subgraph s1["ECS service shop-web · web.shop.internal · 2 tasks"]');
    expect(out).toContain('  c_web -->|"db:5432 (Service Connect)"| c_db');
  });

  test('a name that is not ours cannot close a label, a tag or the code fence', () => {
    const td = {
      layout: 'task',
      taskDefinition: {
        family: 'x',
        containerDefinitions: [{ name: 'a"] --> evil["`<script>`|', image: 'img' }],
      },
      project: { services: new Map(), locate: () => undefined },
      habitatServices: new Map(),
    } as unknown as TranslatedTaskLayout;
    const out = topologyOf(td, { title: 'x' });
    expect(out).toContain('["a#quot;] --#gt; evil[#quot;#96;#lt;script#gt;#96;#124;<br/>img"]');
    expect(out).not.toContain('`');
  });
});
