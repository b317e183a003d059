import { renderErrors, renderWarnings, renderYaml } from './render-helper';

const service = (platform?: string) =>
  `    image: nginx\n    mem_limit: 64m\n${platform ? `    platform: ${platform}\n` : ''}`;

describe('the runtime platform', () => {
  test('none is set when nothing names one: the task definition is as before', () => {
    expect(renderYaml(`services:\n  web:\n${service()}`).taskDefinition).not.toHaveProperty(
      'runtimePlatform',
    );
  });

  test.each([
    ['linux/arm64', 'ARM64'],
    ['linux/arm64/v8', 'ARM64'],
    ['linux/amd64', 'X86_64'],
  ])('compose platform: %s sets cpuArchitecture %s, on Fargate and EC2 alike', (platform, arch) => {
    for (const launchType of ['EC2', 'FARGATE'] as const) {
      const ecsParams =
        launchType === 'FARGATE'
          ? 'task_definition:\n  task_execution_role: arn:aws:iam::123456789012:role/x\n  task_size: {cpu_limit: 256, mem_limit: 512}\n'
          : undefined;
      const td = renderYaml(`services:\n  web:\n${service(platform)}  db:\n${service()}`, {
        launchType,
        ...(ecsParams && { ecsParams }),
      }).taskDefinition;
      expect(td.runtimePlatform).toEqual({ cpuArchitecture: arch, operatingSystemFamily: 'LINUX' });
    }
  });

  test('platform: is no longer among the keys ECS ignores', () => {
    expect(renderWarnings(`services:\n  web:\n${service('linux/arm64')}`)).toEqual([]);
  });

  test('the input sets it for a file that names none', () => {
    const td = renderYaml(`services:\n  web:\n${service()}`, { platform: 'linux/arm64' }).taskDefinition;
    expect(td.runtimePlatform?.cpuArchitecture).toBe('ARM64');
  });

  test('services that disagree, with each other or the input, and platforms ECS does not run, are errors at their lines', () => {
    expect(
      renderErrors(`services:\n  web:\n${service('linux/arm64')}  db:\n${service('linux/amd64')}`),
    ).toEqual([
      'docker-compose.yml:9:15: services.db.platform: "linux/amd64" differs from service web\'s platform: linux/arm64: the containers of an ECS task all run on one platform; make them agree, or give this service a task of its own',
    ]);
    expect(renderErrors(`services:\n  web:\n${service('linux/amd64')}`, { platform: 'linux/arm64' })).toEqual(
      [
        'docker-compose.yml:5:15: services.web.platform: "linux/amd64" differs from runtime-platform: linux/arm64: the containers of an ECS task all run on one platform; make them agree, or give this service a task of its own',
      ],
    );
    expect(renderErrors(`services:\n  web:\n${service('windows/amd64')}`)).toEqual([
      'docker-compose.yml:5:15: services.web.platform: "windows/amd64" is not a platform ECS runs: use linux/amd64 (X86_64) or linux/arm64 (ARM64)',
    ]);
  });
});
