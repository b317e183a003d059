import { splitWords } from '../compose/canonical/words';
import type { Fail } from './files';
import { lines } from './values';
import type { OneOffTask } from '../ecs/run-task';

const SERVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** `run-before-deploy`: `service` or `service: command` lines. */
export function readOneOffTasks(value: string, fail: Fail): OneOffTask[] {
  const name = 'run-before-deploy';
  const tasks: OneOffTask[] = [];
  for (const line of lines(value)) {
    const colon = line.indexOf(':');
    const container = (colon < 0 ? line : line.slice(0, colon)).trim();
    if (!SERVICE_NAME.test(container)) {
      fail(
        name,
        `${JSON.stringify(line)}: give a compose service name, or "service: command", e.g. web: bin/migrate`,
      );
      continue;
    }
    if (colon < 0) {
      tasks.push({ container, line });
      continue;
    }
    const split = splitWords(line.slice(colon + 1));
    if ('error' in split) {
      fail(name, `${JSON.stringify(line)}: the command ${split.error}`);
      continue;
    }
    if (split.words.length === 0) {
      fail(name, `${JSON.stringify(line)}: no command after the colon; give one, or only the service name`);
      continue;
    }
    tasks.push({ container, command: split.words, line });
  }
  return tasks;
}

/** `run-timeout-minutes`: a positive number of minutes, fractions allowed; in milliseconds. */
export function readRunTimeout(value: string, fail: Fail): number {
  const minutes = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!(minutes >= 0.1 && minutes <= 360)) {
    fail('run-timeout-minutes', `${JSON.stringify(value)} is not a number of minutes from 0.1 to 360`);
    return 600_000;
  }
  return Math.round(minutes * 60_000);
}
