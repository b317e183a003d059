import { CloudWatchLogsClient, CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  CreateClusterCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
} from '@aws-sdk/client-ecs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createTaskRole } from '../support/cluster';
import { logToAwslogs } from '../support/compose-edits';
import { AwsCallLog, requireStackEnv, runTaskExit } from '../support/stack';
import { nationalParksWorkspace, runAction, type RunResult } from './harness';

// run-before-deploy on Fargate, run by the bundled action against the stack, whose front makes the
// one-off task stop as each test says (local-stack run-task-exit): a migration that passes is
// followed by the rollout; one that fails, or never stops, leaves the service where it was.

requireStackEnv();
jest.setTimeout(300_000);

const ecs = new ECSClient({});
const suffix = `${process.pid}-${Date.now().toString(36)}`;
const cluster = `run-${suffix}`;
const service = 'national-parks';
const family = `np-run-${suffix}`;
const logGroup = `/ecs/np-run-${suffix}`;
const workspace = nationalParksWorkspace();
const migrate = 'national-parks: hab pkg exec mattray/national-parks migrate --to latest';
const revision = (n: number) => new RegExp(`/${family}:${n}$`);

function deploy(extra: Record<string, string> = {}): RunResult {
  return runAction({
    workspace,
    inputs: {
      'habitat-packages': 'billmeyer/mongodb\nmattray/national-parks',
      cluster,
      service,
      'task-family': family,
      'image-tag': `run-${suffix}`,
      'launch-type': 'FARGATE',
      'ecs-params': 'ecs-params.yml',
      'run-before-deploy': migrate,
      ...extra,
    },
    timeoutMs: 280_000,
  });
}

function explain(r: RunResult): string {
  return `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

const errors = (r: RunResult) => r.stdout.split('\n').filter((l) => l.startsWith('::error'));

/** The body of each recorded call of `operation` since the mark. */
function bodies(log: AwsCallLog, operation: string): Record<string, unknown>[] {
  return log.requests(operation).map((b) => JSON.parse(b) as Record<string, unknown>);
}

async function serviceRevision(): Promise<string | undefined> {
  const out = await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }));
  // Asserted on service.taskDefinition: moto never updates deployments[0].taskDefinition.
  return out.services?.[0]?.taskDefinition;
}

beforeAll(async () => {
  await ecs.send(new CreateClusterCommand({ clusterName: cluster }));
  await createTaskRole('ecsTaskExecutionRole');
  await new CloudWatchLogsClient({}).send(new CreateLogGroupCommand({ logGroupName: logGroup }));
  const ec2 = new EC2Client({});
  const subnet = (await ec2.send(new DescribeSubnetsCommand({}))).Subnets?.[0]?.SubnetId ?? '';
  const group = (await ec2.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups?.[0]?.GroupId ?? '';
  // Container memory on each service: moto's RunTask cannot size a task without it.
  logToAwslogs(workspace, logGroup);
  fs.writeFileSync(
    path.join(workspace, 'ecs-params.yml'),
    [
      'version: 1',
      'task_definition:',
      '  task_execution_role: arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      '  task_size: {cpu_limit: 1024, mem_limit: 2048}',
      'run_params:',
      '  network_configuration:',
      '    awsvpc_configuration:',
      `      subnets: [${subnet}]`,
      `      security_groups: [${group}]`,
      '      assign_public_ip: ENABLED',
      '',
    ].join('\n'),
  );
});

afterAll(() => runTaskExit('clear'));

test('a migration that exits 0 runs on the new revision, with the network the service gets, before the service is created', async () => {
  runTaskExit('0');
  const calls = new AwsCallLog().mark();
  const r = deploy();
  if (r.status !== 0) throw new Error(explain(r));
  const arn = r.outputs['task-definition-arn'] ?? '';
  expect(arn).toMatch(revision(1));

  const order = calls
    .calls()
    .filter((c) => ['RegisterTaskDefinition', 'RunTask', 'CreateService'].includes(c));
  expect(order).toEqual(['RegisterTaskDefinition', 'RunTask', 'CreateService']);
  const [run] = bodies(calls, 'RunTask');
  expect(run).toMatchObject({
    cluster,
    taskDefinition: arn,
    startedBy: 'habitat-ecs-deploy',
    launchType: 'FARGATE',
    networkConfiguration: { awsvpcConfiguration: { assignPublicIp: 'ENABLED' } },
    overrides: {
      containerOverrides: [
        {
          name: 'national-parks',
          command: ['hab', 'pkg', 'exec', 'mattray/national-parks', 'migrate', '--to', 'latest'],
        },
      ],
    },
  });
  expect(r.stdout).toContain('::group::Run before deploy');
  expect(r.summary).toMatch(
    /\*\*Run before deploy:\*\* national-parks: hab pkg exec .*: national-parks exited 0/,
  );
  expect(await serviceRevision()).toMatch(revision(1));
});

test('a migration that exits non-zero fails the step with the exit codes and its last log lines; the service stays on its revision', async () => {
  const compose = path.join(workspace, 'docker-compose.yml');
  fs.writeFileSync(
    compose,
    fs
      .readFileSync(compose, 'utf8')
      .replace('    links:\n', '    environment:\n      - PARKS_RELEASE=2\n    links:\n'),
  );
  runTaskExit(
    '3',
    'applying 0042_parks_add_region',
    'ERROR: column "region" of relation "parks" already exists',
  );
  const calls = new AwsCallLog().mark();
  const r = deploy();
  expect(r.status).toBe(1);
  expect(r.outputs['task-definition-arn']).toMatch(revision(2));

  const failure = errors(r);
  expect(failure).toHaveLength(1);
  expect(failure[0]).toMatch(
    /run-before-deploy "national-parks: hab pkg exec .*" failed: task [\w-]+: national-parks: exit 3 \(EssentialContainerExited: Essential container in task exited\)/,
  );
  expect(r.stdout).toContain('  national-parks (essential): exit 3');
  expect(r.stdout).toContain('  mongo (essential): exit 0');
  expect(r.stdout).toMatch(
    /Last 2 log lines of national-parks \(log group \/ecs\/np-run-.*, stream np\/national-parks\/[\w-]+\):/,
  );
  expect(r.stdout).toContain('  ERROR: column "region" of relation "parks" already exists');
  expect(r.stdout).toMatch(
    /So the service was not updated: it still runs np-run-.*:1\. The revision np-run-.*:2 stays registered and unused/,
  );
  expect(r.summary).toMatch(/a task run before the deploy failed; the service was not updated/);

  // Checked in moto: the one-off task ran, the service was never touched.
  expect(calls.calls()).toContain('RunTask');
  expect(calls.writes().filter((c) => /Service/.test(c))).toEqual([]);
  expect(await serviceRevision()).toMatch(revision(1));
});

test('a migration that never stops is stopped at run-timeout-minutes; the service stays on its revision', async () => {
  runTaskExit('never');
  const calls = new AwsCallLog().mark();
  const started = Date.now();
  const r = deploy({ 'run-timeout-minutes': '0.1' });
  expect(r.status).toBe(1);
  const failure = errors(r);
  expect(failure).toHaveLength(1);
  expect(failure[0]).toMatch(
    /task ([\w-]+) was still RUNNING after run-timeout-minutes \(0\.1 min\); it was stopped \(StopTask\)/,
  );
  // The revision of the failed run, reused: nothing changed since.
  expect(r.outputs['task-definition-arn']).toMatch(revision(2));
  expect(calls.calls()).not.toContain('RegisterTaskDefinition');
  const [stop] = bodies(calls, 'StopTask');
  expect(stop?.reason).toBe('habitat-ecs-deploy: run-timeout-minutes (0.1 min) passed');
  const task = await ecs.send(new DescribeTasksCommand({ cluster, tasks: [String(stop?.task)] }));
  expect(task.tasks?.[0]).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'UserInitiated' });
  expect(calls.writes().filter((c) => /Service/.test(c))).toEqual([]);
  expect(await serviceRevision()).toMatch(revision(1));
  expect(Date.now() - started).toBeLessThan(120_000);
});

test('once the migration passes, a rerun deploys the revision the failed runs left', async () => {
  runTaskExit('0');
  const calls = new AwsCallLog().mark();
  const r = deploy();
  if (r.status !== 0) throw new Error(explain(r));
  expect(r.outputs['task-definition-arn']).toMatch(revision(2));
  expect(calls.calls()).not.toContain('RegisterTaskDefinition');
  expect(calls.calls().filter((c) => ['RunTask', 'UpdateService'].includes(c))).toEqual([
    'RunTask',
    'UpdateService',
  ]);
  expect(await serviceRevision()).toMatch(revision(2));

  // Nothing to deploy, nothing to migrate.
  const again = new AwsCallLog().mark();
  const rerun = deploy();
  if (rerun.status !== 0) throw new Error(explain(rerun));
  expect(again.calls()).not.toContain('RunTask');
  expect(rerun.stdout).toMatch(/run-before-deploy: not run, the service already runs np-run-.*:2/);
});

test('a run-before-deploy naming no container of the task is an annotation at the input, before any AWS call', () => {
  const calls = new AwsCallLog().mark();
  const r = deploy({ 'run-before-deploy': 'national-park: migrate' });
  expect(r.status).toBe(1);
  const failure = errors(r);
  expect(failure).toHaveLength(1);
  expect(failure[0]).toContain('title=input run-before-deploy');
  expect(failure[0]).toContain(
    `input "run-before-deploy": "national-park: migrate": container "national-park" is not in the task definition (the task's containers are the compose services: mongo, national-parks); did you mean "national-parks"?`,
  );
  expect(calls.calls()).toEqual([]);
});
