/**
 * ECS is eventually consistent: right after CreateService, UpdateService or RunTask, a read may
 * not see the write yet (DescribeServices or DescribeTasks answer MISSING, or the service as it
 * was, without the new deployment). AWS's advice is to read again with a backoff that starts at
 * a couple of seconds, over minutes (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html,
 * "eventual consistency"). So such an answer is believed only once the write is SETTLE_MS old and
 * two reads in a row have said it; before that the next read comes sooner (2 s, doubling up to
 * the caller's interval). A minute covers the propagation delays seen in practice (ecspresso and
 * the SDK's waiters absorb them with a few seconds of delay) while a service that is really gone
 * still fails the wait long before its timeout. Nothing irreversible (a delete, a rollback, a
 * StopTask) follows from a single read.
 */
export const SETTLE_MS = 60_000;
const FIRST_DELAY_MS = 2_000;

export class Settle {
  private doubts = 0;

  constructor(
    private readonly writtenAt: number,
    private readonly now: () => number,
  ) {}

  /** A read contradicts the write: true when it is to be believed (see above). */
  believe(): boolean {
    this.doubts++;
    return this.now() - this.writtenAt >= SETTLE_MS && this.doubts >= 2;
  }

  /** A read saw the write: later contradictions start counting again. */
  seen(): void {
    this.doubts = 0;
  }

  /** How long to wait before the next read while in doubt. */
  delay(intervalMs: number): number {
    return Math.min(intervalMs, FIRST_DELAY_MS * 2 ** Math.min(this.doubts - 1, 10));
  }
}
