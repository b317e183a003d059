import { inspect, labelled, must, type Docker, type Inspected } from './docker';
import { formatTable, taskRows, taskState } from './status';
import { LABEL } from './types';

const STOP_TIMEOUT_MS = 10 * 60_000;

/**
 * Removes what `up` created for a task, found by its label and nothing else: containers (stopped
 * first, each with its own stop timeout, as ECS stops a task), then the network and the task's
 * volumes. Shared volumes carry no task label and stay, as on ECS. Returns what it removed.
 */
export async function removeTask(docker: Docker, task: string): Promise<string[]> {
  const containers = await labelled(docker, 'container', task);
  if (containers.length > 0) {
    await must(docker, ['stop', ...containers], STOP_TIMEOUT_MS);
    await must(docker, ['rm', '--force', '--volumes', ...containers]);
  }
  const networks = await labelled(docker, 'network', task);
  for (const n of networks) await must(docker, ['network', 'rm', n]);
  const volumes = await labelled(docker, 'volume', task);
  if (volumes.length > 0) await must(docker, ['volume', 'rm', ...volumes]);
  return [
    ...containers.map((n) => `container ${n}`),
    ...networks.map((n) => `network ${n}`),
    ...volumes.map((n) => `volume ${n}`),
  ];
}

export interface TaskStatus {
  task: string;
  networkMode: string;
  state: string;
  running: boolean;
  table: string;
}

/** The tasks `up` started (one, or all of them), each with its state and container table. */
export async function taskStatuses(docker: Docker, task?: string): Promise<TaskStatus[]> {
  const found = await inspect(docker, await labelled(docker, 'container', task));
  const byTask = new Map<string, Inspected[]>();
  for (const c of found.values()) {
    const name = c.labels[LABEL.task] ?? '';
    byTask.set(name, [...(byTask.get(name) ?? []), c]);
  }
  return [...byTask]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, list]) => {
      const state = taskState(list);
      return {
        task: name,
        networkMode: list[0]?.labels[LABEL.networkMode] ?? '',
        state,
        running: state === 'RUNNING',
        table: formatTable(taskRows(list)),
      };
    });
}
