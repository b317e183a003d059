import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadComposeProject } from '../../src/compose/load';
import { formatDiagnostic, UserError } from '../../src/diagnostics';
import { translateProject } from '../../src/translate/project';

/**
 * With a root (the action's workspace), the files a compose project names itself (env_file,
 * extends file, the .env beside it) must not lead out of it, by `..`, an absolute path or a symlink.
 */
describe('files the compose project names stay inside the workspace', () => {
  const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'compose-ws-')));
  const ws = path.join(base, 'ws');
  const outside = path.join(base, 'outside');
  fs.mkdirSync(ws);
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'secret.env'), 'AWS_SECRET_ACCESS_KEY=do-not-read\n');
  fs.writeFileSync(path.join(outside, 'base.yml'), 'services:\n  base:\n    image: nginx\n');
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  /** Loads `compose` from a new project directory in the workspace, after `link` made its links there. */
  function load(compose: string, link: (dir: string) => void = () => undefined): string[] {
    const dir = fs.mkdtempSync(path.join(ws, 'project-'));
    const file = path.join(dir, 'docker-compose.yml');
    fs.writeFileSync(file, compose);
    link(dir);
    try {
      loadComposeProject({ files: [file], environment: {}, root: ws });
      return [];
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      return e.diagnostics.map((d) => formatDiagnostic(d).split(`${dir}/`).join(''));
    }
  }

  it('refuses an env_file path with .. that leaves it, at the env_file line', () => {
    expect(load('services:\n  web:\n    image: nginx\n    env_file: ../../outside/secret.env\n')).toEqual([
      `docker-compose.yml:4:15: services.web.env_file: env file ${outside}/secret.env is outside ${ws}: move it into the workspace and fix the path`,
    ]);
  });

  it('refuses an absolute env_file path outside it, even when optional', () => {
    const env = path.join(outside, 'secret.env');
    expect(
      load(
        `services:\n  web:\n    image: nginx\n    env_file:\n      - path: ${env}\n        required: false\n`,
      ),
    ).toEqual([
      `docker-compose.yml:5:15: services.web.env_file: env file ${env} is outside ${ws}: move it into the workspace and fix the path`,
    ]);
  });

  it('refuses an env_file that is a symlink to a file outside, without reading it', () => {
    const problems = load('services:\n  web:\n    image: nginx\n    env_file: web.env\n', (dir) =>
      fs.symlinkSync(path.join(outside, 'secret.env'), path.join(dir, 'web.env')),
    );
    expect(problems).toEqual([
      `docker-compose.yml:4:15: services.web.env_file: env file web.env is a symlink to ${path.join(outside, 'secret.env')}, outside ${ws}: move it into the workspace and fix the path`,
    ]);
    expect(problems.join('\n')).not.toContain('do-not-read');
  });

  it('refuses a .env beside the compose file that links outside', () => {
    expect(
      load('services:\n  web:\n    image: nginx:${TAG}\n', (dir) =>
        fs.symlinkSync(path.join(outside, 'secret.env'), path.join(dir, '.env')),
      ),
    ).toEqual([
      `env file .env is a symlink to ${path.join(outside, 'secret.env')}, outside ${ws}: move it into the workspace`,
    ]);
  });

  it('refuses an extends file outside it, at the extends key', () => {
    expect(
      load('services:\n  web:\n    extends:\n      service: base\n      file: ../../outside/base.yml\n'),
    ).toEqual([
      `docker-compose.yml:3:5: services.web.extends: extends file ${outside}/base.yml is outside ${ws}: move it into the workspace and fix extends.file`,
    ]);
  });

  it('still reads files inside, also up the tree and through links that stay inside', () => {
    fs.writeFileSync(path.join(ws, 'shared.env'), 'A=1\n');
    expect(
      load('services:\n  web:\n    image: nginx\n    env_file: [../shared.env, link.env]\n', (dir) =>
        fs.symlinkSync(path.join(ws, 'shared.env'), path.join(dir, 'link.env')),
      ),
    ).toEqual([]);
  });

  it('is enforced by translateProject when it is given the root', () => {
    const dir = fs.mkdtempSync(path.join(ws, 'render-'));
    fs.writeFileSync(path.join(dir, 'docker-compose.yml'), 'services:\n  web:\n    image: nginx\n');
    fs.symlinkSync(path.join(outside, 'secret.env'), path.join(dir, '.env'));
    const render = (root?: string) =>
      translateProject({
        files: [path.join(dir, 'docker-compose.yml')],
        launchType: 'EC2',
        family: 'web',
        packages: [],
        registry: '123456789012.dkr.ecr.us-east-1.amazonaws.com',
        imageTag: 'v1',
        habitat: { acceptLicense: true, healthChecks: false },
        environment: {},
        ...(root !== undefined && { root }),
      });
    expect(() => render(ws)).toThrow(/\.env is a symlink to .*, outside .*: move it into the workspace$/);
    expect(() => render()).not.toThrow();
  });
});
