import { canonicalOf, placed, refusals, service } from './load-yaml';

const ports = (...entries: string[]) =>
  placed(canonicalOf(service('ports:', ...entries.map((e) => `  - ${e}`))).ports);
const one = (n: number) => ({ first: n, last: n });

describe('ports: short syntax -> long', () => {
  test('a container port, alone or as a number', () => {
    expect(ports('"80"', '9000')).toEqual([
      { target: one(80), protocol: 'tcp', at: '5:9 services.a.ports[0]' },
      { target: one(9000), protocol: 'tcp', at: '6:9 services.a.ports[1]' },
    ]);
  });

  test('host and container, a protocol in any case, a host IP (IPv6 in brackets)', () => {
    expect(ports('"8080:80"', '"53:53/UDP"', '"127.0.0.1:8080:80"', '"[::1]:9000:9000/tcp"')).toEqual([
      { target: one(80), published: one(8080), protocol: 'tcp', at: '5:9 services.a.ports[0]' },
      { target: one(53), published: one(53), protocol: 'udp', at: '6:9 services.a.ports[1]' },
      {
        target: one(80),
        published: one(8080),
        host_ip: '127.0.0.1',
        protocol: 'tcp',
        at: '7:9 services.a.ports[2]',
      },
      {
        target: one(9000),
        published: one(9000),
        host_ip: '::1',
        protocol: 'tcp',
        at: '8:9 services.a.ports[3]',
      },
    ]);
  });

  test('ranges stay ranges; an empty host side leaves the host port to the engine', () => {
    expect(ports('"8000-8002:9000-9002"', '"127.0.0.1::80"')).toEqual([
      {
        target: { first: 9000, last: 9002 },
        published: { first: 8000, last: 8002 },
        protocol: 'tcp',
        at: '5:9 services.a.ports[0]',
      },
      { target: one(80), host_ip: '127.0.0.1', protocol: 'tcp', at: '6:9 services.a.ports[1]' },
    ]);
  });

  test('the long syntax reads into the same shape', () => {
    expect(
      ports(
        '{ target: 80, published: "8080", protocol: UDP, host_ip: 10.0.0.1, mode: host }',
        '{ target: "9000-9001" }',
      ),
    ).toEqual([
      {
        target: one(80),
        published: one(8080),
        host_ip: '10.0.0.1',
        protocol: 'udp',
        at: '5:9 services.a.ports[0]',
      },
      { target: { first: 9000, last: 9001 }, protocol: 'tcp', at: '6:9 services.a.ports[1]' },
    ]);
  });
});

describe('ports the canonical pass refuses, once, at their line', () => {
  test.each([
    ['"99999:80"', 'services.a.ports[0]: "99999:80": host port 99999 out of range 1-65535'],
    [
      '"80:http"',
      'services.a.ports[0]: "80:http": container port "http" is not a number or a range like 8000-8002',
    ],
    [
      '"1:2:3:4"',
      'services.a.ports[0]: "1:2:3:4" is not a port; write [host_ip:][host:]container[/protocol], e.g. "8080:80"',
    ],
    [
      '"[::1]:80"',
      'services.a.ports[0]: "[::1]:80" is not a port; write [host_ip:][host:]container[/protocol], e.g. "8080:80"',
    ],
    ['"9002-9000"', 'services.a.ports[0]: port range 9002-9000 ends before it starts'],
    [
      '"8000-8001:9000-9003"',
      'services.a.ports[0]: host and container port ranges must have the same length',
    ],
  ])('%s', (entry, message) => {
    expect(refusals(service('ports:', `  - ${entry}`))).toEqual([`docker-compose.yml:5:9: ${message}`]);
  });

  test('a long-syntax port out of range, at its target', () => {
    expect(refusals(service('ports:', '  - { target: 0 }'))).toEqual([
      'docker-compose.yml:5:19: services.a.ports[0].target: "0": container port 0 out of range 1-65535',
    ]);
  });

  test('a long-syntax port without target, or with a mode compose does not know', () => {
    expect(refusals(service('ports:', '  - published: 80', '  - { target: 80, mode: swarm }'))).toEqual([
      'docker-compose.yml:5:9: services.a.ports[0].target: a long-syntax port needs target (the container port)',
      'docker-compose.yml:6:29: services.a.ports[1].mode: must be host or ingress',
    ]);
  });
});
