import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import type { TranslateContext } from './context';
import type { NameReference } from './name-references';
import { reaches } from './reaches';

/**
 * The task layout: makes the names one service uses for another resolve, as compose promises.
 * - bridge: ECS writes /etc/hosts entries only for links, so each reference gets its link (from
 *   the service that names the other). ECS refuses links in a cycle: when two services name each
 *   other, the link follows depends_on (the one that depends on the other links to it) and the
 *   other direction is a warning; without a depends_on to choose, it is an error saying how to
 *   break it.
 * - awsvpc and host: the containers share one network namespace and no name resolves; the other
 *   service listens on localhost, which is what the warning says to write.
 */
export function linkNames(
  ctx: TranslateContext,
  containers: readonly ContainerDefinition[],
  references: readonly NameReference[],
): void {
  if (ctx.networkMode === 'none' || references.length === 0) return;
  if (ctx.networkMode !== 'bridge') {
    for (const r of first(references)) {
      ctx.problems.warn(
        r.place,
        `"${r.name}" (service ${r.to}) does not resolve in ${ctx.networkMode} network mode, where the containers of a task share one network namespace: write localhost instead (${r.to} listens on the task's own address), or use layout: services, where ${r.to} is a service of its own reached by its name`,
      );
    }
    return;
  }
  const byName = new Map(containers.map((c) => [c.name ?? '', c]));
  const linksOf = (name: string) => (byName.get(name)?.links ?? []).map((l) => l.split(':')[0] ?? '');
  const dependsOn = (from: string, to: string) =>
    (ctx.project.services.get(from)?.canonical.depends_on ?? []).some((d) => d.service === to);
  const needed = first(references).filter((r) => !linksOf(r.from).includes(r.to));
  for (const r of needed) {
    const back = needed.find((o) => o.from === r.to && o.to === r.from);
    if (back && !dependsOn(r.from, r.to)) {
      if (dependsOn(r.to, r.from)) {
        ctx.problems.warn(
          r.place,
          `"${r.name}" (service ${r.to}) gets no link from ${r.from}: ${r.to} names ${r.from} too and depends on it, so the link goes from ${r.to} to ${r.from}, and ECS refuses links both ways; use layout: services for both directions`,
        );
      } else if (r.from < r.to) {
        ctx.problems.error(
          r.place,
          `${r.from} names "${r.name}" (${r.where}) and ${r.to} names "${back.name}" (${back.where}): each needs a link to the other in bridge network mode, and ECS refuses links in a cycle; let only one name the other (add depends_on to the one that connects, and the link follows it), or use layout: services, where each is a service of its own reached by its name`,
        );
      }
      continue;
    }
    if (reaches(linksOf, r.to, r.from)) {
      ctx.problems.error(
        r.place,
        `${r.from} names "${r.name}" (${r.where}), which needs a link to ${r.to} in bridge network mode, but ${r.to} already links (directly or not) to ${r.from} and ECS refuses links in a cycle; use layout: services, where each is a service of its own reached by its name`,
      );
      continue;
    }
    const c = byName.get(r.from);
    if (!c) continue;
    c.links = [...(c.links ?? []), r.to];
    ctx.problems.warn(
      r.place,
      `added links: ["${r.to}"] to "${r.from}": its ${r.where} names "${r.name}", which resolves only through a link in bridge network mode`,
    );
  }
}

/** The first reference of each pair of services: one link (or warning) each. */
function first(references: readonly NameReference[]): NameReference[] {
  const seen = new Set<string>();
  return references.filter((r) => {
    const key = `${r.from}\u0000${r.to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
