import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { requireStackEnv } from '../support/stack';
import { createEc2Cluster } from '../support/cluster';
import { nationalParksWorkspace, runAction, type RunResult } from './harness';

// A deployment that never stabilises (the stack's second moto reports no running tasks) times out,
// the service goes back to the previous revision, and the step fails saying why.

requireStackEnv();
jest.setTimeout(420_000);

const endpoint = process.env.HABITAT_ECS_STACK_STUCK_ENDPOINT ?? '';
const ecs = new ECSClient({ endpoint });
const suffix = `${process.pid}-${Date.now().toString(36)}`;
const cluster = `stuck-${suffix}`;
const family = `np-stuck-${suffix}`;
const service = 'national-parks';
const workspace = nationalParksWorkspace();

function deploy(inputs: Record<string, string>): RunResult {
  return runAction({
    workspace,
    env: { AWS_ENDPOINT_URL: endpoint },
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
  if (!endpoint)
    throw new Error('HABITAT_ECS_STACK_STUCK_ENDPOINT is not set: eval "$(test/stack/local-stack env)"');
  await createEc2Cluster(cluster, endpoint);

  const first = deploy({ 'wait-for-service-stability': 'false' });
  expect(first.status).toBe(0);
  const previous = first.outputs['task-definition-arn'];
  expect(previous).toMatch(new RegExp(`/${family}:1$`));

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
  expect(second.stdout).toMatch(/Rollback: .*:1/);
  expect(second.summary).toMatch(/timed-out; rollback: /);

  // Asserted on service.taskDefinition: moto never updates deployments[0].taskDefinition.
  const out = await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }));
  expect(out.services?.[0]?.taskDefinition).toBe(previous);
});
