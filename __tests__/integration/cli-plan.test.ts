import {
  CreateClusterCommand,
  CreateServiceCommand,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { AwsCallLog, stackEcsClient } from '../support/stack';

// `habitat-ecs plan` against the stack's ECS: the service's running revision read, the diff and
// the verdict printed, and nothing written.

const ecs = stackEcsClient();
const suffix = Math.random().toString(36).slice(2, 8);
const cluster = `cli-plan-${suffix}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-plan-'));
const compose = path.join(dir, 'docker-compose.yml');
const env = { ...process.env, AWS_REGION: 'us-east-1' };

async function plan(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), env };
  const status = await main(['plan', '-f', compose, '--cluster', cluster, '--family', 'web', ...args], io);
  return { status, stdout: out.join(''), stderr: err.join('') };
}

beforeAll(async () => {
  await ecs.send(new CreateClusterCommand({ clusterName: cluster }));
  const registered = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'web',
      containerDefinitions: [
        {
          name: 'web',
          image: 'nginx:1.27-alpine',
          memory: 128,
          essential: true,
          environment: [
            { name: 'VERSION', value: '1' },
            { name: 'API_TOKEN', value: 'old-token-value' },
          ],
        },
      ],
    }),
  );
  await ecs.send(
    new CreateServiceCommand({
      cluster,
      serviceName: 'web',
      taskDefinition: registered.taskDefinition?.taskDefinitionArn,
      desiredCount: 1,
    }),
  );
});

test('prints the verdict and the diff with values (secret ones masked), and writes nothing', async () => {
  fs.writeFileSync(
    compose,
    'services:\n  web:\n    image: nginx:1.27-alpine\n    mem_limit: 256m\n    environment:\n      VERSION: "2"\n      API_TOKEN: new-token-value\n',
  );
  const calls = new AwsCallLog().mark();
  const r = await plan('--service', 'web');
  expect(r.status).toBe(0);
  // Render's warnings, on stderr as render prints them.
  expect(r.stderr).toMatch(
    /^\S+docker-compose\.yml:7:\d+: warning: services\.web\.environment\.API_TOKEN: API_TOKEN looks like a secret/,
  );
  expect(r.stdout.split('\n')).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^Plan: a deploy would update the service web \(it runs web:\d+\)\.$/),
      '  web: memory 128 → 256',
      '  web: env ~ API_TOKEN=*** → ***',
      '  web: env ~ VERSION="1" → "2"',
    ]),
  );
  expect(r.stdout).not.toContain('token-value');
  expect([...new Set(calls.calls())].sort()).toEqual(['DescribeServices', 'DescribeTaskDefinition']);
});

test('a service that is not there: would be created, or with --no-create-service, an error', async () => {
  expect((await plan('--service', 'absent')).stdout).toContain(
    'Plan: a deploy would create the service absent.',
  );
  const refused = await plan('--service', 'absent', '--no-create-service');
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain('service "absent" does not exist in cluster');
});

test('a build: service would be built and pushed, as the action plans it', async () => {
  fs.mkdirSync(path.join(dir, 'api'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'api', 'Dockerfile'), 'FROM scratch\nCOPY Dockerfile /\n');
  fs.writeFileSync(compose, 'name: shop\nservices:\n  api:\n    build: ./api\n    mem_limit: 128m\n');
  const r = await plan('--service', 'absent', '--account-id', '123456789012');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('shop/api: built and pushed on deploy');
});
