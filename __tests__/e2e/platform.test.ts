import { DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEc2Cluster } from '../support/cluster';
import { AwsCallLog, requireStackEnv } from '../support/stack';
import { nationalParksWorkspace, runAction, type RunResult } from './harness';

// ARM64, run by the bundled action against the stack (this machine is x86_64): a task of
// compose platform: linux/arm64 registers with ECS's runtimePlatform; exporting Habitat packages
// for an ARM64 task on this runner is refused before anything is touched; linux/amd64, this
// runner's own, exports and deploys; a plan names the platform change.

requireStackEnv();
jest.setTimeout(240_000);

const ecs = new ECSClient({});
const suffix = `${process.pid}-${Date.now().toString(36)}`;
const cluster = `arch-${suffix}`;

function explain(r: RunResult): string {
  return `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

async function runtimePlatformOf(arn: string) {
  const out = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn }));
  return out.taskDefinition?.runtimePlatform;
}

beforeAll(async () => {
  await createEc2Cluster(cluster);
});

test('exporting Habitat packages for an ARM64 task on an x86_64 runner is refused before any write, naming the runner to use', () => {
  if (process.arch !== 'x64') throw new Error(`this test expects an x86_64 machine, not ${process.arch}`);
  const calls = new AwsCallLog().mark();
  const r = runAction({
    workspace: nationalParksWorkspace(),
    inputs: {
      'habitat-packages': 'billmeyer/mongodb\nmattray/national-parks',
      cluster,
      service: 'np-arm',
      'runtime-platform': 'linux/arm64',
    },
  });
  expect(r.status).toBe(1);
  expect(r.stdout).toMatch(
    /::error title=input runtime-platform::.*the task runs on ARM64 \(its runtime platform\), but this runner is X86_64.*runs-on: ubuntu-24\.04-arm/,
  );
  expect(r.stdout).not.toContain('::group::Export');
  expect(calls.writes()).toEqual([]);
});

test("linux/amd64, the runner's own, exports and registers with runtimePlatform X86_64", async () => {
  const r = runAction({
    workspace: nationalParksWorkspace(),
    inputs: {
      'habitat-packages': 'billmeyer/mongodb\nmattray/national-parks',
      cluster,
      service: 'np-amd',
      'task-family': `np-amd-${suffix}`,
      'image-tag': `arch-${suffix}`,
      'runtime-platform': 'linux/amd64',
    },
  });
  if (r.status !== 0) throw new Error(explain(r));
  expect(await runtimePlatformOf(r.outputs['task-definition-arn'] ?? '')).toEqual({
    cpuArchitecture: 'X86_64',
    operatingSystemFamily: 'LINUX',
  });
});

test('compose platform: linux/arm64 registers an ARM64 task (nothing to export), and a plan names the change back', async () => {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'hed-arm-'));
  const compose = (platform: string) =>
    fs.writeFileSync(
      path.join(workspace, 'docker-compose.yml'),
      `services:\n  web:\n    image: public.ecr.aws/nginx/nginx:1.27\n    platform: ${platform}\n    mem_limit: 128m\n    ports: ["8080:80"]\n`,
    );
  compose('linux/arm64');
  const inputs = { cluster, service: 'web-arm', 'task-family': `web-arm-${suffix}` };
  const r = runAction({ workspace, inputs });
  if (r.status !== 0) throw new Error(explain(r));
  expect(await runtimePlatformOf(r.outputs['task-definition-arn'] ?? '')).toEqual({
    cpuArchitecture: 'ARM64',
    operatingSystemFamily: 'LINUX',
  });

  compose('linux/amd64');
  const calls = new AwsCallLog().mark();
  const plan = runAction({ workspace, inputs: { ...inputs, mode: 'plan' } });
  if (plan.status !== 0) throw new Error(explain(plan));
  expect(calls.writes()).toEqual([]);
  expect(plan.summary).toContain('task: runtimePlatform LINUX ARM64 → LINUX X86_64');
});
