import type { HealthCheck } from '@aws-sdk/client-ecs';
import type { Healthcheck } from '../compose/canonical/types';
import { wholeNumber } from '../compose/json';
import type { Problems } from '../problems';
import { parseDuration } from './units';

/**
 * What ECS accepts, in seconds (retries: a count):
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html
 */
const LIMITS = {
  interval: [5, 300],
  timeout: [2, 60],
  retries: [1, 10],
  start_period: [0, 300],
} as const;

/**
 * A compose healthcheck -> the ECS healthCheck. Docker's defaults (30s interval, 30s timeout, 3
 * retries) are written out, because ECS's own defaults differ (a 5s timeout) and would change
 * when a slow check counts as failed. A check that is off (`test: NONE`, `disable: true`) -> none.
 */
export function translateHealthcheck(problems: Problems, check: Healthcheck): HealthCheck | undefined {
  if (check.test === 'off') return undefined;
  if (!check.test) {
    // Compose would keep the image's own check; ECS cannot see it, so it must be written out.
    problems.error(
      [...check.at.path, 'test'],
      'must be a string, or a list starting with CMD, CMD-SHELL or NONE',
    );
    return undefined;
  }
  const seconds = (key: 'interval' | 'timeout' | 'start_period', fallback?: number): number | undefined => {
    const written = check[key];
    if (!written) return fallback;
    const { value: raw, at } = written;
    const parsed = parseDuration(raw);
    const [min, max] = LIMITS[key];
    if (parsed === undefined) {
      problems.error(at, `"${String(raw)}" is not a duration; write e.g. 30s or 1m30s`);
      return undefined;
    }
    const whole = Math.ceil(parsed);
    if (whole !== parsed) problems.warn(at, `ECS counts whole seconds: ${String(raw)} becomes ${whole}s`);
    if (whole < min || whole > max) {
      problems.error(at, `${String(raw)} is out of the range ECS allows, ${min}s to ${max}s`);
      return undefined;
    }
    return whole;
  };
  let retries: number | undefined = 3;
  if (check.retries) {
    retries = wholeNumber(check.retries.value);
    const [min, max] = LIMITS.retries;
    if (retries === undefined || retries < min || retries > max) {
      problems.error(check.retries.at, `must be a whole number from ${min} to ${max} on ECS`);
      retries = undefined;
    }
  }
  if (check.start_interval) problems.warn(check.start_interval, 'ignored: ECS has no start interval');
  const startPeriod = seconds('start_period');
  return {
    command: [...check.test],
    interval: seconds('interval', 30),
    timeout: seconds('timeout', 30),
    retries,
    ...(startPeriod !== undefined && { startPeriod }),
  };
}
