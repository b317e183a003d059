import type { PortMapping } from '@aws-sdk/client-ecs';
import type { PortConfig } from '../compose/canonical/types';
import type { TranslateContext } from './context';
import type { KeyPath } from '../problems';

/** A range written as `8000-8002` expands to this many mappings at most; ECS has a small limit anyway. */
const MAX_RANGE = 100;

/**
 * `ports:` entries -> portMappings, a range expanded to one mapping per port. A port with no
 * host side gets no hostPort, which ECS reads as "dynamic" in bridge mode and "same" in awsvpc.
 */
export function translatePorts(
  ctx: TranslateContext,
  ports: readonly PortConfig[],
  path: KeyPath,
): PortMapping[] {
  if (ctx.networkMode === 'none') {
    ctx.problems.error(
      path,
      'a task with network mode none has no ports to publish; remove ports or change the mode',
    );
    return [];
  }
  return ports.flatMap((port) => translatePort(ctx, port));
}

function translatePort(ctx: TranslateContext, port: PortConfig): PortMapping[] {
  const { problems } = ctx;
  const { target, published, protocol, at } = port;
  if (!isTransport(protocol)) {
    problems.error(at, `protocol "${protocol}" is not supported by ECS; use tcp or udp`);
    return [];
  }
  if (port.host_ip !== undefined) {
    problems.warn(at, `host IP ${port.host_ip} ignored: ECS cannot bind a port to one host address`);
  }
  const count = target.last - target.first + 1;
  if (count > MAX_RANGE) {
    problems.error(at, `port range of ${count} ports is too large; ECS takes at most ${MAX_RANGE} here`);
    return [];
  }
  const mappings: PortMapping[] = [];
  for (let k = 0; k < count; k++) {
    const containerPort = target.first + k;
    const hostPort = published ? published.first + k : undefined;
    // Containers that share the host's or the task's network stack cannot remap a port.
    const shared = ctx.networkMode === 'awsvpc' || ctx.networkMode === 'host';
    if (hostPort !== undefined && hostPort !== containerPort && shared) {
      problems.error(
        at,
        `host port ${hostPort} differs from container port ${containerPort}, which ${ctx.networkMode} mode` +
          `${ctx.launchType === 'FARGATE' ? ' (required by Fargate)' : ''} does not allow: write "${containerPort}:${containerPort}" or just "${containerPort}"`,
      );
      continue;
    }
    mappings.push({ containerPort, ...(hostPort !== undefined && { hostPort }), protocol });
  }
  return mappings;
}

function isTransport(protocol: string): protocol is 'tcp' | 'udp' {
  return protocol === 'tcp' || protocol === 'udp';
}
