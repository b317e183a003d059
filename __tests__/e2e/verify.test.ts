import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateClusterCommand, ECSClient } from '@aws-sdk/client-ecs';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AwsCallLog, awsFault, proxiedAwsCalls, registryRequests, requireStackEnv } from '../support/stack';
import { createEc2Cluster } from '../support/cluster';
import { nationalParksWorkspace, ROOT, runAction, type RunResult } from './harness';

// The preflight verify of the bundled action and of the bundled CLI, against the stack: a task
// the account cannot run stops the step before any export, push or write call, with one
// annotation per problem at its line; a check the credentials may not make is a warning.

requireStackEnv();
jest.setTimeout(240_000);

const suffix = `${process.pid}-${Date.now().toString(36)}`;
const cluster = `e2e-verify-${suffix}`;
const taskRole = `e2e-verify-task-${suffix}`;
const packages = 'billmeyer/mongodb\nmattray/national-parks';
const proxy = process.env.HABITAT_ECS_STACK_FAULT_ENDPOINT ?? '';

beforeAll(async () => {
  await createEc2Cluster(cluster);
  await new IAMClient({}).send(
    new CreateRoleCommand({
      RoleName: taskRole,
      AssumeRolePolicyDocument: JSON.stringify({
        Statement: [
          { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      }),
    }),
  );
});

afterEach(() => awsFault('clear'));

/** national-parks with ecs-params.yml, and an awslogs log group on national-parks. */
function workspaceWith(params: string, logGroup?: string): string {
  const ws = nationalParksWorkspace();
  fs.writeFileSync(path.join(ws, 'ecs-params.yml'), params);
  if (logGroup) {
    const compose = path.join(ws, 'docker-compose.yml');
    fs.writeFileSync(
      compose,
      fs
        .readFileSync(compose, 'utf8')
        .replace(
          '    command:',
          `    logging:\n      driver: awslogs\n      options:\n        awslogs-group: ${logGroup}\n        awslogs-region: us-east-1\n    command:`,
        ),
    );
  }
  return ws;
}

const BROKEN = [
  'version: 1',
  'task_definition:',
  `  task_role_arn: missing-${suffix}`,
  `  task_execution_role: ${taskRole}`,
  '  services:',
  '    national-parks:',
  '      secrets:',
  '        - name: MONGO_PASSWORD',
  `          value_from: /e2e-verify/missing-${suffix}`,
  '',
].join('\n');

function lines(r: RunResult, kind: 'error' | 'warning'): string[] {
  return r.stdout.split('\n').filter((l) => l.startsWith(`::${kind}`));
}

function explain(r: RunResult): string {
  return `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

test('a task the account cannot run fails at its lines before any export, push or write call', () => {
  const ws = workspaceWith(BROKEN, `/e2e-verify/missing-${suffix}`);
  const calls = new AwsCallLog().mark();
  const registryFrom = registryRequests().length;
  const r = runAction({
    workspace: ws,
    env: { HAB_STANDIN_LOG: path.join(ws, 'hab-calls.log') },
    inputs: { cluster, service: 'np-verify', 'habitat-packages': packages, 'ecs-params': 'ecs-params.yml' },
  });
  expect(r.status).toBe(1);
  const errors = lines(r, 'error');
  expect(errors).toHaveLength(3);
  expect(errors[0]).toMatch(
    /^::error file=docker-compose\.yml,line=15,col=\d+::.*log group \/e2e-verify\/missing/,
  );
  expect(errors[1]).toMatch(
    /^::error file=ecs-params\.yml,line=3,col=\d+::.*the task role missing-.* does not exist/,
  );
  expect(errors[2]).toMatch(
    /^::error file=ecs-params\.yml,line=9,col=\d+::.*SSM parameter \/e2e-verify\/missing-.* does not exist/,
  );
  expect(r.stdout + r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  // Nothing exported, nothing sent to the registry, no AWS call but reads.
  expect(fs.existsSync(path.join(ws, 'hab-calls.log'))).toBe(false);
  expect(registryRequests(registryFrom)).toEqual([]);
  // The cluster is left for the first change, which this run never reached.
  expect(calls.calls()).toEqual(expect.arrayContaining(['GetRole', 'GetParameter', 'DescribeLogGroups']));
  expect(calls.calls()).not.toContain('DescribeClusters');
  expect(calls.writes()).toEqual([]);
});

test('a cluster with no room for the task fails before the first export, with no write call', async () => {
  const empty = `e2e-verify-empty-${suffix}`;
  await new ECSClient({}).send(new CreateClusterCommand({ clusterName: empty }));
  const ws = nationalParksWorkspace();
  const calls = new AwsCallLog().mark();
  const registryFrom = registryRequests().length;
  const r = runAction({
    workspace: ws,
    env: { HAB_STANDIN_LOG: path.join(ws, 'hab-calls.log') },
    inputs: { cluster: empty, service: 'np-no-room', 'habitat-packages': packages },
  });
  expect(r.status).toBe(1);
  const errors = lines(r, 'error');
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain(`cluster "${empty}" has no container instance registered`);
  expect(fs.existsSync(path.join(ws, 'hab-calls.log'))).toBe(false);
  expect(registryRequests(registryFrom).filter((l) => / (PUT|POST|PATCH|DELETE) /.test(l))).toEqual([]);
  expect(calls.calls()).toContain('ListContainerInstances');
  expect(calls.writes()).toEqual([]);
});

test('with verify: false the same files deploy: moto checks none of it, so verify is what stopped the run', () => {
  const ws = workspaceWith(BROKEN, `/e2e-verify/missing-${suffix}`);
  const calls = new AwsCallLog().mark();
  const r = runAction({
    workspace: ws,
    inputs: {
      cluster,
      service: 'np-unverified',
      'habitat-packages': packages,
      'ecs-params': 'ecs-params.yml',
      verify: 'false',
    },
  });
  if (r.status !== 0) throw new Error(explain(r));
  expect(r.summary).toContain('created and stable');
  expect(calls.calls()).not.toContain('GetRole');
  expect(calls.calls()).toContain('RegisterTaskDefinition');
});

test('a check the credentials may not make is a warning at its line, and the deploy goes on', () => {
  const ws = workspaceWith(['version: 1', 'task_definition:', `  task_role_arn: ${taskRole}`, ''].join('\n'));
  const from = proxiedAwsCalls().length;
  awsFault('denied', '1', 'GetRole');
  const r = runAction({
    workspace: ws,
    env: { AWS_ENDPOINT_URL: proxy },
    inputs: { cluster, service: 'np-denied', 'habitat-packages': packages, 'ecs-params': 'ecs-params.yml' },
  });
  if (r.status !== 0) throw new Error(explain(r));
  expect(lines(r, 'warning').filter((l) => l.includes('iam:GetRole'))).toEqual([
    expect.stringMatching(
      /^::warning file=ecs-params\.yml,line=3,col=\d+::.*because the credentials may not call iam:GetRole/,
    ),
  ]);
  expect(proxiedAwsCalls(from)).toContain('GetRole fault:denied');
  expect(r.summary).toContain('created and stable');
});

describe('habitat-ecs verify', () => {
  const cli = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [path.join(ROOT, 'dist/cli/index.js'), 'verify', ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
  const habitat = ['--habitat-package', 'billmeyer/mongodb', '--habitat-package', 'mattray/national-parks'];

  test('exits 0 for a task the account can run, awsvpc network included', async () => {
    const subnets = await new EC2Client({}).send(
      new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }),
    );
    const subnet = subnets.Subnets?.[0]?.SubnetId ?? '';
    const ws = workspaceWith(
      [
        'version: 1',
        'task_definition:',
        '  ecs_network_mode: awsvpc',
        `  task_role_arn: ${taskRole}`,
        'run_params:',
        '  network_configuration:',
        '    awsvpc_configuration:',
        `      subnets: [${subnet}]`,
        '',
      ].join('\n'),
    );
    const r = cli([
      '-f',
      path.join(ws, 'docker-compose.yml'),
      '--ecs-params',
      path.join(ws, 'ecs-params.yml'),
      '--cluster',
      cluster,
      ...habitat,
    ]);
    expect(r.stderr).toContain('Verified the cluster, 1 role, 1 subnet.');
    expect(r.status).toBe(0);
  });

  test('exits 1 with one file:line line per problem', () => {
    const ws = workspaceWith(BROKEN);
    const params = path.join(ws, 'ecs-params.yml');
    const r = cli([
      '-f',
      path.join(ws, 'docker-compose.yml'),
      '--ecs-params',
      params,
      '--cluster',
      cluster,
      ...habitat,
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `${params}:3:3: error: task_definition.task_role_arn: the task role missing-${suffix} does not exist`,
    );
    expect(r.stderr).toMatch(
      new RegExp(
        `${params}:9:\\d+: error: task_definition\\.services\\.national-parks\\.secrets\\[0\\]\\.value_from: SSM parameter`,
      ),
    );
  });

  test('a missing cluster is an error naming it; no region is a usage error', () => {
    const ws = nationalParksWorkspace();
    const r = cli(['-f', path.join(ws, 'docker-compose.yml'), '--cluster', `nope-${suffix}`, ...habitat]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `habitat-ecs: input "cluster": error: cluster "nope-${suffix}" was not found in region us-east-1`,
    );
    const usage = cli(['-f', path.join(ws, 'docker-compose.yml')], {
      AWS_REGION: '',
      AWS_DEFAULT_REGION: '',
    });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('give --region');
  });
  test('a build: service is an image a deploy pushes, as in the action: not looked for in ECR', () => {
    const ws = nationalParksWorkspace();
    fs.mkdirSync(path.join(ws, 'web'));
    fs.writeFileSync(path.join(ws, 'web', 'Dockerfile'), 'FROM scratch\nCOPY Dockerfile /\n');
    fs.writeFileSync(
      path.join(ws, 'docker-compose.yml'),
      `services:\n  web:\n    build: ./web\n    image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/never-pushed-${suffix}/web\n    mem_limit: 128m\n`,
    );
    const r = cli(['-f', path.join(ws, 'docker-compose.yml'), '--cluster', cluster]);
    expect(r.stderr).not.toContain('never-pushed');
    expect(r.status).toBe(0);
  });
});
