import type { ApplicationProtocol, PortMapping } from '@aws-sdk/client-ecs';
import type { PortConfig } from '../compose/canonical/types';
import type { TranslateContext } from './context';
import type { KeyPath } from '../problems';

/** A range written as `8000-8002` expands to this many mappings at most; ECS has a small limit anyway. */
const MAX_RANGE = 100;
/**
 * A port mapping's name, as RegisterTaskDefinition takes it: up to 64 lowercase letters, digits,
 * `_` and `-`, not starting with `-`
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html).
 */
const PORT_NAME = /^[a-z0-9_][a-z0-9_-]{0,63}$/;
/** The application protocols ECS takes for a port (Service Connect's proxy speaks them). */
const APP_PROTOCOLS: readonly ApplicationProtocol[] = ['http', 'http2', 'grpc'];

/**
 * `ports:` entries -> portMappings, a range expanded to one mapping per port. A port with no
 * host side gets no hostPort, which ECS reads as "dynamic" in bridge mode and "same" in awsvpc.
 * The long syntax's `name` and `app_protocol` are carried. In the services layout every TCP
 * port is named (the compose name, else `<service>-<port>`), for Service Connect, and `expose:`
 * entries are ports too: the other services reach them.
 */
export function translatePorts(
  ctx: TranslateContext,
  ports: readonly PortConfig[],
  path: KeyPath,
  expose: readonly PortConfig[] = [],
): PortMapping[] {
  if (ctx.networkMode === 'none') {
    ctx.problems.error(
      path,
      'a task with network mode none has no ports to publish; remove ports or change the mode',
    );
    return [];
  }
  const mappings = ports.flatMap((port) => translatePort(ctx, port));
  if (!ctx.services) return mappings;
  const service = ctx.services.service;
  for (const port of expose.flatMap((p) => translatePort(ctx, p))) {
    // A port also published is mapped once.
    if (!mappings.some((m) => m.containerPort === port.containerPort && m.protocol === port.protocol))
      mappings.push(port);
  }
  return mappings.map((m) =>
    m.protocol === 'tcp' && m.name === undefined && m.containerPort !== undefined
      ? { ...m, name: generatedPortName(service, m.containerPort) }
      : m,
  );
}

/** `<service>-<port>`, as a port mapping name: lower case, other characters as `-`, at most 64. */
export function generatedPortName(service: string, port: number): string {
  const suffix = `-${port}`;
  const base = service
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '-')
    .replace(/^-+/, '')
    .slice(0, 64 - suffix.length);
  return `${base || 'port'}${suffix}`;
}

function translatePort(ctx: TranslateContext, port: PortConfig): PortMapping[] {
  const { problems } = ctx;
  const { target, published, protocol, at } = port;
  if (!isTransport(protocol)) {
    problems.error(at, `protocol "${protocol}" is not supported by ECS; use tcp or udp`);
    return [];
  }
  if (port.ingress) {
    problems.warn(
      port.ingress.at,
      'ingress ignored: ECS has no routing mesh; the port is published by each task (put a load balancer in front with the load-balancer input)',
    );
  }
  if (port.host_ip !== undefined) {
    problems.warn(at, `host IP ${port.host_ip} ignored: ECS cannot bind a port to one host address`);
  }
  const count = target.last - target.first + 1;
  if (count > MAX_RANGE) {
    problems.error(at, `port range of ${count} ports is too large; ECS takes at most ${MAX_RANGE} here`);
    return [];
  }
  const named = portNaming(ctx, port, count);
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
    mappings.push({ containerPort, ...(hostPort !== undefined && { hostPort }), protocol, ...named });
  }
  return mappings;
}

/** The `name` and `appProtocol` of a long-syntax port, checked as ECS checks them. */
function portNaming(
  ctx: TranslateContext,
  port: PortConfig,
  count: number,
): Pick<PortMapping, 'name' | 'appProtocol'> {
  const out: Pick<PortMapping, 'name' | 'appProtocol'> = {};
  const { name, app_protocol: app } = port;
  if (name) {
    if (!PORT_NAME.test(name.value)) {
      ctx.problems.error(
        name.at,
        `"${name.value}" cannot name an ECS port mapping: use up to 64 lowercase letters, digits, _ and -, not starting with -`,
      );
    } else if (count > 1) {
      ctx.problems.error(
        name.at,
        `names a range of ${count} ports, but each ECS port mapping needs a name of its own: write the ports one by one`,
      );
    } else out.name = name.value;
  }
  if (app) {
    const value = app.value.toLowerCase();
    const known = APP_PROTOCOLS.find((p) => p === value);
    if (!known) {
      ctx.problems.warn(
        app.at,
        `app_protocol "${app.value}" ignored: ECS knows ${APP_PROTOCOLS.join(', ')} (anything else is plain TCP)`,
      );
    } else if (port.protocol !== 'tcp') {
      ctx.problems.warn(
        app.at,
        `app_protocol ${known} ignored: it applies to TCP ports, and this one is ${port.protocol}`,
      );
    } else out.appProtocol = known;
  }
  return out;
}

function isTransport(protocol: string): protocol is 'tcp' | 'udp' {
  return protocol === 'tcp' || protocol === 'udp';
}
