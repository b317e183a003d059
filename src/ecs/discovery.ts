import type { ServiceConnectConfiguration, Service, ServiceRegistry } from '@aws-sdk/client-ecs';

/**
 * How an ECS service is found: the Cloud Map services its tasks are registered in
 * (serviceRegistries), and Service Connect. Given on create; on update, changed where they differ
 * (UpdateService takes both, https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html).
 */
export interface DiscoveryFields {
  serviceRegistries?: ServiceRegistry[];
  serviceConnectConfiguration?: ServiceConnectConfiguration;
}

/** The fields of UpdateService for what differs from the service, and a line for each. Pure. */
export function discoveryUpdate(
  service: Service,
  wanted: DiscoveryFields,
): { fields: DiscoveryFields; changes: string[] } {
  const fields: DiscoveryFields = {};
  const changes: string[] = [];
  if (wanted.serviceRegistries) {
    const have = (service.serviceRegistries ?? []).map((r) => r.registryArn ?? '').sort();
    const want = wanted.serviceRegistries.map((r) => r.registryArn ?? '').sort();
    if (have.join('\n') !== want.join('\n')) {
      fields.serviceRegistries = wanted.serviceRegistries;
      changes.push(`Cloud Map registries: ${have.join(', ') || 'none'} -> ${want.join(', ')}`);
    }
  }
  if (wanted.serviceConnectConfiguration) {
    // A deployment's copy is what ECS runs; the service itself does not echo it.
    const have = service.deployments?.find((d) => d.status === 'PRIMARY')?.serviceConnectConfiguration;
    if (serviceConnectKey(have) !== serviceConnectKey(wanted.serviceConnectConfiguration)) {
      fields.serviceConnectConfiguration = wanted.serviceConnectConfiguration;
      changes.push(
        `Service Connect: ${describeServiceConnect(have)} -> ${describeServiceConnect(wanted.serviceConnectConfiguration)}`,
      );
    }
  }
  return { fields, changes };
}

/** `on in app.internal: web:8080` */
export function describeServiceConnect(c: ServiceConnectConfiguration | undefined): string {
  if (!c?.enabled) return 'off';
  const aliases = (c.services ?? []).flatMap((s) =>
    (s.clientAliases ?? []).map((a) => `${a.dnsName ?? s.portName ?? '?'}:${a.port ?? '?'}`),
  );
  return `on in ${c.namespace ?? '?'}${aliases.length > 0 ? `: ${aliases.join(', ')}` : ' (client only)'}`;
}

function serviceConnectKey(c: ServiceConnectConfiguration | undefined): string {
  if (!c?.enabled) return 'off';
  const namespace = (c.namespace ?? '').replace(/^arn:.*:namespace\//, '');
  const services = (c.services ?? [])
    .map((s) =>
      [
        s.portName,
        s.discoveryName ?? '',
        ...(s.clientAliases ?? []).map((a) => `${a.dnsName ?? ''}:${a.port ?? ''}`),
      ].join(' '),
    )
    .sort();
  return JSON.stringify([namespace, services]);
}
