import type { ServicesTranslation } from '../translate/services';
import { UserError, type Diagnostic } from '../diagnostics';
import { inspect, must, type Docker } from './docker';
import { planTask, TASK_NAME } from './task-plan';
import { taskState } from './status';
import { removeTask } from './task-objects';
import { upTask, type UpOptions } from './up';
import { LABEL, type TaskPlan } from './types';

/** The services layout on the local engine: each service's replicas, each a task of its own. */
export interface ServicesPlan {
  /** Names the project's network, and prefixes its tasks: `<project>-<service>-<n>`. */
  project: string;
  network: string;
  /** In rollout order. */
  services: { name: string; replicas: TaskPlan[] }[];
  warnings: Diagnostic[];
}

export interface ServicesPlanOptions {
  project: string;
  secrets: ReadonlyMap<string, string>;
  pauseImage: string;
  /** Tasks of a service whose replicas are not given (the desired-count input's default). */
  defaultReplicas: number;
}

/**
 * The services layout as the local engine runs it: one network for the project, where every task
 * of a service answers to its Cloud Map name and its compose name (Docker's DNS gives all of
 * them, as Cloud Map's multivalue answer does; Service Connect's alias is the compose name), and
 * each replica an awsvpc task of its own. Pure.
 */
export function planServices(doc: ServicesTranslation, options: ServicesPlanOptions): ServicesPlan {
  const { project } = options;
  const warnings: Diagnostic[] = [];
  const errors: Diagnostic[] = [];
  const services = doc.units.map((unit) => {
    const count = unit.replicas ?? options.defaultReplicas;
    const host = `${unit.discovery}.${doc.namespace}`;
    const replicas: TaskPlan[] = [];
    for (let n = 1; n <= count; n++) {
      try {
        const plan = planTask(unit.taskDefinition, {
          task: taskNameOf(project, unit.name, n),
          secrets: options.secrets,
          pauseImage: options.pauseImage,
          join: { network: project, aliases: [unit.discovery, host], project },
        });
        if (n === 1) warnings.push(...plan.warnings);
        replicas.push(plan);
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        if (n === 1) errors.push(...e.diagnostics);
      }
    }
    return { name: unit.name, replicas };
  });
  if (errors.length > 0) throw new UserError(errors);
  return { project, network: project, services, warnings };
}

/** `<project>-<service>-<n>`, as a task name (lower case, at most 63). */
export function taskNameOf(project: string, service: string, n: number): string {
  const suffix = `-${n}`;
  const base = `${project}-${service}`.toLowerCase().replace(/[^a-z0-9_-]+/g, '-');
  const name = `${base.slice(0, 63 - suffix.length)}${suffix}`;
  if (!TASK_NAME.test(name))
    throw new UserError({ severity: 'error', message: `cannot name a task "${name}"` });
  return name;
}

/**
 * Brings the project up service by service, in rollout order, each service's replicas before the
 * next service starts (a dependency is up before its dependents), as the action rolls out. A
 * replica that runs is kept; one that stopped or is missing is replaced, as ECS's scheduler
 * replaces a stopped task; replicas beyond the count are removed. False when a task fails.
 */
export async function upServices(plan: ServicesPlan, docker: Docker, options: UpOptions): Promise<boolean> {
  const { say, print } = options;
  const exists = (await docker.run(['network', 'inspect', plan.network])).exitCode === 0;
  if (!exists) {
    await must(docker, ['network', 'create', '--label', `${LABEL.project}=${plan.project}`, plan.network]);
  } else if (!(await ownNetwork(docker, plan))) {
    throw new UserError({
      severity: 'error',
      message: `network ${plan.network} already exists and was not made by habitat-ecs up: remove it, or give the project another --name`,
    });
  }
  for (const service of plan.services) {
    for (const replica of service.replicas) {
      if (await running(docker, replica)) {
        say(`${replica.task} runs: kept`);
        continue;
      }
      if (!(await upTask(replica, docker, { ...options, print: () => undefined }))) return false;
    }
    await removeExtra(docker, plan.project, service.name, service.replicas.length, say);
  }
  print(await projectTable(docker, plan));
  say(
    `project ${plan.project} is up: ${plan.services.map((s) => `${s.name} (${s.replicas.length})`).join(', ')}`,
  );
  return true;
}

async function ownNetwork(docker: Docker, plan: ServicesPlan): Promise<boolean> {
  const r = await docker.run([
    'network',
    'inspect',
    '--format',
    `{{index .Labels "${LABEL.project}"}}`,
    plan.network,
  ]);
  return r.exitCode === 0 && r.stdout.trim() === plan.project;
}

/** Every container of the replica runs (its essential ones, as ECS counts a task running). */
async function running(docker: Docker, replica: TaskPlan): Promise<boolean> {
  const found = await inspect(
    docker,
    replica.containers.map((c) => c.dockerName),
  );
  if (found.size < replica.containers.length) return false;
  return taskState([...found.values()]) === 'RUNNING';
}

/** Tasks of the service numbered past its count: scaled in. */
async function removeExtra(
  docker: Docker,
  project: string,
  service: string,
  count: number,
  say: (line: string) => void,
): Promise<void> {
  // Bounded: a project has at most the tasks up made for it; ECS's limit on a service's desired count is 5000.
  for (let n = count + 1; n <= 5000; n++) {
    const removed = await removeTask(docker, taskNameOf(project, service, n));
    if (removed.length === 0) return;
    say(`removed ${taskNameOf(project, service, n)}: beyond the ${count} replica(s) of ${service}`);
  }
}

/** One table of every task of the project: service, replica, container, state, health, address. */
async function projectTable(docker: Docker, plan: ServicesPlan): Promise<string> {
  const rows: string[][] = [['TASK', 'CONTAINER', 'STATE', 'HEALTH', 'ADDRESS']];
  for (const service of plan.services) {
    for (const replica of service.replicas) {
      const pause = replica.pause?.dockerName;
      const found = await inspect(docker, [
        ...replica.containers.map((c) => c.dockerName),
        ...(pause ? [pause] : []),
      ]);
      const address = (pause && found.get(pause)?.addresses[plan.network]) ?? '';
      for (const c of replica.containers) {
        const i = found.get(c.dockerName);
        rows.push([replica.task, c.name, i?.status ?? 'missing', i?.health ?? '-', address]);
      }
    }
  }
  const width = rows[0]?.map((_, k) => Math.max(...rows.map((r) => (r[k] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, k) => (k === r.length - 1 ? cell : cell.padEnd(width[k] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Removes every task of the project, then its network; what was removed. */
export async function removeProject(docker: Docker, project: string): Promise<string[]> {
  const out = await must(docker, [
    'ps', '--all', '--filter', `label=${LABEL.project}=${project}`, '--format', `{{.Label "${LABEL.task}"}}`,
  ]); // prettier-ignore
  const tasks = [
    ...new Set(
      out
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ].sort();
  const removed: string[] = [];
  for (const task of tasks) removed.push(...(await removeTask(docker, task)));
  const networks = await must(docker, [
    'network', 'ls', '--filter', `label=${LABEL.project}=${project}`, '--format', '{{.Name}}',
  ]); // prettier-ignore
  for (const n of networks
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)) {
    await must(docker, ['network', 'rm', n]);
    removed.push(`network ${n}`);
  }
  return removed;
}
