import type { ServiceConnectConfiguration } from '@aws-sdk/client-ecs';
import type { Reach } from '../context';

/**
 * A service's Service Connect configuration: its TCP ports under its compose name (the client
 * alias `<service>:<port>` every other service of the namespace can connect to), and the others'
 * for it. Unset when no service has a TCP port: then nobody needs the proxy ECS adds to each task.
 * The discovery name (a Cloud Map service ECS makes) is `<service>-<port>`, apart from the
 * `<service>` one the layout registers for DNS; both must be unique in the namespace
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html).
 */
export function serviceConnectOf(
  name: string,
  reach: ReadonlyMap<string, Reach>,
  namespace: string,
): ServiceConnectConfiguration | undefined {
  if (![...reach.values()].some((r) => r.endpoints.length > 0)) return undefined;
  const own = reach.get(name);
  const services = (own?.endpoints ?? []).map((e) => ({
    portName: e.name,
    discoveryName: `${own?.discovery ?? name}-${e.port}`,
    clientAliases: [{ port: e.port, dnsName: own?.discovery ?? name }],
  }));
  return { enabled: true, namespace, ...(services.length > 0 && { services }) };
}
