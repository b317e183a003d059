import type { ContainerDefinition, Task } from '@aws-sdk/client-ecs';

/** What a stopped one-off task says (pure): did every essential container exit 0? */
export interface TaskVerdict {
  ok: boolean;
  /** "web: exit 3" (or "web: no exit code: <reason>") for each container, essential ones marked. */
  containers: string[];
  /** The containers whose output is worth showing: the one named, then the essential ones that failed. */
  failed: string[];
  /** One line: how the task ended. */
  summary: string;
}

export function judgeStoppedTask(
  task: Task,
  definitions: readonly ContainerDefinition[],
  named: string,
): TaskVerdict {
  const essential = new Set(definitions.filter((d) => d.essential !== false).map((d) => d.name ?? ''));
  const byName = new Map((task.containers ?? []).map((c) => [c.name ?? '', c]));
  const containers: string[] = [];
  const failures: string[] = [];
  for (const d of definitions) {
    const name = d.name ?? '';
    const c = byName.get(name);
    const code = c?.exitCode;
    const state =
      code !== undefined && code !== null
        ? `exit ${code}`
        : `no exit code${c?.reason ? `: ${c.reason}` : c ? '' : ': ECS does not list the container'}`;
    const role = essential.has(name) ? 'essential' : 'not essential';
    containers.push(
      `${name} (${role}): ${state}${code !== undefined && code !== 0 && c?.reason ? ` (${c.reason})` : ''}`,
    );
    if (essential.has(name) && code !== 0) failures.push(`${name}: ${state}`);
  }
  const stopped = [task.stopCode, task.stoppedReason].filter(Boolean).join(': ');
  const ok = failures.length === 0;
  const summary = ok
    ? `${named} exited 0${stopped ? ` (${stopped})` : ''}`
    : `${failures.join(', ')}${stopped ? ` (${stopped})` : ''}`;
  const failed = [named, ...failures.map((f) => f.split(':')[0] ?? '')].filter(
    (n, i, all) => n !== '' && all.indexOf(n) === i,
  );
  return { ok, containers, failed: ok ? [] : failed, summary };
}
