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
