import type { ComposeProject } from '../../compose/types';
import type { KeyPath, Place, Problems } from '../../problems';
import type { ContainerParams } from '../ecs-params';
import type { PeerEdge } from '../habitat/peers';
import { reaches } from '../reaches';

interface Need {
  to: string;
  why: string;
  at: KeyPath | Place;
}

/**
 * The services layout's rollout order: a service moves only once those it needs are deployed and
 * stable. It needs what it depends_on (compose, or ecs-params depends_on), links to, or peers with
 * (--peer: the Supervisor resolves the name once, at start), and, where that makes no cycle, what
 * it names. Two Supervisors that peer with each
 * other need no order (the second of the pair is dropped, as within a task); any other cycle is an
 * error at the entry that closes it. Returns each service's needs, and the services in an order
 * that honours them (compose order where it leaves a choice).
 */
export function rolloutOrder(
  project: Pick<ComposeProject, 'services'>,
  params: ReadonlyMap<string, ContainerParams>,
  peers: readonly PeerEdge[],
  problems: Problems,
  /** Services that name others (environment, command): an order, where it makes no cycle. */
  named: readonly { from: string; to: string }[] = [],
): { order: string[]; after: Map<string, string[]> } {
  const names = [...project.services.keys()];
  const needs = new Map<string, Need[]>(names.map((n) => [n, []]));
  const add = (from: string, need: Need, check: boolean) => {
    const list = needs.get(from) ?? [];
    if (list.some((n) => n.to === need.to)) return;
    if (check && !project.services.has(need.to)) {
      problems.error(need.at, `unknown service "${need.to}"; the services are ${names.join(', ')}`);
      return;
    }
    if (need.to === from) {
      problems.error(need.at, `service "${from}" cannot depend on itself`);
      return;
    }
    list.push(need);
    needs.set(from, list);
  };
  for (const [name, service] of project.services) {
    for (const d of service.canonical.depends_on ?? [])
      add(name, { to: d.service, why: 'depends_on', at: d.at }, true);
    for (const d of params.get(name)?.dependsOn ?? []) {
      const at = ['services', name, 'depends_on'];
      add(name, { to: d.containerName ?? '', why: 'depends_on', at }, true);
    }
    // Links to unknown services are reported by the container's translation.
    for (const l of service.canonical.links ?? []) {
      if (project.services.has(l.service)) add(name, { to: l.service, why: 'links', at: l.at }, false);
    }
  }
  for (const { from, to } of peers) {
    // Peering is mutual membership: one of a pair that name each other is enough to order.
    if (needs.get(to)?.some((n) => n.to === from)) continue;
    add(from, { to, why: '--peer', at: ['services', from, 'command'] }, false);
  }
  reportCycles(needs, problems);
  // A service that names another connects to it: it moves after it when nothing says otherwise, so
  // that the other's Service Connect endpoint is there when its tasks start (tasks that started
  // before an endpoint existed do not resolve it: ECS's Service Connect components page).
  for (const { from, to } of named) {
    if (
      from === to ||
      needs.get(from)?.some((n) => n.to === to) ||
      reaches((n) => (needs.get(n) ?? []).map((x) => x.to), to, from)
    )
      continue;
    needs.get(from)?.push({ to, why: 'name', at: ['services', from] });
  }
  const order: string[] = [];
  const placed = new Set<string>();
  // Bounded: each pass places at least one service, or the rest are in a cycle (already an error).
  for (let pass = 0; pass < names.length && placed.size < names.length; pass++) {
    for (const name of names) {
      if (placed.has(name)) continue;
      if ((needs.get(name) ?? []).every((n) => placed.has(n.to))) {
        order.push(name);
        placed.add(name);
      }
    }
  }
  for (const name of names) if (!placed.has(name)) order.push(name);
  return { order, after: new Map([...needs].map(([n, list]) => [n, list.map((x) => x.to)])) };
}

function reportCycles(needs: ReadonlyMap<string, Need[]>, problems: Problems): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): void => {
    state.set(name, 'visiting');
    stack.push(name);
    for (const need of needs.get(name) ?? []) {
      const s = state.get(need.to);
      if (s === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(need.to)), need.to].join(' -> ');
        problems.error(
          need.at,
          `with layout: services each service waits for those it needs (depends_on, links, --peer) to be stable, and ${cycle} is a cycle (this ${need.why} closes it): remove one of them`,
        );
      } else if (s === undefined) visit(need.to);
    }
    stack.pop();
    state.set(name, 'done');
  };
  for (const name of needs.keys()) if (!state.has(name)) visit(name);
}
