// The example IAM policies linted by parliament (local-stack lint-policy): what it finds is only
// what the policies must grant on "*", each said why. The actions are proven by __tests__/e2e/iam.test.ts.
//
// Needs the stack (which installs parliament): test/stack/local-stack up && eval "$(test/stack/local-stack env)".
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { examplePolicy } from '../support/iam-proof';
import { requireStackEnv, STACK } from '../support/stack';

requireStackEnv();
jest.setTimeout(60_000);

const values = {
  region: 'us-east-1',
  account: '123456789012',
  cluster: 'prod',
  service: 'web',
  'task-family': 'web',
  origin: 'acme',
  'other-origin': 'core',
  'task-role': 'webTaskRole',
  'execution-role': 'ecsTaskExecutionRole',
  'log-group': '/ecs/web',
  'preview-parameters': 'web-preview',
};

/** Resource "*" where nothing narrower exists or fits: */
const ALLOWED_STAR = [
  // ListTasks names container instances, unknown in advance (ListServices, beside it, has no
  // resource type at all, so parliament does not count it).
  ['ecs:ListTasks'],
  // verify's optional reads (VerifyReadOnly): roles and their policies, secrets, parameters, images,
  // an env file's bucket, the mount targets of EFS file systems (DescribeFileSystems and
  // DescribeAccessPoints, beside them, have no resource type of their own), anywhere in the account.
  [
    'ecr:DescribeImages',
    'ecs:DescribeClusters',
    'ecs:DescribeContainerInstances',
    'ecs:DescribeServices',
    'ecs:ListContainerInstances',
    'elasticfilesystem:DescribeMountTargetSecurityGroups',
    'elasticfilesystem:DescribeMountTargets',
    'iam:GetPolicy',
    'iam:GetPolicyVersion',
    'iam:GetRole',
    'iam:GetRolePolicy',
    'iam:ListAttachedRolePolicies',
    'iam:ListRolePolicies',
    's3:ListBucket',
    'secretsmanager:DescribeSecret',
    'ssm:GetParameter',
  ],
];

test.each(['deploy-policy.json', 'preview-policy.json'])(
  'parliament finds in %s only the Resource "*" each needs',
  (file) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-'));
    const filled = path.join(dir, file);
    fs.writeFileSync(filled, JSON.stringify(examplePolicy(file, values), null, 2));
    const r = spawnSync(STACK, ['lint-policy', filled], { encoding: 'utf8', timeout: 60_000 });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const findings = r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { issue: string; detail: string[] });
    // A preview reads only the parameters and secrets under its own path (VerifyPreviewSecrets).
    const previewScoped = new Set(['secretsmanager:DescribeSecret', 'ssm:GetParameter']);
    const allowed = ALLOWED_STAR.map((d) =>
      file === 'preview-policy.json' ? d.filter((a) => !previewScoped.has(a)) : d,
    );
    expect(findings.map((f) => [f.issue, [...f.detail].sort()])).toEqual(
      allowed.map((d) => ['RESOURCE_STAR', d]),
    );
  },
);
