import * as path from 'node:path';
import { loadComposeProject } from '../../src/compose/load';
import { UserError } from '../../src/diagnostics';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'compose');
const MULTI = path.join(FIXTURES, 'multi');
const BASE = path.join(MULTI, 'docker-compose.yml');
const PROD = path.join(MULTI, 'overrides', 'prod.yml');

describe('loadComposeProject', () => {
  const project = loadComposeProject({
    files: [BASE, PROD],
    environment: { FROM_SHELL: 'shell', LOG_LEVEL: 'debug' },
  });

  it('merges files in order like docker compose -f a -f b', () => {
    expect([...project.services.keys()]).toEqual(['web', 'db', 'cache']);
    const web = project.services.get('web')!.definition;
    expect(web).toMatchObject({
      restart: 'always',
      labels: { team: 'habitat' },
      image: 'registry.example/web:1.2.3',
      command: ['--peer', 'db.prod'],
      ports: ['8080:80', '443:443'],
    });
    expect(project.services.get('db')!.definition).toEqual({
      image: 'mongo:4.4',
      volumes: ['data:/data/db'],
    });
    expect(project.volumes).toEqual({ data: {}, cache: {} });
    expect(project.files).toEqual([BASE, PROD]);
    expect(project.workingDir).toBe(MULTI);
  });

  it('folds env_file into environment, the service environment winning', () => {
    const web = project.services.get('web')!.definition;
    expect(web.env_file).toBeUndefined();
    expect(web.environment).toEqual({
      FROM_WEB_ENV: 'web',
      SHARED: 'override-wins',
      LEVEL: 'debug',
      FROM_PROD_ENV: 'prod',
      FROM_COMPOSE: 'compose',
      FROM_SHELL: 'shell',
      PRICE: '$5',
    });
    // A name without a value that is set nowhere is left out, as compose leaves it unset.
    expect(project.services.get('cache')!.definition).toEqual({ image: 'redis', environment: {} });
  });

  it('locates values in the file that won, env-file values in their env file', () => {
    expect(project.locate(['services', 'web', 'command'])).toEqual({ file: PROD, line: 3, column: 5 });
    expect(project.locate(['services', 'web', 'command', 1])).toEqual({ file: PROD, line: 3, column: 25 });
    expect(project.locate(['services', 'web', 'ports', 0])).toEqual({ file: BASE, line: 12, column: 9 });
    expect(project.locate(['services', 'web', 'ports', 1])).toEqual({ file: PROD, line: 5, column: 9 });
    expect(project.locate(['services', 'web', 'restart'])).toEqual({ file: BASE, line: 3, column: 12 });
    expect(project.locate(['services', 'web', 'environment', 'SHARED'])).toEqual({
      file: PROD,
      line: 8,
      column: 9,
    });
    expect(project.locate(['services', 'web', 'environment', 'FROM_PROD_ENV'])).toEqual({
      file: path.join(MULTI, 'prod.env'),
      line: 1,
      column: 1,
    });
    expect(project.locate(['services', 'cache', 'image'])).toEqual({ file: PROD, line: 10, column: 12 });
    expect(project.locate(['services', 'web', 'environment', 'FROM_SHELL'])).toEqual({
      file: BASE,
      line: 20,
      column: 7,
    });
  });

  it('prefers the environment over the .env file', () => {
    const p = loadComposeProject({ files: [BASE], environment: { TAG: 'shell-tag', FROM_SHELL: 'x' } });
    expect(p.services.get('web')!.definition.image).toBe('registry.example/web:shell-tag');
  });

  it('reads an explicit env file instead of .env', () => {
    const files = [path.join(FIXTURES, 'envfile', 'docker-compose.yml')];
    expect(loadComposeProject({ files, environment: {} }).services.get('app')!.definition.image).toBe(
      'app:from-dotenv',
    );
    const explicit = loadComposeProject({
      files,
      environment: {},
      envFile: path.join(FIXTURES, 'envfile', 'ci.env'),
    });
    expect(explicit.services.get('app')!.definition.image).toBe('app:from-explicit');
  });

  it('refuses an explicit env file that does not exist, naming it', () => {
    const files = [path.join(FIXTURES, 'envfile', 'docker-compose.yml')];
    let caught: unknown;
    try {
      loadComposeProject({ files, environment: {}, envFile: 'missing/ci.env' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).diagnostics).toEqual([
      { severity: 'error', message: 'cannot read env file missing/ci.env: no such file', input: 'env-file' },
    ]);
  });

  it('loads a format 1 file', () => {
    const file = path.join(FIXTURES, 'v1', 'docker-compose.yml');
    const p = loadComposeProject({ files: [file], environment: {} });
    expect(Object.fromEntries([...p.services].map(([k, s]) => [k, s.definition]))).toEqual({
      web: { image: 'nginx', links: ['db'], network_mode: 'bridge' },
      db: { image: 'postgres' },
    });
    expect(p.locate(['services', 'db', 'image'])).toEqual({ file, line: 7, column: 10 });
  });

  it('treats keys and variables named like Object members as plain names', () => {
    const p = loadComposeProject({
      files: [path.join(FIXTURES, 'proto', 'docker-compose.yml')],
      environment: {},
    });
    const web = p.services.get('web')!.definition;
    expect(web.image).toBe('app:none');
    expect(Object.keys(web)).toEqual(['image', 'environment']);
    expect(Object.getPrototypeOf(web.environment)).toBe(Object.prototype);
    expect(Object.entries(web.environment as object)).toEqual([
      ['__proto__', 'polluted'],
      ['hasOwnProperty', 'x'],
    ]);
    expect(p.warnings.map((w) => w.message)).toEqual(['unknown service key "constructor" is ignored']);
  });

  it('carries warnings on the project', () => {
    const file = path.join(FIXTURES, 'warnings.yml');
    const p = loadComposeProject({ files: [file], environment: {} });
    expect(p.warnings.map((w) => `${w.location?.line}:${w.location?.column} ${w.message}`)).toEqual([
      '1:10 unknown compose file version "5": it is ignored; use "3.8", "2.4" or leave version: out (compose specification)',
      '5:5 unknown service key "cpu" is ignored; did you mean "cpus"?',
    ]);
    expect(p.services.get('web')!.definition).toEqual({ image: 'nginx' });
  });
});
