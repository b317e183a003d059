import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadComposeProject } from '../../src/compose/load';
import { credentialGuard, isRunnerCredential } from '../../src/compose/runner-credentials';
import { UserError } from '../../src/diagnostics';

// The job's credentials never reach a task definition through interpolation.

const runner = {
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI-secret-key',
  AWS_SESSION_TOKEN: 'FwoGZXIvYXdzEXAMPLE-session',
  GITHUB_TOKEN: 'ghs_runner_token_value',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'eyJ0eXAiOiJKV1Qi-oidc',
  ACTIONS_RUNTIME_TOKEN: 'eyJ0eXAiOiJKV1Qi-runtime',
  ACTIONS_STEP_DEBUG: 'true',
  COPY_OF_KEY: 'wJalrXUtnFEMI-secret-key',
  HOME: '/home/runner',
  FLAG: 'true',
  RELEASE: 'v1.2.3',
};
const MASKED = 'ecr-password-that-was-masked';

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creds-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

function load(dir: string, env: Record<string, string> = runner, allow: string[] = []) {
  return loadComposeProject({
    files: [path.join(dir, 'docker-compose.yml')],
    environment: env,
    refuseVariable: credentialGuard({
      environment: env,
      masked: [MASKED],
      allow,
      howToAllow: (name) => `allow it with the input allow-interpolation: ${name}`,
    }),
  });
}

/** `file:line:column message` of each error. */
function errors(dir: string, env?: Record<string, string>): string[] {
  try {
    load(dir, env);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return e.diagnostics.map(
      (d) =>
        `${path.basename(d.location?.file ?? '?')}:${d.location?.line}:${d.location?.column} ${d.message}`,
    );
  }
  throw new Error('expected a UserError');
}

function environmentOf(dir: string, env?: Record<string, string>, allow?: string[]) {
  return load(dir, env, allow).services.get('web')?.definition.environment;
}

describe('interpolating the runner environment', () => {
  it.each([
    ['${AWS_SECRET_ACCESS_KEY}', 'AWS_SECRET_ACCESS_KEY is a credential of this job'],
    ['$AWS_SESSION_TOKEN', 'AWS_SESSION_TOKEN is a credential of this job'],
    ['Bearer ${GITHUB_TOKEN:-none}', 'GITHUB_TOKEN is a credential of this job'],
    ['${ACTIONS_ID_TOKEN_REQUEST_TOKEN}', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN is a credential of this job'],
    ['${ACTIONS_RUNTIME_TOKEN}', 'ACTIONS_RUNTIME_TOKEN is a credential of this job'],
    ['${COPY_OF_KEY}', 'the value of COPY_OF_KEY is a credential of this job (or a value the action masks)'],
  ])('refuses %s at its $, saying how to allow it', (value, why) => {
    const dir = project({
      'docker-compose.yml': `services:\n  web:\n    image: nginx\n    environment:\n      X: "${value}"\n`,
    });
    const column = 11 + value.indexOf('$');
    expect(errors(dir)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^docker-compose\\.yml:5:${column} ${why.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: taken from the runner's environment, it would be stored in plain text in the task definition \\(or a built image's history\\)\\. .*allow-interpolation: [A-Z_]+$`,
        ),
      ),
    ]);
  });

  it('refuses a value the action masks, under any name', () => {
    const dir = project({
      'docker-compose.yml':
        'services:\n  web:\n    image: nginx\n    command: ["--token", "${REGISTRY_PASSWORD}"]\n',
    });
    expect(errors(dir, { ...runner, REGISTRY_PASSWORD: MASKED })).toEqual([
      expect.stringContaining(
        'docker-compose.yml:4:27 the value of REGISTRY_PASSWORD is a credential of this job (or a value the action masks)',
      ),
    ]);
  });

  it('refuses a bare name in environment: at the name, and in an env_file or .env: at their line', () => {
    const dir = project({
      'docker-compose.yml':
        'services:\n  web:\n    image: nginx\n    env_file: web.env\n    environment:\n      - GITHUB_TOKEN\n      - HOME\n',
      'web.env': 'A=1\nAWS_SESSION_TOKEN\nB=${AWS_SECRET_ACCESS_KEY}\n',
      '.env': 'TAG=${ACTIONS_RUNTIME_TOKEN}\n',
    });
    expect(errors(dir).map((e) => e.split(': taken')[0])).toEqual([
      '.env:1:1 ACTIONS_RUNTIME_TOKEN is a credential of this job',
    ]);
    fs.writeFileSync(path.join(dir, '.env'), 'TAG=1\n');
    expect(errors(dir).map((e) => e.split(': taken')[0])).toEqual([
      'web.env:2:1 AWS_SESSION_TOKEN is a credential of this job',
      'web.env:3:1 AWS_SECRET_ACCESS_KEY is a credential of this job',
      'docker-compose.yml:6:9 GITHUB_TOKEN is a credential of this job',
    ]);
  });

  it('refuses a bare build arg that names a credential, or holds one, at its name; takes the others as NAME=value', () => {
    const dir = project({
      'docker-compose.yml':
        'services:\n  web:\n    build:\n      context: .\n      args: [AWS_SECRET_ACCESS_KEY, COPY_OF_KEY, RELEASE, UNSET_HERE, "SET=1"]\n  api:\n    build:\n      context: .\n      args:\n        GITHUB_TOKEN:\n        RELEASE:\n',
    });
    expect(errors(dir).map((e) => e.split(': taken')[0])).toEqual([
      'docker-compose.yml:5:14 build arg AWS_SECRET_ACCESS_KEY: AWS_SECRET_ACCESS_KEY is a credential of this job',
      'docker-compose.yml:5:37 build arg COPY_OF_KEY: the value of COPY_OF_KEY is a credential of this job (or a value the action masks)',
      'docker-compose.yml:10:9 build arg GITHUB_TOKEN: GITHUB_TOKEN is a credential of this job',
    ]);
    const allowed = load(dir, runner, ['AWS_SECRET_ACCESS_KEY', 'COPY_OF_KEY', 'GITHUB_TOKEN']);
    const args = (name: string) =>
      allowed.services.get(name)?.canonical.build?.args.map((a) => [a.key, a.value]);
    expect(args('web')).toEqual([
      ['AWS_SECRET_ACCESS_KEY', runner.AWS_SECRET_ACCESS_KEY],
      ['COPY_OF_KEY', runner.COPY_OF_KEY],
      ['RELEASE', 'v1.2.3'],
      ['SET', '1'],
    ]);
    expect(args('api')).toEqual([
      ['GITHUB_TOKEN', runner.GITHUB_TOKEN],
      ['RELEASE', 'v1.2.3'],
    ]);
  });

  it('takes what is not the job credentials, what the user allowed, and what the env files themselves say', () => {
    const dir = project({
      'docker-compose.yml':
        'services:\n  web:\n    image: nginx\n    environment:\n      HOME_DIR: ${HOME}\n      FLAG: ${FLAG}\n      RELEASE: ${RELEASE}\n      TOKEN: ${GITHUB_TOKEN}\n      FROM_DOTENV: ${HAB_AUTH_TOKEN}\n',
      // Not from the runner: the repository's own .env, which is the user's to write.
      '.env': 'HAB_AUTH_TOKEN=literal-from-the-env-file\n',
    });
    expect(environmentOf(dir, runner, ['GITHUB_TOKEN'])).toEqual({
      HOME_DIR: '/home/runner',
      FLAG: 'true',
      RELEASE: 'v1.2.3',
      TOKEN: 'ghs_runner_token_value',
      FROM_DOTENV: 'literal-from-the-env-file',
    });
  });

  it('names the principle: the credential variables of AWS, GitHub, the runner and Habitat', () => {
    for (const name of ['AWS_ACCESS_KEY_ID', 'GH_TOKEN', 'ACTIONS_CACHE_URL', 'HAB_AUTH_TOKEN'])
      expect(isRunnerCredential(name)).toBe(true);
    for (const name of ['AWS_REGION', 'GITHUB_SHA', 'GITHUB_REF_NAME', 'RUNNER_OS', 'HOME'])
      expect(isRunnerCredential(name)).toBe(false);
  });
});

test('a value masked after the guard was made is refused too: the action masks the ECR password at login', () => {
  const masked = new Set<string>();
  const refuse = credentialGuard({ environment: {}, masked, allow: [], howToAllow: () => '' });
  expect(refuse('PASSWORD', 'later-masked-ecr-password')).toBeUndefined();
  masked.add('later-masked-ecr-password');
  expect(refuse('PASSWORD', 'later-masked-ecr-password')).toMatch(/a value the action masks/);
  // Short values are never taken for secrets, masked or not.
  masked.add('true');
  expect(refuse('FLAG', 'true')).toBeUndefined();
});
