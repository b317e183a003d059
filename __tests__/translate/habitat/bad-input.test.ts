import { errorsOf, scenario } from './scenario';

describe('applyHabitat rejects', () => {
  it('an unknown Supervisor flag, at the command line', () => {
    const s = scenario(`
services:
  national-parks:
    image: mattray/national-parks
    command: --peer mongodb --bnd database:mongodb.default
`);
    expect(errorsOf(s)).toEqual([
      'docker-compose.yml:5:14: services.national-parks.command: unknown Supervisor flag "--bnd"; did you mean --bind? (Supervisor arguments of "national-parks")',
    ]);
  });

  it('a flag missing its value', () => {
    const s = scenario(`
services:
  mongo:
    image: billmeyer/mongodb
    command: ["--group", "--permanent-peer"]
`);
    expect(errorsOf(s)).toEqual([
      expect.stringMatching(/^docker-compose\.yml:5:5: .*"--group" needs a value/),
    ]);
  });

  it('a malformed --bind', () => {
    const s = scenario(`
services:
  national-parks: { image: mattray/national-parks, command: --bind database=mongodb.default }
`);
    expect(errorsOf(s)).toEqual([
      expect.stringContaining('"--bind database=mongodb.default": must be <name>:<service>.<group>'),
    ]);
  });

  it.each([
    ['-i 10', '-i is no longer short for --health-check-interval on hab sup run in Habitat 2.x'],
    ['--svc-config-paths /hab/svc', '--svc-config-paths is no longer a flag of hab sup run'],
    ['--peer "[::1]:9638"', 'the Supervisor refuses IPv6 here'],
    ['--listen-gossip localhost:9648', 'the Supervisor does not resolve host names here'],
    ['--listen-http mongo:9631', 'the Supervisor does not resolve host names here'],
    ['--group a --group b', '--group is given twice'],
    ['--group "prod;rm"', 'may contain only letters, digits, "-" and "_"'],
    ['--org "a b"', 'may contain only letters, digits, "-" and "_"'],
  ])('what the Supervisor in the image refuses: %s', (command, message) => {
    const s = scenario(`services: { mongo: { image: billmeyer/mongodb, command: '${command}' } }`);
    expect(errorsOf(s)).toEqual([
      expect.stringMatching(
        new RegExp(`^docker-compose\\.yml:1:\\d+: services\\.mongo\\.command: .*${escape(message)}`),
      ),
    ]);
  });

  it('an environment variable the Supervisor reads in place of a flag, at that variable', () => {
    const s = scenario(`
services:
  mongo:
    image: billmeyer/mongodb
    environment:
      HAB_LISTEN_HTTP: localhost:9631
`);
    expect(errorsOf(s)).toEqual([
      'docker-compose.yml:6:24: services.mongo.environment.HAB_LISTEN_HTTP: HAB_LISTEN_HTTP="localhost:9631", which the Supervisor reads as --listen-http: must be an IP address and port such as 0.0.0.0:9638 ([::]:9638 for IPv6); the Supervisor does not resolve host names here (Supervisor arguments of "mongo")',
    ]);
  });

  it('a value a flag does not take', () => {
    const s = scenario(`services: { mongo: { image: billmeyer/mongodb, command: --topology ring } }`);
    expect(errorsOf(s)).toEqual([
      expect.stringContaining('"--topology ring": must be one of leader, standalone'),
    ]);
  });

  it('a package or program name among Supervisor flags', () => {
    const s = scenario(
      `services: { mongo: { image: billmeyer/mongodb, command: --permanent-peer core/mongodb } }`,
    );
    expect(errorsOf(s)).toEqual([expect.stringContaining('unexpected argument "core/mongodb"')]);
  });

  it('a --peer that names nothing in the task, listing the names that exist', () => {
    for (const launchType of ['EC2', 'FARGATE'] as const) {
      const s = scenario(
        `
services:
  mongo: { image: billmeyer/mongodb, hostname: mongodb }
  national-parks: { image: mattray/national-parks, command: --peer mongodb.internal }
`,
        { launchType },
      );
      expect(errorsOf(s)).toEqual([
        'docker-compose.yml:4:61: services.national-parks.command: --peer mongodb.internal of "national-parks" names nothing in this task, and the Supervisor exits when a peer does not resolve; use one of the container names "mongo", "national-parks" or hostnames "mongodb", or an IP address',
      ]);
    }
  });

  it('a published port that clashes with a Supervisor port under awsvpc, naming both containers', () => {
    const s = scenario(
      `
services:
  mongo: { image: billmeyer/mongodb, command: --listen-http 0.0.0.0:8080 }
  national-parks: { image: mattray/national-parks, ports: ["8080:8080"] }
`,
      { launchType: 'FARGATE' },
    );
    expect(errorsOf(s)).toEqual([
      expect.stringMatching(
        /^docker-compose\.yml:4:60: services\.national-parks\.ports\[0\]: port 8080 is used twice in one network namespace: by "mongo" \(Supervisor http port, from its command\) and by "national-parks" \(a port mapping\)/,
      ),
    ]);
  });

  it('two Supervisors given the same port under awsvpc', () => {
    const s = scenario(
      `
services:
  a: { image: billmeyer/mongodb, command: --listen-gossip 0.0.0.0:9700 }
  b: { image: mattray/national-parks, x-habitat: { ports: { gossip: 9700 } } }
`,
      { launchType: 'FARGATE' },
    );
    expect(errorsOf(s)).toEqual([
      expect.stringMatching(
        /^docker-compose\.yml:4:69: services\.b\.x-habitat\.ports\.gossip: port 9700 is used twice .* by "a" \(Supervisor gossip port, from its command\) and by "b" \(Supervisor gossip port, from x-habitat ports\)/,
      ),
    ]);
  });

  it('a Supervisor port equal to another of its own ports', () => {
    const s = scenario(`services: { a: { image: billmeyer/mongodb, command: --listen-http=0.0.0.0:9638 } }`, {
      launchType: 'FARGATE',
    });
    expect(errorsOf(s)).toEqual([
      expect.stringContaining('port 9638 is used twice in one network namespace: by "a"'),
    ]);
  });

  it('a peer that creates a start-order cycle with depends_on', () => {
    const s = scenario(
      `
services:
  mongo: { image: billmeyer/mongodb, depends_on: [national-parks] }
  national-parks: { image: mattray/national-parks, command: --peer mongo }
`,
      { launchType: 'FARGATE' },
    );
    expect(errorsOf(s)).toEqual([
      expect.stringMatching(
        /^docker-compose\.yml:4:61: .*"national-parks" peers with "mongo", so it must start after "mongo", but "mongo" depends on "national-parks" through depends_on/,
      ),
    ]);
  });

  it('a peer that needs a link back against an existing link (ECS rejects circular links)', () => {
    const s = scenario(`
services:
  mongo: { image: billmeyer/mongodb, links: [national-parks] }
  national-parks: { image: mattray/national-parks, command: --peer mongo }
`);
    expect(errorsOf(s)).toEqual([expect.stringContaining('ECS rejects circular links')]);
  });

  it('invalid x-habitat ports', () => {
    const s = scenario(
      `services: { a: { image: billmeyer/mongodb }, b: { image: mattray/national-parks } }`,
      {
        launchType: 'FARGATE',
      },
    );
    const b = s.habitatServices.get('b');
    if (!b) throw new Error('b is not a Habitat service');
    b.extension = { ports: { http: 70000, ctl: 9.5 } };
    expect(errorsOf(s)).toEqual([
      expect.stringContaining('x-habitat ports.http of "b" is 70000: it must be a port number 1-65535'),
      expect.stringContaining('x-habitat ports.ctl of "b" is 9.5: it must be a port number 1-65535'),
    ]);
  });

  it('every problem at once rather than the first one', () => {
    const s = scenario(`
services:
  a: { image: billmeyer/mongodb, command: --nope }
  b: { image: mattray/national-parks, command: --peer nobody }
`);
    expect(errorsOf(s)).toHaveLength(2);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
