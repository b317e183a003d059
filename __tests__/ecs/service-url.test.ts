import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
  type Listener,
  type Rule,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { serviceUrl, urlOf } from '../../src/ecs/service-url';
import { RecordingLog } from '../support/recording-log';

const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1';
const OTHER = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/2';
const LB = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shop/3';
const balancer = { LoadBalancerArn: LB, DNSName: 'Shop-123.us-east-1.elb.amazonaws.com' };
const forward = (arn: string) => [{ Type: 'forward' as const, TargetGroupArn: arn }];

function listener(protocol: string, port: number, to: string, arn = `${LB}/${port}`): Listener {
  return {
    ListenerArn: arn,
    Protocol: protocol as Listener['Protocol'],
    Port: port,
    DefaultActions: forward(to),
  };
}

describe('urlOf', () => {
  it("is the load balancer's name and the listener's port, left out when it is the protocol's own", () => {
    expect(urlOf(balancer, [listener('HTTP', 80, TG)], new Map(), TG)).toBe(
      'http://shop-123.us-east-1.elb.amazonaws.com',
    );
    expect(urlOf(balancer, [listener('HTTP', 8080, TG)], new Map(), TG)).toBe(
      'http://shop-123.us-east-1.elb.amazonaws.com:8080',
    );
  });

  it('takes an HTTPS listener before an HTTP one, and skips listeners that forward elsewhere', () => {
    const listeners = [listener('HTTP', 80, TG), listener('HTTPS', 443, TG), listener('HTTPS', 8443, OTHER)];
    expect(urlOf(balancer, listeners, new Map(), TG)).toBe('https://shop-123.us-east-1.elb.amazonaws.com');
  });

  it('follows a rule that forwards to the group, with the one host its host-header names', () => {
    const l = listener('HTTPS', 443, OTHER);
    const rule = (values: string[]): Rule => ({
      Actions: [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: TG, Weight: 1 }] } }],
      Conditions: [{ Field: 'host-header', HostHeaderConfig: { Values: values } }],
    });
    const rules = (r: Rule) => new Map([[l.ListenerArn ?? '', [r]]]);
    expect(urlOf(balancer, [l], rules(rule(['web.example.com'])), TG)).toBe('https://web.example.com');
    // A wildcard or several hosts name no single address: the load balancer's own name.
    expect(urlOf(balancer, [l], rules(rule(['*.example.com'])), TG)).toBe(
      'https://shop-123.us-east-1.elb.amazonaws.com',
    );
  });

  it('is undefined for a TCP listener (a Network Load Balancer) or no listener forwarding there', () => {
    expect(urlOf(balancer, [listener('TCP', 80, TG)], new Map(), TG)).toBeUndefined();
    expect(urlOf(balancer, [listener('HTTP', 80, OTHER)], new Map(), TG)).toBeUndefined();
  });
});

describe('serviceUrl', () => {
  const elb = mockClient(ElasticLoadBalancingV2Client);
  beforeEach(() => elb.reset());
  afterAll(() => elb.restore());

  it("reads the group's load balancer, its listeners (every page) and the rules of those that do not forward there", async () => {
    elb
      .on(DescribeTargetGroupsCommand)
      .resolves({ TargetGroups: [{ TargetGroupArn: TG, LoadBalancerArns: [LB] }] });
    elb.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: [balancer] });
    elb
      .on(DescribeListenersCommand)
      .resolvesOnce({ Listeners: [listener('HTTP', 80, OTHER)], NextMarker: 'm' })
      .resolvesOnce({ Listeners: [listener('HTTP', 8080, TG)] });
    elb.on(DescribeRulesCommand).resolves({ Rules: [] });
    const log = new RecordingLog();
    await expect(serviceUrl([TG], { region: 'us-east-1', log })).resolves.toBe(
      'http://shop-123.us-east-1.elb.amazonaws.com:8080',
    );
    expect(elb.commandCalls(DescribeListenersCommand)[1]?.args[0].input).toMatchObject({ Marker: 'm' });
    expect(elb.commandCalls(DescribeRulesCommand)).toHaveLength(1);
    expect(log.of('warning')).toEqual([]);
  });

  it('has no url, and warns, when the load balancer cannot be read; nothing to read without a target group', async () => {
    elb
      .on(DescribeTargetGroupsCommand)
      .rejects(Object.assign(new Error('not allowed'), { name: 'AccessDenied' }));
    const log = new RecordingLog();
    await expect(serviceUrl([TG], { region: 'us-east-1', log })).resolves.toBeUndefined();
    expect(log.of('warning')).toEqual([
      expect.stringMatching(/^warning: no url output: .*AccessDenied: not allowed/),
    ]);
    await expect(serviceUrl([], { region: 'us-east-1', log })).resolves.toBeUndefined();
    expect(elb.commandCalls(DescribeTargetGroupsCommand)).toHaveLength(1);
  });
});
