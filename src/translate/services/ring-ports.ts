import { DEFAULT_PORTS } from '../habitat/ports';
import { isSupervisorCommand, parseSupervisorArgs } from '../habitat/supervisor';
import { lastFlagValue } from '../habitat/supervisor-args';
import { splitHostPort } from '../habitat/supervisor-values';
import type { ServicesTranslation } from './types';

/** A port one service's tasks are reached on by the others'. */
export interface ServicePort {
  protocol: 'tcp' | 'udp';
  port: number;
  why: string;
}

/**
 * The ports the services of the layout reach each other on, each once: the Supervisors' gossip
 * (TCP and UDP) and HTTP gateway (the ring, and binds read through the census), and the ports
 * Service Connect's proxies connect to. What the security groups must let in from themselves.
 */
export function servicePorts(services: ServicesTranslation, habitat: ReadonlySet<string>): ServicePort[] {
  const out = new Map<string, ServicePort>();
  const add = (protocol: 'tcp' | 'udp', port: number, why: string) => {
    const key = `${protocol}/${port}`;
    const seen = out.get(key);
    if (seen && !seen.why.includes(why)) seen.why = `${seen.why}; ${why}`;
    else if (!seen) out.set(key, { protocol, port, why });
  };
  for (const unit of services.units) {
    const c = unit.taskDefinition.containerDefinitions?.[0];
    if (c && habitat.has(unit.name) && isSupervisorCommand(c.command)) {
      const parsed = parseSupervisorArgs(c.command ?? []);
      const port = (flag: 'listen-gossip' | 'listen-http', fallback: number) => {
        const value = parsed.ok ? lastFlagValue(parsed.args, flag) : undefined;
        return (value !== undefined ? splitHostPort(value)?.port : undefined) ?? fallback;
      };
      const gossip = port('listen-gossip', DEFAULT_PORTS.gossip);
      add('tcp', gossip, 'Habitat gossip');
      add('udp', gossip, 'Habitat gossip');
      add('tcp', port('listen-http', DEFAULT_PORTS.http), "the Supervisors' HTTP gateway");
    }
    for (const s of unit.serviceConnect?.services ?? []) {
      const mapping = c?.portMappings?.find((m) => m.name === s.portName);
      const alias = s.clientAliases?.[0];
      if (mapping?.containerPort !== undefined)
        add(
          'tcp',
          mapping.containerPort,
          `Service Connect to ${alias?.dnsName ?? unit.name}:${alias?.port ?? mapping.containerPort}`,
        );
    }
  }
  return [...out.values()];
}
