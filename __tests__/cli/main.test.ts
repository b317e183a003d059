import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

const GOLDEN = join(__dirname, '..', 'fixtures', 'golden');

function cli(args: string[], env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const status = main(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env });
  return { status, stdout: out.join(''), stderr: err.join('') };
}

describe('habitat-ecs render', () => {
  const np = join(GOLDEN, 'national-parks');

  test('prints the task definition on stdout and warnings on stderr', () => {
    const r = cli([
      'render',
      '-f', join(np, 'docker-compose.yml'),
      '--account-id', '123456789012',
      '--region', 'us-east-1',
      '--image-tag', 'v1.0.0',
      '--habitat-package', 'billmeyer/mongodb',
      '--habitat-package', 'mattray/national-parks',
    ]); // prettier-ignore
    expect(r.status).toBe(0);
    const task = JSON.parse(r.stdout);
    expect(task.family).toBe('national-parks');
    expect(task.containerDefinitions[0].image).toBe(
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/billmeyer/mongodb:v1.0.0',
    );
    expect(r.stderr).toContain(
      `${np}/docker-compose.yml:3:3: warning: services.mongo: no memory set: using 512 MiB`,
    );
  });

  test('takes the account and region from the environment', () => {
    const r = cli(
      [
        'render',
        '-f',
        join(np, 'docker-compose.yml'),
        '--habitat-package',
        'billmeyer/mongodb',
        '--habitat-package',
        'mattray/national-parks',
        '--family',
        'np',
      ],
      {
        AWS_ACCOUNT_ID: '210987654321',
        AWS_REGION: 'eu-west-1',
      },
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).containerDefinitions[0].image).toBe(
      '210987654321.dkr.ecr.eu-west-1.amazonaws.com/billmeyer/mongodb:latest',
    );
  });

  test('--layout services: a task definition per compose service, with its replicas, order, Cloud Map name and Service Connect', () => {
    const r = cli([
      'render', '-f', join(np, 'docker-compose.yml'), '--layout', 'services', '--family', 'np',
      '--habitat-package', 'billmeyer/mongodb', '--habitat-package', 'mattray/national-parks',
      '--account-id', '123456789012', '--region', 'us-east-1',
    ]); // prettier-ignore
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      layout: string;
      namespace: string;
      units: { name: string; after: string[]; taskDefinition: { family: string } }[];
    };
    expect([doc.layout, doc.namespace]).toEqual(['services', 'np.internal']);
    expect(doc.units.map((u) => [u.name, u.taskDefinition.family, u.after])).toEqual([
      ['mongo', 'np-mongo', []],
      ['national-parks', 'np-national-parks', ['mongo']],
    ]);
    expect(r.stderr).toContain(
      'habitat-ecs: input "layout": notice: layout: services runs every task in awsvpc',
    );
  });

  test('--graph: the topology as a Mermaid diagram, in either layout; a namespace without services is refused', () => {
    const args = [
      'render', '-f', join(np, 'docker-compose.yml'), '--family', 'np', '--graph',
      '--habitat-package', 'billmeyer/mongodb', '--habitat-package', 'mattray/national-parks',
      '--account-id', '123456789012', '--region', 'us-east-1',
    ]; // prettier-ignore
    const task = cli(args);
    expect(task.status).toBe(0);
    expect(task.stdout).toMatch(/^flowchart LR\n {2}subgraph s0\["ECS service np · task np \(bridge\)"\]/);
    expect(task.stdout).toContain('c_national_parks -->|"link"| c_mongo');
    const services = cli([...args, '--layout', 'services']);
    expect(services.stdout).toContain('c_national_parks -.->|"--peer mongo.np.internal"| c_mongo');
    const refused = cli([...args, '--namespace', 'x.internal']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--namespace is for layout: services');
  });

  test('an ecs-params file and FARGATE', () => {
    const dir = join(GOLDEN, 'fargate');
    const r = cli([
      'render',
      '-f',
      join(dir, 'docker-compose.yml'),
      '--ecs-params',
      join(dir, 'ecs-params.yml'),
      '--launch-type',
      'fargate',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).requiresCompatibilities).toEqual(['FARGATE']);
  });

  test('errors in the input: exit 1, located errors on stderr, nothing on stdout', () => {
    const dir = join(GOLDEN, 'fargate');
    const r = cli(['render', '-f', join(dir, 'docker-compose.yml'), '--launch-type', 'FARGATE']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^habitat-ecs: input "launch-type": error: Fargate needs a task size/m);
  });

  test('a Habitat package without account or region is a usage error', () => {
    const r = cli(['render', '-f', join(np, 'docker-compose.yml'), '--habitat-package', 'billmeyer/mongodb']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('give --account-id and --region');
  });

  test.each([
    [['render', '--bogus']],
    [['--bogus', 'render']],
    [['render', '--launch-type', 'LAMBDA']],
    [['render', 'extra']],
    [['render', '--image-tag', 'v1;rm -rf /']],
    [['render', '--image-tag=--help']],
  ])('usage error for %j', (args) => {
    const r = cli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^habitat-ecs: .+\nRun "habitat-ecs render --help" for usage\.\n$/);
  });

  test('a bad package spec is an error', () => {
    const r = cli([
      'render',
      '--habitat-package',
      'nope',
      '--account-id',
      '123456789012',
      '--region',
      'us-east-1',
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--habitat-package "nope" is not a package/);
  });

  test('render --help documents every flag, --version prints the version', () => {
    const help = cli(['render', '--help']);
    expect(help.status).toBe(0);
    for (const flag of [
      '--file',
      '--ecs-params',
      '--env-file',
      '--launch-type',
      '--account-id',
      '--region',
      '--image-tag',
      '--family',
      '--habitat-package',
      '--no-hab-license',
      '--health-checks',
      '--version',
    ]) {
      expect(help.stdout).toContain(flag);
    }
    expect(cli(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('habitat-ecs', () => {
  test('--help lists every command, one line each', () => {
    const help = cli(['--help']);
    expect(help.status).toBe(0);
    for (const command of ['render', 'plan', 'verify', 'up', 'down', 'ps']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command} +\\S.+$`, 'm'));
    }
  });

  test.each([
    [['rendr'], 'unknown command "rendr"; did you mean "render"?'],
    [['plna', '-f', 'x.yml'], 'unknown command "plna"; did you mean "plan"?'],
    [['deploy'], 'unknown command "deploy"'],
    [[], 'missing command'],
  ])('%j is a usage error pointing at the list of commands', (args, message) => {
    const r = cli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`habitat-ecs: ${message}\nRun "habitat-ecs --help" for usage.\n`);
  });

  test("options before the command word are render's, as they always were", () => {
    const np = join(GOLDEN, 'national-parks');
    const r = cli(['-f', join(np, 'docker-compose.yml'), 'render', '--habitat-package', 'billmeyer/mongodb']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('give --account-id and --region');
  });
});

describe('the runner credentials in interpolation', () => {
  const compose = mkdtempSync(join(tmpdir(), 'cli-creds-'));
  writeFileSync(
    join(compose, 'docker-compose.yml'),
    'services:\n  web:\n    image: nginx\n    environment:\n      TOKEN: ${GITHUB_TOKEN}\n',
  );

  test('are refused at their line, with the flag that allows them', () => {
    const env = { GITHUB_TOKEN: 'ghp_from_this_shell' };
    const refused = cli(['render', '-f', join(compose, 'docker-compose.yml')], env);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(
      `${join(compose, 'docker-compose.yml')}:5:14: error: services.web.environment.TOKEN: GITHUB_TOKEN is a credential of this job`,
    );
    expect(refused.stderr).toContain('allow it with --allow-interpolation GITHUB_TOKEN');
    expect(refused.stdout).toBe('');
    const allowed = cli(
      ['render', '-f', join(compose, 'docker-compose.yml'), '--allow-interpolation', 'OTHER,GITHUB_TOKEN'],
      env,
    );
    expect(allowed.status).toBe(0);
    expect(JSON.parse(allowed.stdout).containerDefinitions[0].environment).toEqual([
      { name: 'TOKEN', value: 'ghp_from_this_shell' },
    ]);
  });
});

describe('plan, verify and up read the render options with the same rules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-same-rules-'));
  const compose = join(dir, 'docker-compose.yml');
  // Past the credential, the file has an error of its own: the run stops there, before any AWS
  // call or container, whether the credential was refused or allowed.
  writeFileSync(
    compose,
    'services:\n  web:\n    image: nginx\n    environment:\n      TOKEN: ${GITHUB_TOKEN}\n    ports: ["99999:80"]\n',
  );
  const env = { GITHUB_TOKEN: 'ghp_from_this_shell', PATH: '/nonexistent' };
  const own: Record<string, string[]> = {
    plan: ['--service', 'web', '--region', 'us-east-1'],
    verify: ['--region', 'us-east-1'],
    up: [],
  };

  test.each(Object.keys(own))(
    '%s refuses a credential in ${...}, and --allow-interpolation allows it',
    async (command) => {
      const run = async (...more: string[]) => {
        const err: string[] = [];
        const io = { stdout: () => undefined, stderr: (t: string) => err.push(t), env };
        const status = await main([command, '-f', compose, ...(own[command] ?? []), ...more], io);
        return { status, stderr: err.join('') };
      };
      const refused = await run();
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('GITHUB_TOKEN is a credential of this job');
      expect(refused.stderr).toContain('allow it with --allow-interpolation GITHUB_TOKEN');
      const allowed = await run('--allow-interpolation', 'GITHUB_TOKEN');
      expect(allowed.status).toBe(1);
      expect(allowed.stderr).not.toContain('credential');
      expect(allowed.stderr).toContain('99999');
    },
  );

  test('verify takes every render option', async () => {
    const err: string[] = [];
    const io = { stdout: () => undefined, stderr: (t: string) => err.push(t), env };
    const args = ['verify', '-f', compose, '--region', 'us-east-1', '--account-id', '123456789012'];
    const more = ['--image-tag', 'v1', '--family', 'web', '--no-hab-license', '--health-checks'];
    expect(await main([...args, ...more, '--allow-interpolation', 'GITHUB_TOKEN'], io)).toBe(1);
    expect(err.join('')).toContain('99999');
  });
});

describe('habitat-ecs plan', () => {
  test('needs a service, and says how to use it', async () => {
    const err: string[] = [];
    const io = { stdout: () => undefined, stderr: (t: string) => err.push(t), env: {} };
    expect(await main(['plan', '-f', 'x.yml'], io)).toBe(2);
    expect(err.join('')).toBe(
      'habitat-ecs: --service is required\nRun "habitat-ecs plan --help" for usage.\n',
    );
  });
});
