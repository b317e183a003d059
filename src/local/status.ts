import type { Inspected } from './docker';
import { LABEL } from './types';

export interface Row {
  container: string;
  state: string;
  health: string;
  ports: string;
}

/**
 * One row per container of a task, in task definition order, from what the engine says and the
 * labels `up` set; `notStarted` adds the containers `up` never got to, with why.
 */
export function taskRows(
  found: readonly Inspected[],
  notStarted: ReadonlyMap<string, string> = new Map(),
): Row[] {
  const pause = found.find((c) => c.labels[LABEL.role] === 'pause');
  const containers = found
    .filter((c) => c.labels[LABEL.container] !== undefined)
    .sort((a, b) => Number(a.labels[LABEL.order]) - Number(b.labels[LABEL.order]));
  const rows = containers.map((c) => ({
    container: c.labels[LABEL.container] ?? c.name,
    state: c.status === 'exited' || c.status === 'dead' ? `exited (${c.exitCode})` : c.status,
    health: c.health ?? '-',
    ports: ports(c, pause),
  }));
  for (const [container, why] of notStarted)
    rows.push({ container, state: `not started: ${why}`, health: '-', ports: '' });
  return rows;
}

/** The task's state as ECS would report it: stopped once an essential container has exited. */
export function taskState(found: readonly Inspected[]): string {
  const containers = found.filter((c) => c.labels[LABEL.container] !== undefined);
  const down = containers.find((c) => c.labels[LABEL.essential] === 'true' && c.status !== 'running');
  if (down) {
    return `STOPPED (essential container ${down.labels[LABEL.container]} ${down.status === 'exited' ? `exited with code ${down.exitCode}` : `is ${down.status}`})`;
  }
  return 'RUNNING';
}

function ports(c: Inspected, pause: Inspected | undefined): string {
  const declared = (c.labels[LABEL.ports] ?? '').split(',').filter(Boolean);
  const mode = c.labels[LABEL.networkMode];
  const source = mode === 'awsvpc' ? pause : c;
  return declared
    .map((port) => {
      if (mode === 'host') return `${port} (host)`;
      const at = source?.published.get(port)?.[0];
      return at ? `${at}->${port}` : port;
    })
    .join(', ');
}

/** A plain text table, columns padded to their widest cell. */
export function formatTable(rows: readonly Row[]): string {
  const head: Row = { container: 'CONTAINER', state: 'STATE', health: 'HEALTH', ports: 'PORTS' };
  const all = [head, ...rows];
  const keys = ['container', 'state', 'health', 'ports'] as const;
  const width = Object.fromEntries(keys.map((k) => [k, Math.max(...all.map((r) => r[k].length))]));
  return all
    .map((r) =>
      keys
        .map((k, i) => (i === keys.length - 1 ? r[k] : r[k].padEnd(width[k] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
