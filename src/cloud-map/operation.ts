import { pollUntil } from '../ecs/poll';
import type { CloudMap } from './client';

export interface OperationWait {
  /** How long a namespace may take to be created or deleted (Route 53 makes or drops a zone). */
  timeoutMs: number;
  intervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/**
 * Waits for a Cloud Map operation (namespaces are made and removed asynchronously,
 * https://docs.aws.amazon.com/cloud-map/latest/api/API_GetOperation.html): its targets once it
 * succeeded; throws with Cloud Map's message when it failed, or when the time is up.
 */
export async function waitForOperation(
  sd: CloudMap,
  operationId: string,
  what: string,
  wait: OperationWait,
): Promise<Record<string, string>> {
  const { GetOperationCommand } = await import('../aws/sdk/service-discovery');
  const done = await pollUntil(wait, 3_000, async () => {
    const { Operation: op } = await sd.send(new GetOperationCommand({ OperationId: operationId }));
    if (op?.Status === 'SUCCESS') return { ok: true as const, targets: op.Targets ?? {} };
    if (op?.Status === 'FAIL')
      return {
        ok: false as const,
        why: `${op.ErrorCode ?? 'FAIL'}: ${op.ErrorMessage ?? 'no reason given'}`,
      };
    return undefined;
  });
  if (!done)
    throw new Error(
      `Cloud Map did not finish ${what} within ${Math.round(wait.timeoutMs / 1000)} s (operation ${operationId}); run again to pick it up`,
    );
  if (!done.ok) throw new Error(`Cloud Map failed ${what}: ${done.why}`);
  return done.targets;
}
