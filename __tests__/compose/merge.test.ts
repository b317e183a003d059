import { mergeFiles } from '../../src/compose/merge';
import { locate, toJson, type MapNode } from '../../src/compose/node';
import { parseYaml } from '../../src/compose/yaml';

function tree(text: string, file: string): MapNode {
  const r = parseYaml(text, file);
  if (!r.node || r.node.kind !== 'map') throw new Error(JSON.stringify(r.diagnostics));
  return r.node;
}
function web(base: string, override: string): unknown {
  const merged = mergeFiles(
    tree(`services:\n  web:\n${base}`, 'a.yml'),
    tree(`services:\n  web:\n${override}`, 'b.yml'),
  );
  return (toJson(merged) as { services: { web: unknown } }).services.web;
}

describe('mergeFiles', () => {
  it('merges mappings recursively, the override winning on scalars', () => {
    expect(
      web(
        '    image: a\n    logging:\n      driver: x\n      options: {a: 1}\n',
        '    image: b\n    logging:\n      options: {b: 2}\n',
      ),
    ).toEqual({
      image: 'b',
      logging: { driver: 'x', options: { a: 1, b: 2 } },
    });
  });

  it('replaces command, entrypoint and healthcheck.test', () => {
    expect(
      web(
        '    command: [a, b]\n    entrypoint: [x]\n    healthcheck: {test: [CMD, a], retries: 3}\n',
        '    command: [c]\n    entrypoint: y\n    healthcheck: {test: [CMD, b]}\n',
      ),
    ).toEqual({ command: ['c'], entrypoint: 'y', healthcheck: { test: ['CMD', 'b'], retries: 3 } });
  });

  it('appends other sequences without repeating values', () => {
    expect(
      web('    dns: [1.1.1.1]\n    expose: [80]\n', '    dns: [8.8.8.8, 1.1.1.1]\n    expose: [80, 443]\n'),
    ).toEqual({
      dns: ['1.1.1.1', '8.8.8.8'],
      expose: [80, 443],
    });
  });

  it('merges ports by their unique key', () => {
    expect(
      web(
        '    ports: ["80:80", {target: 443, published: 8443}]\n',
        '    ports: ["80:80", "81:81", {target: 443, published: 8443, protocol: tcp, mode: host}]\n',
      ),
    ).toEqual({ ports: ['80:80', { target: 443, published: 8443, protocol: 'tcp', mode: 'host' }, '81:81'] });
  });

  it('merges volumes, secrets and configs by target', () => {
    expect(
      web(
        '    volumes: ["a:/work", "/tmp", {type: bind, source: ./x, target: /x}]\n    secrets: [s1]\n',
        '    volumes: ["b:/work", {type: volume, source: y, target: /x}, "c:/other:ro"]\n    secrets: [{source: s2, target: s1}, s3]\n',
      ),
    ).toEqual({
      volumes: ['b:/work', '/tmp', { type: 'volume', source: 'y', target: '/x' }, 'c:/other:ro'],
      secrets: [{ source: 's2', target: 's1' }, 's3'],
    });
  });

  it('merges environment-like lists and mappings by key', () => {
    expect(
      web('    labels: [a=1, b=2]\n    sysctls: {x: 1}\n', '    labels: {b: 3}\n    sysctls: [y=2]\n'),
    ).toEqual({
      labels: { a: '1', b: 3 },
      sysctls: { x: 1, y: '2' },
    });
  });

  it('merges depends_on and networks across list and mapping forms, and build string with mapping', () => {
    expect(
      web(
        '    depends_on: [db]\n    networks: [front]\n    build: ./app\n',
        '    depends_on: {cache: {condition: service_healthy}}\n    networks: {back: {aliases: [x]}}\n    build: {dockerfile: Dockerfile.prod}\n',
      ),
    ).toEqual({
      depends_on: { db: { condition: 'service_started' }, cache: { condition: 'service_healthy' } },
      networks: { front: null, back: { aliases: ['x'] } },
      build: { context: './app', dockerfile: 'Dockerfile.prod' },
    });
  });

  it('merges env_file, dns and tmpfs given as a string or a list', () => {
    expect(
      web('    env_file: [a.env]\n    dns: 1.1.1.1\n', '    env_file: b.env\n    dns: 8.8.8.8\n'),
    ).toEqual({
      env_file: ['a.env', 'b.env'],
      dns: ['1.1.1.1', '8.8.8.8'],
    });
  });

  it('honours !reset and !override', () => {
    expect(
      web(
        '    image: a\n    ports: ["80:80"]\n    environment: {A: 1, B: 2}\n',
        '    ports: !override ["90:90"]\n    environment:\n      A: !reset null\n    image: !reset\n',
      ),
    ).toEqual({ ports: ['90:90'], environment: { B: 2 } });
  });

  it('keeps services in first-seen order and adds new ones at the end', () => {
    const merged = mergeFiles(
      tree('services:\n  b: {image: b}\n  a: {image: a}\n', 'a.yml'),
      tree('services:\n  c: {image: c}\n  a: {image: a2}\n', 'b.yml'),
    );
    expect(Object.keys((toJson(merged) as { services: object }).services)).toEqual(['b', 'a', 'c']);
  });

  it('locates each value in the file whose value won', () => {
    const merged = mergeFiles(
      tree('services:\n  web:\n    image: a\n    ports: ["80:80"]\n    hostname: h\n', 'a.yml'),
      tree('services:\n  web:\n    image: b\n    ports:\n      - "81:81"\n', 'b.yml'),
    );
    expect(locate(merged, ['services', 'web', 'image'])).toEqual({ file: 'b.yml', line: 3, column: 12 });
    expect(locate(merged, ['services', 'web', 'hostname'])).toEqual({ file: 'a.yml', line: 5, column: 15 });
    expect(locate(merged, ['services', 'web', 'ports', 0])).toEqual({ file: 'a.yml', line: 4, column: 13 });
    expect(locate(merged, ['services', 'web', 'ports', 1])).toEqual({ file: 'b.yml', line: 5, column: 9 });
  });

  it('lets an override replace a value of another type', () => {
    expect(
      web(
        '    command: [a]\n    ulimits: {nofile: {soft: 1, hard: 2}}\n',
        '    command: run\n    ulimits: {nofile: 10}\n',
      ),
    ).toEqual({
      command: 'run',
      ulimits: { nofile: 10 },
    });
  });
});
