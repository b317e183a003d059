import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { translateProject } from '../../src/translate/project';
import { renderErrors, renderYaml } from './render-helper';

const ARN = 'arn:aws:s3:::my-config/web/prod.env';

describe('env_file from S3: environmentFiles, never read', () => {
  test('an S3 object ARN becomes an environmentFiles entry; a local file is still read into the environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'envfiles-'));
    writeFileSync(join(dir, 'local.env'), 'B=2\n');
    writeFileSync(
      join(dir, 'docker-compose.yml'),
      `services:\n  web:\n    image: nginx\n    mem_limit: 64m\n    env_file:\n      - ./local.env\n      - ${ARN}\n    environment:\n      A: "1"\n`,
    );
    const td = translateProject({
      files: [join(dir, 'docker-compose.yml')],
      launchType: 'EC2',
      family: 'f',
      packages: [],
      registry: '123456789012.dkr.ecr.us-east-1.amazonaws.com',
      imageTag: 'v1',
      habitat: { acceptLicense: true, healthChecks: false },
      environment: {},
    }).taskDefinition;
    const [web] = td.containerDefinitions ?? [];
    expect(web?.environment).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: '2' },
    ]);
    expect(web?.environmentFiles).toEqual([{ value: ARN, type: 's3' }]);
    // In ECS's key order: after environment.
    expect(Object.keys(web ?? {}).indexOf('environmentFiles')).toBe(
      Object.keys(web ?? {}).indexOf('environment') + 1,
    );
  });

  test('a single S3 env_file, in another partition', () => {
    const arn = 'arn:aws-cn:s3:::cfg/app.env';
    const td = renderYaml(
      `services:\n  web:\n    image: nginx\n    mem_limit: 64m\n    env_file: ${arn}\n`,
    ).taskDefinition;
    expect(td.containerDefinitions?.[0]?.environmentFiles).toEqual([{ value: arn, type: 's3' }]);
  });

  test('what ECS refuses is an error at the line: not an object, not *.env, more than 10', () => {
    const many = Array.from({ length: 11 }, (_, i) => `      - arn:aws:s3:::cfg/${i}.env\n`).join('');
    expect(
      renderErrors(
        `services:\n  a:\n    image: nginx\n    mem_limit: 64m\n    env_file: [arn:aws:s3:::cfg]\n  b:\n    image: nginx\n    mem_limit: 64m\n    env_file: arn:aws:s3:::cfg/b.txt\n  c:\n    image: nginx\n    mem_limit: 64m\n    env_file:\n${many}`,
      ),
    ).toEqual([
      'docker-compose.yml:5:16: services.a.env_file[0]: "arn:aws:s3:::cfg" is not an S3 object: ECS reads environment files from S3, as arn:aws:s3:::bucket/key.env',
      'docker-compose.yml:9:15: services.b.env_file[0]: ECS reads only files named *.env; rename b.txt',
      'docker-compose.yml:13:5: services.c.env_file: 11 environment files from S3: ECS takes at most 10 a container',
    ]);
  });
});
