import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import { isIpAddress, parseBind, splitHostPort } from './supervisor-values';
import { commandPath, type HabitatContainer, type HabitatContext } from './context';
import { DEFAULT_PORTS, type SupervisorPorts } from './ports';

/** `from` peers with `to`: `from` should start after `to`. */
export interface PeerEdge {
  from: string;
  to: string;
}

/**
 * Makes every `--peer` reach its target. The Supervisor resolves a peer's host name once, at
 * start, and exits if it does not resolve, so a wrong name is an error here, not at 3 a.m.
 * - bridge: the target must be linked (ECS only writes /etc/hosts entries for links).
 * - shared namespace: names do not resolve at all (no links, no hostnames), but every container
 *   is on 127.0.0.1, so the peer becomes 127.0.0.1:<the target's gossip port>.
 */
export function resolvePeers(
  context: HabitatContext,
  ports: ReadonlyMap<string, SupervisorPorts>,
): PeerEdge[] {
  const edges: PeerEdge[] = [];
  for (const container of context.habitat) {
    for (const flag of container.args?.flags ?? []) {
      if (flag.name !== 'peer') continue;
      flag.values = flag.values.map((value) => {
        const address = splitHostPort(value);
        if (!address || address.host === 'localhost' || isIpAddress(address.host)) return value;
        if (context.services) return serviceAddress(context, container.name, value, edges);
        const target = findTarget(context, container.definition, address.host);
        if (!target) {
          context.problems.error(
            commandPath(container.name),
            unresolvedMessage(context, container.name, address.host),
          );
          return value;
        }
        const targetName = target.name ?? '';
        if (targetName !== container.name) edges.push({ from: container.name, to: targetName });
        const gossip = ports.get(targetName)?.gossip ?? address.port ?? DEFAULT_PORTS.gossip;
        if (context.sharedNamespace) return `127.0.0.1:${gossip}`;
        if (address.port !== undefined && address.port !== gossip && ports.has(targetName)) {
          context.problems.warn(
            commandPath(container.name),
            `--peer ${value}: the Supervisor of "${targetName}" gossips on port ${gossip}, not ${address.port}`,
          );
        }
        if (targetName !== container.name) ensureLink(context, container, target, address.host);
        return value;
      });
    }
  }
  if (context.sharedNamespace) dropNames(context);
  return edges;
}

/**
 * The services layout: every compose service is an ECS service of its own, registered in Cloud
 * Map, so a peer named by its compose name or hostname becomes `<service>.<namespace>`, which
 * resolves to the addresses of all its tasks (its own service's too: replicas find each other).
 * The Supervisors gossip on their default ports, one to a task. A name that is no service's stays,
 * with an error: the Supervisor exits when a peer does not resolve.
 */
function serviceAddress(context: HabitatContext, from: string, value: string, edges: PeerEdge[]): string {
  const services = context.services;
  const address = splitHostPort(value);
  if (!services || !address) return value;
  // A link's alias names its service too.
  const alias = context.project.services.get(from)?.canonical.links?.find((l) => l.alias === address.host);
  const match = [...services.reach].find(
    ([name, reach]) =>
      name === (alias?.service ?? address.host) ||
      reach.hostname === address.host ||
      reach.host === address.host,
  );
  if (!match) {
    const names = [...services.reach.keys()].map((n) => `"${n}"`).join(', ');
    context.problems.error(
      commandPath(from),
      `--peer ${address.host} of "${from}" names no service of this deploy, and the Supervisor exits when a peer does not resolve; use one of ${names} (each becomes its Cloud Map name <service>.${services.namespace}), or an IP address`,
    );
    return value;
  }
  const [target, reach] = match;
  if (target !== from) edges.push({ from, to: target });
  return address.port === undefined ? reach.host : `${reach.host}:${address.port}`;
}

/** A link alias of this container, else a container name, else a hostname. */
function findTarget(
  context: HabitatContext,
  from: ContainerDefinition,
  host: string,
): ContainerDefinition | undefined {
  for (const link of context.sharedNamespace ? [] : (from.links ?? [])) {
    const [name, alias] = link.split(':');
    if ((alias ?? name) === host && name !== undefined) return context.byName.get(name);
  }
  const byName = context.byName.get(host);
  if (byName) return byName;
  const owner = [...context.hostnames].find(([, hostname]) => hostname === host)?.[0];
  return owner === undefined ? undefined : context.byName.get(owner);
}

function unresolvedMessage(context: HabitatContext, from: string, host: string): string {
  const names = [...context.byName.keys()].map((n) => `"${n}"`).join(', ');
  const hostnames = [...context.hostnames.values()].map((h) => `"${h}"`).join(', ');
  return (
    `--peer ${host} of "${from}" names nothing in this task, and the Supervisor exits when a peer does not ` +
    `resolve; use one of the container names ${names}${hostnames ? ` or hostnames ${hostnames}` : ''}, or an IP address`
  );
}

/** In bridge mode a peer resolves only through a link from the peering container. */
function ensureLink(
  context: HabitatContext,
  from: HabitatContainer,
  target: ContainerDefinition,
  host: string,
): void {
  const targetName = target.name ?? '';
  const links = from.definition.links ?? [];
  if (links.some((link) => link.split(':')[0] === targetName)) return;
  if (linkPath(context, targetName, from.name)) {
    context.problems.error(
      commandPath(from.name),
      `--peer ${host} of "${from.name}" needs a link to "${targetName}", but "${targetName}" already links ` +
        `(directly or not) to "${from.name}" and ECS rejects circular links; let only one of them name the ` +
        `other with --peer (the ring shares membership, one peer is enough)`,
    );
    return;
  }
  from.definition.links = [...links, targetName];
  context.problems.warn(
    commandPath(from.name),
    `added links: ["${targetName}"] to "${from.name}": its --peer ${host} resolves only through a link in bridge network mode`,
  );
}

function linkPath(context: HabitatContext, from: string, to: string, seen = new Set<string>()): boolean {
  if (from === to) return true;
  if (seen.has(from)) return false;
  seen.add(from);
  const links = context.byName.get(from)?.links ?? [];
  return links.some((link) => linkPath(context, link.split(':')[0] ?? '', to, seen));
}

/** awsvpc rejects hostname and links: containers already reach each other on 127.0.0.1. */
function dropNames(context: HabitatContext): void {
  for (const container of context.habitat) {
    const { definition, name } = container;
    const dropped: string[] = [];
    if (definition.hostname !== undefined) {
      dropped.push(`hostname "${definition.hostname}"`);
      delete definition.hostname;
    }
    if (definition.links !== undefined) {
      if (definition.links.length > 0) dropped.push(`links ${JSON.stringify(definition.links)}`);
      delete definition.links;
    }
    if (dropped.length === 0) continue;
    const key = context.project.locate(['services', name, 'hostname']) ? 'hostname' : 'links';
    context.problems.warn(
      ['services', name, key],
      `dropped ${dropped.join(' and ')} of "${name}": ECS does not allow hostname or links in ${context.networkMode} ` +
        `network mode, where all containers of the task share one network namespace and reach each other on ` +
        `127.0.0.1 (so --peer is rewritten to 127.0.0.1:<gossip port>)`,
    );
  }
}

/** Warns about `--bind name:service.group` that no container in the task can satisfy. */
export function checkBinds(context: HabitatContext): void {
  const where = context.services ? 'service of this deploy' : 'container in this task';
  const runs = context.services ? 'this deploy runs' : 'this task runs';
  const offered = context.habitat.map((c) => `${serviceGroup(c)} ("${c.name}")`);
  for (const container of context.habitat) {
    for (const flag of container.args?.flags ?? []) {
      if (flag.name !== 'bind') continue;
      for (const value of flag.values) {
        const bind = parseBind(value);
        if (!bind) continue;
        const sameService = context.habitat.filter((c) => c.packageName === bind.service);
        if (sameService.some((c) => c.group === bind.group && c.org === bind.org)) continue;
        const message =
          sameService.length > 0
            ? `--bind ${value} of "${container.name}" wants ${bind.service}.${bind.group}${bind.org ? `@${bind.org}` : ''}, but ` +
              sameService.map((c) => `"${c.name}" runs ${serviceGroup(c)}`).join(' and ') +
              `; set --group (or x-habitat group) and --org there, or bind to ${bind.name}:${serviceGroup(sameService[0] ?? container)}`
            : `--bind ${value} of "${container.name}": no ${where} runs the Habitat service ` +
              `"${bind.service}" (${runs} ${offered.join(', ')}); unless a Supervisor outside the ${context.services ? 'deploy' : 'task'} ` +
              `provides it, the service waits for the bind forever`;
        context.problems.warn(commandPath(container.name), message);
      }
    }
  }
}

/** `<package>.<group>[@<org>]`, the service group a Supervisor runs its service in. */
function serviceGroup(c: Pick<HabitatContainer, 'packageName' | 'group' | 'org'>): string {
  return `${c.packageName}.${c.group}${c.org === undefined ? '' : `@${c.org}`}`;
}
