/**
 * Retries for registry operations: capped exponential backoff, a bounded number of attempts,
 * and only for failures that can pass (5xx, dropped connections). Refused credentials and
 * everything else fail at once.
 */

export interface RetryPolicy {
  /** Attempts in all, first one included. */
  attempts: number;
  /** Wait after the first failure; doubled after each further one. */
  baseDelayMs: number;
  /** No wait is longer than this. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 1000, maxDelayMs: 15_000 };

export type FailureKind = 'transient' | 'auth' | 'fatal';

/** A registry operation that failed, with what kind of failure it was. */
export class RegistryFailure extends Error {
  constructor(
    message: string,
    readonly kind: FailureKind,
  ) {
    super(message);
    this.name = 'RegistryFailure';
  }
}

/** Wait before attempt `failures + 1`, after `failures` failed attempts (1-based). */
export function backoffDelay(failures: number, policy: RetryPolicy): number {
  const exponent = Math.max(0, failures - 1);
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(exponent, 30));
}

const AUTH = [
  /\bunauthorized\b/i,
  /authentication required/i,
  /no basic auth credentials/i,
  /\bdenied\b/i,
  /status:? 40[13]\b/i,
  /\b40[13] (?:Unauthorized|Forbidden)/i,
  /authorization token has expired/i,
];
const TRANSIENT = [
  // "received unexpected HTTP status: 500 Internal Server Error", "status 503"
  /status:? 5\d\d\b/i,
  /\b5\d\d (?:Internal|Bad|Service|Gateway|Not Implemented|HTTP)/i,
  /internal server error|bad gateway|service unavailable|gateway time-?out/i,
  /connection reset/i,
  /connection refused/i,
  /broken pipe/i,
  /TLS handshake timeout/i,
  /i\/o timeout/i,
  /unexpected EOF/i,
  /\bEOF\b/,
  /timeout exceeded|deadline exceeded|request canceled/i,
  /toomanyrequests|too many requests|status:? 429\b/i,
  /ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|socket hang up/,
];

/** What kind of failure docker's (or a request's) error output describes. Auth wins over all. */
export function classifyRegistryOutput(output: string): FailureKind {
  if (AUTH.some((re) => re.test(output))) return 'auth';
  if (TRANSIENT.some((re) => re.test(output))) return 'transient';
  return 'fatal';
}

export type Sleep = (ms: number) => Promise<void>;
export const sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `operation` until it succeeds, a non-transient RegistryFailure is thrown, or the attempts
 * run out (then the last failure is thrown). Errors that are not RegistryFailures are not retried.
 */
export async function withRetry<T>(
  operation: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  onRetry: (failure: RegistryFailure, attempt: number, delayMs: number) => void = () => undefined,
  wait: Sleep = sleep,
): Promise<T> {
  const attempts = Math.max(1, Math.floor(policy.attempts));
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (e) {
      if (!(e instanceof RegistryFailure) || e.kind !== 'transient' || attempt >= attempts) throw e;
      const delay = backoffDelay(attempt, policy);
      onRetry(e, attempt, delay);
      await wait(delay);
    }
  }
}

/** withRetry that logs each retry as `<what>: attempt N failed (...); retrying in M ms`. */
export function withLoggedRetry<T>(
  operation: () => Promise<T>,
  what: string,
  ctx: { retry: RetryPolicy; log: { info(message: string): void }; sleep?: Sleep },
): Promise<T> {
  return withRetry(
    operation,
    ctx.retry,
    (failure, attempt, delay) =>
      ctx.log.info(`${what}: attempt ${attempt} failed (${failure.message}); retrying in ${delay} ms`),
    ctx.sleep,
  );
}
