import { setTimeout as sleep } from 'node:timers/promises';
import { error, UserError } from '../diagnostics';

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
    /** How long the registry asked to wait before the next attempt (Retry-After), if it did. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'RegistryFailure';
  }
}

/** The longest Retry-After honoured: a registry asking for more is waited for this long. */
const MAX_RETRY_AFTER_MS = 60_000;

/**
 * A Retry-After header (seconds, or an HTTP date) in milliseconds from `now`; undefined when
 * absent or unreadable (RFC 9110, section 10.2.3).
 */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS) : undefined;
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

/** Whether docker's (or a request's) error output says the registry refused the credentials. */
export function isAuthFailure(output: string): boolean {
  return AUTH.some((re) => re.test(output));
}

/** Whether a refused push or manifest PUT is ECR refusing to move a tag of an IMMUTABLE repository. */
export function isImmutableRefusal(message: string): boolean {
  return /TAG_INVALID|immutable|cannot be overwritten/i.test(message);
}

/** What kind of failure docker's (or a request's) error output describes. Auth wins over all. */
export function classifyRegistryOutput(output: string): FailureKind {
  if (isAuthFailure(output)) return 'auth';
  if (TRANSIENT.some((re) => re.test(output))) return 'transient';
  return 'fatal';
}

export type Sleep = (ms: number) => Promise<void>;

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
      // A registry that says how long to wait (429, 503 with Retry-After) is waited for at least that.
      const delay = Math.max(backoffDelay(attempt, policy), e.retryAfterMs ?? 0);
      onRetry(e, attempt, delay);
      await wait(delay);
    }
  }
}

/** What a retried registry operation needs: the policy, a log for the retries, a clock for tests. */
export interface RetryContext {
  retry: RetryPolicy;
  log: { info(message: string): void };
  sleep?: Sleep;
}

/** withRetry that logs each retry as `<what>: attempt N failed (...); retrying in M ms`. */
export function withLoggedRetry<T>(operation: () => Promise<T>, what: string, ctx: RetryContext): Promise<T> {
  return withRetry(
    operation,
    ctx.retry,
    (failure, attempt, delay) =>
      ctx.log.info(`${what}: attempt ${attempt} failed (${failure.message}); retrying in ${delay} ms`),
    ctx.sleep,
  );
}

/** What to tell the user when a registry operation has finally failed. */
export interface FailureAdvice {
  /** The IAM permissions a refusal of the credentials may mean the role lacks. */
  permissions: string;
  /** Said after "failed" for a fatal failure, given its message; default nothing. */
  fatalHint?: (message: string) => string;
}

/** A RegistryFailure as the UserError to fail with (naming `what`); any other error as it is. */
export function registryUserError(
  e: unknown,
  what: string,
  ctx: Pick<RetryContext, 'retry'>,
  advice: FailureAdvice,
): unknown {
  if (!(e instanceof RegistryFailure)) return e;
  if (e.kind === 'auth')
    return new UserError(
      error(
        `${what}: the registry refused the credentials (${e.message}). The ECR login may have expired, or ` +
          `the role lacks ${advice.permissions} on the repository`,
      ),
    );
  if (e.kind === 'transient')
    return new UserError(error(`${what}: still failing after ${ctx.retry.attempts} attempts: ${e.message}`));
  return new UserError(error(`${what} failed${advice.fatalHint?.(e.message) ?? ''}: ${e.message}`));
}

/** Runs a registry operation under the retry policy; what finally fails becomes registryUserError's. */
export async function retrying<T>(
  operation: () => Promise<T>,
  what: string,
  ctx: RetryContext,
  advice: FailureAdvice,
): Promise<T> {
  try {
    return await withLoggedRetry(operation, what, ctx);
  } catch (e) {
    throw registryUserError(e, what, ctx, advice);
  }
}
