import * as path from 'node:path';
import { loadComposeProject } from '../../src/compose/load';
import { UserError } from '../../src/diagnostics';

const DIR = path.join(__dirname, '..', 'fixtures', 'compose', 'extends');

describe('extends', () => {
  const project = loadComposeProject({ files: [path.join(DIR, 'docker-compose.yml')], environment: {} });
  const def = (name: string) => project.services.get(name)!.definition;

  it('merges the base service under the extending one, in the same file and along a chain', () => {
    expect(def('web')).toEqual({
      image: 'app:1',
      environment: { LEVEL: 'info', SHARED: 'web' },
      ports: ['80:80', '443:443'],
    });
    expect(def('worker')).toEqual({ ...def('web'), command: ['work'] });
    expect(def('base').ports).toEqual(['80:80']);
  });

  it('reads a base from another file, its paths made relative to the project', () => {
    expect(def('remote')).toEqual({
      image: 'hab/core',
      volumes: ['./common/data:/data', 'named:/named'],
      build: './common/ctx',
      command: ['--peer', 'core'],
      hostname: 'remote',
      environment: { FROM_CORE_ENV: 'yes' },
    });
    expect(project.locate(['services', 'remote', 'image'])).toEqual({
      file: path.join(DIR, 'common', 'services.yml'),
      line: 3,
      column: 12,
    });
    expect(project.locate(['services', 'remote', 'hostname'])?.file).toBe(
      path.join(DIR, 'docker-compose.yml'),
    );
  });

  it('refuses cycles, missing bases and files, and a mapping without service:', () => {
    let caught: unknown;
    try {
      loadComposeProject({ files: [path.join(DIR, 'cycle.yml')], environment: {} });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(UserError);
    const lines = (caught as UserError).diagnostics.map(
      (d) => `${d.location?.line}:${d.location?.column} ${d.path}: ${d.message}`,
    );
    expect(lines).toEqual([
      '3:5 services.a.extends: extends cycle a -> b -> c -> a: remove one of these extends',
      '10:5 services.d.extends: extends: service "nope" not found in this file: name one of a, b, c, d, e, f',
      `13:5 services.e.extends: cannot read compose file ${path.join(DIR, 'missing.yml')}: no such file`,
      '15:5 services.f.extends: extends needs service: naming the service to extend, e.g. {service: base, file: common.yml}',
    ]);
  });
});
