import { planVerification } from '../../src/verify/checklist';
import { verifyTarget } from '../support/verify-target';

const SECRET = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf';

const COMPOSE = `version: '2'
services:
  web:
    image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/web:v3
    mem_limit: 256m
    logging:
      driver: awslogs
      options:
        awslogs-group: /ecs/shop
        awslogs-region: eu-west-1
        awslogs-create-group: "true"
  proxy:
    image: nginx:1.25
    mem_limit: 64m
  worker:
    image: acme/worker:1
    mem_limit: 128m
`;

const PARAMS = `version: 1
task_definition:
  task_role_arn: arn:aws:iam::123456789012:role/shop-task
  task_execution_role: shop-exec
  services:
    web:
      secrets:
        - name: DB_URL
          value_from: /shop/db-url
        - name: DB_PASSWORD
          value_from: "${SECRET}:password::"
    proxy:
      repository_credentials:
        credentials_parameter: dockerhub
`;

describe('planVerification', () => {
  const { target, written } = verifyTarget(
    { compose: COMPOSE, params: PARAMS },
    { habitat: ['worker'], service: 'shop' },
  );
  const plan = planVerification(target);
  const at = (file: string, line: number) => expect.objectContaining({ file, line });

  test('roles: by name, at their ecs-params line', () => {
    expect(plan.roles).toEqual([
      {
        kind: 'task',
        name: 'shop-task',
        reference: 'arn:aws:iam::123456789012:role/shop-task',
        place: { path: 'task_definition.task_role_arn', location: at(written.params ?? '', 3) },
      },
      expect.objectContaining({
        kind: 'execution',
        name: 'shop-exec',
        place: expect.objectContaining({ location: at(written.params ?? '', 4) }),
      }),
    ]);
  });

  test('secrets and registry credentials, each at its value_from line, in the region ECS reads them from', () => {
    expect(plan.secrets.map((s) => [s.source, s.place.path, s.place.location?.line])).toEqual([
      [
        { kind: 'ssm', parameter: '/shop/db-url', region: 'us-east-1' },
        'task_definition.services.web.secrets[0].value_from',
        9,
      ],
      [
        { kind: 'secretsmanager', secretId: SECRET, region: 'eu-west-1', jsonKey: 'password' },
        'task_definition.services.web.secrets[1].value_from',
        11,
      ],
      [
        { kind: 'secretsmanager', secretId: 'dockerhub', region: 'us-east-1' },
        'task_definition.services.proxy.repository_credentials.credentials_parameter',
        14,
      ],
    ]);
  });

  test('log groups at their compose line, in the awslogs region', () => {
    expect(plan.logGroups).toEqual([
      {
        name: '/ecs/shop',
        region: 'eu-west-1',
        create: true,
        place: { path: 'services.web.logging.options.awslogs-group', location: at(written.compose, 9) },
      },
    ]);
  });

  test('ECR images this run does not push; a note for public ones; none for the pushed ones', () => {
    expect(plan.images).toEqual([
      {
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/web:v3',
        ecr: {
          registryId: '123456789012',
          region: 'us-east-1',
          repository: 'shop/web',
          id: { imageTag: 'v3' },
        },
        place: { path: 'services.web.image', location: at(written.compose, 4) },
      },
    ]);
    expect(plan.findings).toEqual([
      expect.objectContaining({
        severity: 'notice',
        message:
          'nginx:1.25 will be pulled from Docker Hub with the registry credentials when the task starts',
        location: at(written.compose, 13),
      }),
    ]);
  });

  test('the cluster, with what one EC2 task needs', () => {
    expect(plan.cluster).toEqual({
      name: 'default',
      place: { input: 'cluster' },
      need: { cpu: 0, memory: 448, tcpPorts: [], udpPorts: [] },
      service: 'shop',
    });
    expect(plan.network).toBeUndefined();
  });
});

test('an execution role is needed for secrets, at the first secret', () => {
  const { target, written } = verifyTarget({
    compose: 'services:\n  app:\n    image: nginx\n    mem_limit: 64m\n',
    params:
      'version: 1\ntask_definition:\n  services:\n    app:\n      secrets:\n        - name: A\n          value_from: /a\n',
  });
  const errors = planVerification(target).findings.filter((f) => f.severity === 'error');
  expect(errors).toEqual([
    expect.objectContaining({
      message: expect.stringContaining(
        'ECS needs an execution role for this task (container app has secrets)',
      ),
      path: 'task_definition.services.app.secrets[0].value_from',
      location: expect.objectContaining({ file: written.params, line: 7 }),
    }),
  ]);
});

test('malformed references are errors at their line, found without AWS', () => {
  const { target } = verifyTarget({
    compose: 'services:\n  app:\n    image: nginx\n    mem_limit: 64m\n    logging:\n      driver: awslogs\n',
    params: [
      'version: 1',
      'task_definition:',
      '  task_role_arn: arn:aws:iam::123456789012:user/bob',
      '  task_execution_role: exec',
      '  services:',
      '    app:',
      '      secrets:',
      '        - name: A',
      '          value_from: arn:aws:kms:us-east-1:123456789012:key/1',
      '',
    ].join('\n'),
  });
  const plan = planVerification(target);
  expect(plan.findings.filter((f) => f.severity === 'error').map((f) => [f.path, f.location?.line])).toEqual([
    ['task_definition.task_role_arn', 3],
    ['task_definition.services.app.secrets[0].value_from', 9],
    ['services.app.logging.options', 5],
  ]);
  expect(plan.secrets).toEqual([]);
});

test('awsvpc: subnets and groups at their lines; a public IP on EC2 is an error', () => {
  const params = [
    'version: 1',
    'task_definition:',
    '  ecs_network_mode: awsvpc',
    'run_params:',
    '  network_configuration:',
    '    awsvpc_configuration:',
    '      subnets: [subnet-a, subnet-b]',
    '      security_groups:',
    '        - sg-1',
    '      assign_public_ip: ENABLED',
    '',
  ].join('\n');
  const { target } = verifyTarget({
    compose: 'services:\n  app:\n    image: nginx\n    mem_limit: 64m\n',
    params,
  });
  const plan = planVerification(target);
  expect(plan.network?.subnets.map((s) => [s.id, s.place.path, s.place.location?.line])).toEqual([
    ['subnet-a', 'run_params.network_configuration.awsvpc_configuration.subnets[0]', 7],
    ['subnet-b', 'run_params.network_configuration.awsvpc_configuration.subnets[1]', 7],
  ]);
  expect(plan.network?.securityGroups.map((s) => s.place.location?.line)).toEqual([9]);
  expect(plan.findings).toContainEqual(
    expect.objectContaining({
      severity: 'error',
      path: 'run_params.network_configuration.awsvpc_configuration.assign_public_ip',
    }),
  );
  expect(plan.cluster.need?.tcpPorts).toEqual([]);
});

test('Fargate: the images this run pushes are not looked for, and no room is counted', () => {
  const { target } = verifyTarget(
    {
      compose: 'services:\n  web:\n    image: acme/web\n',
      params:
        'version: 1\ntask_definition:\n  task_execution_role: exec\n  task_size:\n    cpu_limit: 256\n    mem_limit: 512\n',
    },
    { launchType: 'FARGATE', habitat: ['web'] },
  );
  const plan = planVerification(target);
  expect(plan.images).toEqual([]);
  expect(plan.findings).toEqual([]);
  expect(plan.cluster.need).toBeUndefined();
});

test('a build: service is pushed by this run: its ECR image is not looked for', () => {
  const { target } = verifyTarget(
    {
      compose:
        'services:\n  web:\n    build: .\n    image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/web:v1\n    mem_limit: 64m\n',
    },
    { build: true },
  );
  expect(planVerification(target).images).toEqual([]);
});
