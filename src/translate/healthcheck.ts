import type { HealthCheck } from '@aws-sdk/client-ecs';
import { isRecord, wholeNumber } from './context';
import type { KeyPath, Problems } from '../problems';
import { parseDuration } from './units';

/** What ECS accepts, in seconds (retries: a count). */
const LIMITS = {
  interval: [5, 300],
  timeout: [2, 120],
  retries: [1, 10],
  start_period: [0, 300],
} as const;

/**
 * A compose healthcheck -> the ECS healthCheck. Docker's defaults (30s interval, 30s timeout, 3
 * retries) are written out, because ECS's own defaults differ (a 5s timeout) and would change
 * when a slow check counts as failed. `test: NONE` or `disable: true` -> no health check.
 */
export function translateHealthcheck(
  problems: Problems,
  value: unknown,
  path: KeyPath,
): HealthCheck | undefined {
  if (!isRecord(value)) {
    problems.error(path, 'must be a mapping with test, interval, timeout, retries, start_period');
    return undefined;
  }
  if (value.disable === true) return undefined;
  const command = testCommand(problems, value.test, [...path, 'test']);
  if (!command) return undefined;
  const seconds = (key: 'interval' | 'timeout' | 'start_period', fallback?: number): number | undefined => {
    const raw = value[key];
    if (raw === undefined || raw === null) return fallback;
    const parsed = parseDuration(raw);
    const [min, max] = LIMITS[key];
    if (parsed === undefined) {
      problems.error([...path, key], `"${String(raw)}" is not a duration; write e.g. 30s or 1m30s`);
      return undefined;
    }
    const whole = Math.ceil(parsed);
    if (whole !== parsed)
      problems.warn([...path, key], `ECS counts whole seconds: ${String(raw)} becomes ${whole}s`);
    if (whole < min || whole > max) {
      problems.error([...path, key], `${String(raw)} is out of the range ECS allows, ${min}s to ${max}s`);
      return undefined;
    }
    return whole;
  };
  let retries: number | undefined = 3;
  if (value.retries !== undefined && value.retries !== null) {
    retries = wholeNumber(value.retries);
    const [min, max] = LIMITS.retries;
    if (retries === undefined || retries < min || retries > max) {
      problems.error([...path, 'retries'], `must be a whole number from ${min} to ${max} on ECS`);
      retries = undefined;
    }
  }
  if (value.start_interval !== undefined) {
    problems.warn([...path, 'start_interval'], 'ignored: ECS has no start interval');
  }
  const startPeriod = seconds('start_period');
  return {
    command,
    interval: seconds('interval', 30),
    timeout: seconds('timeout', 30),
    retries,
    ...(startPeriod !== undefined && { startPeriod }),
  };
}

function testCommand(problems: Problems, test: unknown, path: KeyPath): string[] | undefined {
  if (typeof test === 'string') return test.trim() === '' ? undefined : ['CMD-SHELL', test];
  if (!Array.isArray(test) || test.length === 0 || !test.every((t) => typeof t === 'string')) {
    problems.error(path, 'must be a string, or a list starting with CMD, CMD-SHELL or NONE');
    return undefined;
  }
  const [kind, ...rest] = test as string[];
  if (kind === 'NONE') return undefined;
  if (kind === 'CMD' && rest.length > 0) return ['CMD', ...rest];
  if (kind === 'CMD-SHELL' && rest.length === 1) return ['CMD-SHELL', rest[0] as string];
  problems.error(
    path,
    kind === 'CMD-SHELL'
      ? 'CMD-SHELL takes exactly one shell command string'
      : `must start with CMD (then the command), CMD-SHELL (then one string) or NONE, not "${kind}"`,
  );
  return undefined;
}
