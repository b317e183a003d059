import { renderErrors, renderServices, renderWarnings } from './render-helper';

const mem = '    mem_limit: 64m\n';
const MONGO = `  mongo:\n    image: billmeyer/mongodb\n${mem}    hostname: mongodb\n`;
const packages = ['billmeyer/mongodb', 'mattray/national-parks'];
const AWSVPC = 'task_definition:\n  ecs_network_mode: awsvpc\n';

function unit(compose: string, name: string, options: Parameters<typeof renderServices>[1] = {}) {
  const found = renderServices(compose, { ecsParams: AWSVPC, ...options }).services.units.find(
    (u) => u.name === name,
  );
  if (!found) throw new Error(`no unit ${name}`);
  return found;
}

describe('the services layout', () => {
  test('each compose service is a task definition of its own, family <family>-<service>, in awsvpc', () => {
    const r = renderServices(
      `services:\n  web:\n    image: nginx\n${mem}  worker:\n    image: busybox\n${mem}`,
      { ecsParams: AWSVPC, family: 'shop' },
    );
    expect(
      r.services.units.map((u) => [u.name, u.taskDefinition.family, u.taskDefinition.networkMode]),
    ).toEqual([
      ['web', 'shop-web', 'awsvpc'],
      ['worker', 'shop-worker', 'awsvpc'],
    ]);
    expect(r.services.units.map((u) => u.taskDefinition.containerDefinitions?.map((c) => c.name))).toEqual([
      ['web'],
      ['worker'],
    ]);
  });

  test('depends_on, links and --peer order the rollout: what a service needs comes first', () => {
    const r = renderServices(
      `services:\n  web:\n    image: nginx\n${mem}    depends_on: [api]\n  api:\n    image: api\n${mem}    links: [db]\n  db:\n    image: postgres\n${mem}`,
      { ecsParams: AWSVPC },
    );
    expect(r.services.units.map((u) => [u.name, u.after])).toEqual([
      ['db', []],
      ['api', ['db']],
      ['web', ['api']],
    ]);
  });

  test('a service moves after those it names, where that makes no cycle: two that name each other are no error', () => {
    const r = renderServices(
      `services:\n  web:\n    image: nginx\n${mem}    environment:\n      API: http://api:80\n  api:\n    image: api\n${mem}    ports: ["80"]\n    environment:\n      CALLBACK: http://web/\n`,
      { ecsParams: AWSVPC },
    );
    // web names api first (compose order): web moves after api; api naming web back would close a cycle.
    expect(r.services.units.map((u) => [u.name, u.after])).toEqual([
      ['api', []],
      ['web', ['api']],
    ]);
  });

  test('a cycle of needs is an error at the entry that closes it', () => {
    expect(
      renderErrors(
        `services:\n  a:\n    image: x\n${mem}    depends_on: [b]\n  b:\n    image: y\n${mem}    links: [a]\n`,
        { ecsParams: AWSVPC, namespace: 'app.internal' },
      ),
    ).toEqual([
      'docker-compose.yml:9:13: services.b.links[0]: with layout: services each service waits for those it needs (depends_on, links, --peer) to be stable, and a -> b -> a is a cycle (this links closes it): remove one of them',
    ]);
  });

  test('bridge in ecs-params is refused, saying why; none said switches to awsvpc with a notice', () => {
    expect(
      renderErrors(`services:\n  a:\n    image: x\n${mem}`, {
        ecsParams: 'task_definition:\n  ecs_network_mode: bridge\n',
        namespace: 'app.internal',
      }),
    ).toEqual([
      expect.stringMatching(
        /^ecs-params\.yml:2:3: task_definition\.ecs_network_mode: layout: services runs each compose service as an ECS service of its own in awsvpc network mode: in bridge mode a container advertises an address the tasks on other hosts cannot reach/,
      ),
    ]);
    const r = renderServices(`services:\n  a:\n    image: x\n${mem}`);
    expect(r.services.units[0]?.taskDefinition.networkMode).toBe('awsvpc');
    expect(r.warnings.filter((w) => w.input === 'layout').map((w) => w.severity)).toEqual(['notice']);
  });

  test('volumes_from another service is refused: tasks share no volumes', () => {
    expect(
      renderErrors(`services:\n  a:\n    image: x\n${mem}    volumes_from: [b]\n  b:\n    image: y\n${mem}`, {
        ecsParams: AWSVPC,
        namespace: 'app.internal',
      }),
    ).toEqual([
      'docker-compose.yml:5:20: services.a.volumes_from[0]: with layout: services, "b" runs in a task of its own, and ECS shares volumes only between the containers of one task: use layout: task, or a volume both can mount (EFS)',
    ]);
  });

  test('deploy.replicas, else scale, is the desired count; both, differing, is an error', () => {
    const compose = `services:\n  a:\n    image: x\n${mem}    deploy:\n      replicas: 3\n  b:\n    image: y\n${mem}    scale: 2\n  c:\n    image: z\n${mem}`;
    expect(
      renderServices(compose, { ecsParams: AWSVPC }).services.units.map((u) => [u.name, u.replicas]),
    ).toEqual([
      ['a', 3],
      ['b', 2],
      ['c', undefined],
    ]);
    // Neither key is warned about as ignored, as it is in the task layout.
    expect(renderWarnings(compose, { ecsParams: AWSVPC, namespace: 'app.internal' })).toEqual([]);
    expect(
      renderErrors(`services:\n  a:\n    image: x\n${mem}    scale: 2\n    deploy:\n      replicas: 3\n`, {
        ecsParams: AWSVPC,
        namespace: 'app.internal',
      }),
    ).toEqual([
      'docker-compose.yml:5:12: services.a.scale: is 2, but deploy.replicas is 3: give one of them',
    ]);
  });

  test('--peer of a Supervisor in another service becomes its Cloud Map name; the ring orders the rollout', () => {
    const compose = `services:\n${MONGO}  parks:\n    image: mattray/national-parks\n${mem}    command: --peer mongodb:9638 --bind database:mongodb.default\n`;
    const parks = unit(compose, 'parks', { packages, namespace: 'np.internal' });
    expect(parks.taskDefinition.containerDefinitions?.[0]?.command).toEqual([
      '--peer',
      'mongo.np.internal:9638',
      '--bind',
      'database:mongodb.default',
    ]);
    expect(parks.after).toEqual(['mongo']);
    // Each Supervisor has a task of its own: the default ports, no --listen-* flags.
    expect(parks.taskDefinition.containerDefinitions?.[0]?.command?.join(' ')).not.toContain('--listen');
    // The bind is satisfied by mongo's Supervisor in the other service: no warning about it.
    expect(
      renderWarnings(compose, { ecsParams: AWSVPC, packages, namespace: 'np.internal' }).join('\n'),
    ).not.toContain('--bind');
  });

  test('--peer of its own service name reaches the other replicas; a name that is no service is an error', () => {
    const own = unit(
      `services:\n  mongo:\n    image: billmeyer/mongodb\n${mem}    command: --peer mongo\n`,
      'mongo',
      {
        packages,
      },
    );
    expect(own.taskDefinition.containerDefinitions?.[0]?.command).toEqual(['--peer', 'mongo.app.internal']);
    expect(own.after).toEqual([]);
    expect(
      renderErrors(
        `services:\n  mongo:\n    image: billmeyer/mongodb\n${mem}    command: --peer elsewhere\n`,
        {
          ecsParams: AWSVPC,
          packages,
          namespace: 'app.internal',
        },
      ),
    ).toEqual([
      'docker-compose.yml:5:14: services.mongo.command: --peer elsewhere of "mongo" names no service of this deploy, and the Supervisor exits when a peer does not resolve; use one of "mongo" (each becomes its Cloud Map name <service>.app.internal), or an IP address',
    ]);
  });

  test('a --bind no service of the deploy can satisfy is a warning naming what the deploy runs', () => {
    const compose = `services:\n${MONGO}  parks:\n    image: mattray/national-parks\n${mem}    command: --bind database:postgres.default\n`;
    expect(renderWarnings(compose, { ecsParams: AWSVPC, packages, namespace: 'np.internal' })).toContain(
      'docker-compose.yml:9:14: services.parks.command: --bind database:postgres.default of "parks": no service of this deploy runs the Habitat service "postgres" (this deploy runs mongodb.default ("mongo"), national-parks.default ("parks")); unless a Supervisor outside the deploy provides it, the service waits for the bind forever',
    );
  });

  test('Service Connect aliases each TCP port (ports and expose) under the compose name; none when no service has one', () => {
    const db = unit(
      `services:\n  db:\n    image: postgres\n${mem}    expose: ["5432", "9999/udp"]\n  web:\n    image: nginx\n${mem}`,
      'db',
    );
    expect(db.taskDefinition.containerDefinitions?.[0]?.portMappings).toEqual([
      { containerPort: 5432, protocol: 'tcp', name: 'db-5432' },
      { containerPort: 9999, protocol: 'udp' },
    ]);
    expect(db.serviceConnect).toEqual({
      enabled: true,
      namespace: 'app.internal',
      services: [
        { portName: 'db-5432', discoveryName: 'db-5432', clientAliases: [{ port: 5432, dnsName: 'db' }] },
      ],
    });
    const none = renderServices(`services:\n  a:\n    image: x\n${mem}  b:\n    image: y\n${mem}`, {
      ecsParams: AWSVPC,
    });
    expect(none.services.units.map((u) => u.serviceConnect)).toEqual([undefined, undefined]);
  });

  test('names of services without a TCP port, and hostnames, are rewritten to Cloud Map names, with a notice', () => {
    const compose = `services:\n  web:\n    image: nginx\n${mem}    environment:\n      DB: db:5432\n      CACHE: redis://cache/0\n  db:\n    image: postgres\n${mem}    ports: ["5432"]\n  cache:\n    image: redis\n${mem}    hostname: cache\n`;
    const web = unit(compose, 'web');
    expect(web.taskDefinition.containerDefinitions?.[0]?.environment).toEqual([
      { name: 'CACHE', value: 'redis://cache.app.internal/0' },
      { name: 'DB', value: 'db:5432' },
    ]);
    const notices = renderServices(compose, { ecsParams: AWSVPC }).warnings.filter(
      (w) => w.severity === 'notice',
    );
    expect(notices.map((n) => n.message)).toContain(
      '"cache" in environment CACHE is rewritten to cache.app.internal: cache has no TCP port for Service Connect to give it by name',
    );
  });

  test("a link's alias names its service: rewritten to the Cloud Map name, and a --peer by it reaches that service", () => {
    const compose = `services:\n  postgres:\n    image: postgres\n${mem}  web:\n    image: nginx\n${mem}    links: ["postgres:db"]\n    environment:\n      DB_HOST: db\n${MONGO}  parks:\n    image: mattray/national-parks\n${mem}    links: ["mongo:store"]\n    command: --peer store\n`;
    const r = renderServices(compose, { ecsParams: AWSVPC, packages });
    const web = r.services.units.find((u) => u.name === 'web');
    expect(web?.taskDefinition.containerDefinitions?.[0]?.environment).toEqual([
      { name: 'DB_HOST', value: 'postgres.app.internal' },
    ]);
    expect(web?.after).toEqual(['postgres']);
    const parks = r.services.units.find((u) => u.name === 'parks');
    expect(parks?.taskDefinition.containerDefinitions?.[0]?.command).toEqual([
      '--peer',
      'mongo.app.internal',
    ]);
    expect(r.warnings.map((w) => w.message)).toContain(
      '"db" in environment DB_HOST is rewritten to postgres.app.internal: "db" is a link\'s alias for postgres, which only Cloud Map gives the other services',
    );
  });

  test('two services that are one DNS name are refused', () => {
    expect(
      renderErrors(`services:\n  Web:\n    image: x\n${mem}  web:\n    image: y\n${mem}`, {
        ecsParams: AWSVPC,
        namespace: 'app.internal',
      }),
    ).toEqual([
      'docker-compose.yml:5:3: services.web: with layout: services, "web" and "Web" are one DNS name (web.app.internal): rename one',
    ]);
  });
});
