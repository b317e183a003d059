import type { ContainerDefinition, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { buildContext, type HabitatContainer } from './habitat/context';
import { lastFlagValue } from './habitat/supervisor-args';
import { parseBind, splitHostPort } from './habitat/supervisor-values';
import { DEFAULT_PORTS } from './habitat/ports';
import { findNameReferences } from './name-references';
import type { TranslatedProject } from './project';

export interface TopologyOptions {
  /** What the diagram is of: the ECS service (task layout) or the project (services layout). */
  title: string;
  /** The ECS service that runs a compose service (services layout) or the task (task layout). */
  serviceName?: (compose: string | undefined) => string;
}

interface Box {
  /** The ECS service, or undefined for the one task of the task layout. */
  unit?: string;
  label: string;
  containers: ContainerDefinition[];
  /** The name the others reach its tasks by (services layout). */
  host?: string;
}

/**
 * The deployed topology as a Mermaid flowchart, which GitHub draws in Markdown: each ECS service
 * and its tasks, their containers with image and ports, the published ports, the links (task
 * layout) or the Service Connect and Cloud Map names one service uses for another (services
 * layout), and the Habitat ring: --peer and --bind between Supervisors. Pure; every name is
 * escaped, since compose files are not ours.
 */
export function topologyOf(t: TranslatedProject, options: TopologyOptions): string {
  const ecsName =
    options.serviceName ?? ((c: string | undefined) => (c ? `${options.title}-${c}` : options.title));
  const boxes: Box[] =
    t.layout === 'task'
      ? [
          {
            label: `ECS service ${ecsName(undefined)} · task ${t.taskDefinition.family ?? ''} (${t.taskDefinition.networkMode ?? 'bridge'})`,
            containers: t.taskDefinition.containerDefinitions ?? [],
          },
        ]
      : t.services.units.map((u) => {
          const host = `${u.discovery}.${t.services.namespace}`;
          const tasks =
            u.replicas === undefined
              ? 'desired-count tasks'
              : `${u.replicas} task${u.replicas === 1 ? '' : 's'}`;
          return {
            unit: u.name,
            label: `ECS service ${ecsName(u.name)} · ${host} · ${tasks}`,
            containers: u.taskDefinition.containerDefinitions ?? [],
            host,
          };
        });
  const lines = ['flowchart LR'];
  const id = (container: string) => `c_${container.replace(/[^A-Za-z0-9_]/g, '_')}`;
  boxes.forEach((box, i) => {
    lines.push(`  subgraph s${i}["${text(box.label)}"]`);
    for (const c of box.containers) lines.push(`    ${id(c.name ?? '')}["${text(containerLabel(c))}"]`);
    lines.push('  end');
  });
  // Published ports: what reaches a container from outside its task.
  for (const box of boxes) {
    for (const c of box.containers) {
      for (const p of c.portMappings ?? []) {
        if (p.hostPort === undefined || p.containerPort === undefined) continue;
        const node = `p_${id(c.name ?? '')}_${p.hostPort}_${p.protocol ?? 'tcp'}`;
        lines.push(`  ${node}(["${text(`${p.hostPort}/${p.protocol ?? 'tcp'}`)}"]) --> ${id(c.name ?? '')}`);
      }
    }
  }
  const edges = new Set<string>();
  const edge = (line: string) => {
    if (!edges.has(line)) lines.push(line);
    edges.add(line);
  };
  // Links (task layout, bridge).
  for (const box of boxes) {
    for (const c of box.containers) {
      for (const link of c.links ?? []) {
        const [target = '', alias] = link.split(':');
        edge(`  ${id(c.name ?? '')} -->|"${text(alias ? `link ${alias}` : 'link')}"| ${id(target)}`);
      }
    }
  }
  if (t.layout === 'services') {
    // How one service reaches another it names, links to or depends on: through Service Connect
    // when the other has TCP ports, else by its Cloud Map name.
    const units = new Map(t.services.units.map((u) => [u.name, u]));
    const uses = new Set<string>();
    for (const r of findNameReferences(t.project, new Set(t.habitatServices.keys())))
      uses.add(`${r.from}\u0000${r.to}`);
    for (const [name, service] of t.project.services) {
      for (const l of service.canonical.links ?? []) uses.add(`${name}\u0000${l.service}`);
      for (const d of service.canonical.depends_on ?? []) uses.add(`${name}\u0000${d.service}`);
    }
    for (const pair of uses) {
      const [from = '', to = ''] = pair.split('\u0000');
      const target = units.get(to);
      if (!target || !units.has(from)) continue;
      const aliases = (target.serviceConnect?.services ?? []).flatMap((s) =>
        (s.clientAliases ?? []).map((a) => `${a.dnsName ?? to}:${a.port ?? ''}`),
      );
      const how =
        aliases.length > 0
          ? `${aliases.join(', ')} (Service Connect)`
          : `${target.discovery}.${t.services.namespace} (Cloud Map)`;
      edge(`  ${id(from)} -->|"${text(how)}"| ${id(to)}`);
    }
  }
  // The Habitat ring.
  const all = boxes.flatMap((b) => b.containers);
  const td: RegisterTaskDefinitionCommandInput = {
    family: options.title,
    containerDefinitions: all,
    ...(t.layout === 'task' && t.taskDefinition.networkMode && { networkMode: t.taskDefinition.networkMode }),
  };
  const context = buildContext(td, t.project, t.habitatServices, {
    acceptLicense: false,
    healthChecks: false,
  });
  const hosts = new Map(boxes.flatMap((b) => (b.host && b.unit ? [[b.host, b.unit] as const] : [])));
  for (const member of context.habitat) {
    for (const flag of member.args?.flags ?? []) {
      if (flag.name === 'peer') {
        for (const value of flag.values) {
          const target = peerTarget(value, member.name, context.habitat, hosts);
          if (target) edge(`  ${id(member.name)} -.->|"${text(`--peer ${value}`)}"| ${id(target)}`);
        }
      } else if (flag.name === 'bind') {
        for (const value of flag.values) {
          const bind = parseBind(value);
          if (!bind) continue;
          for (const other of context.habitat) {
            if (other.packageName !== bind.service || other.group !== bind.group) continue;
            edge(`  ${id(member.name)} ==>|"${text(`--bind ${value}`)}"| ${id(other.name)}`);
          }
        }
      }
    }
  }
  return lines.join('\n');
}

/** The container a --peer value reaches: by Cloud Map name, container name, hostname or loopback gossip port. */
function peerTarget(
  value: string,
  from: string,
  ring: readonly HabitatContainer[],
  hosts: ReadonlyMap<string, string>,
): string | undefined {
  const address = splitHostPort(value);
  if (!address) return undefined;
  const byHost = hosts.get(address.host);
  if (byHost !== undefined) return byHost;
  if (address.host === '127.0.0.1' || address.host === 'localhost') {
    const port = address.port ?? DEFAULT_PORTS.gossip;
    return ring.find((m) => m.name !== from && gossipPort(m) === port)?.name;
  }
  return ring.find((m) => m.name === address.host || m.definition.hostname === address.host)?.name;
}

function gossipPort(member: HabitatContainer): number {
  const flag = member.args && lastFlagValue(member.args, 'listen-gossip');
  return (flag !== undefined ? splitHostPort(flag)?.port : undefined) ?? DEFAULT_PORTS.gossip;
}

function containerLabel(c: ContainerDefinition): string {
  const image = (c.image ?? '')
    .replace(/^[^/]+\.amazonaws\.com\//, '')
    .replace(/@sha256:([0-9a-f]{12})[0-9a-f]+$/, '@$1');
  const ports = (c.portMappings ?? []).map(
    (p) => `${p.containerPort ?? ''}/${p.protocol ?? 'tcp'}${p.name ? ` ${p.name}` : ''}`,
  );
  return [c.name ?? '', image, ...(ports.length > 0 ? [ports.join(', ')] : [])].join('<br/>');
}

/** A label as Mermaid reads it inside quotes, with nothing that closes the quote, a tag or the code fence. */
function text(value: string): string {
  const parts = value.split('<br/>');
  return parts
    .map((p) =>
      p
        .replace(/&/g, '#amp;')
        .replace(/"/g, '#quot;')
        .replace(/</g, '#lt;')
        .replace(/>/g, '#gt;')
        .replace(/`/g, '#96;')
        .replace(/\|/g, '#124;')
        .replace(/[\r\n]+/g, ' '),
    )
    .join('<br/>');
}
