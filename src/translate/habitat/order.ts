import type { ContainerDependency } from '@aws-sdk/client-ecs';
import { commandPath, type HabitatContext } from './context';
import type { PeerEdge } from './peers';
import { reaches } from '../reaches';

/**
 * Starts a Supervisor after the ring member it peers with: its peer's name is resolved once, at
 * start, and an early join saves a round of gossip retries. HEALTHY when the member has a health
 * check, so the bound service is up too; START otherwise.
 *
 * Dependencies the user wrote stay as written. Two Supervisors that name each other with --peer
 * need no order, so the second of such a pair is skipped; a cycle through a user-written
 * depends_on is the user's to break, and an error.
 */
export function addStartOrder(context: HabitatContext, edges: readonly PeerEdge[]): void {
  const user = new Map<string, Set<string>>();
  const added = new Map<string, Set<string>>();
  for (const c of context.containers) {
    user.set(c.name ?? '', new Set((c.dependsOn ?? []).map((d) => d.containerName ?? '')));
  }
  for (const { from, to } of edges) {
    const definition = context.byName.get(from);
    const target = context.byName.get(to);
    if (!definition || !target || user.get(from)?.has(to) || added.get(from)?.has(to)) continue;
    if (reaches((n) => added.get(n) ?? [], to, from)) continue;
    const both = union(user, added);
    if (reaches((n) => both.get(n) ?? [], to, from)) {
      context.problems.error(
        commandPath(from),
        `"${from}" peers with "${to}", so it must start after "${to}", but "${to}" depends on "${from}" ` +
          `through depends_on; remove that depends_on or peer the other way round`,
      );
      continue;
    }
    const dependency: ContainerDependency = {
      containerName: to,
      condition: target.healthCheck ? 'HEALTHY' : 'START',
    };
    definition.dependsOn = [...(definition.dependsOn ?? []), dependency];
    added.set(from, new Set([...(added.get(from) ?? []), to]));
  }
}

function union(
  a: ReadonlyMap<string, Set<string>>,
  b: ReadonlyMap<string, Set<string>>,
): Map<string, Set<string>> {
  const all = new Map<string, Set<string>>();
  for (const map of [a, b]) for (const [k, v] of map) all.set(k, new Set([...(all.get(k) ?? []), ...v]));
  return all;
}
