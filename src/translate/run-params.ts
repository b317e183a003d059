import type { NetworkConfiguration } from '@aws-sdk/client-ecs';
import type { Reader } from './params-reader';
import type { KeyPath } from '../problems';

interface ServiceDiscoveryParams {
  containerName?: string;
  containerPort?: number;
  privateDnsNamespace?: { id?: string; name?: string; vpc?: string; description?: string };
  publicDnsNamespace?: { id?: string; name?: string };
  serviceDiscoveryService?: {
    name?: string;
    description?: string;
    dnsConfig?: { type?: string; ttl?: number };
    healthcheckCustomConfig?: { failureThreshold?: number };
  };
}

/** ecs-params run_params: how the service runs the task, kept for the deploy stage. */
export interface RunParams {
  networkConfiguration?: NetworkConfiguration;
  serviceDiscovery?: ServiceDiscoveryParams;
}

export function readRunParams(r: Reader, value: unknown): RunParams {
  const run = r.map(value, ['run_params'], ['network_configuration', 'service_discovery', 'task_placement']);
  if (run.task_placement !== undefined) {
    r.p.warn(['run_params', 'task_placement'], 'ignored: set placement on the ECS service instead');
  }
  const out: RunParams = {};
  const path = ['run_params', 'network_configuration', 'awsvpc_configuration'];
  const net = r.map(run.network_configuration, path.slice(0, 2), ['awsvpc_configuration']);
  if (net.awsvpc_configuration !== undefined) {
    const a = r.map(net.awsvpc_configuration, path, ['subnets', 'security_groups', 'assign_public_ip']);
    const subnets = r
      .list(a.subnets, [...path, 'subnets'])
      .map((s, i) => r.string(s, [...path, 'subnets', i]) ?? '');
    if (subnets.length === 0) r.p.error([...path, 'subnets'], 'awsvpc needs at least one subnet id');
    const groups = r.list(a.security_groups, [...path, 'security_groups']);
    const securityGroups = groups.map((s, i) => r.string(s, [...path, 'security_groups', i]) ?? '');
    const publicIp = r.oneOf(a.assign_public_ip, [...path, 'assign_public_ip'], [
      'ENABLED',
      'DISABLED',
    ] as const);
    out.networkConfiguration = {
      awsvpcConfiguration: {
        subnets,
        ...(securityGroups.length > 0 && { securityGroups }),
        ...(publicIp && { assignPublicIp: publicIp }),
      },
    };
  }
  if (run.service_discovery !== undefined) out.serviceDiscovery = serviceDiscovery(r, run.service_discovery);
  return out;
}

function serviceDiscovery(r: Reader, value: unknown): ServiceDiscoveryParams {
  const at = (...path: KeyPath) => ['run_params', 'service_discovery', ...path];
  const sd = r.map(value, at(), [
    'container_name', 'container_port', 'private_dns_namespace', 'public_dns_namespace', 'service_discovery_service',
  ]); // prettier-ignore
  const out: ServiceDiscoveryParams = {};
  const containerName = r.string(sd.container_name, at('container_name'));
  if (containerName) out.containerName = containerName;
  const port = r.whole(sd.container_port, at('container_port'));
  if (port !== undefined) out.containerPort = port;
  const namespace = <K extends string>(key: string, fields: readonly K[]) =>
    r.strings(r.map(sd[key], at(key), fields), at(key), fields);
  if (sd.private_dns_namespace !== undefined)
    out.privateDnsNamespace = namespace('private_dns_namespace', ['vpc', 'id', 'name', 'description']);
  if (sd.public_dns_namespace !== undefined) {
    out.publicDnsNamespace = namespace('public_dns_namespace', ['id', 'name']);
    r.p.warn(
      at('public_dns_namespace'),
      "ignored: the service is registered in a private DNS namespace only (private_dns_namespace); a public one would publish the tasks' private addresses",
    );
  }
  if (
    sd.private_dns_namespace !== undefined &&
    !out.privateDnsNamespace?.id &&
    !out.privateDnsNamespace?.name
  )
    r.p.error(
      at('private_dns_namespace'),
      'needs the id of a namespace, or the name of one (created when missing)',
    );
  if (sd.service_discovery_service !== undefined) {
    const path = at('service_discovery_service');
    const s = r.map(sd.service_discovery_service, path, [
      'name',
      'description',
      'dns_config',
      'healthcheck_custom_config',
    ]);
    const dns = r.map(s.dns_config, [...path, 'dns_config'], ['type', 'ttl']);
    const hc = r.map(
      s.healthcheck_custom_config,
      [...path, 'healthcheck_custom_config'],
      ['failure_threshold'],
    );
    const type = r.oneOf(dns.type, [...path, 'dns_config', 'type'], ['A', 'SRV'] as const);
    const ttl = r.whole(dns.ttl, [...path, 'dns_config', 'ttl']);
    const threshold = r.whole(hc.failure_threshold, [
      ...path,
      'healthcheck_custom_config',
      'failure_threshold',
    ]);
    out.serviceDiscoveryService = {
      ...r.strings(s, path, ['name', 'description']),
      ...((type || ttl !== undefined) && {
        dnsConfig: { ...(type && { type }), ...(ttl !== undefined && { ttl }) },
      }),
      ...(threshold !== undefined && { healthcheckCustomConfig: { failureThreshold: threshold } }),
    };
  }
  return out;
}
