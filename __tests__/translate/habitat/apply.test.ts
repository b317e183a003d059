import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyHabitat } from '../../../src/translate/habitat/apply';
import { containerNamed, run, scenario } from './scenario';

const SEED = fs.readFileSync(
  path.resolve(__dirname, '../../../examples/national-parks/docker-compose.yml'),
  'utf8',
);

const THREE = `
services:
  mongo:
    image: billmeyer/mongodb
    hostname: mongodb
    environment:
      HAB_MONGODB: "[mongod.net]\\nbind_ip = '0.0.0.0'"
  national-parks:
    image: mattray/national-parks
    ports: ["8080:8080"]
    links: [mongo]
    command: --peer mongodb --bind database:mongodb.default
  haproxy:
    image: core/haproxy
    ports: ["80:80"]
    command: --peer national-parks --bind backend:national-parks.default
    environment:
      HAB_HAPROXY: "[front-end]\\nport = 80"
`;

describe('HAB_LICENSE', () => {
  it('is accepted in every Habitat container, environment kept sorted', () => {
    const s = scenario(`
services:
  mongo:
    image: billmeyer/mongodb
    environment: { ZED: z, ALPHA: a }
  web:
    image: nginx
`);
    const { taskDefinition } = run(s);
    expect(containerNamed(taskDefinition, 'mongo').environment).toEqual([
      { name: 'ALPHA', value: 'a' },
      { name: 'HAB_LICENSE', value: 'accept-no-persist' },
      { name: 'ZED', value: 'z' },
    ]);
    expect(containerNamed(taskDefinition, 'web').environment).toBeUndefined();
  });

  it('keeps what the user set, and is not added when acceptLicense is false', () => {
    const userSet = scenario(`
services:
  mongo: { image: billmeyer/mongodb, environment: { HAB_LICENSE: accept } }
`);
    expect(containerNamed(run(userSet).taskDefinition, 'mongo').environment).toEqual([
      { name: 'HAB_LICENSE', value: 'accept' },
    ]);
    const off = scenario(`services: { mongo: { image: billmeyer/mongodb } }`, {
      habitat: { acceptLicense: false },
    });
    expect(containerNamed(run(off).taskDefinition, 'mongo').environment).toBeUndefined();
  });
});

describe('bridge network mode', () => {
  it('accepts the reference example as it is: the peer is a hostname reached through the link', () => {
    const { taskDefinition, messages } = run(scenario(SEED));
    const np = containerNamed(taskDefinition, 'national-parks');
    expect(np.command).toEqual(['--peer', 'mongodb', '--bind', 'database:mongodb.default']);
    expect(np.links).toEqual(['mongo']);
    expect(np.dependsOn).toEqual([{ containerName: 'mongo', condition: 'START' }]);
    expect(containerNamed(taskDefinition, 'mongo').hostname).toBe('mongodb');
    expect(messages).toEqual([]);
  });

  it('adds a missing link to the peer and says so', () => {
    const { taskDefinition, messages } = run(scenario(THREE));
    expect(containerNamed(taskDefinition, 'haproxy').links).toEqual(['national-parks']);
    expect(messages).toEqual([
      expect.stringMatching(
        /^docker-compose\.yml:16:14: services\.haproxy\.command: added links: \["national-parks"\] to "haproxy"/,
      ),
    ]);
  });

  it('resolves a peer through a link alias, and leaves IP addresses alone', () => {
    const { taskDefinition, messages } = run(
      scenario(`
services:
  mongo: { image: billmeyer/mongodb }
  national-parks:
    image: mattray/national-parks
    links: ["mongo:db"]
    command: --peer db --peer 10.0.0.7:9638 --bind database:mongodb.default
`),
    );
    const np = containerNamed(taskDefinition, 'national-parks');
    expect(np.links).toEqual(['mongo:db']);
    expect(np.command).toEqual([
      '--peer',
      'db',
      '--peer',
      '10.0.0.7:9638',
      '--bind',
      'database:mongodb.default',
    ]);
    expect(messages).toEqual([]);
  });

  it('warns when a peer port is not the port the target gossips on', () => {
    const { messages } = run(
      scenario(`
services:
  mongo: { image: billmeyer/mongodb }
  national-parks: { image: mattray/national-parks, links: [mongo], command: --peer mongo:9000 }
`),
    );
    expect(messages).toEqual([
      expect.stringContaining('the Supervisor of "mongo" gossips on port 9638, not 9000'),
    ]);
  });

  it('leaves a plain program command alone', () => {
    const s = scenario(`
services:
  mongo: { image: billmeyer/mongodb, command: run billmeyer/mongodb --peer nowhere }
`);
    expect(containerNamed(run(s).taskDefinition, 'mongo').command).toEqual([
      'run',
      'billmeyer/mongodb',
      '--peer',
      'nowhere',
    ]);
  });
});

describe('binds', () => {
  it('warn when no container runs the bound service, naming both sides', () => {
    const { messages } = run(
      scenario(`
services:
  national-parks: { image: mattray/national-parks, command: --bind database:postgresql.default }
`),
    );
    expect(messages).toEqual([
      expect.stringMatching(
        /services\.national-parks\.command: --bind database:postgresql\.default of "national-parks": no container in this task runs the Habitat service "postgresql" \(this task runs national-parks\.default \("national-parks"\)\)/,
      ),
    ]);
  });

  it('warn when the group differs, and accept a group from --group or x-habitat', () => {
    const wrongGroup = run(
      scenario(`
services:
  mongo: { image: billmeyer/mongodb, command: --group prod }
  national-parks: { image: mattray/national-parks, links: [mongo], command: --peer mongo --bind database:mongodb.default }
`),
    );
    expect(wrongGroup.messages).toEqual([
      expect.stringContaining('wants mongodb.default, but "mongo" runs mongodb.prod; set --group'),
    ]);
    const fromExtension = run(
      scenario(`
services:
  mongo: { image: billmeyer/mongodb, x-habitat: { group: prod } }
  national-parks: { image: mattray/national-parks, links: [mongo], command: --peer mongo --bind database:mongodb.prod }
`),
    );
    expect(fromExtension.messages).toEqual([]);
  });
});

describe('awsvpc network mode (Fargate)', () => {
  it('gives each Supervisor its own ports, rewrites peers, drops hostname and links', () => {
    const { taskDefinition, messages } = run(scenario(THREE, { launchType: 'FARGATE' }));
    const [mongo, np, haproxy] = ['mongo', 'national-parks', 'haproxy'].map((n) =>
      containerNamed(taskDefinition, n),
    );
    expect(mongo?.command).toBeUndefined();
    expect(mongo?.hostname).toBeUndefined();
    expect(np?.command).toEqual([
      '--peer',
      '127.0.0.1:9638',
      '--bind',
      'database:mongodb.default',
      '--listen-gossip',
      '0.0.0.0:9648',
      '--listen-http',
      '0.0.0.0:9641',
      '--listen-ctl',
      '127.0.0.1:9642',
    ]);
    expect(np?.links).toBeUndefined();
    expect(haproxy?.command).toEqual([
      '--peer',
      '127.0.0.1:9648',
      '--bind',
      'backend:national-parks.default',
      '--listen-gossip',
      '0.0.0.0:9658',
      '--listen-http',
      '0.0.0.0:9651',
      '--listen-ctl',
      '127.0.0.1:9652',
    ]);
    expect(haproxy?.dependsOn).toEqual([{ containerName: 'national-parks', condition: 'START' }]);
    expect(messages).toEqual([
      expect.stringMatching(/^docker-compose\.yml:5:15: .*dropped hostname "mongodb" of "mongo"/),
      expect.stringMatching(/^docker-compose\.yml:11:5: .*dropped links \["mongo"\] of "national-parks"/),
    ]);
  });

  it('gives a Supervisor without a command its ports as a command', () => {
    const { taskDefinition } = run(
      scenario(`services: { a: { image: billmeyer/mongodb }, b: { image: mattray/national-parks } }`, {
        launchType: 'FARGATE',
      }),
    );
    expect(containerNamed(taskDefinition, 'a').command).toBeUndefined();
    expect(containerNamed(taskDefinition, 'b').command).toEqual([
      '--listen-gossip',
      '0.0.0.0:9648',
      '--listen-http',
      '0.0.0.0:9641',
      '--listen-ctl',
      '127.0.0.1:9642',
    ]);
  });

  it('skips a slot whose ports are published by another container', () => {
    const { taskDefinition } = run(
      scenario(
        `
services:
  mongo: { image: billmeyer/mongodb }
  admin: { image: busybox, ports: ["9641:9641"] }
  national-parks: { image: mattray/national-parks, command: --peer mongo }
`,
        { launchType: 'FARGATE' },
      ),
    );
    expect(containerNamed(taskDefinition, 'national-parks').command).toEqual([
      '--peer',
      '127.0.0.1:9638',
      '--listen-gossip',
      '0.0.0.0:9658',
      '--listen-http',
      '0.0.0.0:9651',
      '--listen-ctl',
      '127.0.0.1:9652',
    ]);
  });

  it('does not give a Supervisor in local gossip mode a gossip port flag', () => {
    const { taskDefinition } = run(
      scenario(
        `services: { a: { image: billmeyer/mongodb }, b: { image: mattray/national-parks, command: --local-gossip-mode } }`,
        { launchType: 'FARGATE' },
      ),
    );
    expect(containerNamed(taskDefinition, 'b').command).toEqual([
      '--local-gossip-mode',
      '--listen-http',
      '0.0.0.0:9641',
      '--listen-ctl',
      '127.0.0.1:9642',
    ]);
  });

  it('keeps Supervisors off the default ports of a container that runs its own command', () => {
    const { taskDefinition, messages } = run(
      scenario(
        `
services:
  a: { image: billmeyer/mongodb, command: run billmeyer/mongodb }
  b: { image: mattray/national-parks, command: -I }
`,
        { launchType: 'FARGATE' },
      ),
    );
    expect(containerNamed(taskDefinition, 'a').command).toEqual(['run', 'billmeyer/mongodb']);
    expect(containerNamed(taskDefinition, 'b').command).toEqual([
      '-I',
      '--listen-gossip',
      '0.0.0.0:9648',
      '--listen-http',
      '0.0.0.0:9641',
      '--listen-ctl',
      '127.0.0.1:9642',
    ]);
    expect(messages).toEqual([]);
    const two = run(
      scenario(
        `
services:
  a: { image: billmeyer/mongodb, command: run billmeyer/mongodb }
  b: { image: mattray/national-parks, command: run mattray/national-parks }
`,
        { launchType: 'FARGATE' },
      ),
    );
    expect(two.messages).toEqual([expect.stringContaining('"a" and "b" run commands of their own')]);
  });

  it('lets the first Supervisor publish its own HTTP port', () => {
    const { taskDefinition } = run(
      scenario(`services: { mongo: { image: billmeyer/mongodb, ports: ["9631:9631"] } }`, {
        launchType: 'FARGATE',
      }),
    );
    expect(containerNamed(taskDefinition, 'mongo').command).toBeUndefined();
  });

  it('honours explicit --listen-* flags, HAB_LISTEN_* variables and x-habitat ports', () => {
    const { taskDefinition } = run(
      scenario(
        `
services:
  mongo:
    image: billmeyer/mongodb
    command: --listen-gossip=0.0.0.0:7000
    environment: { HAB_LISTEN_HTTP: "0.0.0.0:7001" }
  national-parks:
    image: mattray/national-parks
    command: --peer mongo
    x-habitat: { ports: { gossip: 8000, http: 8001, ctl: 8002 } }
`,
        { launchType: 'FARGATE', habitat: { healthChecks: true } },
      ),
    );
    const mongo = containerNamed(taskDefinition, 'mongo');
    expect(mongo.command).toEqual(['--listen-gossip=0.0.0.0:7000']);
    expect(mongo.healthCheck?.command?.[1]).toContain(
      'http://127.0.0.1:7001/services/mongodb/default/health',
    );
    expect(containerNamed(taskDefinition, 'national-parks').command).toEqual([
      '--peer',
      '127.0.0.1:7000',
      '--listen-gossip',
      '0.0.0.0:8000',
      '--listen-http',
      '0.0.0.0:8001',
      '--listen-ctl',
      '127.0.0.1:8002',
    ]);
  });

  it('does not modify its input', () => {
    const s = scenario(THREE);
    // The translation with no Habitat service: the task definition the Habitat pass is given.
    const { taskDefinition } = run({ ...s, habitatServices: new Map() });
    const before = JSON.stringify(taskDefinition);
    const passed = applyHabitat({ ...s, taskDefinition });
    expect(passed.taskDefinition).not.toEqual(taskDefinition);
    expect(JSON.stringify(taskDefinition)).toBe(before);
  });
});

describe('start order', () => {
  it('waits for a healthy peer when it has a health check, and keeps user depends_on', () => {
    const { taskDefinition } = run(
      scenario(
        `
services:
  cache: { image: redis }
  mongo: { image: billmeyer/mongodb }
  national-parks:
    image: mattray/national-parks
    links: [mongo]
    depends_on: [cache]
    command: --peer mongo
`,
        { habitat: { healthChecks: true } },
      ),
    );
    expect(containerNamed(taskDefinition, 'national-parks').dependsOn).toEqual([
      { containerName: 'cache', condition: 'START' },
      { containerName: 'mongo', condition: 'HEALTHY' },
    ]);
  });

  it('orders only one way when two Supervisors peer with each other', () => {
    const { taskDefinition } = run(
      scenario(
        `
services:
  a: { image: billmeyer/mongodb, command: --peer b }
  b: { image: mattray/national-parks, command: --peer a }
`,
        { launchType: 'FARGATE' },
      ),
    );
    expect(containerNamed(taskDefinition, 'a').dependsOn).toEqual([
      { containerName: 'b', condition: 'START' },
    ]);
    expect(containerNamed(taskDefinition, 'b').dependsOn).toBeUndefined();
  });
});

describe('health checks', () => {
  it('ask the Supervisor HTTP API when the options say so', () => {
    const { taskDefinition } = run(scenario(SEED, { habitat: { healthChecks: true } }));
    expect(containerNamed(taskDefinition, 'national-parks').healthCheck).toEqual({
      command: [
        'CMD-SHELL',
        'wget -qO- http://127.0.0.1:9631/services/national-parks/default/health || exit 1',
      ],
      interval: 30,
      timeout: 5,
      retries: 3,
      startPeriod: 120,
    });
  });

  it('follow x-habitat health-check either way, and never replace one the user wrote', () => {
    const { taskDefinition } = run(
      scenario(`
services:
  on: { image: billmeyer/mongodb, x-habitat: { health-check: true, group: prod } }
  off: { image: mattray/national-parks }
  mine:
    image: core/haproxy
    x-habitat: { health-check: true }
    healthcheck: { test: ["CMD", "true"] }
`),
    );
    expect(containerNamed(taskDefinition, 'on').healthCheck?.command).toEqual([
      'CMD-SHELL',
      'wget -qO- http://127.0.0.1:9631/services/mongodb/prod/health || exit 1',
    ]);
    expect(containerNamed(taskDefinition, 'off').healthCheck).toBeUndefined();
    // The translation gives the user's check compose's defaults (30 s, 30 s, 3 retries).
    expect(containerNamed(taskDefinition, 'mine').healthCheck).toEqual({
      command: ['CMD', 'true'],
      interval: 30,
      timeout: 30,
      retries: 3,
    });
    const disabled = run(
      scenario(`services: { m: { image: billmeyer/mongodb, x-habitat: { health-check: false } } }`, {
        habitat: { healthChecks: true },
      }),
    );
    expect(containerNamed(disabled.taskDefinition, 'm').healthCheck).toBeUndefined();
  });

  it('name the service as the package is written, case kept, and use the org route with --org', () => {
    const { taskDefinition } = run(
      scenario(
        `
services:
  app: { image: acme/myapp, command: --org acme --group prod }
  plain: { image: acme/other }
`,
        { packages: ['acme/MyApp', 'acme/Other'], habitat: { healthChecks: true } },
      ),
    );
    expect(containerNamed(taskDefinition, 'app').healthCheck?.command?.[1]).toBe(
      'wget -qO- http://127.0.0.1:9631/services/MyApp/prod/acme/health || exit 1',
    );
    expect(containerNamed(taskDefinition, 'plain').healthCheck?.command?.[1]).toBe(
      'wget -qO- http://127.0.0.1:9631/services/Other/default/health || exit 1',
    );
  });

  it('reach a gateway bound to one address at that address', () => {
    const { taskDefinition } = run(
      scenario(`services: { a: { image: billmeyer/mongodb, command: --listen-http 10.1.2.3:9631 } }`, {
        habitat: { healthChecks: true },
      }),
    );
    expect(containerNamed(taskDefinition, 'a').healthCheck?.command?.[1]).toBe(
      'wget -qO- http://10.1.2.3:9631/services/mongodb/default/health || exit 1',
    );
  });

  it('pass a gateway token from the environment, and warn when the HTTP API is off', () => {
    const { taskDefinition, messages } = run(
      scenario(
        `
services:
  a: { image: billmeyer/mongodb, environment: { HAB_SUP_GATEWAY_AUTH_TOKEN: s3cret } }
  b: { image: mattray/national-parks, command: -D }
`,
        { habitat: { healthChecks: true } },
      ),
    );
    const command = containerNamed(taskDefinition, 'a').healthCheck?.command?.[1];
    expect(command).toContain('--header "Authorization: Bearer $HAB_SUP_GATEWAY_AUTH_TOKEN"');
    expect(command).not.toContain('s3cret');
    expect(containerNamed(taskDefinition, 'b').healthCheck).toBeUndefined();
    expect(messages).toEqual([
      // The translation's own warning about a secret in plain text.
      expect.stringContaining('HAB_SUP_GATEWAY_AUTH_TOKEN looks like a secret'),
      expect.stringContaining('its Supervisor runs with --http-disable'),
    ]);
  });
});

describe('service configuration', () => {
  it('passes TOML and JSON through unchanged', () => {
    const { taskDefinition, messages } = run(
      scenario(`
services:
  mongo: { image: billmeyer/mongodb, environment: { HAB_MONGODB: '{"mongod": {"net": {"bind_ip": "0.0.0.0"}}}' } }
  haproxy: { image: core/haproxy, environment: { HAB_HAPROXY: "[front-end]\\nport = 80" } }
`),
    );
    expect(messages).toEqual([]);
    expect(containerNamed(taskDefinition, 'haproxy').environment).toContainEqual({
      name: 'HAB_HAPROXY',
      value: '[front-end]\nport = 80',
    });
  });

  it('warns, with its line, about a value that is neither TOML nor JSON', () => {
    const { taskDefinition, messages } = run(
      scenario(`
services:
  mongo:
    image: billmeyer/mongodb
    environment:
      OTHER: "not = = toml"
      HAB_MONGODB: "[mongod.net\\nbind_ip = 0.0.0.0"
`),
    );
    expect(messages).toEqual([
      expect.stringMatching(
        /^docker-compose\.yml:7:20: services\.mongo\.environment\.HAB_MONGODB: HAB_MONGODB of "mongo" is neither TOML nor a JSON object/,
      ),
    ]);
    expect(containerNamed(taskDefinition, 'mongo').environment).toContainEqual({
      name: 'HAB_MONGODB',
      value: '[mongod.net\nbind_ip = 0.0.0.0',
    });
  });
});
