import { join } from 'node:path';
import { formatDiagnostic } from '../../src/diagnostics';
import { loadEcsParams, parseEcsParams } from '../../src/translate/ecs-params';
import { renderYaml } from './render-helper';

describe('ecs-params.yml', () => {
  test('task settings and run_params of the awsvpc golden fixture', () => {
    const params = loadEcsParams(
      join(__dirname, '..', 'fixtures', 'golden', 'awsvpc-ecs-params', 'ecs-params.yml'),
    );
    expect(params).toMatchObject({
      networkMode: 'awsvpc',
      taskRoleArn: 'arn:aws:iam::123456789012:role/app-task',
      executionRoleArn: 'ecsTaskExecutionRole',
      cpu: '1024',
      memory: '2048',
      warnings: [],
    });
    expect(params.runParams).toEqual({
      networkConfiguration: {
        awsvpcConfiguration: {
          subnets: ['subnet-0abc', 'subnet-0def'],
          securityGroups: ['sg-0123'],
          assignPublicIp: 'DISABLED',
        },
      },
      serviceDiscovery: {
        containerName: 'web',
        containerPort: 80,
        privateDnsNamespace: { vpc: 'vpc-0123', name: 'example.internal' },
      },
    });
    expect(params.services.get('web')).toEqual({
      memory: 256,
      repositoryCredentials: {
        credentialsParameter: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:dockerhub',
      },
    });
  });

  test('the rendered task keeps run_params for the service', () => {
    const params = `task_definition:
  ecs_network_mode: awsvpc
run_params:
  network_configuration:
    awsvpc_configuration:
      subnets: [subnet-1]
`;
    const rendered = renderYaml('services:\n  a:\n    image: x\n', { ecsParams: params });
    expect(rendered.runParams.networkConfiguration?.awsvpcConfiguration?.subnets).toEqual(['subnet-1']);
    expect(rendered.taskDefinition.networkMode).toBe('awsvpc');
  });

  test('unknown keys are warnings at their line', () => {
    const params = parseEcsParams('task_definition:\n  task_sise:\n    cpu_limit: 256\n', 'p.yml');
    expect(params.warnings.map(formatDiagnostic)).toEqual([
      'p.yml:2:3: task_definition.task_sise: unknown key ignored; known keys: ecs_network_mode, task_role_arn, task_execution_role, task_size, pid_mode, ipc_mode, services, docker_volumes, efs_volumes, placement_constraints',
    ]);
  });

  test('task sizes in vCPU and GB, and sizes that are not', () => {
    expect(
      parseEcsParams(
        'task_definition:\n  task_size:\n    cpu_limit: 0.25 vCPU\n    mem_limit: 0.5GB\n',
        'p.yml',
      ),
    ).toMatchObject({
      cpu: '256',
      memory: '512',
    });
    expect(() => parseEcsParams('task_definition:\n  task_size:\n    cpu_limit: lots\n', 'p.yml')).toThrow(
      'p.yml:3:5: task_definition.task_size.cpu_limit: must be CPU units like 256 or 1024, or vCPUs like "0.25 vCPU"',
    );
  });

  test('awsvpc_configuration without subnets is an error', () => {
    expect(() =>
      parseEcsParams(
        'run_params:\n  network_configuration:\n    awsvpc_configuration:\n      assign_public_ip: ENABLED\n',
        'p.yml',
      ),
    ).toThrow(
      'p.yml:3:5: run_params.network_configuration.awsvpc_configuration.subnets: awsvpc needs at least one subnet id',
    );
  });

  test('docker_volumes give a named volume its driver', () => {
    const params = `task_definition:
  docker_volumes:
    - name: data
      scope: shared
      autoprovision: true
      driver: rexray/ebs
`;
    const rendered = renderYaml(
      'services:\n  a:\n    image: x\n    mem_limit: 64m\n    volumes: ["data:/d"]\n',
      {
        ecsParams: params,
      },
    );
    expect(rendered.taskDefinition.volumes).toEqual([
      {
        name: 'data',
        dockerVolumeConfiguration: { scope: 'shared', autoprovision: true, driver: 'rexray/ebs' },
      },
    ]);
  });

  test('a healthcheck in compose form replaces the compose one, even one with no test of its own', () => {
    const params = `task_definition:
  services:
    a:
      healthcheck:
        test: curl -f http://localhost/
        interval: 10s
`;
    const rendered = renderYaml(
      'services:\n  a:\n    image: x\n    mem_limit: 64m\n    healthcheck:\n      interval: 5s\n',
      { ecsParams: params },
    );
    expect(rendered.taskDefinition.containerDefinitions?.[0]?.healthCheck).toEqual({
      command: ['CMD-SHELL', 'curl -f http://localhost/'],
      interval: 10,
      timeout: 30,
      retries: 3,
    });
  });

  test('an ecs-params healthcheck test in a form compose does not have, at its line', () => {
    const params = 'task_definition:\n  services:\n    a:\n      healthcheck:\n        test: [RUN, x]\n';
    expect(() => parseEcsParams(params, 'p.yml')).toThrow(
      'p.yml:5:9: task_definition.services.a.healthcheck.test: must start with CMD (then the command), CMD-SHELL (then one string) or NONE, not "RUN"',
    );
  });

  test('an entry for a service the compose files lack is skipped with a warning, and the rest applies', () => {
    // As after a rename of compose services: ecs-cli skips such an entry; the file still deploys.
    const params = `task_definition:
  task_execution_role: ecsTaskExecutionRole
  services:
    wbe:
      mem_limit: 128m
    web:
      essential: true
      mem_limit: 256m
    worker-old:
      essential: false
`;
    const rendered = renderYaml(
      'services:\n  web:\n    image: nginx\n  worker:\n    image: busybox\n    mem_limit: 64m\n',
      {
        ecsParams: params,
      },
    );
    const warnings = rendered.warnings.map((w) => formatDiagnostic(w).split(`${rendered.dir}/`).join(''));
    expect(warnings).toEqual([
      'ecs-params.yml:4:5: task_definition.services.wbe: ignored: no compose service is named "wbe"; did you mean "web"?',
      'ecs-params.yml:9:5: task_definition.services.worker-old: ignored: no compose service is named "worker-old"; did you mean "worker"?',
    ]);
    expect(rendered.warnings.every((w) => w.severity === 'warning')).toBe(true);
    const [web, worker] = rendered.taskDefinition.containerDefinitions ?? [];
    expect(web).toMatchObject({ name: 'web', memory: 256, essential: true });
    expect(worker).toMatchObject({ name: 'worker', memory: 64, essential: true });
    expect(rendered.taskDefinition.executionRoleArn).toBe('ecsTaskExecutionRole');
  });
});
