import { diffTaskDefinitions } from '../../src/ecs/diff';
import { describedTaskDefinition, registerInput } from './fixtures';

describe('diffTaskDefinitions', () => {
  it('reports nothing when only ECS defaults and metadata differ', () => {
    expect(diffTaskDefinitions(describedTaskDefinition(), registerInput())).toEqual([]);
  });

  it('names the containers of a first definition', () => {
    expect(diffTaskDefinitions(undefined, registerInput())).toEqual([
      'new task definition: containers web, db',
    ]);
  });

  it('reports the runtime platform and the volumes, each by what backs it', () => {
    const next = registerInput();
    next.runtimePlatform = { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' };
    next.volumes = [
      {
        name: 'data',
        efsVolumeConfiguration: {
          fileSystemId: 'fs-1234',
          transitEncryption: 'ENABLED',
          authorizationConfig: { accessPointId: 'fsap-5678', iam: 'ENABLED' },
        },
      },
    ];
    expect(diffTaskDefinitions(describedTaskDefinition(), next)).toEqual([
      'task: runtimePlatform (none) → LINUX ARM64',
      'task: volume + data (EFS fs-1234 fsap-5678)',
    ]);
  });

  /** registerInput() with every kind of change the diff reports line by line. */
  function changed() {
    const next = registerInput();
    next.cpu = '1024';
    const web = next.containerDefinitions![0]!;
    web.image = 'repo/web@sha256:cccc';
    web.environment = [
      { name: 'PORT', value: '9090' },
      { name: 'DB_PASSWORD', value: 'correct horse' },
      { name: 'API_TOKEN', value: 'abc' },
      { name: 'FEATURE', value: 'on' },
    ];
    web.portMappings = [{ containerPort: 9090 }];
    web.command = ['--peer', 'db.local:9638'];
    next.containerDefinitions!.push({ name: 'cache', image: 'redis@sha256:dddd' });
    next.containerDefinitions!.splice(1, 1);
    return next;
  }

  it('for the log: image, environment, ports, command and task size changes, masking secret values', () => {
    const lines = diffTaskDefinitions(describedTaskDefinition(), changed(), 'masked');
    expect(lines).toEqual([
      'task: cpu 512 → 1024',
      'web: image 123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/web@sha256:aaaa → repo/web@sha256:cccc',
      'web: env + API_TOKEN=***',
      'web: env ~ DB_PASSWORD=*** → ***',
      'web: env + FEATURE="on"',
      'web: env ~ PORT="8080" → "9090"',
      'web: env - LOG_LEVEL',
      'web: ports 8080/tcp → 9090/tcp',
      'web: command --peer 127.0.0.1:9638 → --peer db.local:9638',
      'cache: added (image redis@sha256:dddd)',
      'db: removed',
    ]);
    expect(lines.join('\n')).not.toContain('hunter2');
    expect(lines.join('\n')).not.toContain('correct horse');
  });

  it('for anything published (the default): environment names and a changed mark, never a value', () => {
    const next = changed();
    next.containerDefinitions![0]!.environment!.push({
      name: 'DATABASE_URL',
      value: 'postgres://u:pw@db.example/shop',
    });
    const lines = diffTaskDefinitions(describedTaskDefinition(), next);
    expect(lines.filter((l) => l.includes(' env '))).toEqual([
      'web: env + API_TOKEN',
      'web: env + DATABASE_URL',
      'web: env ~ DB_PASSWORD (value changed)',
      'web: env + FEATURE',
      'web: env ~ PORT (value changed)',
      'web: env - LOG_LEVEL',
    ]);
    const text = lines.join('\n');
    for (const value of ['postgres://', 'hunter2', 'correct horse', '"on"', '9090"', '8080"'])
      expect(text).not.toContain(value);
  });

  it('says something changed when it is a field without its own line', () => {
    const next = registerInput();
    next.containerDefinitions![0]!.healthCheck = { command: ['CMD', 'true'] };
    expect(diffTaskDefinitions(describedTaskDefinition(), next)).toEqual(['web: other settings changed']);
  });
});
