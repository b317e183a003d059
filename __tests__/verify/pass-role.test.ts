import {
  GetRoleCommand,
  IAMClient,
  SimulatePrincipalPolicyCommand,
  type EvaluationResult,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { UserError, type Diagnostic } from '../../src/diagnostics';
import { verifyDeployment } from '../../src/verify';
import { RecordingLog } from '../support/recording-log';
import { verifyTarget } from '../support/verify-target';

// verify asks IAM's policy simulator whether the credentials may pass the task's roles to ECS
// tasks; the responses below are IAM's and STS's, as the SDK parses them.

const ACCOUNT = '123456789012';
const TASK_ROLE = `arn:aws:iam::${ACCOUNT}:role/appTaskRole`;
const EXECUTION_ROLE = `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`;
const USER = `arn:aws:iam::${ACCOUNT}:user/deployer`;
const TRUST = encodeURIComponent(
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' },
    ],
  }),
);

const iam = mockClient(IAMClient);
const sts = mockClient(STSClient);

/** One EvaluationResult for the action, a ResourceSpecificResult per role, as IAM answers now. */
function simulated(
  decisions: Record<string, 'allowed' | 'implicitDeny' | 'explicitDeny'>,
): EvaluationResult[] {
  const all = Object.values(decisions);
  const aggregate = all.includes('explicitDeny')
    ? 'explicitDeny'
    : all.includes('implicitDeny')
      ? 'implicitDeny'
      : 'allowed';
  return [
    {
      EvalActionName: 'iam:PassRole',
      EvalDecision: aggregate,
      MatchedStatements: [],
      MissingContextValues: [],
      ResourceSpecificResults: Object.entries(decisions).map(([arn, decision]) => ({
        EvalResourceName: arn,
        EvalResourceDecision: decision,
        MatchedStatements: [],
        MissingContextValues: [],
      })),
    },
  ];
}

const PARAMS = [
  'version: 1',
  'task_definition:',
  `  task_role_arn: ${TASK_ROLE}`,
  `  task_execution_role: ${EXECUTION_ROLE}`,
  '',
].join('\n');

async function verify(): Promise<{ errors: Diagnostic[]; log: RecordingLog }> {
  const { target } = verifyTarget({
    compose: 'version: "2"\nservices:\n  web:\n    image: nginx\n',
    params: PARAMS,
  });
  const log = new RecordingLog();
  try {
    await verifyDeployment(target, { log, part: 'account' });
    return { errors: [], log };
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return { errors: [...e.diagnostics], log };
  }
}

beforeEach(() => {
  iam.reset();
  sts.reset();
  iam.on(GetRoleCommand).callsFake((input: { RoleName: string }) => ({
    Role: {
      RoleName: input.RoleName,
      Path: '/',
      Arn: `arn:aws:iam::${ACCOUNT}:role/${input.RoleName}`,
      RoleId: 'AROAEXAMPLE',
      CreateDate: new Date(),
      AssumeRolePolicyDocument: TRUST,
    },
  }));
  sts.on(GetCallerIdentityCommand).resolves({ UserId: 'AIDAEXAMPLE', Account: ACCOUNT, Arn: USER });
});

const simulations = () => iam.commandCalls(SimulatePrincipalPolicyCommand).map((c) => c.args[0].input);

test('allowed: no finding, after asking about both roles, passed to ECS tasks, as the caller', async () => {
  iam.on(SimulatePrincipalPolicyCommand).resolves({
    EvaluationResults: simulated({ [TASK_ROLE]: 'allowed', [EXECUTION_ROLE]: 'allowed' }),
    IsTruncated: false,
  });
  const { errors, log } = await verify();
  expect(errors).toEqual([]);
  expect(log.of('warning')).toEqual([]);
  expect(simulations()).toEqual([
    {
      PolicySourceArn: USER,
      ActionNames: ['iam:PassRole'],
      ResourceArns: [TASK_ROLE, EXECUTION_ROLE],
      ContextEntries: [
        {
          ContextKeyName: 'iam:PassedToService',
          ContextKeyValues: ['ecs-tasks.amazonaws.com'],
          ContextKeyType: 'string',
        },
      ],
    },
  ]);
});

test('implicitDeny: an error at the ecs-params line naming the role, the permission and the fix', async () => {
  iam.on(SimulatePrincipalPolicyCommand).resolves({
    EvaluationResults: simulated({ [TASK_ROLE]: 'allowed', [EXECUTION_ROLE]: 'implicitDeny' }),
    IsTruncated: false,
  });
  const { errors } = await verify();
  expect(errors).toHaveLength(1);
  expect(errors[0]?.location?.line).toBe(4);
  expect(errors[0]?.path).toBe('task_definition.task_execution_role');
  expect(errors[0]?.message).toBe(
    `the credentials may not pass the execution role ecsTaskExecutionRole (${EXECUTION_ROLE}) to ECS tasks: ` +
      'ECS refuses the task definition without iam:PassRole (implicitDeny): allow iam:PassRole on the role to the ' +
      'credentials, with the condition iam:PassedToService ecs-tasks.amazonaws.com, as the PassTaskRoles statement ' +
      'of examples/iam/deploy-policy.json does',
  );
});

test('explicitDeny: an error saying a Deny refuses it', async () => {
  iam.on(SimulatePrincipalPolicyCommand).resolves({
    EvaluationResults: simulated({ [TASK_ROLE]: 'explicitDeny', [EXECUTION_ROLE]: 'allowed' }),
    IsTruncated: false,
  });
  const { errors } = await verify();
  expect(errors.map((e) => [e.location?.line, e.message])).toEqual([
    [
      3,
      `the credentials may not pass the task role appTaskRole (${TASK_ROLE}) to ECS tasks: ECS refuses the task ` +
        'definition without iam:PassRole (explicitDeny): a Deny in their policies refuses it',
    ],
  ]);
});

test("an assumed-role session is simulated as its role, with the role's path from GetRole", async () => {
  sts.on(GetCallerIdentityCommand).resolves({
    UserId: 'AROAEXAMPLE:run-42',
    Account: ACCOUNT,
    Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deploy/run-42`,
  });
  iam.on(GetRoleCommand, { RoleName: 'deploy' }).resolves({
    Role: {
      RoleName: 'deploy',
      Path: '/ci/',
      Arn: `arn:aws:iam::${ACCOUNT}:role/ci/deploy`,
      RoleId: 'AROAEXAMPLE',
      CreateDate: new Date(),
    },
  });
  iam.on(SimulatePrincipalPolicyCommand).resolves({
    EvaluationResults: simulated({ [TASK_ROLE]: 'implicitDeny', [EXECUTION_ROLE]: 'allowed' }),
    IsTruncated: false,
  });
  const { errors } = await verify();
  expect(simulations().map((s) => s.PolicySourceArn)).toEqual([`arn:aws:iam::${ACCOUNT}:role/ci/deploy`]);
  expect(errors.map((e) => e.path)).toEqual(['task_definition.task_role_arn']);
});

test('the root user may pass any role: nothing simulated', async () => {
  sts
    .on(GetCallerIdentityCommand)
    .resolves({ UserId: ACCOUNT, Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:root` });
  iam.on(SimulatePrincipalPolicyCommand).rejects(new Error('not to be called'));
  const { errors, log } = await verify();
  // Asked who the credentials are, and found nothing to simulate.
  expect(sts.commandCalls(GetCallerIdentityCommand)).toHaveLength(1);
  expect(simulations()).toEqual([]);
  expect(errors).toEqual([]);
  expect(log.of('warning')).toEqual([]);
});

test('SimulatePrincipalPolicy refused: one warning naming the permission, at the first role', async () => {
  iam
    .on(SimulatePrincipalPolicyCommand)
    .rejects(
      Object.assign(
        new Error(
          `User: ${USER} is not authorized to perform: iam:SimulatePrincipalPolicy on resource: ${USER}`,
        ),
        { name: 'AccessDenied', $fault: 'client' },
      ),
    );
  const { errors, log } = await verify();
  expect(errors).toEqual([]);
  expect(log.of('warning')).toEqual([
    expect.stringMatching(
      /^warning: .*ecs-params\.yml:3:\d+: task_definition\.task_role_arn: not checked: whether the credentials may pass the task role appTaskRole, whether the credentials may pass the execution role ecsTaskExecutionRole, because the credentials may not call iam:SimulatePrincipalPolicy\./,
    ),
  ]);
});

test('a principal IAM cannot simulate (a federated user): a notice that it was not checked', async () => {
  const federated = `arn:aws:sts::${ACCOUNT}:federated-user/alice`;
  sts.on(GetCallerIdentityCommand).resolves({ UserId: `${ACCOUNT}:alice`, Account: ACCOUNT, Arn: federated });
  iam
    .on(SimulatePrincipalPolicyCommand)
    .rejects(
      Object.assign(new Error(`Invalid ARN: ${federated}`), { name: 'InvalidInput', $fault: 'client' }),
    );
  const { errors, log } = await verify();
  expect(errors).toEqual([]);
  expect(log.of('warning')).toEqual([]);
  expect(log.of('info').filter((l) => l.includes('not checked'))).toEqual([
    expect.stringContaining(
      `not checked: whether the credentials (${federated}) may pass the task role appTaskRole, as IAM cannot simulate their policies`,
    ),
    expect.stringContaining('may pass the execution role ecsTaskExecutionRole'),
  ]);
});

test('a decision that hangs on a context key verify cannot give is a warning, not an error', async () => {
  const [result] = simulated({ [TASK_ROLE]: 'allowed', [EXECUTION_ROLE]: 'implicitDeny' });
  const specific = result?.ResourceSpecificResults?.[1];
  if (specific) specific.MissingContextValues = ['aws:SourceIp'];
  iam
    .on(SimulatePrincipalPolicyCommand)
    .resolves({ EvaluationResults: result ? [result] : [], IsTruncated: false });
  const { errors, log } = await verify();
  expect(errors).toEqual([]);
  expect(log.of('warning')).toEqual([
    expect.stringMatching(
      /ecs-params\.yml:4:\d+: .*whether the credentials may pass the execution role ecsTaskExecutionRole depends on aws:SourceIp, which verify cannot know, so it was not checked$/,
    ),
  ]);
});
