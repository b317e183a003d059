import type { CanonicalService } from '../../compose/canonical/types';
import type { ComposeProject } from '../../compose/types';
import type { Problems } from '../../problems';
import type { Endpoint, Reach } from '../context';
import { generatedPortName } from '../ports';

/**
 * A Cloud Map service name that is also one DNS label, as `<service>.<namespace>` needs
 * (https://docs.aws.amazon.com/cloud-map/latest/api/API_CreateService.html: Name).
 */
const DNS_LABEL = /^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$/;

/**
 * How each compose service is reached by the others in the services layout: its Cloud Map name
 * (the compose name in lower case), its hostname, and its TCP ports (`ports:` and `expose:`),
 * which Service Connect gives the others as `<service>:<port>`. Pure; problems at the service.
 */
export function serviceReach(
  project: Pick<ComposeProject, 'services'>,
  namespace: string,
  problems: Problems,
): Map<string, Reach> {
  const reach = new Map<string, Reach>();
  const taken = new Map<string, string>();
  for (const [name, service] of project.services) {
    const discovery = name.toLowerCase();
    if (!DNS_LABEL.test(discovery)) {
      problems.error(
        ['services', name],
        `with layout: services, "${name}" names a Cloud Map service and a DNS name (${discovery}.${namespace}): use up to 63 letters, digits, - and _`,
      );
    }
    const other = taken.get(discovery);
    if (other !== undefined) {
      problems.error(
        ['services', name],
        `with layout: services, "${name}" and "${other}" are one DNS name (${discovery}.${namespace}): rename one`,
      );
    }
    taken.set(discovery, name);
    const hostname = service.definition.hostname;
    reach.set(name, {
      discovery,
      host: `${discovery}.${namespace}`,
      ...(typeof hostname === 'string' && hostname !== '' && { hostname }),
      endpoints: endpoints(name, service.canonical),
    });
  }
  return reach;
}

/** The TCP container ports of a service, each once, named as its port mapping is named. */
function endpoints(name: string, canonical: CanonicalService): Endpoint[] {
  const out: Endpoint[] = [];
  for (const p of [...(canonical.ports ?? []), ...(canonical.expose ?? [])]) {
    if (p.protocol !== 'tcp') continue;
    for (let port = p.target.first; port <= p.target.last; port++) {
      if (out.some((e) => e.port === port)) continue;
      const given = p.target.first === p.target.last ? p.name?.value : undefined;
      out.push({ port, name: given ?? generatedPortName(name, port) });
    }
  }
  return out;
}
