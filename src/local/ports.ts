import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import type { NetworkMode, PortPlan } from './types';

/** Published ports listen on loopback only: a local run is not a server for the network. */
const PUBLISH_ADDRESS = '127.0.0.1';

export interface PortProblem {
  container: string;
  index: number;
  message: string;
}

/**
 * The task's portMappings, checked as ECS checks them and as one host would see them:
 * - bridge: each container publishes its own; a fixed host port taken twice is a clash (ECS would
 *   not place the task), a hostPort of 0 or none is a free one the engine picks (dynamic ports);
 * - awsvpc: one network namespace, so a container port may be mapped once in the whole task, and
 *   hostPort must be none or equal; the pause container publishes each on a free loopback port
 *   (an awsvpc task has no host ports, only its own address);
 * - host: the host's namespace, nothing is published; hostPort none or equal, each port once;
 * - none: no ports at all.
 */
export function planPorts(
  containers: readonly ContainerDefinition[],
  mode: NetworkMode,
): { ports: Map<string, PortPlan[]>; problems: PortProblem[] } {
  const ports = new Map<string, PortPlan[]>();
  const problems: PortProblem[] = [];
  const taken = new Map<string, string>();
  for (const c of containers) {
    const name = c.name ?? '';
    const list: PortPlan[] = [];
    (c.portMappings ?? []).forEach((m, index) => {
      const problem = (message: string) => problems.push({ container: name, index, message });
      const protocol = (m.protocol ?? 'tcp').toLowerCase();
      if (protocol !== 'tcp' && protocol !== 'udp')
        return problem(`protocol "${m.protocol}" must be tcp or udp`);
      if (m.containerPort === undefined) {
        return problem(
          m.containerPortRange
            ? 'containerPortRange is not run locally: map each port with containerPort'
            : 'needs a containerPort',
        );
      }
      if (!validPort(m.containerPort))
        return problem(`containerPort ${m.containerPort} is not a port (1-65535)`);
      if (m.hostPort !== undefined && m.hostPort !== 0 && !validPort(m.hostPort)) {
        return problem(`hostPort ${m.hostPort} is not a port (0-65535)`);
      }
      if (mode === 'none') return problem('the task\'s network mode is "none": it cannot map ports');
      const dynamic = m.hostPort === undefined || m.hostPort === 0;
      if (mode !== 'bridge' && !dynamic && m.hostPort !== m.containerPort) {
        return problem(`in ${mode} mode hostPort must be left out or equal containerPort ${m.containerPort}`);
      }
      const key =
        mode === 'bridge'
          ? dynamic
            ? undefined
            : `${m.hostPort}/${protocol}`
          : `${m.containerPort}/${protocol}`;
      if (key !== undefined) {
        const owner = taken.get(key);
        if (owner !== undefined) {
          return problem(
            mode === 'bridge'
              ? `host port ${key} is already mapped by container "${owner}": two containers of one task cannot publish the same host port`
              : `port ${key} is already mapped by container "${owner}": in ${mode} mode the task's containers share one network namespace, so only one of them can listen on it`,
          );
        }
        taken.set(key, name);
      }
      list.push({
        containerPort: m.containerPort,
        ...(mode === 'bridge' && !dynamic && { hostPort: m.hostPort }),
        ...(mode === 'host' && { hostPort: m.containerPort }),
        protocol,
      });
    });
    ports.set(name, list);
  }
  return { ports, problems };
}

/** `-p` options for ports published through the engine (bridge containers, the awsvpc pause). */
export function publishOptions(ports: readonly PortPlan[]): string[] {
  return ports.flatMap((p) => [
    '--publish',
    `${PUBLISH_ADDRESS}:${p.hostPort ?? ''}:${p.containerPort}/${p.protocol}`,
  ]);
}

/** `8080/tcp,53/udp`: the label `ps` reads to match a container with what the pause publishes. */
export function portsLabel(ports: readonly PortPlan[]): string {
  return ports.map((p) => `${p.containerPort}/${p.protocol}`).join(',');
}

function validPort(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 65535;
}
