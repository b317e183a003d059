import { setTimeout as wait } from 'node:timers/promises';
import type { Log } from '../log';

/** What every bounded wait on one ECS service takes: where, how long, how often, and a clock for tests. */
export interface ServicePoll {
  cluster: string;
  service: string;
  /** The wait ends after this long, whatever the service is doing. */
  timeoutMs: number;
  /** Between two DescribeServices calls; each wait has its own default. */
  intervalMs?: number;
  log: Log;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/**
 * Calls `check` until it gives an answer, the time is up, or the polls run out (a poll count as
 * well as a deadline, so a clock that stands still cannot loop forever). Undefined: no answer.
 */
export async function pollUntil<T>(
  options: Pick<ServicePoll, 'timeoutMs' | 'intervalMs' | 'sleep' | 'now'>,
  defaultIntervalMs: number,
  check: () => Promise<T | undefined>,
): Promise<T | undefined> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? wait;
  const interval = Math.max(1, options.intervalMs ?? defaultIntervalMs);
  const deadline = now() + options.timeoutMs;
  const maxPolls = Math.ceil(options.timeoutMs / interval) + 1;
  for (let poll = 0; poll < maxPolls; poll++) {
    const answer = await check();
    if (answer !== undefined) return answer;
    const left = deadline - now();
    if (left <= 0) break;
    await sleep(Math.min(interval, left));
  }
  return undefined;
}
