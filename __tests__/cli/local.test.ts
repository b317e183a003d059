import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

// up/down/ps up to the point where they would reach Docker: the docker CLI is not on this PATH,
// so a test that got that far would say "docker: command not found" instead of what it expects.
const ENV = { PATH: '/nonexistent' };
const GOLDEN = join(__dirname, '..', 'fixtures', 'golden');

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: ENV });
  return { status, stdout: out.join(''), stderr: err.join('') };
}

function file(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cli-local-')), 'task.json');
  writeFileSync(path, content);
  return path;
}

test('up --help says what runs how, and that the task keeps running', async () => {
  const r = await cli(['up', '--help']);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('habitat-ecs up | down | ps');
  expect(r.stdout).toContain('--task-definition <file>');
  expect(r.stdout).toContain('the task keeps running');
  expect((await cli(['render', '--help'])).stdout).toContain('see habitat-ecs up --help');
});

test('usage errors exit 2 and point at the help of the command', async () => {
  for (const [args, message] of [
    [['up', '--timeout', '0'], '--timeout must be 1-3600 seconds, not "0"'],
    [['up', '--name', 'Bad Name'], '--name "Bad Name": use 1-63 lowercase letters'],
    [
      ['up', '--task-definition', 'x.json', '-f', 'c.yml'],
      '--task-definition is the task: render options (-f) do not apply',
    ],
    [['down', '--name'], "Option '--name <value>' argument missing"],
    // The version is the command's: habitat-ecs --version (and render's, as it always was).
    [['up', '-V'], "Unknown option '-V'"],
    [
      ['up', '--secret', 'NOVALUE', '--task-definition', file('{"family":"f","containerDefinitions":[]}')],
      '--secret takes NAME=VALUE, not "NOVALUE"',
    ],
  ] as const) {
    const r = await cli([...args]);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain(`Run "habitat-ecs ${args[0]} --help" for usage.`);
    expect(r.status).toBe(2);
  }
});

test('up renders exactly as render does: its errors, with file and line, and its exit status', async () => {
  const r = await cli(['up', '-f', join(GOLDEN, 'national-parks', 'docker-compose.yml')]);
  expect(r.status).toBe(1);
  expect(r.stderr).toContain(
    'docker-compose.yml:4:12: error: services.mongo.image: image "aws_account_id.dkr.ecr',
  );
});

test('a task definition that is not one fails at its file', async () => {
  const bad = file('{"family": "x"}');
  const r = await cli(['up', '--task-definition', bad]);
  expect(r.status).toBe(1);
  expect(r.stderr).toBe(
    `${bad}:1:1: error: not a task definition: expected an object with containerDefinitions (the RegisterTaskDefinition input)\n`,
  );
});

test('what ECS would run wrongly fails before Docker is asked anything, with every reason', async () => {
  const td = {
    family: 'clash',
    networkMode: 'awsvpc',
    containerDefinitions: [
      {
        name: 'a',
        image: 'x',
        portMappings: [{ containerPort: 80 }],
        dependsOn: [{ containerName: 'b', condition: 'START' }],
      },
      {
        name: 'b',
        image: 'x',
        portMappings: [{ containerPort: 80 }],
        dependsOn: [{ containerName: 'a', condition: 'START' }],
      },
    ],
  };
  const r = await cli(['up', '--task-definition', file(JSON.stringify(td))]);
  expect(r.status).toBe(1);
  expect(r.stderr.split('\n')).toEqual([
    'habitat-ecs: error: containerDefinitions.b.portMappings[0]: port 80/tcp is already mapped by container "a": in awsvpc mode the task\'s containers share one network namespace, so only one of them can listen on it',
    'habitat-ecs: error: containerDefinitions.a.dependsOn: dependency cycle a -> b -> a: ECS would never start these containers',
    '',
  ]);
});

test('describe-task-definition output is read too; secrets come from a secrets file; then Docker is needed', async () => {
  const td = {
    taskDefinition: {
      family: 'Web.App',
      containerDefinitions: [
        { name: 'web', image: 'x', secrets: [{ name: 'TOKEN', valueFrom: 'arn:aws:ssm:::parameter/t' }] },
      ],
    },
  };
  const secrets = file('# comment\nTOKEN="two words"\n');
  const r = await cli(['up', '--task-definition', file(JSON.stringify(td)), '--secrets-file', secrets]);
  expect(r.stderr).toBe(
    'habitat-ecs up: docker: command not found on PATH (habitat-ecs up runs tasks through the docker CLI)\n',
  );
  expect(r.status).toBe(1);
});
