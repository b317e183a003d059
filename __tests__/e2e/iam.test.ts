import { CloudWatchLogsClient, CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeServicesCommand, DescribeTasksCommand, ECSClient } from '@aws-sdk/client-ecs';
import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { IAMClient } from '@aws-sdk/client-iam';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { addContainerInstance, createEc2Cluster, createTaskRole } from '../support/cluster';
import { logToAwslogs, setMemory } from '../support/compose-edits';
import {
  authorizationsOf,
  describe as describeAuthorization,
  examplePolicy,
  registryAuthorizations,
  simulate,
  widened,
  withTaskTags,
  type Authorization,
  type Policy,
} from '../support/iam-proof';
import { requireStackEnv, runTaskExit, STACK } from '../support/stack';
import { nationalParksWorkspace, runAction, type RunResult } from './harness';

// A deploy, a preview and a teardown as users holding only the example policies (examples/iam/),
// against the stack's moto that enforces IAM (HABITAT_ECS_STACK_IAM_ENDPOINT, test/stack/iam_mode.py).
// moto checks actions only, on Resource "*": the users hold the policies with their resources
// widened, so a call the policy lacks fails the run there. Every call the runs made (the ECS,
// ECR, IAM and CloudWatch Logs calls the front recorded, and each registry request as the ECR
// action the registry front checked it as) is then evaluated against the real, scoped policy by
// a policy simulator: each must be allowed, and each statement must be what allows one of them.

requireStackEnv();
jest.setTimeout(600_000);

const endpoint = process.env.HABITAT_ECS_STACK_IAM_ENDPOINT ?? '';
const state = process.env.HABITAT_ECS_STACK_DIR ?? '';
const admin = JSON.parse(fs.readFileSync(path.join(state, 'iam/admin.json'), 'utf8')) as {
  accessKeyId: string;
  secretAccessKey: string;
};
const suffix = `${process.pid}-${Date.now().toString(36)}`;
const cluster = `iam-${suffix}`;
const service = 'web';
const family = `np-iam-${suffix}`;
const logGroup = `/ecs/iam-${suffix}`;
const values = {
  region: 'us-east-1',
  account: '123456789012',
  cluster,
  service,
  'task-family': family,
  origin: 'billmeyer',
  'other-origin': 'mattray',
  'task-role': 'iamTaskRole',
  'execution-role': 'ecsTaskExecutionRole',
  'log-group': logGroup,
  // The parameters a preview's verify may read (preview-policy.json, VerifyPreviewSecrets).
  'preview-parameters': `np-preview-${suffix}`,
};
// A preview's own secret; production's is any other parameter.
const previewSecret = `arn:aws:ssm:us-east-1:123456789012:parameter/np-preview-${suffix}/db`;
const workspace = nationalParksWorkspace();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-e2e-'));
const callLog = path.join(state, 'logs/moto-iam-calls.jsonl');
const registryLog = path.join(state, 'logs/registry-iam.jsonl');

interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
}

/** A user of the IAM-enforcing moto holding only `policy` (local-stack iam-user). */
function user(name: string, policy: Policy): Keys {
  const file = path.join(scratch, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(policy));
  const r = spawnSync(STACK, ['iam-user', `${name}-${suffix}`, file], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`local-stack iam-user: ${r.stderr}`);
  return JSON.parse(r.stdout) as Keys;
}

function run(keys: Keys, inputs: Record<string, string>, event?: string): RunResult {
  const payload = event
    ? (JSON.parse(fs.readFileSync(path.join(__dirname, 'events', event), 'utf8')) as {
        number: number;
        pull_request: { head: { sha: string } };
      })
    : undefined;
  return runAction({
    workspace,
    ...(payload && {
      event: {
        name: 'pull_request',
        ref: `refs/pull/${payload.number}/merge`,
        sha: payload.pull_request.head.sha,
        payload,
      },
    }),
    env: {
      AWS_ENDPOINT_URL: endpoint,
      AWS_ACCESS_KEY_ID: keys.accessKeyId,
      AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
    },
    inputs: {
      'habitat-packages': 'billmeyer/mongodb\nmattray/national-parks',
      cluster,
      service,
      'task-family': family,
      'image-tag': `iam-${suffix}`,
      'ecs-params': 'ecs-params.yml',
      'keep-revisions': '1',
      'create-repositories': 'true',
      // Exported and pushed each time: what the registry already holds must not decide the calls.
      'reuse-released-images': 'false',
      ...inputs,
    },
    timeoutMs: 280_000,
  });
}

const explain = (r: RunResult) => `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
const migrate = 'national-parks: hab pkg exec mattray/national-parks migrate';

let targetGroup = '';

/** A target group (instance targets: EC2, bridge) a load balancer forwards to, as ECS requires. */
async function instanceTargetGroup(): Promise<string> {
  const options = { endpoint, credentials: admin };
  const ec2 = new EC2Client(options);
  const elb = new ElasticLoadBalancingV2Client(options);
  const subnets = (await ec2.send(new DescribeSubnetsCommand({}))).Subnets ?? [];
  const balancer = await elb.send(
    new CreateLoadBalancerCommand({
      Name: `iam-${Date.now().toString(36)}`,
      Subnets: subnets.slice(0, 2).map((s) => s.SubnetId ?? ''),
    }),
  );
  const created = await elb.send(
    new CreateTargetGroupCommand({
      Name: `iam-${Date.now().toString(36)}`,
      Protocol: 'HTTP',
      Port: 8080,
      VpcId: subnets[0]?.VpcId,
      TargetType: 'instance',
    }),
  );
  const arn = created.TargetGroups?.[0]?.TargetGroupArn ?? '';
  await elb.send(
    new CreateListenerCommand({
      LoadBalancerArn: balancer.LoadBalancers?.[0]?.LoadBalancerArn ?? '',
      Protocol: 'HTTP',
      Port: 80,
      DefaultActions: [{ Type: 'forward', TargetGroupArn: arn }],
    }),
  );
  return arn;
}

const deployPolicy = examplePolicy('deploy-policy.json', values);
const previewPolicy = examplePolicy('preview-policy.json', values);
let deployer: Keys;
let previewer: Keys;

beforeAll(async () => {
  if (!endpoint)
    throw new Error('HABITAT_ECS_STACK_IAM_ENDPOINT is not set: eval "$(test/stack/local-stack env)"');
  // Room for the service, a one-off task beside it, and a preview service (bridge, host port 8080).
  await createEc2Cluster(cluster, endpoint, admin);
  for (let i = 0; i < 5; i++) await addContainerInstance(cluster, endpoint, admin);
  targetGroup = await instanceTargetGroup();
  const iam = new IAMClient({ endpoint, credentials: admin });
  // Production's roles and log group, and the preview's own (preview-suffix -pr).
  const logs = new CloudWatchLogsClient({ endpoint, credentials: admin });
  for (const own of ['', '-pr']) {
    await createTaskRole(`iamTaskRole${own}`, iam);
    await createTaskRole(`ecsTaskExecutionRole${own}`, iam);
    await logs.send(new CreateLogGroupCommand({ logGroupName: `${logGroup}${own}` }));
  }
  await new SSMClient({ endpoint, credentials: admin }).send(
    new PutParameterCommand({ Name: `/np-preview-${suffix}/db`, Value: 'preview-db', Type: 'SecureString' }),
  );
  logToAwslogs(workspace, logGroup);
  fs.writeFileSync(
    path.join(workspace, 'ecs-params.yml'),
    [
      'version: 1',
      'task_definition:',
      '  task_role_arn: arn:aws:iam::123456789012:role/iamTaskRole',
      '  task_execution_role: arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      '',
    ].join('\n'),
  );
  deployer = user('deployer', widened(deployPolicy));
  previewer = user('previewer', widened(previewPolicy));
});

afterAll(() => {
  runTaskExit('clear');
  fs.rmSync(scratch, { recursive: true, force: true });
});

const made = { deploy: [] as Authorization[], preview: [] as Authorization[] };

describe('as users holding only the example policies (actions enforced by moto)', () => {
  test('deploy: a first deploy behind a target group with a migration; one whose migration fails (its logs read), one whose migration is stopped for taking too long; then one that passes', async () => {
    runTaskExit('0');
    const first = run(deployer, {
      'run-before-deploy': migrate,
      'load-balancer': `targetGroupArn=${targetGroup},container=national-parks,port=8080`,
    });
    if (first.status !== 0) throw new Error(explain(first));

    setMemory(workspace, 640);
    runTaskExit('3', 'migration failed: no such table');
    const failed = run(deployer, { 'run-before-deploy': migrate });
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain('migration failed: no such table');
    expect(failed.stdout).not.toMatch(/not authorized|AccessDenied/);

    runTaskExit('never');
    const slow = run(deployer, { 'run-before-deploy': migrate, 'run-timeout-minutes': '0.1' });
    expect(slow.status).toBe(1);
    expect(slow.stdout).not.toMatch(/not authorized|AccessDenied/);

    runTaskExit('0');
    const third = run(deployer, { 'run-before-deploy': migrate });
    if (third.status !== 0) throw new Error(explain(third));
    expect(third.stdout).not.toMatch(/::warning::.*(not authorized|AccessDenied|allow ecs:)/);
  });

  test('preview: opened deploys the preview service (behind a target group, with a migration); pushes whose migration fails, or takes too long; closed, it is torn down', async () => {
    const preview = { preview: 'true', 'run-before-deploy': migrate };
    // The preview's task reads a secret of its own, which its verify may check.
    const params = path.join(workspace, 'ecs-params.yml');
    const production = fs.readFileSync(params, 'utf8');
    fs.writeFileSync(
      params,
      `${production}  services:\n    national-parks:\n      secrets:\n        - name: DB_PASSWORD\n          value_from: ${previewSecret}\n`,
    );
    runTaskExit('0');
    const opened = run(
      previewer,
      { ...preview, 'load-balancer': `targetGroupArn=${targetGroup},container=national-parks,port=8080` },
      'pull_request-opened.json',
    );
    if (opened.status !== 0) throw new Error(explain(opened));
    setMemory(workspace, 768);
    runTaskExit('3', 'preview migration failed');
    const failed = run(previewer, preview, 'pull_request-synchronize.json');
    expect(failed.stdout).toContain('preview migration failed');
    runTaskExit('never');
    const slow = run(
      previewer,
      { ...preview, 'run-timeout-minutes': '0.1' },
      'pull_request-synchronize.json',
    );
    expect(slow.status).toBe(1);
    for (const r of [failed, slow]) expect(r.stdout).not.toMatch(/not authorized|AccessDenied/);
    const closed = run(previewer, { preview: 'true' }, 'pull_request-closed.json');
    fs.writeFileSync(params, production);
    if (closed.status !== 0) throw new Error(explain(closed));
    // Its own repositories, roles and log group: production's are not what it used.
    const images = JSON.parse(opened.outputs.images ?? '{}') as Record<string, string>;
    expect(images.mongo).toMatch(/\/billmeyer\/mongodb-pr@sha256:/);
    expect(images['national-parks']).toMatch(/\/mattray\/national-parks-pr@sha256:/);
    const ecs = new ECSClient({ endpoint, credentials: admin });
    const out = await ecs.send(new DescribeServicesCommand({ cluster, services: [`${service}-pr-42`] }));
    expect(out.services?.[0]?.status ?? 'MISSING').not.toBe('ACTIVE');
  });

  test('teardown: the service and its revisions removed', async () => {
    const r = run(deployer, { mode: 'teardown' });
    if (r.status !== 0) throw new Error(explain(r));
    expect(r.outputs.changed).toBe('true');
  });

  test("AWS's documented push policy (no ecr:GetDownloadUrlForLayer) deploys again: a config it may not read means layers unknown", async () => {
    const pushOnly = user(
      'push-only',
      widened({
        ...deployPolicy,
        Statement: deployPolicy.Statement.map((s) =>
          s.Sid === 'EcrPushImages'
            ? { ...s, Action: [s.Action].flat().filter((a) => a !== 'ecr:GetDownloadUrlForLayer') }
            : s,
        ),
      }),
    );
    const inputs = { service: 'push-only', 'task-family': `${family}-push-only` };
    const first = run(pushOnly, inputs);
    if (first.status !== 0) throw new Error(explain(first));
    const from = fs.readFileSync(registryLog, 'utf8').split('\n').length;
    const again = run(pushOnly, inputs);
    if (again.status !== 0) throw new Error(explain(again));
    const refused = fs
      .readFileSync(registryLog, 'utf8')
      .split('\n')
      .slice(from - 1)
      .filter(
        (l) =>
          l.includes(pushOnly.accessKeyId) &&
          l.includes('GetDownloadUrlForLayer') &&
          l.includes('"status": 403'),
      );
    expect(refused.length).toBeGreaterThan(0);
  });

  test('a policy without its EcsServices statement fails the deploy, naming the permission', async () => {
    const lacking = user(
      'lacking',
      widened({ ...deployPolicy, Statement: deployPolicy.Statement.filter((s) => s.Sid !== 'EcsServices') }),
    );
    const r = run(lacking, {});
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /::error.*not authorized to perform: ecs:(DescribeServices|CreateService|UpdateService)/,
    );
  });
});

describe('iam:PassRole, checked by verify with IAM policy simulation before anything is pushed', () => {
  /** The user's deploy: the errors, and the actions the user's calls (AWS and registry) needed. */
  function refused(keys: Keys): { errors: string[]; actions: string[] } {
    const r = run(keys, {});
    expect(r.status).toBe(1);
    const actions = [
      ...authorizationsOf(callLog, keys.accessKeyId),
      ...registryAuthorizations(registryLog, keys.accessKeyId),
    ].map((a) => a.action);
    return { errors: r.stdout.split('\n').filter((l) => l.startsWith('::error')), actions };
  }
  const withoutPassRole = deployPolicy.Statement.filter((s) => s.Sid !== 'PassTaskRoles');
  const notPushed = [
    'ecr:CreateRepository',
    'ecr:InitiateLayerUpload',
    'ecr:PutImage',
    'ecs:RegisterTaskDefinition',
  ];

  test('a policy without its PassTaskRoles statement fails at both role lines of ecs-params.yml', () => {
    const { errors, actions } = refused(
      user('no-pass-role', widened({ ...deployPolicy, Statement: withoutPassRole })),
    );
    expect(errors).toEqual([
      expect.stringMatching(
        /^::error file=ecs-params\.yml,line=3,col=\d+::.*the credentials may not pass the task role iamTaskRole .*iam:PassRole \(implicitDeny\).*PassTaskRoles/,
      ),
      expect.stringMatching(
        /^::error file=ecs-params\.yml,line=4,col=\d+::.*the credentials may not pass the execution role ecsTaskExecutionRole .*iam:PassRole/,
      ),
    ]);
    expect(actions).toContain('iam:SimulatePrincipalPolicy');
    expect(actions.filter((a) => notPushed.includes(a))).toEqual([]);
  });

  test('PassTaskRoles scoped to the task role alone (and to ECS tasks): only the execution role is refused', () => {
    const scoped = user('task-role-only', {
      ...deployPolicy,
      Statement: [
        ...widened({ ...deployPolicy, Statement: withoutPassRole }).Statement,
        {
          Effect: 'Allow',
          Action: 'iam:PassRole',
          Resource: `arn:aws:iam::${values.account}:role/${values['task-role']}`,
          Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
        },
      ],
    });
    const { errors, actions } = refused(scoped);
    expect(errors).toEqual([
      expect.stringMatching(
        /^::error file=ecs-params\.yml,line=4,col=\d+::.*the credentials may not pass the execution role ecsTaskExecutionRole /,
      ),
    ]);
    expect(actions.filter((a) => notPushed.includes(a))).toEqual([]);
  });
});

describe('every call against the real, scoped policy (a policy simulator)', () => {
  beforeAll(async () => {
    const ecs = new ECSClient({ endpoint, credentials: admin });
    const tagsOf = async (taskArn: string) => {
      const [, , , , , resource = ''] = taskArn.split(':');
      const out = await ecs.send(
        new DescribeTasksCommand({ cluster: resource.split('/')[1], tasks: [taskArn], include: ['TAGS'] }),
      );
      return Object.fromEntries((out.tasks?.[0]?.tags ?? []).map((t) => [t.key ?? '', t.value ?? '']));
    };
    for (const [who, keys] of [
      ['deploy', deployer],
      ['preview', previewer],
    ] as const) {
      made[who] = await withTaskTags(
        [
          ...authorizationsOf(callLog, keys.accessKeyId),
          ...registryAuthorizations(registryLog, keys.accessKeyId),
        ],
        tagsOf,
      );
    }
    // Both runs stopped a one-off task that took too long; each task carries its service's name.
    for (const who of ['deploy', 'preview'] as const)
      expect(made[who].filter((a) => a.action === 'ecs:StopTask').map((a) => a.context)).toEqual([
        expect.objectContaining({
          'aws:ResourceTag/habitat-ecs-deploy:service':
            who === 'deploy' ? service : expect.stringMatching(/^web-pr-\d+$/),
        }),
      ]);
  });

  test.each(['deploy', 'preview'] as const)('the %s policy allows every call its runs made', async (who) => {
    const verdicts = await simulate(who === 'deploy' ? deployPolicy : previewPolicy, made[who]);
    expect(verdicts.length).toBeGreaterThan(20);
    expect(
      verdicts
        .filter((v) => !v.allowed || v.problem)
        .map((v) => `${describeAuthorization(v.authorization)} ${v.problem ?? ''}`),
    ).toEqual([]);
  });

  // Issue 25, finding 2: what production's deploys did, a preview may not. Left to it by design:
  // the reads every plan needs on "*", and what IAM cannot scope (see docs/permissions.md).
  test("the preview policy refuses every call of production's deploys that writes, passes a role or reads a secret", async () => {
    const shared = /^(ecr:GetAuthorizationToken|ecr:DescribeImages|[a-z0-9-]+:(Describe|List)[A-Za-z]*)$/;
    const unscoped = new Set([
      'ecs:DeregisterTaskDefinition',
      'iam:GetRole',
      // verify's question whether the credentials may pass the task's roles: it reads policies and
      // changes nothing; on "*" in the example (see docs/permissions.md for narrowing it).
      'iam:SimulatePrincipalPolicy',
      'logs:DescribeLogGroups',
    ]);
    const production = made.deploy.filter((a) => !shared.test(a.action) && !unscoped.has(a.action));
    for (const action of [
      'ecs:StopTask',
      'ecr:PutImage',
      'ecs:RegisterTaskDefinition',
      'ecs:UpdateService',
      'iam:PassRole',
      'ecs:RunTask',
    ])
      expect(production.map((a) => a.action)).toContain(action);
    const secret = {
      action: 'ssm:GetParameter',
      resource: 'arn:aws:ssm:us-east-1:123456789012:parameter/np/db',
      context: {},
      call: 'SSM GetParameter',
    };
    const allowed = (await simulate(previewPolicy, [...production, secret]))
      .filter((v) => v.allowed)
      .map((v) => describeAuthorization(v.authorization));
    expect(allowed).toEqual([]);
  });

  test.each(['deploy', 'preview'] as const)(
    'the %s policy without any one of its statements denies a call its runs made, naming the permission',
    async (who) => {
      const policy = who === 'deploy' ? deployPolicy : previewPolicy;
      const allowed = (await simulate(policy, made[who]))
        .filter((v) => v.allowed)
        .map((v) => v.authorization);
      const unneeded: string[] = [];
      for (const statement of policy.Statement) {
        const without = { ...policy, Statement: policy.Statement.filter((s) => s !== statement) };
        const denied = (await simulate(without, allowed)).filter((v) => !v.allowed);
        if (denied.length === 0) unneeded.push(statement.Sid ?? '?');
      }
      expect(unneeded).toEqual([]);
    },
  );
});
