import type { ContainerPlan, Dependency } from './types';

/** What the engine says about a container `up` has started (docker inspect, boiled down). */
export interface Observed {
  /** Docker's state: created, running, restarting, paused, exited, dead, removing. */
  status: string;
  exitCode: number;
  /** Only for containers with a Docker health check. */
  health?: 'starting' | 'healthy' | 'unhealthy';
  /** The last health check's output. */
  healthOutput?: string;
}

export type Step =
  /** Start these now: everything they depend on is as their conditions ask. */
  | { kind: 'start'; containers: string[] }
  /** Nothing to do but wait; why, per container. */
  | { kind: 'wait'; waiting: string[] }
  /** Every container started, every essential one running, every health check healthy. */
  | { kind: 'ready' }
  /** The task cannot come up: ECS would stop it (or never start a container of it). */
  | { kind: 'failed'; reason: string; containers: string[] };

/**
 * The next move of `up`, from the plan and what has been started so far, with ECS's rules:
 * an essential container that stops stops the task; a failing health check fails it; a container
 * starts once each dependency is as its condition says (START: started, COMPLETE: exited,
 * SUCCESS: exited 0, HEALTHY: healthy); a condition that can no longer be met fails the task.
 * Pure: the caller observes, starts and sleeps.
 */
export function nextStep(
  containers: readonly ContainerPlan[],
  observed: ReadonlyMap<string, Observed>,
): Step {
  for (const c of containers) {
    const o = observed.get(c.name);
    if (!o) continue;
    if (c.essential && stopped(o)) {
      return fail(
        `essential container "${c.name}" exited with code ${o.exitCode}, so the task stops (as on ECS)`,
        c.name,
      );
    }
    if (c.hasHealthCheck && o.health === 'unhealthy') {
      const output = o.healthOutput?.trim();
      return fail(
        `container "${c.name}" is unhealthy${output ? `: its health check said: ${output}` : ''}`,
        c.name,
      );
    }
  }
  const pending = containers.filter((c) => !observed.has(c.name));
  for (const c of pending) {
    for (const d of c.dependsOn) {
      const t = observed.get(d.container);
      if (!t || !stopped(t)) continue;
      if (d.condition === 'SUCCESS' && t.exitCode !== 0) {
        const why = `"${c.name}" needs "${d.container}" to exit successfully (SUCCESS), but it exited with code ${t.exitCode}`;
        return fail(why, d.container);
      }
      if (d.condition === 'HEALTHY') {
        return fail(
          `"${c.name}" needs "${d.container}" HEALTHY, but it exited with code ${t.exitCode}`,
          d.container,
        );
      }
    }
  }
  const startable = pending.filter((c) => c.dependsOn.every((d) => met(d, observed.get(d.container))));
  if (startable.length > 0) return { kind: 'start', containers: startable.map((c) => c.name) };

  const waiting: string[] = [];
  for (const c of containers) {
    const o = observed.get(c.name);
    if (!o) {
      const unmet = c.dependsOn.filter((d) => !met(d, observed.get(d.container)));
      waiting.push(`${c.name} (waiting for ${unmet.map((d) => `${d.container} ${d.condition}`).join(', ')})`);
    } else if (c.essential && o.status !== 'running') {
      waiting.push(`${c.name} (${o.status})`);
    } else if (c.hasHealthCheck && o.status === 'running' && o.health !== 'healthy') {
      waiting.push(`${c.name} (health: ${o.health ?? 'unknown'})`);
    }
  }
  return waiting.length === 0 ? { kind: 'ready' } : { kind: 'wait', waiting };
}

function met(d: Dependency, o: Observed | undefined): boolean {
  if (!o) return false;
  switch (d.condition) {
    case 'START':
      return true;
    case 'COMPLETE':
      return stopped(o);
    case 'SUCCESS':
      return stopped(o) && o.exitCode === 0;
    case 'HEALTHY':
      return o.health === 'healthy';
  }
}

function stopped(o: Observed): boolean {
  return o.status === 'exited' || o.status === 'dead';
}

function fail(reason: string, container: string): Step {
  return { kind: 'failed', reason, containers: [container] };
}
