import { canonicalOf, placed, refusals, service } from './load-yaml';

const read = (...lines: string[]) => placed(canonicalOf(service(...lines))) as Record<string, unknown>;
const withB = (...lines: string[]) => `${service(...lines)}  b:\n    image: y\n`;

describe('short forms -> long', () => {
  test('command and entrypoint: a string split like a shell would, a list kept', () => {
    expect(read('command: --peer db --bind "x y"', 'entrypoint: [/init, --quiet]')).toEqual({
      command: { value: ['--peer', 'db', '--bind', 'x y'], at: '4:14 services.a.command' },
      entrypoint: { value: ['/init', '--quiet'], at: '5:5 services.a.entrypoint' },
    });
  });

  test('environment: a list and a mapping give the same entries, each at its own line', () => {
    expect(read('environment: ["A=1", "B=x=y"]').environment).toEqual([
      { key: 'A', value: '1', at: '4:19 services.a.environment.A' },
      { key: 'B', value: 'x=y', at: '4:26 services.a.environment.B' },
    ]);
    expect(read('environment:', '  A: 1', '  B: x=y').environment).toEqual([
      { key: 'A', value: '1', at: '5:10 services.a.environment.A' },
      { key: 'B', value: 'x=y', at: '6:10 services.a.environment.B' },
    ]);
  });

  test('labels and sysctls: a list of "key=value" or a mapping; a name without a value is kept', () => {
    expect(read('labels: ["com.x=1", "flag", "=v"]', 'sysctls:', '  net.core.somaxconn: 1024')).toEqual({
      labels: [
        { key: 'com.x', value: '1', at: '4:14 services.a.labels[0]' },
        { key: 'flag', value: null, at: '4:25 services.a.labels[1]' },
        { key: '=v', value: null, at: '4:33 services.a.labels[2]' },
      ],
      sysctls: [
        { key: 'net.core.somaxconn', value: '1024', at: '6:27 services.a.sysctls.net.core.somaxconn' },
      ],
    });
  });

  test('extra_hosts: "host:ip", "host=ip" (IPv6 without brackets) or a mapping', () => {
    expect(read('extra_hosts: ["db:10.0.0.2", "v6=[::1]"]').extra_hosts).toEqual([
      { hostname: 'db', ip: '10.0.0.2', at: '4:19 services.a.extra_hosts[0]' },
      { hostname: 'v6', ip: '::1', at: '4:34 services.a.extra_hosts[1]' },
    ]);
    expect(read('extra_hosts:', '  db: 10.0.0.2').extra_hosts).toEqual([
      { hostname: 'db', ip: '10.0.0.2', at: '5:11 services.a.extra_hosts.db' },
    ]);
  });

  test('ulimits: a number is both limits', () => {
    expect(read('ulimits:', '  nproc: 65535', '  nofile: { soft: 1024, hard: 4096 }').ulimits).toEqual([
      { name: 'nproc', soft: 65535, hard: 65535, at: '5:14 services.a.ulimits.nproc' },
      { name: 'nofile', soft: 1024, hard: 4096, at: '6:7 services.a.ulimits.nofile' },
    ]);
  });

  test('dns, dns_search, cap_add and friends: one string or a list', () => {
    expect(read('dns: 10.0.0.1', 'dns_search: [a.example, b.example]', 'cap_add: [NET_ADMIN]')).toEqual({
      dns: [{ value: '10.0.0.1', at: '4:10 services.a.dns' }],
      dns_search: [
        { value: 'a.example', at: '5:18 services.a.dns_search[0]' },
        { value: 'b.example', at: '5:29 services.a.dns_search[1]' },
      ],
      cap_add: [{ value: 'NET_ADMIN', at: '6:15 services.a.cap_add[0]' }],
    });
  });

  test('links, devices and networks', () => {
    const compose = withB(
      'links: [b, "b:db"]',
      'devices: ["/dev/fuse", "/dev/sda:/dev/xvda:rw"]',
      'networks: [front, back]',
    );
    expect(placed(canonicalOf(compose))).toEqual({
      links: [
        { service: 'b', at: '4:13 services.a.links[0]' },
        { service: 'b', alias: 'db', at: '4:16 services.a.links[1]' },
      ],
      devices: [
        { source: '/dev/fuse', at: '5:15 services.a.devices[0]' },
        { source: '/dev/sda', target: '/dev/xvda', permissions: 'rw', at: '5:28 services.a.devices[1]' },
      ],
      networks: [
        { value: 'front', at: '6:16 services.a.networks[0]' },
        { value: 'back', at: '6:23 services.a.networks[1]' },
      ],
    });
    expect(read('networks:', '  front:', '    aliases: [x]').networks).toEqual([
      { value: 'front', at: '5:7 services.a.networks.front' },
    ]);
  });

  test('depends_on: a list means service_started', () => {
    expect(placed(canonicalOf(withB('depends_on: [b]')).depends_on)).toEqual([
      { service: 'b', condition: 'service_started', at: '4:18 services.a.depends_on[0]' },
    ]);
    expect(
      placed(canonicalOf(withB('depends_on:', '  b: { condition: service_healthy }')).depends_on),
    ).toEqual([{ service: 'b', condition: 'service_healthy', at: '5:7 services.a.depends_on.b' }]);
  });

  test('logging, or the version 1 log_driver with log_opt', () => {
    expect(read('logging:', '  driver: awslogs', '  options: { tag: web }').logging).toEqual({
      driver: 'awslogs',
      options: [{ key: 'tag', value: 'web', at: '6:23 services.a.logging.options.tag' }],
      at: '4:5 services.a.logging',
    });
    expect(read('log_driver: syslog', 'log_opt:', '  tag:').logging).toEqual({
      driver: 'syslog',
      options: [{ key: 'tag', value: null, at: '6:7 services.a.log_opt.tag' }],
      at: '4:17 services.a.log_driver',
    });
  });
});

describe('healthcheck test forms', () => {
  const test_ = (test: string) => placed(canonicalOf(service('healthcheck:', `  test: ${test}`)).healthcheck);

  test('a string runs in the shell; CMD and CMD-SHELL lists are kept', () => {
    expect(test_('curl -f http://localhost')).toEqual({
      test: ['CMD-SHELL', 'curl -f http://localhost'],
      at: '4:5 services.a.healthcheck',
    });
    expect(test_('["CMD", "true"]')).toEqual({ test: ['CMD', 'true'], at: '4:5 services.a.healthcheck' });
    expect(test_('["CMD-SHELL", "exit 0"]')).toEqual({
      test: ['CMD-SHELL', 'exit 0'],
      at: '4:5 services.a.healthcheck',
    });
  });

  test('NONE, an empty string and disable: true turn the check off', () => {
    const off = { test: 'off', at: '4:5 services.a.healthcheck' };
    expect(test_('["NONE"]')).toEqual(off);
    expect(test_('""')).toEqual(off);
    expect(read('healthcheck:', '  disable: true', '  test: [BAD]').healthcheck).toEqual(off);
  });

  test('no test is valid compose (the image keeps its own): the canonical check has none', () => {
    expect(read('healthcheck:', '  interval: 5s').healthcheck).toEqual({
      interval: { value: '5s', at: '5:17 services.a.healthcheck.interval' },
      at: '4:5 services.a.healthcheck',
    });
  });

  test('timings are kept as written, with their places', () => {
    const check = read(
      'healthcheck:',
      '  test: ["CMD", "true"]',
      '  interval: 10s',
      '  retries: 3',
      '  start_interval: 1s',
    );
    expect(check.healthcheck).toEqual({
      test: ['CMD', 'true'],
      interval: { value: '10s', at: '6:17 services.a.healthcheck.interval' },
      retries: { value: 3, at: '7:16 services.a.healthcheck.retries' },
      start_interval: '8:23 services.a.healthcheck.start_interval',
      at: '4:5 services.a.healthcheck',
    });
  });
});

describe('short forms the canonical pass refuses, once, at their line', () => {
  test.each([
    [
      'command: echo "hi',
      '4:14: services.a.command: has an unterminated double quote; quote or escape it, or write the command as a list',
    ],
    ['extra_hosts: [nohost]', '4:19: services.a.extra_hosts[0]: "nohost" must be "hostname:ip"'],
    [
      'ulimits: { nofile: { soft: 10, hard: 5 } }',
      '4:16: services.a.ulimits.nofile: soft limit 10 is above hard limit 5',
    ],
    [
      'ulimits: { nofile: { soft: 10 } }',
      '4:16: services.a.ulimits.nofile: must be a number or { soft, hard } numbers',
    ],
    [
      'devices: ["dev/sda"]',
      '4:15: services.a.devices[0]: "dev/sda" must be /host/path[:/container/path[:rwm]]',
    ],
    [
      'devices: ["/dev/sda:/dev/x:rwx"]',
      '4:15: services.a.devices[0]: "/dev/sda:/dev/x:rwx" must be /host/path[:/container/path[:rwm]]',
    ],
    [
      'healthcheck: { test: [CMD] }',
      '4:20: services.a.healthcheck.test: must start with CMD (then the command), CMD-SHELL (then one string) or NONE, not "CMD"',
    ],
    [
      'healthcheck: { test: [CMD-SHELL, a, b] }',
      '4:20: services.a.healthcheck.test: CMD-SHELL takes exactly one shell command string',
    ],
  ])('%s', (line, message) => {
    expect(refusals(service(line))).toEqual([`docker-compose.yml:${message}`]);
  });

  test('a depends_on condition compose does not have', () => {
    // Moved from the depends_on translation, which now reads the condition already checked.
    const errors = refusals(withB('depends_on:', '  b: { condition: service_ready }'));
    expect(errors).toEqual([expect.stringMatching(/^docker-compose\.yml:5:23: /)]);
    expect(errors[0]).toMatch(
      /services\.a\.depends_on\.b\.condition: "service_ready" must be one of service_started/,
    );
  });

  test('every refusal of the file at once, service by service', () => {
    const compose = `${service('ports: ["0"]', 'command: "a \'b"')}  b:\n    image: y\n    devices: [x]\n`;
    expect(refusals(compose)).toEqual([
      'docker-compose.yml:5:14: services.a.command: has an unterminated single quote; quote or escape it, or write the command as a list',
      'docker-compose.yml:4:13: services.a.ports[0]: "0": container port 0 out of range 1-65535',
      'docker-compose.yml:8:15: services.b.devices[0]: "x" must be /host/path[:/container/path[:rwm]]',
    ]);
  });
});
