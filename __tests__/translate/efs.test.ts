import { renderErrors, renderYaml } from './render-helper';

const compose = (xEfs: string) =>
  `services:\n  db:\n    image: mongo:7\n    mem_limit: 512m\n    volumes: ["data:/data/db"]\nvolumes:\n  data:\n    x-efs:\n${xEfs}`;

describe('EFS volumes', () => {
  test('x-efs on a compose named volume: an efsVolumeConfiguration, on EC2 as on Fargate', () => {
    const td = renderYaml(
      compose(
        '      filesystem_id: fs-12345678\n      access_point: fsap-1234567890abcdef0\n      transit_encryption: ENABLED\n',
      ),
    ).taskDefinition;
    expect(td.volumes).toEqual([
      {
        name: 'data',
        efsVolumeConfiguration: {
          fileSystemId: 'fs-12345678',
          transitEncryption: 'ENABLED',
          authorizationConfig: { accessPointId: 'fsap-1234567890abcdef0' },
        },
      },
    ]);
  });

  test('what ECS refuses is an error at its line', () => {
    expect(
      renderErrors(
        compose(
          '      filesystem_id: fs-nope\n      access_point: fsap-1234567890abcdef0\n      root_directory: /mongo\n      transit_encryption_port: 2999\n',
        ),
      ),
    ).toEqual([
      'docker-compose.yml:9:22: volumes.data.x-efs.filesystem_id: "fs-nope" is not an EFS file system id such as fs-0123456789abcdef0',
      'docker-compose.yml:9:22: volumes.data.x-efs.filesystem_id: an access point needs transit_encryption: ENABLED (ECS refuses it without)',
      'docker-compose.yml:12:32: volumes.data.x-efs.transit_encryption_port: is only used with transit_encryption: ENABLED',
      "docker-compose.yml:11:23: volumes.data.x-efs.root_directory: with an access point, the directory mounted is the access point's: remove root_directory (or set the access point's root)",
    ]);
    expect(
      renderErrors(
        compose('      filesystem_id: fs-12345678\n      iam: ENABLED\n      transit_encryption: DISABLED\n'),
      ),
    ).toEqual([
      'docker-compose.yml:11:27: volumes.data.x-efs.transit_encryption: iam: ENABLED needs transit_encryption: ENABLED (ECS refuses it without)',
    ]);
  });

  test('ecs-params efs_volumes (ecs-cli) wins over the compose entry, and its errors are at its lines', () => {
    const params = (extra: string) =>
      `task_definition:\n  efs_volumes:\n    - name: data\n      filesystem_id: fs-87654321\n${extra}`;
    const td = renderYaml(compose('      filesystem_id: fs-12345678\n'), {
      ecsParams: params(''),
    }).taskDefinition;
    expect(td.volumes).toEqual([{ name: 'data', efsVolumeConfiguration: { fileSystemId: 'fs-87654321' } }]);
    expect(
      renderErrors(compose('      filesystem_id: fs-12345678\n'), {
        ecsParams: params('      iam: maybe\n'),
      }),
    ).toEqual([
      'ecs-params.yml:5:7: task_definition.efs_volumes[0].iam: "maybe" must be one of ENABLED, DISABLED',
    ]);
  });
});
