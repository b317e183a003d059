import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../src/diagnostics';
import { loadEcsParams } from '../../src/translate/ecs-params';
import { renderErrors, renderWarnings } from './render-helper';

const FARGATE_PARAMS = `task_definition:
  task_execution_role: ecsTaskExecutionRole
  task_size:
    cpu_limit: 256
    mem_limit: 512
`;

describe('translation rejects what ECS refuses or cannot run, at its compose line', () => {
  test('more than 10 containers in one task (ECS quota): the ones past the tenth, with the fix', () => {
    const services = Array.from({ length: 11 }, (_, i) => `  s${i}:\n    image: nginx\n    mem_limit: 64m\n`);
    expect(renderErrors(`services:\n${services.join('')}`)).toEqual([
      'docker-compose.yml:32:3: services.s10: one task holds at most 10 containers and this file has 11: split the services across two compose files (two task definitions and services)',
    ]);
  });

  test('a health-check timeout over 60 s', () => {
    const compose =
      'services:\n  web:\n    image: nginx\n    healthcheck:\n      test: ["CMD", "true"]\n      timeout: 90s\n';
    expect(renderErrors(compose)).toEqual([
      'docker-compose.yml:6:16: services.web.healthcheck.timeout: 90s is out of the range ECS allows, 2s to 60s',
    ]);
  });

  test('a container memory under 6 MiB', () => {
    expect(renderErrors('services:\n  web:\n    image: nginx\n    mem_limit: 5m\n')).toEqual([
      'docker-compose.yml:4:16: services.web.mem_limit: "5m" is not a memory size of at least 6m (units b, k, m, g)',
    ]);
  });

  test.each([
    ['Nginx:1.25', 'repository names are lower case (nginx)'],
    ['example.com/Team/App', 'repository names are lower case (team/app)'],
    [
      'nginx:-latest',
      'write [registry/]name[:tag][@sha256:digest], the name in lower-case letters, digits and . _ - /',
    ],
  ])('an image reference Docker cannot parse: %s', (image, why) => {
    expect(renderErrors(`services:\n  web:\n    image: ${image}\n    mem_limit: 64m\n`)).toEqual([
      `docker-compose.yml:3:12: services.web.image: "${image}" is not a valid image reference: ${why}`,
    ]);
  });
});

describe('translation rejects', () => {
  test('a host port out of range', () => {
    expect(renderErrors('services:\n  web:\n    image: nginx\n    ports:\n      - "99999:80"\n')).toEqual([
      'docker-compose.yml:5:9: services.web.ports[0]: "99999:80": host port 99999 out of range 1-65535',
    ]);
  });

  test('a port that is not one', () => {
    expect(renderErrors('services:\n  web:\n    image: nginx\n    ports:\n      - "80:http"\n')).toEqual([
      'docker-compose.yml:5:9: services.web.ports[0]: "80:http": container port "http" is not a number or a range like 8000-8002',
    ]);
  });

  test('a protocol other than tcp or udp', () => {
    expect(renderErrors('services:\n  web:\n    image: nginx\n    ports:\n      - "80:80/sctp"\n')).toEqual([
      'docker-compose.yml:5:9: services.web.ports[0]: protocol "sctp" is not supported by ECS; use tcp or udp',
    ]);
  });

  test('port ranges of different lengths', () => {
    expect(
      renderErrors('services:\n  web:\n    image: nginx\n    ports:\n      - "8000-8001:9000-9003"\n'),
    ).toEqual([
      'docker-compose.yml:5:9: services.web.ports[0]: host and container port ranges must have the same length',
    ]);
  });

  test('a memory size with a wrong unit', () => {
    expect(renderErrors('services:\n  web:\n    image: nginx\n    mem_limit: 512x\n')).toEqual([
      'docker-compose.yml:4:16: services.web.mem_limit: "512x" is not a memory size of at least 6m (units b, k, m, g)',
    ]);
  });

  test('a memory reservation above the limit', () => {
    expect(
      renderErrors('services:\n  web:\n    image: nginx\n    mem_limit: 128m\n    mem_reservation: 1g\n'),
    ).toEqual([
      'docker-compose.yml:5:22: services.web.mem_reservation: memory reservation 1024 MiB is above the limit 128 MiB',
    ]);
  });

  test('a depends_on cycle', () => {
    const compose = `services:
  a:
    image: x
    depends_on: [b]
  b:
    image: x
    depends_on: [a]
`;
    expect(renderErrors(compose)).toEqual([
      'docker-compose.yml:7:18: services.b.depends_on[0]: depends_on cycle: a -> b -> a; ECS could never start these containers',
    ]);
  });

  test('depends_on an unknown service', () => {
    expect(renderErrors('services:\n  a:\n    image: x\n    depends_on:\n      - nope\n')).toEqual([
      'docker-compose.yml:5:9: services.a.depends_on[0]: unknown service "nope"; the services are a',
    ]);
  });

  test('Fargate with bridge mode', () => {
    const params = `task_definition:\n  ecs_network_mode: bridge\n${FARGATE_PARAMS.split('\n').slice(1).join('\n')}`;
    expect(
      renderErrors('services:\n  a:\n    image: x\n', { launchType: 'FARGATE', ecsParams: params }),
    ).toEqual([
      'ecs-params.yml:2:3: task_definition.ecs_network_mode: Fargate needs ecs_network_mode awsvpc, not bridge',
    ]);
  });

  test('Fargate with a task size that is not a Fargate pair', () => {
    const params = FARGATE_PARAMS.replace('mem_limit: 512', 'mem_limit: 4096');
    const [only, ...rest] = renderErrors('services:\n  a:\n    image: x\n', {
      launchType: 'FARGATE',
      ecsParams: params,
    });
    expect(rest).toEqual([]);
    expect(only).toMatch(
      /^ecs-params\.yml:3:3: task_definition\.task_size: cpu 256 with memory 4096 MiB is not a Fargate task size; valid pairs \(MiB\): cpu 256: 512, 1024, 2048; cpu 512: 1024-4096 in steps of 1024; /,
    );
  });

  test('Fargate without a task size or an execution role', () => {
    expect(renderErrors('services:\n  a:\n    image: x\n', { launchType: 'FARGATE' })).toEqual([
      expect.stringMatching(
        /^input "launch-type": Fargate needs a task size: set task_definition\.task_size/,
      ),
      'input "launch-type": Fargate needs an execution role to pull images from ECR (and to send awslogs): set task_definition.task_execution_role in ecs-params.yml',
    ]);
  });

  test('a privileged container on Fargate', () => {
    const errors = renderErrors('services:\n  a:\n    image: x\n    privileged: true\n', {
      launchType: 'FARGATE',
      ecsParams: FARGATE_PARAMS,
    });
    expect(errors).toEqual([
      'docker-compose.yml:4:17: services.a.privileged: Fargate does not run privileged containers; remove privileged',
    ]);
  });

  test('a host port that differs from the container port on Fargate', () => {
    const errors = renderErrors('services:\n  a:\n    image: x\n    ports: ["8080:80"]\n', {
      launchType: 'FARGATE',
      ecsParams: FARGATE_PARAMS,
    });
    expect(errors).toEqual([
      'docker-compose.yml:4:13: services.a.ports[0]: host port 8080 differs from container port 80, which awsvpc mode (required by Fargate) does not allow: write "80:80" or just "80"',
    ]);
  });

  test('hostname and links of a non-Habitat service under awsvpc', () => {
    const compose = 'services:\n  a:\n    image: x\n    hostname: a\n    links: [b]\n  b:\n    image: y\n';
    expect(renderErrors(compose, { ecsParams: 'task_definition:\n  ecs_network_mode: awsvpc\n' })).toEqual([
      'docker-compose.yml:5:5: services.a.links: links work only in bridge mode, and this task uses awsvpc: containers of the task reach each other on localhost; remove links and connect to localhost:<port>',
      'docker-compose.yml:4:15: services.a.hostname: ECS does not allow a container hostname in awsvpc mode: remove hostname; other containers of the task reach this one on localhost',
    ]);
  });

  test('healthcheck durations that are not durations, or out of the ECS range', () => {
    const compose = `services:
  a:
    image: x
    healthcheck:
      test: ["CMD", "true"]
      interval: 10 seconds
      timeout: 5m
      retries: 0
`;
    expect(renderErrors(compose)).toEqual([
      'docker-compose.yml:8:16: services.a.healthcheck.retries: must be a whole number from 1 to 10 on ECS',
      'docker-compose.yml:6:17: services.a.healthcheck.interval: "10 seconds" is not a duration; write e.g. 30s or 1m30s',
      'docker-compose.yml:7:16: services.a.healthcheck.timeout: 5m is out of the range ECS allows, 2s to 60s',
    ]);
  });

  test('a healthcheck without a test, which ECS cannot take from the image', () => {
    expect(renderErrors('services:\n  a:\n    image: x\n    healthcheck:\n      interval: 5s\n')).toEqual([
      'docker-compose.yml:4:5: services.a.healthcheck.test: must be a string, or a list starting with CMD, CMD-SHELL or NONE',
    ]);
  });

  test('malformed ecs-params: bad YAML', () => {
    const errors = renderErrors('services:\n  a:\n    image: x\n', {
      ecsParams: 'task_definition:\n  services: [\n',
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^ecs-params\.yml:3:1: /);
  });

  test('malformed ecs-params: wrong types and values', () => {
    const params = `task_definition:
  ecs_network_mode: overlay
  services:
    a:
      essential: maybe
      depends_on:
        - container_name: a
          condition: READY
`;
    expect(renderErrors('services:\n  a:\n    image: x\n', { ecsParams: params })).toEqual([
      'ecs-params.yml:5:7: task_definition.services.a.essential: must be true or false',
      'ecs-params.yml:8:11: task_definition.services.a.depends_on[0].condition: "READY" must be one of START, COMPLETE, SUCCESS, HEALTHY',
      'ecs-params.yml:2:3: task_definition.ecs_network_mode: "overlay" must be one of bridge, host, awsvpc, none',
    ]);
  });

  test('ecs-params naming a service the compose file does not have: a warning there, as ecs-cli skips it', () => {
    const params = 'task_definition:\n  services:\n    ghost:\n      essential: false\n';
    expect(
      renderWarnings('services:\n  a:\n    image: x\n    mem_limit: 64m\n', { ecsParams: params }),
    ).toEqual([
      'ecs-params.yml:3:5: task_definition.services.ghost: ignored: no compose service is named "ghost"',
    ]);
  });

  test('network_mode host on a bridge task', () => {
    expect(renderErrors('services:\n  a:\n    image: x\n    network_mode: host\n')).toEqual([
      'docker-compose.yml:4:19: services.a.network_mode: network_mode "host" differs from the task\'s network mode "bridge": set task_definition.ecs_network_mode: host in ecs-params.yml, or remove network_mode',
    ]);
  });

  test('a command with an unterminated quote', () => {
    expect(renderErrors('services:\n  a:\n    image: x\n    command: echo "hi\n')).toEqual([
      'docker-compose.yml:4:14: services.a.command: has an unterminated double quote; quote or escape it, or write the command as a list',
    ]);
  });

  test('a relative bind mount and a tmpfs without size', () => {
    const compose = 'services:\n  a:\n    image: x\n    volumes: ["./data:/data"]\n    tmpfs: /run\n';
    expect(renderErrors(compose)).toEqual([
      'docker-compose.yml:4:15: services.a.volumes[0]: host path "./data" is relative to your machine, but on ECS it would be read on the container instance: use an absolute path that exists there, or a named volume',
      'docker-compose.yml:5:12: services.a.tmpfs: ECS needs a size for tmpfs /run: write "/run:size=64m"',
    ]);
  });

  test('a service with no image', () => {
    expect(renderErrors('services:\n  a:\n    build: .\n')).toEqual([
      "docker-compose.yml:3:12: services.a.build: ECS runs images, not builds: set image: to a pushed image, or name this service's Habitat package (x-habitat.package)",
    ]);
  });

  test('HEALTHY dependency on a container without a healthcheck', () => {
    const params = `task_definition:
  services:
    a:
      depends_on:
        - container_name: b
          condition: HEALTHY
`;
    expect(
      renderErrors('services:\n  a:\n    image: x\n  b:\n    image: y\n', { ecsParams: params }),
    ).toEqual([
      'docker-compose.yml:2:3: services.a.depends_on: waits for b to be healthy, but b has no healthcheck',
    ]);
  });

  test('a task family ECS does not take, named by its input', () => {
    expect(renderErrors('services:\n  a:\n    image: x\n', { family: 'web.app' })).toEqual([
      'input "task-family": "web.app" is not a task family: use 1-255 letters, digits, - and _',
    ]);
  });
});

describe('hostile input', () => {
  const BOMB = ['a: &a [x, x, x, x, x, x, x, x, x]']
    .concat(
      'bcdefgh'.split('').map((n, i) => `${n}: &${n} [${`*${'abcdefg'[i]}, `.repeat(8)}*${'abcdefg'[i]}]`),
    )
    .join('\n');

  test('an alias bomb in ecs-params.yml, refused at its line instead of crashing', () => {
    const errors = renderErrors('services:\n  a:\n    image: x\n', {
      ecsParams: `${BOMB}\ntask_definition:\n  services:\n    a:\n      gpu: *h\n`,
    });
    expect(errors).toEqual([
      expect.stringMatching(/^ecs-params\.yml:\d+:\d+: aliases expand to more than 10000 nodes/),
    ]);
  });

  test('an alias to no anchor in ecs-params.yml', () => {
    expect(
      renderErrors('services:\n  a:\n    image: x\n', { ecsParams: 'task_definition:\n  services: *base\n' }),
    ).toEqual(['ecs-params.yml:2:13: unknown alias *base: define the anchor &base before using it']);
  });

  test('an ecs-params.yml that is not a mapping, still named', () => {
    expect(renderErrors('services:\n  a:\n    image: x\n', { ecsParams: '- task_definition\n' })).toEqual([
      'ecs-params.yml:1:1: must be a mapping with version, task_definition, run_params',
    ]);
  });

  test('an ecs-params.yml over 1 MiB, before parsing it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'params-')), 'ecs-params.yml');
    writeFileSync(file, `task_definition:\n${'# padding\n'.repeat(120_000)}`);
    expect(() => loadEcsParams(file)).toThrow(
      new UserError({
        severity: 'error',
        message: `${file} is 1.1 MiB; compose, env and ecs-params files are limited to 1 MiB`,
        location: { file, line: 1, column: 1 },
        input: 'ecs-params',
      }),
    );
  });

  test('a service name ECS cannot take as a container name', () => {
    expect(renderErrors('services:\n  web.v1:\n    image: x\n')).toEqual([
      'docker-compose.yml:2:3: services.web.v1: "web.v1" cannot name an ECS container, which takes up to 255 letters, digits, "-" and "_": rename the service',
    ]);
  });

  test('an image with a space, a newline or a shell metacharacter', () => {
    expect(
      renderErrors(
        'services:\n  a:\n    image: "nginx; rm -rf /"\n  b:\n    image: "nginx\\n:latest"\n  c:\n    image: $$(id)\n',
      ),
    ).toEqual([
      'docker-compose.yml:3:12: services.a.image: "nginx; rm -rf /" is not an image ECS accepts: up to 255 letters, digits and . _ - : / # @',
      'docker-compose.yml:5:12: services.b.image: "nginx\\n:latest" is not an image ECS accepts: up to 255 letters, digits and . _ - : / # @',
      'docker-compose.yml:7:12: services.c.image: "$(id)" is not an image ECS accepts: up to 255 letters, digits and . _ - : / # @',
    ]);
  });
});

describe('launch-type rules point into ecs-params.yml', () => {
  test('a missing task size and role on Fargate, at task_definition', () => {
    const errors = renderErrors('services:\n  a:\n    image: x\n', {
      launchType: 'FARGATE',
      ecsParams: 'version: 1\ntask_definition:\n  pid_mode: host\n',
    });
    expect(errors).toEqual([
      expect.stringMatching(/^ecs-params\.yml:2:1: task_definition\.task_size: Fargate needs a task size/),
      'ecs-params.yml:3:3: task_definition.pid_mode: Fargate does not allow pid_mode host',
      'ecs-params.yml:2:1: task_definition: Fargate needs an execution role to pull images from ECR (and to send awslogs): set task_definition.task_execution_role in ecs-params.yml',
    ]);
  });

  test('a remapped port in host mode', () => {
    const errors = renderErrors('services:\n  a:\n    image: x\n    ports: ["8080:80"]\n', {
      ecsParams: 'task_definition:\n  ecs_network_mode: host\n',
    });
    expect(errors).toEqual([
      'docker-compose.yml:4:13: services.a.ports[0]: host port 8080 differs from container port 80, which host mode does not allow: write "80:80" or just "80"',
    ]);
  });
});
