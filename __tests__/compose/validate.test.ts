import type { MapNode } from '../../src/compose/node';
import { toJson } from '../../src/compose/node';
import { validateFile } from '../../src/compose/validate';
import { parseYaml } from '../../src/compose/yaml';

function root(text: string): MapNode {
  const r = parseYaml(text, 'c.yml');
  if (r.node?.kind !== 'map') throw new Error('not a map');
  return r.node;
}
const problems = (text: string) =>
  validateFile(root(text)).map(
    (d) => `${d.severity} ${d.location?.line}:${d.location?.column} ${d.path}: ${d.message}`,
  );

describe('validateFile', () => {
  it('takes depends_on and networks in their list and mapping forms', () => {
    const text = [
      'services:',
      '  web:',
      '    image: nginx',
      '    depends_on: {db: {condition: service_healthy, restart: true}, cache: {condition: service_started}}',
      '    networks: {front: {aliases: [www]}, back: null}',
      '  worker:',
      '    image: w',
      '    depends_on: [db]',
      '    networks: [back]',
    ].join('\n');
    expect(problems(text)).toEqual([]);
    expect(problems('services:\n  web:\n    image: x\n    depends_on: {db: {condition: [1]}}\n')).toEqual([
      'error 4:34 services.web.depends_on.db.condition: expected a string, found a list',
    ]);
  });

  it('accepts a broad valid file', () => {
    const text = [
      'name: shop',
      'x-anything: {a: 1}',
      'services:',
      '  web.1_a-b:',
      '    image: nginx',
      '    command: ["--peer", "db"]',
      '    environment: [A=1, B]',
      '    ports: ["80:80", 443, {target: 9631, published: "9631"}]',
      '    healthcheck: {test: [CMD, "true"], retries: "3", disable: "false"}',
      '    ulimits: {nofile: {soft: 1, hard: 2}, nproc: 5}',
      '    env_file: [a.env, {path: b.env, required: false}]',
      '    privileged: "true"',
      '    x-custom: anything',
      '  db:',
      '    image: mongo',
      '    environment: {A: 1, B: true, C: null}',
      'volumes:',
      '  data:',
      '  other: {driver: local}',
      'networks:',
    ].join('\n');
    expect(problems(text)).toEqual([]);
  });

  it('says what is wrong and what would be right, with the key path', () => {
    const text = [
      'services:',
      '  web:',
      '    image: 5',
      '    ports: 8080',
      '    environment: 5',
      '    command: {a: 1}',
      '    privileged: maybe',
      '    healthcheck: {retries: many}',
      '    expose: [[80]]',
    ].join('\n');
    expect(problems(text)).toEqual([
      'error 3:12 services.web.image: expected a string, found the number 5',
      'error 4:12 services.web.ports: expected a list of ports, e.g. ["8080:80"], found the number 8080',
      'error 5:18 services.web.environment: expected a mapping of NAME: value or a list of "NAME=value", found the number 5',
      'error 6:14 services.web.command: expected a string or a list of arguments, e.g. ["--peer", "db"], found a mapping',
      'error 7:17 services.web.privileged: expected true or false, found the string "maybe"',
      'error 8:28 services.web.healthcheck.retries: expected a number, found the string "many"',
      'error 9:14 services.web.expose[0]: expected a string or a number, found a list',
    ]);
  });

  it('checks inside list items', () => {
    expect(
      problems(
        'services:\n  web:\n    ports:\n      - "80:80"\n      - [1]\n    environment: [A=1, {B: 2}]\n',
      ),
    ).toEqual([
      'error 5:9 services.web.ports[1]: expected a port such as "8080:80", 80 or {target: 80, published: 8080}, found a list',
      'error 6:24 services.web.environment[1]: expected a string, found a mapping',
    ]);
  });

  it('refuses unknown top-level keys with a suggestion, and include', () => {
    expect(
      problems('servces: {}\ninclude: [a.yml]\nservices:\n  web: {image: a, extends: [base]}\n'),
    ).toEqual([
      'error 1:1 servces: unknown top-level key "servces"; did you mean "services"? (allowed: version, name, services, volumes, networks, secrets, configs, include, models, or x-* for extensions)',
      'error 2:1 include: include: is not supported: pass the included files as additional compose files instead',
      'error 4:28 services.web.extends: expected a service name or {service: name, file: other.yml}, found a list',
    ]);
  });

  it('casts strings where a key takes only a number or a boolean, as compose does', () => {
    const r = root(
      'services:\n  web:\n    privileged: "TRUE"\n    healthcheck: {retries: "3"}\n    cpus: "0.5"\n',
    );
    expect(validateFile(r)).toEqual([]);
    expect(toJson(r)).toEqual({
      services: { web: { privileged: true, healthcheck: { retries: 3 }, cpus: '0.5' } },
    });
  });

  it('warns about unknown service keys and drops them', () => {
    const r = root('services:\n  web:\n    image: a\n    imgae: b\n    frobnicate: 1\n');
    expect(
      validateFile(r).map(
        (d) => `${d.severity} ${d.location?.line}:${d.location?.column} ${d.path}: ${d.message}`,
      ),
    ).toEqual([
      'warning 4:5 services.web.imgae: unknown service key "imgae" is ignored; did you mean "image"?',
      'warning 5:5 services.web.frobnicate: unknown service key "frobnicate" is ignored',
    ]);
    expect(toJson(r)).toEqual({ services: { web: { image: 'a' } } });
  });

  it('refuses service names that are not plain words', () => {
    expect(
      problems('services:\n  "web;rm -rf /": {image: a}\n  "$(x)": {image: b}\n  ok: {image: c}\n'),
    ).toEqual([
      'error 2:3 services["web;rm -rf /"]: invalid service name "web;rm -rf /": use only letters, digits, ".", "_" and "-"',
      'error 3:3 services["$(x)"]: invalid service name "$(x)": use only letters, digits, ".", "_" and "-"',
    ]);
  });

  it('refuses services: or a service that is not a mapping', () => {
    expect(problems('services: [web]\n')[0]).toMatch(
      /^error 1:11 services: expected a mapping of service names to their definitions \(e.g. web: \{image: nginx\}\), found a list$/,
    );
    expect(problems('services:\n  web: nginx\n')).toEqual([
      'error 2:8 services.web: a service must be a mapping of keys such as image: and ports:, found the string "nginx"',
    ]);
    expect(problems('volumes: [a]\n')).toEqual(['error 1:10 volumes: expected a mapping, found a list']);
  });
});
