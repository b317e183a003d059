import type { ContainerPlan } from './types';

export interface OrderProblem {
  container: string;
  message: string;
}

/**
 * The dependency rules ECS checks when a task definition is registered, plus what makes a task
 * never start: an unknown or self dependency, COMPLETE/SUCCESS on an essential container (ECS
 * refuses it: the task would stop when it does), HEALTHY on a container without a health check,
 * and a cycle (links and volumesFrom count, as they order the starts too).
 */
export function orderProblems(containers: readonly ContainerPlan[]): OrderProblem[] {
  const byName = new Map(containers.map((c) => [c.name, c]));
  const problems: OrderProblem[] = [];
  for (const c of containers) {
    for (const d of c.dependsOn) {
      const target = byName.get(d.container);
      const via = d.implied ? ` (through ${d.implied})` : '';
      const problem = (message: string) => problems.push({ container: c.name, message });
      if (d.container === c.name) problem(`"${c.name}" cannot depend on itself${via}`);
      else if (!target) problem(`"${d.container}" is not a container of the task${via}`);
      else if ((d.condition === 'COMPLETE' || d.condition === 'SUCCESS') && target.essential) {
        problem(
          `${d.condition} on "${d.container}": ECS refuses it, because "${d.container}" is essential (the task would stop when it exits)`,
        );
      } else if (d.condition === 'HEALTHY' && !target.hasHealthCheck) {
        problem(`HEALTHY on "${d.container}", which has no healthCheck: it would never become healthy`);
      }
    }
  }
  const cycle = findCycle(containers);
  if (cycle) {
    problems.push({
      container: cycle[0] ?? '',
      message: `dependency cycle ${cycle.join(' -> ')}: ECS would never start these containers`,
    });
  }
  return problems;
}

/** One cycle among the dependencies, as the names along it (first = last), or undefined. */
function findCycle(containers: readonly ContainerPlan[]): string[] | undefined {
  const edges = new Map(
    containers.map((c) => [c.name, c.dependsOn.map((d) => d.container).filter((n) => n !== c.name)]),
  );
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): string[] | undefined => {
    if (state.get(name) === 'done' || !edges.has(name)) return undefined;
    if (state.get(name) === 'visiting') return [...stack.slice(stack.indexOf(name)), name];
    state.set(name, 'visiting');
    stack.push(name);
    for (const next of edges.get(name) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    stack.pop();
    state.set(name, 'done');
    return undefined;
  };
  for (const c of containers) {
    const found = visit(c.name);
    if (found) return found;
  }
  return undefined;
}
