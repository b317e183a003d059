import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContainerDefinition, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { UserError } from '../../src/diagnostics';
import { planTask, type PlanOptions } from '../../src/local/task-plan';
import { runArgv } from '../../src/local/run-argv';
import type { TaskPlan } from '../../src/local/types';

const GOLDEN = join(__dirname, '..', 'fixtures', 'golden');
const golden = (name: string) =>
  JSON.parse(readFileSync(join(GOLDEN, name, 'expected.json'), 'utf8')) as RegisterTaskDefinitionCommandInput;
const OPTIONS: PlanOptions = { task: 'np', secrets: new Map(), pauseImage: 'pause:1' };

function plan(td: RegisterTaskDefinitionCommandInput, options: Partial<PlanOptions> = {}): TaskPlan {
  return planTask(td, { ...OPTIONS, ...options });
}

function task(containers: ContainerDefinition[], extra: Partial<RegisterTaskDefinitionCommandInput> = {}) {
  return { family: 'f', containerDefinitions: containers, ...extra } as RegisterTaskDefinitionCommandInput;
}

/** The messages of the UserError that planning throws. */
function problems(td: RegisterTaskDefinitionCommandInput, options: Partial<PlanOptions> = {}): string[] {
  try {
    plan(td, options);
  } catch (e) {
    if (e instanceof UserError) return e.diagnostics.map((d) => `${d.path ? `${d.path}: ` : ''}${d.message}`);
    throw e;
  }
  throw new Error('planning did not fail');
}

/** The value after each occurrence of an option in an argv. */
function values(argv: readonly string[], option: string): string[] {
  return argv.flatMap((a, i) => (a === option ? [argv[i + 1] ?? ''] : []));
}

describe('the reference example, EC2 / bridge', () => {
  const p = plan(golden('national-parks'));
  const [mongo, parks] = p.containers;

  test('one network named after the task, no pause container', () => {
    expect(p.networkMode).toBe('bridge');
    expect(p.network).toBe('np');
    expect(p.pause).toBeUndefined();
  });

  test('mongo: its hostname on the task network, labels, memory, ECS stop timeout', () => {
    const argv = runArgv(mongo!, new Map());
    expect(argv.slice(0, 4)).toEqual(['run', '--detach', '--name', 'np-mongo']);
    expect(values(argv, '--network')).toEqual(['np']);
    expect(values(argv, '--hostname')).toEqual(['mongodb']);
    expect(values(argv, '--memory')).toEqual(['512m']);
    expect(values(argv, '--stop-timeout')).toEqual(['30']);
    expect(values(argv, '--env')).toEqual(['HAB_LICENSE=accept-no-persist']);
    expect(values(argv, '--label')).toEqual(
      expect.arrayContaining([
        'habitat-ecs.task=np',
        'habitat-ecs.container=mongo',
        'habitat-ecs.essential=true',
      ]),
    );
    expect(argv.slice(-1)).toEqual(['123456789012.dkr.ecr.us-east-1.amazonaws.com/billmeyer/mongodb:v1.0.0']);
  });

  test('national-parks: a Docker link, /etc/hosts entries for the alias and the hostname, port 8080 on loopback, Supervisor arguments after the image', () => {
    const argv = runArgv(parks!, new Map([['mongo', '172.18.0.2']]));
    expect(values(argv, '--link')).toEqual(['np-mongo:mongo']);
    expect(values(argv, '--add-host')).toEqual(['mongo:172.18.0.2', 'mongodb:172.18.0.2']);
    expect(values(argv, '--publish')).toEqual(['127.0.0.1:8080:8080/tcp']);
    const image = argv.indexOf('123456789012.dkr.ecr.us-east-1.amazonaws.com/mattray/national-parks:v1.0.0');
    expect(argv.slice(image + 1)).toEqual(['--peer', 'mongodb', '--bind', 'database:mongodb.default']);
  });

  test('starts after mongo (dependsOn START); the link adds no second dependency', () => {
    expect(parks!.dependsOn).toEqual([{ container: 'mongo', condition: 'START' }]);
    expect(mongo!.dependsOn).toEqual([]);
  });
});

describe('the reference example, FARGATE / awsvpc', () => {
  const p = plan(golden('habitat-national-parks-fargate'));
  const [mongo, parks] = p.containers;

  test('a pause container owns the namespace on the task network and publishes every port on a free loopback port', () => {
    expect(p.pause?.dockerName).toBe('np.pause');
    expect(p.pause?.image).toBe('pause:1');
    expect(values(p.pause?.options ?? [], '--network')).toEqual(['np']);
    expect(values(p.pause?.options ?? [], '--publish')).toEqual(['127.0.0.1::8080/tcp']);
    expect(values(p.pause?.options ?? [], '--stop-signal')).toEqual(['SIGKILL']);
  });

  test('every container joins it: no hostname, no links, no ports of its own', () => {
    for (const c of p.containers) {
      const argv = runArgv(c, new Map());
      expect(values(argv, '--network')).toEqual(['container:np.pause']);
      expect(values(argv, '--hostname')).toEqual([]);
      expect(values(argv, '--publish')).toEqual([]);
      expect(values(argv, '--link')).toEqual([]);
    }
  });

  test('health checks as ECS runs them, and the HEALTHY dependency', () => {
    const argv = runArgv(mongo!, new Map());
    expect(values(argv, '--health-cmd')).toEqual([
      'wget -qO- http://127.0.0.1:9631/services/mongodb/default/health || exit 1',
    ]);
    expect(values(argv, '--health-interval')).toEqual(['30s']);
    expect(values(argv, '--health-timeout')).toEqual(['5s']);
    expect(values(argv, '--health-retries')).toEqual(['3']);
    expect(values(argv, '--health-start-period')).toEqual(['120s']);
    expect(parks!.dependsOn).toEqual([{ container: 'mongo', condition: 'HEALTHY' }]);
    expect(mongo!.hasHealthCheck).toBe(true);
  });

  test('warns about what does not run locally', () => {
    expect(p.warnings.map((w) => w.path)).toEqual(['executionRoleArn', 'cpu']);
  });
});

describe('container options', () => {
  const full = plan(golden('container-options')).containers[0]!;
  const argv = runArgv(full, new Map());

  test('linuxParameters, security, dns, labels, sysctls become their docker run options', () => {
    expect(values(argv, '--cap-add')).toEqual(['NET_ADMIN', 'SYS_TIME']);
    expect(values(argv, '--cap-drop')).toEqual(['MKNOD']);
    expect(values(argv, '--device')).toEqual(['/dev/fuse:/dev/fuse', '/dev/sda:/dev/xvda:rw']);
    expect(argv).toEqual(
      expect.arrayContaining(['--init', '--privileged', '--read-only', '--interactive', '--tty']),
    );
    expect(values(argv, '--user')).toEqual(['1000:1000']);
    expect(values(argv, '--workdir')).toEqual(['/srv']);
    expect(values(argv, '--dns')).toEqual(['10.0.0.2']);
    expect(values(argv, '--dns-search')).toEqual(['example.internal']);
    expect(values(argv, '--add-host')).toEqual(['db.local:10.0.0.5', 'v6.local:::1']);
    expect(values(argv, '--security-opt')).toEqual(['no-new-privileges:true']);
    expect(values(argv, '--sysctl')).toEqual(['net.core.somaxconn=1024']);
    expect(values(argv, '--stop-timeout')).toEqual(['60']);
    expect(values(argv, '--label')).toEqual(
      expect.arrayContaining(['com.example.app=box', 'com.example.team=infra']),
    );
  });

  test('cpu as CPU shares, memory and reservation in MiB, ulimits, shared memory', () => {
    const [worker] = plan(golden('resources')).containers;
    const w = runArgv(worker!, new Map());
    expect(values(w, '--cpu-shares')).toEqual(['512']);
    expect(values(w, '--memory')).toEqual(['1536m']);
    expect(values(w, '--memory-reservation')).toEqual(['512m']);
    expect(values(w, '--ulimit')).toEqual(['nproc=65535:65535', 'nofile=20000:40000']);
    expect(values(w, '--shm-size')).toEqual(['256m']);
  });

  test('entryPoint: the first word is --entrypoint, the rest go before command', () => {
    const [shell] = plan(golden('command-words')).containers;
    const a = runArgv(shell!, new Map());
    expect(values(a, '--entrypoint')).toEqual(['/bin/sh']);
    expect(a.slice(a.indexOf('example/app:1') + 1)).toEqual([
      '-c', 'echo', 'hello  world', "it's", 'a b', 'single quoted', 'a "quote"',
    ]); // prettier-ignore
  });

  test('a CMD health check is quoted for the shell the docker CLI runs it with, and says so', () => {
    const p = plan(golden('healthcheck'));
    expect(values(runArgv(p.containers[0]!, new Map()), '--health-cmd')).toEqual([
      'curl -f http://localhost/',
    ]);
    expect(p.warnings.map((w) => `${w.path}: ${w.message}`)).toContain(
      'containerDefinitions.cmd.healthCheck: a CMD check runs through /bin/sh -c here (the docker CLI has no exec form)',
    );
  });

  test('secrets travel in the environment of docker run, never its argv', () => {
    const td = golden('awsvpc-ecs-params');
    const p = plan(td, { secrets: new Map([['DB_PASSWORD', 's3cret value']]) });
    const app = p.containers[1]!;
    const argv = runArgv(app, new Map());
    expect(app.secrets).toEqual({ DB_PASSWORD: 's3cret value' });
    expect(values(argv, '--env')).toContain('DB_PASSWORD');
    expect(argv.join(' ')).not.toContain('s3cret');
  });

  test('a secret without a value fails before anything runs, saying how to give it', () => {
    expect(problems(golden('awsvpc-ecs-params'))).toContain(
      'containerDefinitions.app.secrets[0]: secret DB_PASSWORD (valueFrom arn:aws:ssm:us-east-1:123456789012:parameter/db-password) has no local value: give --secret DB_PASSWORD=VALUE or --secrets-file FILE',
    );
  });

  test('awslogs, repository credentials and IAM roles are warnings, not silent differences', () => {
    const warnings = (name: string, secrets = new Map<string, string>()) =>
      plan(golden(name), { secrets }).warnings.map((w) => `${w.path}: ${w.message}`);
    expect(warnings('logging')).toContain(
      'containerDefinitions.app.logConfiguration: awslogs is not emulated: the logs stay in the local engine (docker logs)',
    );
    const vpc = warnings('awsvpc-ecs-params', new Map([['DB_PASSWORD', 'x']]));
    expect(vpc).toContain(
      "containerDefinitions.web.repositoryCredentials: the image is pulled with the local engine's own docker login",
    );
    expect(vpc).toContain('taskRoleArn: IAM roles are not emulated: the containers get no AWS credentials');
  });
});

describe('volumes', () => {
  const p = plan(golden('volumes'));
  const [db, backup] = p.containers;

  test("task volumes are the task's named volumes; a host path is bind-mounted; read-only kept", () => {
    expect(values(runArgv(db!, new Map()), '--volume')).toEqual([
      'np-data:/var/lib/postgresql/data',
      '/var/log/db:/var/log/postgresql:ro',
      'np-db-scratch:/scratch',
      'np-shared:/shared:ro',
    ]);
    expect(p.volumes.map((v) => [v.dockerName, v.shared, v.options])).toEqual([
      ['np-data', false, ['--label', 'habitat-ecs.task=np']],
      ['np-db-scratch', false, ['--label', 'habitat-ecs.task=np']],
      ['np-shared', false, ['--driver', 'local', '--opt', 'type=nfs', '--opt', 'o=addr=10.0.0.1', '--label', 'habitat-ecs.task=np']],
    ]); // prettier-ignore
  });

  test("volumesFrom mounts the source container's volumes and orders the start after it", () => {
    expect(values(runArgv(backup!, new Map()), '--volumes-from')).toEqual(['np-db:ro']);
    expect(backup!.dependsOn).toEqual([{ container: 'db', condition: 'START', implied: 'volumesFrom' }]);
  });

  test('a shared Docker volume keeps its name and no task label: down leaves it', () => {
    const td = task(
      [{ name: 'a', image: 'x', mountPoints: [{ sourceVolume: 'cache', containerPath: '/c' }] }],
      {
        volumes: [{ name: 'cache', dockerVolumeConfiguration: { scope: 'shared', autoprovision: true } }],
      },
    );
    expect(plan(td).volumes).toEqual([{ dockerName: 'cache', shared: true, options: [] }]);
  });

  test('EFS is a named Docker volume of its own that outlives the task, with a notice', () => {
    const td = task(
      [{ name: 'a', image: 'x', mountPoints: [{ sourceVolume: 'efs', containerPath: '/e' }] }],
      {
        volumes: [
          { name: 'efs', efsVolumeConfiguration: { fileSystemId: 'fs-1', rootDirectory: '/mongo/data' } },
        ],
      },
    );
    const p2 = plan(td);
    expect(p2.warnings.map((w) => `${w.severity} ${w.path}: ${w.message}`)).toEqual([
      'notice volumes[0]: EFS fs-1 is not reached from here: the named Docker volume efs-fs-1-mongo-data stands in, and outlives the task as the file system does (docker volume rm efs-fs-1-mongo-data empties it)',
    ]);
    expect(values(runArgv(p2.containers[0]!, new Map()), '--volume')).toEqual(['efs-fs-1-mongo-data:/e']);
    expect(p2.volumes).toEqual([{ dockerName: 'efs-fs-1-mongo-data', shared: true, options: [] }]);
  });
});

describe('ports', () => {
  test('bridge: a hostPort of 0 or none is a free port the engine picks', () => {
    const p = plan(golden('ports'));
    expect(values(runArgv(p.containers[0]!, new Map()), '--publish')).toEqual([
      '127.0.0.1:8080:80/tcp',
      '127.0.0.1::9000/tcp',
      '127.0.0.1::9443/tcp',
      '127.0.0.1:8000:8000/tcp',
      '127.0.0.1:8001:8001/tcp',
      '127.0.0.1:8002:8002/tcp',
      '127.0.0.1:5353:53/udp',
      '127.0.0.1:8443:443/tcp',
      '127.0.0.1:7001:7000/udp',
    ]);
  });

  test('bridge: one host port published by two containers is refused', () => {
    const td = task([
      { name: 'a', image: 'x', portMappings: [{ containerPort: 80, hostPort: 8080 }] },
      { name: 'b', image: 'x', portMappings: [{ containerPort: 81, hostPort: 8080, protocol: 'tcp' }] },
    ]);
    expect(problems(td)).toEqual([
      'containerDefinitions.b.portMappings[0]: host port 8080/tcp is already mapped by container "a": two containers of one task cannot publish the same host port',
    ]);
  });

  test('awsvpc: one container port in two containers is refused (one namespace); a hostPort must equal it', () => {
    const td = task(
      [
        { name: 'a', image: 'x', portMappings: [{ containerPort: 80 }] },
        {
          name: 'b',
          image: 'x',
          portMappings: [{ containerPort: 80 }, { containerPort: 81, hostPort: 8081 }],
        },
      ],
      { networkMode: 'awsvpc' },
    );
    expect(problems(td)).toEqual([
      'containerDefinitions.b.portMappings[0]: port 80/tcp is already mapped by container "a": in awsvpc mode the task\'s containers share one network namespace, so only one of them can listen on it',
      'containerDefinitions.b.portMappings[1]: in awsvpc mode hostPort must be left out or equal containerPort 81',
    ]);
  });

  test('host: the host namespace, nothing published', () => {
    const td = task([{ name: 'a', image: 'x', portMappings: [{ containerPort: 80 }] }], {
      networkMode: 'host',
    });
    const p = plan(td);
    expect(p.network).toBeUndefined();
    const argv = runArgv(p.containers[0]!, new Map());
    expect(values(argv, '--network')).toEqual(['host']);
    expect(values(argv, '--publish')).toEqual([]);
  });
});

describe('dependencies and other refusals', () => {
  test('a cycle, through a link too, is refused with the containers along it', () => {
    const td = task([
      { name: 'a', image: 'x', dependsOn: [{ containerName: 'b', condition: 'START' }] },
      { name: 'b', image: 'x', links: ['a'] },
    ]);
    expect(problems(td)).toEqual([
      'containerDefinitions.a.dependsOn: dependency cycle a -> b -> a: ECS would never start these containers',
    ]);
  });

  test("ECS's own rules: COMPLETE on an essential container, HEALTHY without a health check, unknown names", () => {
    const td = task([
      { name: 'a', image: 'x' },
      {
        name: 'b',
        image: 'x',
        dependsOn: [
          { containerName: 'a', condition: 'COMPLETE' },
          { containerName: 'c', condition: 'START' },
        ],
      },
      { name: 'd', image: 'x', essential: false, dependsOn: [{ containerName: 'a', condition: 'HEALTHY' }] },
    ]);
    expect(problems(td)).toEqual([
      'containerDefinitions.b.dependsOn: COMPLETE on "a": ECS refuses it, because "a" is essential (the task would stop when it exits)',
      'containerDefinitions.b.dependsOn: "c" is not a container of the task',
      'containerDefinitions.d.dependsOn: HEALTHY on "a", which has no healthCheck: it would never become healthy',
    ]);
  });

  test('what ECS refuses in awsvpc mode, a task without essential containers, a bad task name', () => {
    const td = task([{ name: 'a', image: 'x', essential: false, hostname: 'h', links: ['a'] }], {
      networkMode: 'awsvpc',
    });
    expect(problems(td, { task: 'Bad.Name' })).toEqual([
      'task name "Bad.Name": use 1-63 lowercase letters, digits, - and _, starting with a letter or digit',
      'containerDefinitions: ECS needs at least one essential container',
      'containerDefinitions.a.links: ECS does not allow links in awsvpc network mode',
      'containerDefinitions.a.hostname: ECS does not allow a hostname in awsvpc network mode',
      'containerDefinitions.a.dependsOn: "a" cannot depend on itself (through link)',
    ]);
  });

  test('a key this does not know is a warning naming it', () => {
    const td = task([{ name: 'a', image: 'x', restartPolicy: { enabled: true } }]);
    expect(plan(td).warnings.map((w) => `${w.path}: ${w.message}`)).toEqual([
      'containerDefinitions.a.restartPolicy: not emulated locally, ignored',
    ]);
  });
});
