import type { Action } from '@aws-sdk/client-elastic-load-balancing-v2';
import { awsClientOptions, withCallContext } from '../aws/clients';
import { error, UserError, warning, type Diagnostic } from '../diagnostics';
import type { InputName } from '../inputs/spec';
import type { Log } from '../log';
import type { LoadBalancerTarget } from './settings';
import type { StrategySettings } from './strategy';

interface CheckOptions {
  region: string;
  log: Log;
}

/**
 * What a BLUE_GREEN, LINEAR or CANARY deployment needs beyond the target groups (checkTargetGroups
 * reads both), read before anything is written: production (and test) listener rules whose
 * forward action has both target groups, whose weights ECS moves
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb-resources-for-blue-green.html),
 * the lifecycle hooks' Lambda functions, and the CloudWatch alarms. Each client loads only for
 * what is given. A read the credentials may not make is a warning: ECS checks again on the write.
 */
export async function checkStrategyPieces(
  loadBalancers: readonly LoadBalancerTarget[],
  strategy: StrategySettings | undefined,
  options: CheckOptions,
): Promise<void> {
  const problems = [
    ...(await checkListenerRules(loadBalancers, options)),
    ...(await checkHooks([...new Set((strategy?.hooks ?? []).map((h) => h.functionArn))], options)),
    ...(await checkAlarms(strategy?.alarms ?? [], options)),
  ];
  if (problems.length > 0) throw new UserError(problems);
}

/** Whether the error is a denied read, warned of (the check is skipped, not failed). */
function denied(e: unknown, input: InputName, action: string, log: Log): boolean {
  const name = (e as { name?: string }).name ?? '';
  if (!/^(AccessDenied|AccessDeniedException|UnauthorizedOperation)$/.test(name)) return false;
  const w = warning(`could not check ${input} (${action} was denied): ${(e as Error).message}`, { input });
  log.warning(w.message, w);
  return true;
}

async function checkListenerRules(
  loadBalancers: readonly LoadBalancerTarget[],
  options: CheckOptions,
): Promise<Diagnostic[]> {
  const rules = loadBalancers.flatMap((lb) => {
    const a = lb.advanced;
    if (!a?.alternateTargetGroupArn) return [];
    const pair = [lb.targetGroupArn, a.alternateTargetGroupArn];
    return [
      ...(a.productionListenerRule ? [{ which: 'production', arn: a.productionListenerRule, pair }] : []),
      ...(a.testListenerRule ? [{ which: 'test', arn: a.testListenerRule, pair }] : []),
    ];
  });
  if (rules.length === 0) return [];
  const sdk = await import('../aws/sdk/elbv2');
  const elb = withCallContext(new sdk.ElasticLoadBalancingV2Client(awsClientOptions(options.region)));
  const problems: Diagnostic[] = [];
  for (const { which, arn, pair } of rules) {
    // A listener rule, or a listener whose default action forwards.
    const isRule = arn.includes(':listener-rule/');
    let actions: Action[] | undefined;
    try {
      actions = isRule
        ? (await elb.send(new sdk.DescribeRulesCommand({ RuleArns: [arn] }))).Rules?.[0]?.Actions
        : (await elb.send(new sdk.DescribeListenersCommand({ ListenerArns: [arn] }))).Listeners?.[0]
            ?.DefaultActions;
    } catch (e) {
      const action = `elasticloadbalancing:${isRule ? 'DescribeRules' : 'DescribeListeners'}`;
      if (denied(e, 'load-balancer', action, options.log)) continue;
      if (!/(Rule|Listener)NotFound/.test((e as Error).name)) throw e;
      problems.push(
        error(`the ${which} listener rule ${arn} was not found in region ${options.region}`, {
          input: 'load-balancer',
        }),
      );
      continue;
    }
    const forwards = forwardedGroups(actions ?? []);
    const missing = pair.filter((g) => !forwards.includes(g));
    if (missing.length > 0)
      problems.push(
        error(
          `the ${which} listener rule ${arn.split(':').pop() ?? arn} forwards to ${forwards.map(groupName).join(', ') || 'no target group'}, not to ${missing.map(groupName).join(' and ')}: ECS shifts traffic by weighting one forward action's two target groups (${pair.map(groupName).join(' and ')}); make the rule forward to both`,
          { input: 'load-balancer' },
        ),
      );
  }
  return problems;
}

async function checkHooks(functions: readonly string[], options: CheckOptions): Promise<Diagnostic[]> {
  if (functions.length === 0) return [];
  const sdk = await import('../aws/sdk/strategy');
  const lambda = withCallContext(new sdk.LambdaClient(awsClientOptions(options.region)));
  const problems: Diagnostic[] = [];
  for (const arn of functions) {
    try {
      await lambda.send(new sdk.GetFunctionCommand({ FunctionName: arn }));
    } catch (e) {
      if (denied(e, 'deployment-lifecycle-hooks', 'lambda:GetFunction', options.log)) continue;
      if ((e as Error).name !== 'ResourceNotFoundException') throw e;
      problems.push(
        error(
          `the lifecycle hook function ${arn} does not exist: ECS would fail the deployment at its stage`,
          {
            input: 'deployment-lifecycle-hooks',
          },
        ),
      );
    }
  }
  return problems;
}

async function checkAlarms(alarms: readonly string[], options: CheckOptions): Promise<Diagnostic[]> {
  if (alarms.length === 0) return [];
  const sdk = await import('../aws/sdk/strategy');
  const cloudwatch = withCallContext(new sdk.CloudWatchClient(awsClientOptions(options.region)));
  try {
    const found = await cloudwatch.send(
      new sdk.DescribeAlarmsCommand({ AlarmNames: [...alarms], MaxRecords: 100 }),
    );
    const names = new Set(
      [...(found.MetricAlarms ?? []), ...(found.CompositeAlarms ?? [])].map((a) => a.AlarmName),
    );
    const missing = alarms.filter((a) => !names.has(a));
    if (missing.length === 0) return [];
    return [
      error(
        `CloudWatch alarm${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not found in region ${options.region}: create them, or fix the names`,
        { input: 'deployment-alarms' },
      ),
    ];
  } catch (e) {
    if (!denied(e, 'deployment-alarms', 'cloudwatch:DescribeAlarms', options.log)) throw e;
    return [];
  }
}

/** The target groups a rule's forward actions send to (a plain forward, or a weighted one). Pure. */
function forwardedGroups(actions: readonly Action[]): string[] {
  return actions
    .filter((a) => a.Type === 'forward')
    .flatMap((a) => [
      ...(a.TargetGroupArn ? [a.TargetGroupArn] : []),
      ...(a.ForwardConfig?.TargetGroups ?? []).map((t) => t.TargetGroupArn ?? ''),
    ])
    .filter((g, i, all) => g !== '' && all.indexOf(g) === i);
}

function groupName(arn: string): string {
  return arn.split(':targetgroup/').pop()?.split('/')[0] ?? arn;
}
