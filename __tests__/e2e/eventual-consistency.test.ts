import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import { createEc2Cluster } from '../support/cluster';
import { setMemory } from '../support/compose-edits';
import { AwsCallLog, requireStackEnv, runTaskExit, staleReads } from '../support/stack';
import { nationalParksWorkspace, runAction, type RunResult } from './harness';

// The bundled action against a stack whose reads lag behind its writes, as ECS's may (eventual
// consistency, https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html):
// after each CreateService, UpdateService and RunTask the next reads of what it wrote answer
// MISSING, or the service as it was (local-stack stale-reads). Each path still succeeds, and
// nothing is deleted, rolled back or stopped on a stale read.

requireStackEnv();
jest.setTimeout(300_000);

const ecs = new ECSClient({});
const suffix = `${process.pid}-${Date.now().toString(36)}`;
const cluster = `stale-${suffix}`;
const service = 'national-parks';
const family = `np-stale-${suffix}`;
const workspace = nationalParksWorkspace();
const STALE = 3;

function deploy(extra: Record<string, string> = {}): RunResult {
  return runAction({
    workspace,
    inputs: {
      'habitat-packages': 'billmeyer/mongodb\nmattray/national-parks',
      cluster,
      service,
      'task-family': family,
      'image-tag': `stale-${suffix}`,
      ...extra,
    },
    timeoutMs: 280_000,
  });
}

const explain = (r: RunResult) => `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;

/** The calls after the first `write`, up to the end. */
const after = (calls: string[], write: string) => calls.slice(calls.indexOf(write) + 1);

beforeAll(async () => {
  await createEc2Cluster(cluster);
  setMemory(workspace, 512);
  staleReads(STALE);
});

afterAll(() => {
  staleReads('off');
  runTaskExit('clear');
});

test('a service read MISSING right after CreateService is waited for, not deleted', async () => {
  const calls = new AwsCallLog().mark();
  const r = deploy();
  if (r.status !== 0) throw new Error(explain(r));
  const made = calls.calls();
  expect(made).not.toContain('DeleteService');
  // The stale reads happened: more DescribeServices after the create than the switch answered stale.
  expect(after(made, 'CreateService').filter((c) => c === 'DescribeServices').length).toBeGreaterThan(STALE);
  const out = await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }));
  expect(out.services?.[0]?.status).toBe('ACTIVE');
  expect(out.services?.[0]?.taskDefinition).toBe(r.outputs['task-definition-arn']);
});

test('the service as it was, read right after UpdateService, is not taken for a failed deployment', async () => {
  setMemory(workspace, 640);
  const calls = new AwsCallLog().mark();
  const r = deploy();
  if (r.status !== 0) throw new Error(explain(r));
  expect(r.outputs['task-definition-arn']).toMatch(new RegExp(`/${family}:2$`));
  const made = calls.calls();
  expect(made.filter((c) => c === 'UpdateService')).toHaveLength(1); // no rollback
  expect(after(made, 'UpdateService').filter((c) => c === 'DescribeServices').length).toBeGreaterThan(STALE);
});

test('a one-off task read MISSING right after RunTask is not reported lost, and not stopped', async () => {
  setMemory(workspace, 768);
  runTaskExit('0');
  const calls = new AwsCallLog().mark();
  const r = deploy({ 'run-before-deploy': 'national-parks: hab pkg exec mattray/national-parks migrate' });
  if (r.status !== 0) throw new Error(explain(r));
  const made = calls.calls();
  expect(made).not.toContain('StopTask');
  expect(after(made, 'RunTask').filter((c) => c === 'DescribeTasks').length).toBeGreaterThan(STALE);
  expect(r.summary).toMatch(/national-parks exited 0/);
});
