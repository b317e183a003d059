import * as fs from 'node:fs';
import * as path from 'node:path';
import { PERMISSION } from '../../src/verify/permissions';

// The example IAM documents say what docs/permissions.md says of them: the deploy and preview
// policies, and the OIDC trust of each role.

interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource?: string | string[];
  Principal?: unknown;
  Condition?: Record<string, Record<string, string | string[]>>;
}

const DIR = path.join(__dirname, '../../examples/iam');
const read = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as { Version: string; Statement: Statement[] };
const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

describe.each(['deploy-policy.json', 'preview-policy.json'])('%s', (file) => {
  const policy = read(file);

  test('names every statement, once', () => {
    const sids = policy.Statement.map((s) => s.Sid);
    expect(sids.every((s) => s && /^[A-Za-z0-9]+$/.test(s))).toBe(true);
    expect(new Set(sids).size).toBe(sids.length);
  });

  test('allows the read-only calls of verify as the optional VerifyReadOnly statement, and only them', () => {
    const verify = policy.Statement.find((s) => s.Sid === 'VerifyReadOnly');
    expect(new Set(list(verify?.Action))).toEqual(new Set(Object.values(PERMISSION)));
    // Read-only: reads, and IAM's policy simulator, which only reads the credentials' own policies.
    expect(list(verify?.Action).every((a) => /:(Describe|List|Get|SimulatePrincipalPolicy$)/.test(a))).toBe(true);
  });
});

test('the preview policy reaches only pr- services and revisions, and deletes no image', () => {
  const preview = read('preview-policy.json');
  const grants = (action: string) =>
    preview.Statement.filter((s) => s.Effect === 'Allow' && list(s.Action).includes(action)).flatMap((s) =>
      list(s.Resource),
    );
  for (const action of ['ecs:CreateService', 'ecs:UpdateService', 'ecs:DeleteService']) {
    expect(grants(action)).toEqual(['arn:aws:ecs:<region>:<account>:service/<cluster>/<service>-pr-*']);
  }
  expect(grants('ecs:TagResource')).toEqual([
    'arn:aws:ecs:<region>:<account>:task-definition/<task-family>-pr-*:*',
    'arn:aws:ecs:<region>:<account>:service/<cluster>/<service>-pr-*',
  ]);
  expect(grants('ecr:BatchDeleteImage')).toEqual([]);
  expect(preview.Statement.flatMap((s) => list(s.Action)).some((a) => a === '*' || a.endsWith(':*'))).toBe(false);
});

test('the preview policy allows the reads of a plan of the production service (docs/plan-and-verify.md, Plan)', () => {
  const preview = read('preview-policy.json');
  const anywhere = (action: string) =>
    preview.Statement.some(
      (s) => s.Effect === 'Allow' && list(s.Action).includes(action) && list(s.Resource).includes('*'),
    );
  for (const action of [
    'ecs:DescribeServices',
    'ecs:DescribeTaskDefinition',
    'ecr:DescribeImages',
    'ecr:GetAuthorizationToken',
    'elasticloadbalancing:DescribeTargetGroups',
  ])
    expect([action, anywhere(action)]).toEqual([action, true]);
});

test('the deploy policy keeps its services to the production one', () => {
  const deploy = read('deploy-policy.json');
  const services = deploy.Statement.find((s) => s.Sid === 'EcsServices');
  expect(list(services?.Resource)).toEqual(['arn:aws:ecs:<region>:<account>:service/<cluster>/<service>']);
});

describe('OIDC trust', () => {
  const oidc = (file: string) => {
    const [statement, ...rest] = read(file).Statement;
    expect(rest).toEqual([]);
    expect(statement?.Action).toBe('sts:AssumeRoleWithWebIdentity');
    expect(statement?.Principal).toEqual({
      Federated: 'arn:aws:iam::<account>:oidc-provider/token.actions.githubusercontent.com',
    });
    expect(statement?.Condition?.StringEquals?.['token.actions.githubusercontent.com:aud']).toBe('sts.amazonaws.com');
    return statement?.Condition ?? {};
  };

  test('the deploy role: pushes to main and release tags only', () => {
    expect(oidc('deploy-role-trust.json').StringLike?.['token.actions.githubusercontent.com:sub']).toEqual([
      'repo:<owner>/<repo>:ref:refs/heads/main',
      'repo:<owner>/<repo>:ref:refs/tags/v*',
    ]);
  });

  test('the preview role: pull requests only, matched exactly', () => {
    const condition = oidc('preview-role-trust.json');
    expect(condition.StringEquals?.['token.actions.githubusercontent.com:sub']).toBe('repo:<owner>/<repo>:pull_request');
    expect(condition.StringLike).toBeUndefined();
  });
});
