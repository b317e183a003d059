import type { Action, Listener, LoadBalancer, Rule } from '@aws-sdk/client-elastic-load-balancing-v2';
import { awsClientOptions, withCallContext } from '../aws/clients';
import type { Log } from '../log';

/** At most this many pages of listeners, and of each listener's rules, are read: the loops are bounded. */
const MAX_PAGES = 10;

/**
 * Where the service answers: `<protocol>://<host>[:<port>]` of the load balancer listener that
 * forwards to its first target group (an HTTPS one before an HTTP one), the host being the
 * listener rule's host-header when a rule forwards and names one host, else the load balancer's
 * DNS name. Undefined when no HTTP(S) listener forwards there (a Network Load Balancer's TCP
 * listener has no URL). Never fails the deploy, which has happened: a read that fails is a
 * warning, and there is no url.
 */
export async function serviceUrl(
  targetGroupArns: readonly string[],
  options: { region: string; log: Log },
): Promise<string | undefined> {
  const target = targetGroupArns[0];
  if (!target) return undefined;
  try {
    const elb = await import('../aws/sdk/elbv2');
    const client = withCallContext(new elb.ElasticLoadBalancingV2Client(awsClientOptions(options.region)));
    const group = (await client.send(new elb.DescribeTargetGroupsCommand({ TargetGroupArns: [target] })))
      .TargetGroups?.[0];
    for (const balancerArn of group?.LoadBalancerArns ?? []) {
      const balancer = (
        await client.send(new elb.DescribeLoadBalancersCommand({ LoadBalancerArns: [balancerArn] }))
      ).LoadBalancers?.[0];
      if (!balancer) continue;
      const listeners: Listener[] = [];
      let marker: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const out = await client.send(
          new elb.DescribeListenersCommand({
            LoadBalancerArn: balancerArn,
            ...(marker && { Marker: marker }),
          }),
        );
        listeners.push(...(out.Listeners ?? []));
        marker = out.NextMarker;
        if (!marker) break;
      }
      const rules = new Map<string, Rule[]>();
      for (const listener of listeners) {
        if (!listener.ListenerArn || forwardsTo(listener.DefaultActions, target)) continue;
        const found: Rule[] = [];
        let next: string | undefined;
        for (let page = 0; page < MAX_PAGES; page++) {
          const out = await client.send(
            new elb.DescribeRulesCommand({
              ListenerArn: listener.ListenerArn,
              ...(next && { Marker: next }),
            }),
          );
          found.push(...(out.Rules ?? []));
          next = out.NextMarker;
          if (!next) break;
        }
        rules.set(listener.ListenerArn, found);
      }
      const url = urlOf(balancer, listeners, rules, target);
      if (url) return url;
    }
    return undefined;
  } catch (e) {
    options.log.warning(
      `no url output: could not read the load balancer of target group ${target} (${(e as Error).name}: ${(e as Error).message}); the elasticloadbalancing:Describe* calls need the CheckTargetGroups statement of docs/permissions.md`,
    );
    return undefined;
  }
}

/**
 * The URL of the target group on this load balancer (pure): an HTTPS listener before an HTTP one,
 * the listener's default action before its rules; the port left out when it is the protocol's own.
 */
export function urlOf(
  balancer: LoadBalancer,
  listeners: readonly Listener[],
  rules: ReadonlyMap<string, readonly Rule[]>,
  targetGroupArn: string,
): string | undefined {
  const web = listeners
    .filter((l) => l.Protocol === 'HTTPS' || l.Protocol === 'HTTP')
    .sort((a, b) =>
      a.Protocol === b.Protocol ? (a.Port ?? 0) - (b.Port ?? 0) : a.Protocol === 'HTTPS' ? -1 : 1,
    );
  for (const listener of web) {
    let host = balancer.DNSName;
    if (!forwardsTo(listener.DefaultActions, targetGroupArn)) {
      const rule = (rules.get(listener.ListenerArn ?? '') ?? []).find((r) =>
        forwardsTo(r.Actions, targetGroupArn),
      );
      if (!rule) continue;
      host = ruleHost(rule) ?? host;
    }
    if (!host) continue;
    const scheme = listener.Protocol === 'HTTPS' ? 'https' : 'http';
    const ownPort = scheme === 'https' ? 443 : 80;
    const port = listener.Port !== undefined && listener.Port !== ownPort ? `:${listener.Port}` : '';
    return `${scheme}://${host.toLowerCase()}${port}`;
  }
  return undefined;
}

function forwardsTo(actions: readonly Action[] | undefined, targetGroupArn: string): boolean {
  return (actions ?? []).some(
    (a) =>
      a.Type === 'forward' &&
      (a.TargetGroupArn === targetGroupArn ||
        (a.ForwardConfig?.TargetGroups ?? []).some((t) => t.TargetGroupArn === targetGroupArn)),
  );
}

/** The one host a rule's host-header condition names, when it names exactly one without wildcards. */
function ruleHost(rule: Rule): string | undefined {
  const hosts = (rule.Conditions ?? []).flatMap((c) =>
    c.Field === 'host-header' ? (c.HostHeaderConfig?.Values ?? c.Values ?? []) : [],
  );
  return hosts.length === 1 && !/[*?]/.test(hosts[0] ?? '') ? hosts[0] : undefined;
}
