import { DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import { PutRolePolicyCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEc2Cluster, createTaskRole } from '../support/cluster';
import { AwsCallLog, requireStackEnv } from '../support/stack';
import { runAction, type RunResult } from './harness';

// Environment files from S3, run by the bundled action against the stack (moto serves S3 and
// IAM): an env_file that is an S3 object ARN becomes the container's environmentFiles, its values
// never read; verify finds a missing object at its line before any write, in a deploy and a plan
// alike, and says when the execution role's policies do not let ECS read it.

requireStackEnv();
jest.setTimeout(240_000);

const suffix = `${process.pid}-${Date.now().toString(36)}`;
const cluster = `envf-${suffix}`;
const bucket = `hed-env-${suffix}`.toLowerCase().replace(/[^a-z0-9-]/g, '-');
const role = `envf-exec-${suffix}`;
const arn = `arn:aws:s3:::${bucket}/web/prod.env`;
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'hed-envf-'));
const inputs = {
  cluster,
  service: 'web',
  'task-family': `envf-${suffix}`,
  'ecs-params': 'ecs-params.yml',
};

function explain(r: RunResult): string {
  return `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

const annotations = (r: RunResult, kind: 'error' | 'warning') =>
  r.stdout.split('\n').filter((l) => l.startsWith(`::${kind}`));

beforeAll(async () => {
  await createEc2Cluster(cluster);
  await createTaskRole(role);
  await new S3Client({}).send(new CreateBucketCommand({ Bucket: bucket }));
  fs.writeFileSync(
    path.join(workspace, 'docker-compose.yml'),
    `services:\n  web:\n    image: public.ecr.aws/nginx/nginx:1.27\n    mem_limit: 128m\n    env_file:\n      - ${arn}\n`,
  );
  fs.writeFileSync(
    path.join(workspace, 'ecs-params.yml'),
    `version: 1\ntask_definition:\n  task_execution_role: arn:aws:iam::123456789012:role/${role}\n`,
  );
});

test('a missing object fails the deploy and the plan at its env_file line, before any write', () => {
  for (const mode of ['deploy', 'plan']) {
    const calls = new AwsCallLog().mark();
    const r = runAction({ workspace, inputs: { ...inputs, mode } });
    expect(r.status).toBe(1);
    expect(annotations(r, 'error')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^::error file=docker-compose.yml,line=6,.*S3 object ${arn.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} does not exist`,
        ),
      ),
    ]);
    expect(calls.writes()).toEqual([]);
  }
});

test('with the object there, the container gets environmentFiles; a role whose policies do not allow reading it is warned of', async () => {
  await new S3Client({}).send(
    new PutObjectCommand({ Bucket: bucket, Key: 'web/prod.env', Body: 'DATABASE_URL=postgres://secret\n' }),
  );
  const r = runAction({ workspace, inputs });
  if (r.status !== 0) throw new Error(explain(r));
  expect(annotations(r, 'warning').join('\n')).toContain(
    `no policy of the execution role ${role} allows s3:GetObject on ${arn}`,
  );
  // The values stay in S3: never in the log, the summary or the task definition.
  expect(r.stdout).not.toContain('postgres://secret');
  expect(r.summary).not.toContain('postgres://secret');
  const td = await new ECSClient({}).send(
    new DescribeTaskDefinitionCommand({ taskDefinition: r.outputs['task-definition-arn'] ?? '' }),
  );
  const web = td.taskDefinition?.containerDefinitions?.[0];
  expect(web?.environmentFiles).toEqual([{ value: arn, type: 's3' }]);
  expect(web?.environment ?? []).toEqual([]);
});

test('once the role may read it, the plan verifies it without a word', async () => {
  await new IAMClient({}).send(
    new PutRolePolicyCommand({
      RoleName: role,
      PolicyName: 'env-files',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/web/*` },
          { Effect: 'Allow', Action: 's3:GetBucketLocation', Resource: `arn:aws:s3:::${bucket}` },
        ],
      }),
    }),
  );
  const r = runAction({ workspace, inputs: { ...inputs, mode: 'plan' } });
  if (r.status !== 0) throw new Error(explain(r));
  expect(annotations(r, 'warning')).toEqual([]);
  expect(r.stdout).toContain('1 environment file');
});
