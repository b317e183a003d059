import {
  parseArn,
  parseCredentialsReference,
  parseEcrImage,
  parseRoleReference,
  parseSecretReference,
  registryName,
} from '../../src/verify/references';

const SECRET = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf';

describe('parseSecretReference', () => {
  test.each([
    [
      'a bare name is an SSM parameter in the task region',
      'db-password',
      { kind: 'ssm', parameter: 'db-password', region: 'us-east-1' },
    ],
    [
      'a path name too',
      '/prod/db/password',
      { kind: 'ssm', parameter: '/prod/db/password', region: 'us-east-1' },
    ],
    [
      'an SSM ARN keeps its own region and is looked up as written',
      'arn:aws:ssm:eu-west-1:123456789012:parameter/prod/db',
      { kind: 'ssm', parameter: 'arn:aws:ssm:eu-west-1:123456789012:parameter/prod/db', region: 'eu-west-1' },
    ],
    ['a Secrets Manager ARN', SECRET, { kind: 'secretsmanager', secretId: SECRET, region: 'eu-west-1' }],
    [
      'with a JSON key and empty version fields',
      `${SECRET}:password::`,
      { kind: 'secretsmanager', secretId: SECRET, region: 'eu-west-1', jsonKey: 'password' },
    ],
    [
      'with a version stage only',
      `${SECRET}::AWSPREVIOUS:`,
      { kind: 'secretsmanager', secretId: SECRET, region: 'eu-west-1', versionStage: 'AWSPREVIOUS' },
    ],
    [
      'with every field',
      `${SECRET}:user:AWSCURRENT:0123-abcd`,
      {
        kind: 'secretsmanager',
        secretId: SECRET,
        region: 'eu-west-1',
        jsonKey: 'user',
        versionStage: 'AWSCURRENT',
        versionId: '0123-abcd',
      },
    ],
    [
      'in another partition',
      'arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:x',
      {
        kind: 'secretsmanager',
        secretId: 'arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:x',
        region: 'cn-north-1',
      },
    ],
  ])('%s', (_what, text, expected) => {
    expect(parseSecretReference(text, 'us-east-1')).toEqual({ ok: true, value: expected });
  });

  test.each([
    [`${SECRET}:a:b:c:d`, 'too many fields'],
    ['arn:aws:kms:us-east-1:123456789012:key/abc', 'its ARN is of kms'],
    ['arn:aws:ssm:us-east-1:123456789012:document/x', 'not an SSM parameter ARN'],
    ['arn:aws:secretsmanager:us-east-1:123456789012:secret', 'not a Secrets Manager secret ARN'],
    ['arn:aws:ssm::123456789012:parameter/x', 'has no region'],
    ['arn:nope', 'not a well-formed ARN'],
    ['my secret', 'needs its full ARN'],
  ])('refuses %s', (text, problem) => {
    const parsed = parseSecretReference(text, 'us-east-1');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problem).toContain(problem);
  });
});

test('registry credentials are a Secrets Manager secret, by ARN or by name in the task region', () => {
  expect(parseCredentialsReference('dockerhub', 'us-east-1')).toEqual({
    ok: true,
    value: { kind: 'secretsmanager', secretId: 'dockerhub', region: 'us-east-1' },
  });
  expect(parseCredentialsReference(SECRET, 'us-east-1')).toMatchObject({
    ok: true,
    value: { secretId: SECRET },
  });
  expect(
    parseCredentialsReference('arn:aws:ssm:us-east-1:123456789012:parameter/x', 'us-east-1'),
  ).toMatchObject({
    ok: false,
  });
});

describe('parseRoleReference', () => {
  test.each([
    ['arn:aws:iam::123456789012:role/ecsTaskExecutionRole', 'ecsTaskExecutionRole'],
    ['arn:aws:iam::123456789012:role/service-role/team/app-task', 'app-task'],
    ['app-task', 'app-task'],
  ])('%s is the role %s', (text, name) => {
    expect(parseRoleReference(text)).toEqual({ ok: true, value: { name } });
  });

  test.each(['arn:aws:iam::123456789012:user/bob', 'arn:aws:s3:::bucket/role/x', 'not a role!'])(
    'refuses %s',
    (text) => {
      expect(parseRoleReference(text).ok).toBe(false);
    },
  );
});

describe('parseEcrImage', () => {
  const digest = `sha256:${'a'.repeat(64)}`;
  test.each([
    ['123456789012.dkr.ecr.us-west-2.amazonaws.com/shop/web:v1', 'us-west-2', 'shop/web', { imageTag: 'v1' }],
    ['123456789012.dkr.ecr.us-west-2.amazonaws.com/web', 'us-west-2', 'web', { imageTag: 'latest' }],
    [
      `123456789012.dkr.ecr.eu-west-1.amazonaws.com/web@${digest}`,
      'eu-west-1',
      'web',
      { imageDigest: digest },
    ],
    [
      `123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:v2@${digest}`,
      'eu-west-1',
      'web',
      { imageDigest: digest },
    ],
    ['123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/web:v1', 'cn-north-1', 'web', { imageTag: 'v1' }],
    ['123456789012.dkr.ecr-fips.us-east-1.amazonaws.com/web:v1', 'us-east-1', 'web', { imageTag: 'v1' }],
  ])('%s', (image, region, repository, id) => {
    expect(parseEcrImage(image)).toEqual({ registryId: '123456789012', region, repository, id });
  });

  test.each([
    'nginx:1.25',
    'public.ecr.aws/nginx/nginx:1',
    'ghcr.io/o/app:1',
    'aws_account_id.dkr.ecr.us-east-1.amazonaws.com/x',
  ])('%s is not in a private ECR registry', (image) => {
    expect(parseEcrImage(image)).toBeUndefined();
  });
});

test.each([
  ['nginx:1.25', 'Docker Hub'],
  ['library/nginx', 'Docker Hub'],
  ['public.ecr.aws/nginx/nginx:1', 'ECR Public'],
  ['ghcr.io/o/app:1', 'ghcr.io'],
  ['localhost:5000/app', 'localhost:5000'],
])('%s is pulled from %s', (image, registry) => {
  expect(registryName(image)).toBe(registry);
});

test('parseArn keeps the colons of the resource', () => {
  expect(parseArn(`${SECRET}:k::`)).toEqual({
    partition: 'aws',
    service: 'secretsmanager',
    region: 'eu-west-1',
    account: '123456789012',
    resource: 'secret:prod/db-AbCdEf:k::',
  });
  expect(parseArn('arn:aws:iam')).toBeUndefined();
});
