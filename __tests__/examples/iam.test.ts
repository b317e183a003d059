import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
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
const WORKFLOWS = path.join(__dirname, '../../examples/workflows');

interface Job {
  environment?: string | { name?: string };
  steps?: { uses?: string; with?: Record<string, string> }[];
}
interface Workflow {
  jobs: Record<string, Job>;
}
const roleOf = (job: Job) =>
  job.steps?.find((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'))?.with?.['role-to-assume'];
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

  test('allows the read-only calls of verify as the optional Verify statements, and only them', () => {
    const verify = policy.Statement.filter((s) => s.Sid?.startsWith('Verify')).flatMap((s) => list(s.Action));
    expect(new Set(verify)).toEqual(new Set(Object.values(PERMISSION)));
    // Read-only: reads, and IAM's policy simulator, which only reads the credentials' own policies.
    expect(verify.every((a) => /:(Describe|List|Get|SimulatePrincipalPolicy$)/.test(a))).toBe(true);
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
    'arn:aws:ecs:<region>:<account>:task/<cluster>/*',
  ]);
  // StopTask reaches only the tasks a preview started: RunTask tags each with its service's name,
  // and a preview may tag a task it starts with a preview service's name only.
  const conditions = (action: string) =>
    preview.Statement.filter((s) => list(s.Action).includes(action) && list(s.Resource).some((r) => r.includes(':task/'))).map(
      (s) => s.Condition,
    );
  expect(conditions('ecs:StopTask')).toEqual([
    { StringLike: { 'aws:ResourceTag/habitat-ecs-deploy:service': '<service>-pr-*' } },
  ]);
  expect(conditions('ecs:TagResource')).toEqual([
    {
      StringEquals: { 'ecs:CreateAction': 'RunTask' },
      StringLike: { 'aws:RequestTag/habitat-ecs-deploy:service': '<service>-pr-*' },
    },
  ]);
  expect(grants('ecr:BatchDeleteImage')).toEqual([]);
  expect(preview.Statement.flatMap((s) => list(s.Action)).some((a) => a === '*' || a.endsWith(':*'))).toBe(false);
});

// Issue 25, finding 2: what a preview writes, passes and reads by name is its own (preview-suffix
// `-pr`): no repository, role, log group or parameter production uses.
test("the preview policy names none of production's repositories, roles, log groups or parameters", () => {
  const preview = read('preview-policy.json');
  const grants = (prefix: string) =>
    preview.Statement.filter((s) => s.Effect === 'Allow' && list(s.Action).some((a) => a.startsWith(prefix)))
      .flatMap((s) => list(s.Resource))
      .filter((r) => r !== '*');
  const ecr = preview.Statement.filter((s) => list(s.Action).some((a) => a.startsWith('ecr:') && a !== 'ecr:GetAuthorizationToken' && a !== 'ecr:DescribeImages'));
  expect(ecr.flatMap((s) => list(s.Resource)).every((r) => r.endsWith('-pr'))).toBe(true);
  expect(grants('iam:PassRole')).toEqual([
    'arn:aws:iam::<account>:role/<task-role>-pr',
    'arn:aws:iam::<account>:role/<execution-role>-pr',
  ]);
  expect(grants('logs:GetLogEvents')).toEqual([
    'arn:aws:logs:<region>:<account>:log-group:<log-group>-pr:log-stream:*',
  ]);
  for (const action of ['ssm:GetParameter', 'secretsmanager:DescribeSecret']) {
    const on = preview.Statement.filter((s) => list(s.Action).includes(action)).flatMap((s) => list(s.Resource));
    expect(on.length).toBeGreaterThan(0);
    expect(on.every((r) => r.includes('<preview-parameters>/'))).toBe(true);
  }
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

  // A `refs/tags/v*` subject would let anyone who can push a tag, on any commit, take the role;
  // an environment's deployment rules (branches and tags, reviewers) decide which runs may.
  test('the deploy role: the production environment only, matched exactly', () => {
    const condition = oidc('deploy-role-trust.json');
    expect(condition.StringEquals?.['token.actions.githubusercontent.com:sub']).toBe(
      'repo:<owner>/<repo>:environment:production',
    );
    expect(condition.StringLike).toBeUndefined();
  });

  // A job's `environment:` replaces the `ref:` or `pull_request` of its token's subject.
  test.each(fs.readdirSync(WORKFLOWS))('%s: every job that assumes a role is where that role trusts', (file) => {
    const jobs = (YAML.parse(fs.readFileSync(path.join(WORKFLOWS, file), 'utf8')) as Workflow).jobs;
    const assuming = Object.values(jobs).filter((job) => roleOf(job));
    expect(assuming.length).toBeGreaterThan(0);
    for (const job of assuming) {
      const environment = typeof job.environment === 'string' ? job.environment : job.environment?.name;
      if (roleOf(job)?.endsWith(':role/deploy-national-parks')) expect(environment).toBe('production');
      else expect([roleOf(job), environment]).toEqual(['arn:aws:iam::123456789012:role/preview-national-parks', undefined]);
    }
  });

  test('the preview role: pull requests only, matched exactly', () => {
    const condition = oidc('preview-role-trust.json');
    expect(condition.StringEquals?.['token.actions.githubusercontent.com:sub']).toBe('repo:<owner>/<repo>:pull_request');
    expect(condition.StringLike).toBeUndefined();
  });
});
