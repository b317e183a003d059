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

/** What a check answers to read again sooner than the interval (a read not yet settled, settle.ts). */
export class Again {
  constructor(readonly afterMs: number) {}
}

/** The shortest wait between two polls, which bounds how many there can be. */
const MIN_DELAY_MS = 1_000;

/**
 * Calls `check` until it gives an answer, the time is up, or the polls run out (a poll count as
 * well as a deadline, so a clock that stands still cannot loop forever). Undefined: no answer.
 * `check` gets the interval; an Again asks for the next poll sooner.
 */
export async function pollUntil<T>(
  options: Pick<ServicePoll, 'timeoutMs' | 'intervalMs' | 'sleep' | 'now'>,
  defaultIntervalMs: number,
  check: (intervalMs: number) => Promise<T | Again | undefined>,
): Promise<T | undefined> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? wait;
  const interval = Math.max(1, options.intervalMs ?? defaultIntervalMs);
  const deadline = now() + options.timeoutMs;
  const maxPolls = Math.ceil(options.timeoutMs / Math.min(interval, MIN_DELAY_MS)) + 1;
  for (let poll = 0; poll < maxPolls; poll++) {
    const answer = await check(interval);
    if (answer !== undefined && !(answer instanceof Again)) return answer;
    const left = deadline - now();
    if (left <= 0) break;
    const delay = answer instanceof Again ? Math.max(Math.min(answer.afterMs, interval), 1) : interval;
    await sleep(Math.min(delay, left));
  }
  return undefined;
}
