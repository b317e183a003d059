import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatDiagnostic } from '../../src/diagnostics';
import { holdsSecret } from '../../src/translate/secret-names';
import { translateProject } from '../../src/translate/project';

/** The warnings of rendering `compose` (with an app.env beside it), file names relative to its directory. */
function warnings(compose: string, appEnv = '', environment: Record<string, string> = {}): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'secret-env-'));
  writeFileSync(join(dir, 'docker-compose.yml'), compose);
  writeFileSync(join(dir, 'app.env'), appEnv);
  const rendered = translateProject({
    files: [join(dir, 'docker-compose.yml')],
    launchType: 'EC2',
    family: 'test',
    packages: [],
    registry: '123456789012.dkr.ecr.us-east-1.amazonaws.com',
    imageTag: 'v1',
    habitat: { acceptLicense: true, healthChecks: false },
    environment,
  });
  return rendered.warnings.map((w) => formatDiagnostic(w).split(`${dir}/`).join(''));
}

const advice = (name: string, service = 'web') =>
  `${name} looks like a secret: its value would be stored in plain text in the task definition. ` +
  `Remove it here and add {name: ${name}, value_from: <Secrets Manager or SSM parameter ARN>} ` +
  `under task_definition.services.${service}.secrets in ecs-params.yml`;

describe('secret-looking environment variables', () => {
  it('are warned about where their value was written, in compose or in an env_file, value left out', () => {
    const compose = `services:
  web:
    image: nginx
    mem_limit: 256m
    env_file: app.env
    environment:
      DB_PASSWORD: hunter2
      LOG_LEVEL: debug
  worker:
    image: worker
    mem_limit: 256m
    environment:
      - STRIPE_API_KEY=sk_live_abc
      - API_TOKEN=\${TOKEN_FROM_CI}
`;
    const found = warnings(
      compose,
      '# credentials\nAWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI\nREGION=eu-west-1\n',
      {
        TOKEN_FROM_CI: 'ghp_interpolated',
      },
    );
    expect(found).toEqual([
      `app.env:2:1: services.web.environment.AWS_SECRET_ACCESS_KEY: ${advice('AWS_SECRET_ACCESS_KEY')}`,
      `docker-compose.yml:7:20: services.web.environment.DB_PASSWORD: ${advice('DB_PASSWORD')}`,
      `docker-compose.yml:14:9: services.worker.environment.API_TOKEN: ${advice('API_TOKEN', 'worker')}`,
      `docker-compose.yml:13:9: services.worker.environment.STRIPE_API_KEY: ${advice('STRIPE_API_KEY', 'worker')}`,
    ]);
    for (const value of ['hunter2', 'sk_live_abc', 'wJalrXUtnFEMI', 'ghp_interpolated'])
      expect(found.join('\n')).not.toContain(value);
  });

  it('are not warned about when empty, unset, or only a path to the secret', () => {
    const compose = `services:
  web:
    image: nginx
    mem_limit: 256m
    environment:
      DB_PASSWORD: ""
      REDIS_PASSWORD: \${UNSET_IN_CI:-}
      GITHUB_TOKEN:
      MYSQL_ROOT_PASSWORD_FILE: /run/secrets/db
`;
    expect(warnings(compose)).toEqual([]);
  });
});

describe('holdsSecret', () => {
  it.each([
    'DB_PASSWORD',
    'PGPASSWORD',
    'mysql_root_password',
    'LDAP_PASSWD',
    'GPG_PASSPHRASE',
    'REDIS_PASS',
    'PASS',
    'SMTP_PWD',
    'JWT_SECRET',
    'SECRET_KEY_BASE',
    'GITHUB_TOKEN',
    'STRIPE_API_KEY',
    'apiKey',
    'SSH_PRIVATE_KEY',
    'AWS_ACCESS_KEY_ID',
    'GOOGLE_APPLICATION_CREDENTIALS_JSON',
  ])('%s holds a secret', (name) => expect(holdsSecret(name)).toBe(true));

  it.each([
    'PWD',
    'PASSENGER_COUNT',
    'BYPASS_CACHE',
    'COMPASS_URL',
    'LOG_LEVEL',
    'MYSQL_ROOT_PASSWORD_FILE',
    'SSL_PRIVATE_KEY_PATH',
    'PRIMARY_KEY',
  ])('%s does not', (name) => expect(holdsSecret(name)).toBe(false));
});
