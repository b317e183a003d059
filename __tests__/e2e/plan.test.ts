import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startFakeGitHubApi, type FakeGitHubApi } from '../support/github-api';
import { createEc2Cluster } from '../support/cluster';
import { AwsCallLog, requireStackEnv } from '../support/stack';
import { nationalParksWorkspace, runAction, type RunResult } from './harness';

// mode: plan on a pull request: what a deploy would change, posted as the pull request's one
// comment (environment names only), with read-only AWS calls; and whose comment that is.

requireStackEnv();
jest.setTimeout(240_000);

const suffix = `${process.pid}-${Date.now().toString(36)}`;
const cluster = `plan-${suffix}`;
const family = `web-plan-${suffix}`;
const READS = new Set([
  // verify's, on an EC2 cluster
  'DescribeClusters',
  'ListContainerInstances',
  'DescribeContainerInstances',
  'DescribeServices',
  'DescribeTaskDefinition',
  'DescribeImages',
  'GetAuthorizationToken',
]);
const SECRET_URL = 'postgres://shop:pa55w0rd@db.internal:5432/shop';

let api: FakeGitHubApi;
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-ws-'));

function writeCompose(environment: Record<string, string>): void {
  const env = Object.entries(environment)
    .map(([k, v]) => `      ${k}: "${v}"\n`)
    .join('');
  fs.writeFileSync(
    path.join(workspace, 'docker-compose.yml'),
    `services:\n  web:\n    image: nginx:1.27-alpine\n    mem_limit: 128m\n    ports:\n      - "8080:80"\n    environment:\n${env}`,
  );
}

function pullRequest(number: number) {
  const payload = JSON.parse(
    fs.readFileSync(path.join(__dirname, 'events', 'pull_request-opened.json'), 'utf8'),
  ) as { number: number; pull_request: { number: number; head: { sha: string } } };
  payload.number = number;
  payload.pull_request.number = number;
  return {
    name: 'pull_request',
    payload,
    ref: `refs/pull/${number}/merge`,
    sha: payload.pull_request.head.sha,
  };
}

function plan(
  number: number,
  token = 'ghs_fake_token_for_tests',
  extra: Record<string, string> = {},
): RunResult {
  return runAction({
    workspace,
    event: pullRequest(number),
    env: { GITHUB_API_URL: api.url },
    inputs: { mode: 'plan', cluster, service: 'web', 'task-family': family, 'github-token': token, ...extra },
  });
}

function ok(r: RunResult): void {
  if (r.status !== 0) throw new Error(`exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
}

async function post(token: string, number: number, body: string): Promise<void> {
  const res = await fetch(`${api.url}/repos/example/national-parks/issues/${number}/comments`, {
    method: 'POST',
    headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ body }),
  });
  expect(res.status).toBe(201);
}

async function comments(number: number): Promise<{ id: number; user: { login: string }; body: string }[]> {
  const res = await fetch(`${api.url}/repos/example/national-parks/issues/${number}/comments`, {
    headers: { authorization: 'token ghs_reader' },
  });
  return (await res.json()) as { id: number; user: { login: string }; body: string }[];
}

beforeAll(async () => {
  api = await startFakeGitHubApi();
  await createEc2Cluster(cluster);
});
afterAll(() => api?.stop());

test('a service that does not exist: a deploy would create it; nothing is written anywhere', () => {
  writeCompose({ VERSION: '1' });
  const calls = new AwsCallLog().mark();
  const r = plan(40);
  ok(r);
  expect(r.outputs.changed).toBe('true');
  expect(r.stdout).toContain('Plan: a deploy would create the service web.');
  expect(r.summary).toContain('**State:** a deploy would create the service web');
  // verify's reads of the cluster and its room, then the service.
  expect(calls.calls()).toEqual([
    'DescribeClusters',
    'ListContainerInstances',
    'DescribeContainerInstances',
    'DescribeServices',
  ]);
});

test('a task the account cannot run fails the plan at its line, as it fails the deploy; verify: false skips it', () => {
  writeCompose({ VERSION: '1' });
  const params = path.join(workspace, 'ecs-params.yml');
  fs.writeFileSync(
    params,
    `version: 1\ntask_definition:\n  task_role_arn: arn:aws:iam::123456789012:role/no-such-role-${suffix}\n`,
  );
  try {
    const calls = new AwsCallLog().mark();
    const r = plan(41, undefined, { 'ecs-params': 'ecs-params.yml' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      new RegExp(`^::error file=ecs-params\\.yml,line=3,.*no-such-role-${suffix}`, 'm'),
    );
    expect(calls.writes()).toEqual([]);
    expect(api.writes(0).filter((w) => w.url.includes('/issues/41/'))).toEqual([]);

    const unchecked = plan(41, undefined, { 'ecs-params': 'ecs-params.yml', verify: 'false' });
    ok(unchecked);
    expect(unchecked.stdout).not.toContain('::group::Verify');
  } finally {
    fs.rmSync(params);
  }
});

test('on a pull request: the diff goes to the one comment with names only; the log keeps values, masked', async () => {
  writeCompose({ VERSION: '1', DATABASE_URL: SECRET_URL, LOG_LEVEL: 'info', DB_PASSWORD: 'hunter2hunter2' });
  const deployed = runAction({
    workspace,
    inputs: { cluster, service: 'web', 'task-family': family },
  });
  ok(deployed);
  const running = deployed.outputs['task-definition-arn'];

  writeCompose({
    VERSION: '2',
    DATABASE_URL: SECRET_URL.replace('pa55w0rd', 'n3wpa55'),
    DB_PASSWORD: 'hunter3hunter3',
    FEATURE_FLAGS: 'photos=cdn',
  });
  const calls = new AwsCallLog().mark();
  const from = api.requests().length;
  const r = plan(42);
  ok(r);
  expect(r.outputs.changed).toBe('true');
  expect(r.outputs['task-definition-arn']).toBe('');
  expect(r.outputs['service-arn']).toMatch(new RegExp(`service/${cluster}/web$`));
  // Read-only: every AWS call is a read, and the service still runs what it ran.
  expect(calls.calls().filter((c) => !READS.has(c))).toEqual([]);
  expect(calls.calls()).toContain('DescribeTaskDefinition');

  const writes = api.writes(from);
  expect(writes.map((w) => `${w.method} ${w.url}`)).toEqual([
    'POST /repos/example/national-parks/issues/42/comments',
  ]);
  const body = writes[0]?.body ?? '';
  expect(body).toContain('<!-- habitat-ecs-deploy:preview:web -->');
  expect(body).toContain(`a deploy would update the service web (it runs ${running?.split('/').pop()})`);
  for (const line of [
    'web: env + FEATURE_FLAGS',
    'web: env ~ DATABASE_URL (value changed)',
    'web: env ~ DB_PASSWORD (value changed)',
    'web: env ~ VERSION (value changed)',
    'web: env - LOG_LEVEL',
  ])
    expect(body).toContain(line);
  // No value of any environment variable, old or new, in the comment or the job summary.
  for (const published of [body, r.summary]) {
    for (const value of [
      SECRET_URL,
      'n3wpa55',
      'pa55w0rd',
      'hunter2',
      'hunter3',
      'photos=cdn',
      '"1"',
      '"2"',
      'info',
    ])
      expect(published).not.toContain(value);
  }
  expect(r.summary).toContain('web: env ~ DATABASE_URL (value changed)');
  // The log has the values, with the secret-looking ones masked.
  expect(r.stdout).toContain('web: env ~ VERSION="1" → "2"');
  expect(r.stdout).toContain('web: env ~ DB_PASSWORD=*** → ***');
  expect(r.stdout).not.toContain('hunter3');
});

test('nothing to change: changed is false, and the same comment says so', async () => {
  writeCompose({ VERSION: '1', DATABASE_URL: SECRET_URL, LOG_LEVEL: 'info', DB_PASSWORD: 'hunter2hunter2' });
  const from = api.requests().length;
  const r = plan(42);
  ok(r);
  expect(r.outputs.changed).toBe('false');
  expect(r.stdout).toContain('Plan: a deploy would leave the service web alone: it already runs');
  const writes = api.writes(from);
  expect(writes.map((w) => w.method)).toEqual(['PATCH']);
  expect(writes[0]?.body).toContain('a deploy would leave the service web alone');
  expect((await comments(42)).length).toBe(1);
});

test.each([
  ['GITHUB_TOKEN (the github-actions app)', 'ghs_fake_token_for_tests', 51, 'github-actions[bot]'],
  ["a GitHub App's installation token", 'ghs_app_deployer_0123', 52, 'deployer[bot]'],
  ['a personal access token', 'ghp_release-robot', 53, 'release-robot'],
])('with %s, a marker planted by someone else is never taken over', async (_what, token, number, login) => {
  await post('ghp_mallory', number, '<!-- habitat-ecs-deploy:preview:web -->\nplanted');
  const from = api.requests().length;
  ok(plan(number, token));
  await post('ghp_mallory', number, '<!-- habitat-ecs-deploy:preview:web -->\nplanted again');
  ok(plan(number, token));
  const found = await comments(number);
  expect(found.map((c) => [c.user.login, c.body.split('\n')[1]])).toEqual([
    ['mallory', 'planted'],
    [login, expect.stringContaining('habitat-ecs-deploy: plan web')],
    ['mallory', 'planted again'],
  ]);
  const writes = api.writes(from).filter((w) => w.auth === `token ${token}`);
  expect(writes.map((w) => w.method)).toEqual(['POST', 'PATCH']);
  expect(writes[1]?.url).toBe(`/repos/example/national-parks/issues/comments/${found[1]?.id}`);
});

test('Habitat packages with no release pinned, and reuse off: the plan says each would be exported and pushed', () => {
  const ws = nationalParksWorkspace();
  const calls = new AwsCallLog().mark();
  const r = runAction({
    workspace: ws,
    inputs: {
      mode: 'plan',
      cluster,
      service: 'national-parks',
      'habitat-packages': 'billmeyer/mongodb\nmattray/national-parks',
      // With reuse on, Builder is asked for the latest releases (resolve.test.ts).
      'reuse-released-images': 'false',
    },
  });
  ok(r);
  expect(r.outputs.changed).toBe('true');
  expect(r.stdout).toContain(
    'billmeyer/mongodb: exported and pushed on deploy (no release is pinned: its digest is known once it is exported)',
  );
  expect(r.summary).toContain('| mattray/national-parks: exported and pushed on deploy');
  expect(calls.calls().filter((c) => !READS.has(c))).toEqual([]);
});
