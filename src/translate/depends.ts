import type { ContainerDependency } from '@aws-sdk/client-ecs';
import type { DependsCondition } from '../compose/canonical/types';
import type { TranslateContext } from './context';
import type { ContainerParams } from './ecs-params';
import type { KeyPath, Place } from '../problems';

const CONDITIONS: Record<DependsCondition, ContainerDependency['condition']> = {
  service_started: 'START',
  service_healthy: 'HEALTHY',
  service_completed_successfully: 'SUCCESS',
};

interface Edge {
  target: string;
  condition: ContainerDependency['condition'];
  at: KeyPath | Place;
}

/**
 * `depends_on` (list, or map with conditions) of every service -> dependsOn per container.
 * ecs-params depends_on entries replace compose's for the same target. An unknown service or
 * a cycle is an error at the entry that names it: ECS would refuse the cycle, or never start.
 */
export function translateDependsOn(
  ctx: TranslateContext,
  params: ReadonlyMap<string, ContainerParams>,
): Map<string, ContainerDependency[]> {
  const edges = new Map<string, Edge[]>();
  for (const [name, service] of ctx.project.services) {
    const path = ['services', name, 'depends_on'];
    const list: Edge[] = (service.canonical.depends_on ?? []).map((d) => ({
      target: d.service,
      condition: CONDITIONS[d.condition],
      at: d.at,
    }));
    for (const dep of params.get(name)?.dependsOn ?? []) {
      const found = list.findIndex((e) => e.target === dep.containerName);
      const edge = { target: dep.containerName ?? '', condition: dep.condition, at: path };
      if (found >= 0) list[found] = { ...edge, at: list[found]!.at };
      else list.push(edge);
    }
    edges.set(
      name,
      list.filter((e) => known(ctx, name, e)),
    );
  }
  reportCycles(ctx, edges);
  const out = new Map<string, ContainerDependency[]>();
  for (const [name, list] of edges) {
    if (list.length > 0)
      out.set(
        name,
        list.map((e) => ({ containerName: e.target, condition: e.condition })),
      );
  }
  return out;
}

function known(ctx: TranslateContext, from: string, edge: Edge): boolean {
  if (edge.target === from) {
    ctx.problems.error(edge.at, `service "${from}" cannot depend on itself`);
    return false;
  }
  if (ctx.project.services.has(edge.target)) return true;
  const names = [...ctx.project.services.keys()].join(', ');
  ctx.problems.error(edge.at, `unknown service "${edge.target}"; the services are ${names}`);
  return false;
}

/** Depth-first search; each cycle is reported once, at the edge that closes it. */
function reportCycles(ctx: TranslateContext, edges: ReadonlyMap<string, Edge[]>): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): void => {
    state.set(name, 'visiting');
    stack.push(name);
    for (const edge of edges.get(name) ?? []) {
      const s = state.get(edge.target);
      if (s === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(edge.target)), edge.target].join(' -> ');
        ctx.problems.error(edge.at, `depends_on cycle: ${cycle}; ECS could never start these containers`);
      } else if (s === undefined) visit(edge.target);
    }
    stack.pop();
    state.set(name, 'done');
  };
  for (const name of edges.keys()) if (!state.has(name)) visit(name);
}
