import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AwsCallLog, failRollouts, requireStackEnv } from '../support/stack';
import { createEc2Cluster } from '../support/cluster';
import { nationalParksWorkspace, runAction, type RunResult } from './harness';

// A deployment that never stabilises (its tasks cannot be placed) times out, or one ECS reports
// FAILED: the service goes back to the previous revision, and the step fails saying why.

requireStackEnv();
jest.setTimeout(420_000);

const ecs = new ECSClient({});
const suffix = `${process.pid}-${Date.now().toString(36)}`;
const cluster = `stuck-${suffix}`;
const family = `np-stuck-${suffix}`;
const service = 'national-parks';
const workspace = nationalParksWorkspace();

function deploy(inputs: Record<string, string>): RunResult {
  return runAction({
    workspace,
    inputs: {
      'habitat-packages': 'billmeyer/mongodb\nmattray/national-parks',
      cluster,
      service,
      'task-family': family,
      'image-tag': `stuck-${suffix}`,
      'wait-timeout-minutes': '1',
      ...inputs,
    },
    timeoutMs: 400_000,
  });
}

test('a deployment that never stabilises times out, is rolled back to the previous revision, and fails the step', async () => {
  await createEc2Cluster(cluster);

  const first = deploy({});
  expect(first.status).toBe(0);
  const previous = first.outputs['task-definition-arn'];
  expect(previous).toMatch(new RegExp(`/${family}:1$`));

  // Revision 2's tasks will never be placed: its deployment stays IN_PROGRESS.
  await failRollouts({ cluster, service, taskDefinition: `${family}:2`, outcome: 'stuck' });
  const compose = path.join(workspace, 'docker-compose.yml');
  fs.writeFileSync(
    compose,
    fs
      .readFileSync(compose, 'utf8')
      .replace('hostname: "mongodb"', 'hostname: "mongodb"\n    mem_limit: 768m'),
  );
  const second = deploy({});
  expect(second.status).toBe(1);
  expect(second.outputs['task-definition-arn']).toMatch(new RegExp(`/${family}:2$`));

  const failure = second.stdout.split('\n').filter((l) => l.startsWith('::error::'));
  expect(failure).toHaveLength(1);
  expect(failure[0]).toMatch(/Deployment timed-out/);
  // Why, in ECS's own words: the service's events during the deployment.
  expect(second.stdout).toContain(
    `(service ${service}) was unable to place a task because no container instance met all of its requirements.`,
  );
  expect(second.stdout).toContain(`Rollback: service ${service} is back on ${previous} and stable`);
  expect(second.summary).toMatch(/timed-out; rollback: /);

  const out = await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }));
  expect(out.services?.[0]?.taskDefinition).toBe(previous);
});

test("a rollout ECS's circuit breaker fails and rolls back itself fails the step with its reason; the action waits for ECS's rollback, starting none of its own", async () => {
  // The stack's usual endpoint, whose front makes the marked revision's deployments fail.
  const stable = new ECSClient({});
  const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'failed-rollout-'));
  const compose = path.join(plain, 'docker-compose.yml');
  const write = (version: string) =>
    fs.writeFileSync(
      compose,
      `services:\n  web:\n    image: nginx:1.27-alpine\n    mem_limit: 128m\n    environment:\n      VERSION: "${version}"\n`,
    );
  const failedCluster = `failed-${suffix}`;
  const failedFamily = `web-failed-${suffix}`;
  await createEc2Cluster(failedCluster);
  const run = () =>
    runAction({
      workspace: plain,
      inputs: { cluster: failedCluster, service: 'web', 'task-family': failedFamily },
    });

  write('1');
  const first = run();
  expect(first.status).toBe(0);
  const previous = first.outputs['task-definition-arn'] ?? '';
  expect(previous).toMatch(new RegExp(`/${failedFamily}:1$`));

  // Revision 2's tasks will never start.
  await failRollouts({ cluster: failedCluster, service: 'web', taskDefinition: `${failedFamily}:2` });
  write('2');
  const calls = new AwsCallLog().mark();
  const second = run();
  expect(second.status).toBe(1);
  expect(second.outputs['task-definition-arn']).toMatch(new RegExp(`/${failedFamily}:2$`));
  const errors = second.stdout.split('\n').filter((l) => l.startsWith('::error::'));
  expect(errors).toEqual([
    expect.stringMatching(/failed: ECS deployment circuit breaker: tasks failed to start\./),
  ]);
  // The service was created with the breaker's rollback option (the action's default): ECS rolls
  // back by itself, after the action has read FAILED twice (the stack's front shows the rollback
  // from the third read on), and the action must not start a second rollback deployment.
  expect(second.stdout).toContain(
    `Rollback: ECS rolled web back to ${previous} (its circuit breaker), and it is stable`,
  );
  expect(second.summary).toContain(
    `rollback: ECS rolled web back to ${previous} (its circuit breaker), and it is stable`,
  );
  // One UpdateService call: the failed deployment; the rollback is ECS's.
  expect(calls.calls().filter((c) => c === 'UpdateService')).toHaveLength(1);

  const out = await stable.send(new DescribeServicesCommand({ cluster: failedCluster, services: ['web'] }));
  const service = out.services?.[0];
  expect(service?.taskDefinition).toBe(previous);
  expect(service?.deployments).toEqual([
    expect.objectContaining({ status: 'PRIMARY', taskDefinition: previous, rolloutState: 'COMPLETED' }),
  ]);
});
