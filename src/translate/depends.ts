import type { ContainerDependency } from '@aws-sdk/client-ecs';
import { isRecord, type TranslateContext } from './context';
import type { ContainerParams } from './ecs-params';
import type { KeyPath } from '../problems';

const CONDITIONS: Record<string, ContainerDependency['condition']> = {
  service_started: 'START',
  service_healthy: 'HEALTHY',
  service_completed_successfully: 'SUCCESS',
};

interface Edge {
  target: string;
  condition: ContainerDependency['condition'];
  path: KeyPath;
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
    const value = service.definition.depends_on;
    const list: Edge[] = [];
    if (Array.isArray(value)) {
      value.forEach((target, i) =>
        list.push({ target: String(target), condition: 'START', path: [...path, i] }),
      );
    } else if (isRecord(value)) {
      for (const [target, spec] of Object.entries(value)) {
        const raw = isRecord(spec) && typeof spec.condition === 'string' ? spec.condition : 'service_started';
        const condition = CONDITIONS[raw];
        if (!condition) {
          ctx.problems.error(
            [...path, target, 'condition'],
            `"${raw}" must be one of ${Object.keys(CONDITIONS).join(', ')}`,
          );
        }
        list.push({ target, condition: condition ?? 'START', path: [...path, target] });
      }
    } else if (value !== undefined && value !== null) {
      ctx.problems.error(path, 'must be a list of services or a mapping of service to { condition }');
    }
    for (const dep of params.get(name)?.dependsOn ?? []) {
      const at = list.findIndex((e) => e.target === dep.containerName);
      const edge = { target: dep.containerName ?? '', condition: dep.condition, path };
      if (at >= 0) list[at] = { ...edge, path: list[at]!.path };
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
    ctx.problems.error(edge.path, `service "${from}" cannot depend on itself`);
    return false;
  }
  if (ctx.project.services.has(edge.target)) return true;
  const names = [...ctx.project.services.keys()].join(', ');
  ctx.problems.error(edge.path, `unknown service "${edge.target}"; the services are ${names}`);
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
        ctx.problems.error(edge.path, `depends_on cycle: ${cycle}; ECS could never start these containers`);
      } else if (s === undefined) visit(edge.target);
    }
    stack.pop();
    state.set(name, 'done');
  };
  for (const name of edges.keys()) if (!state.has(name)) visit(name);
}
