import { ECRClient } from '@aws-sdk/client-ecr';
import { ECSClient } from '@aws-sdk/client-ecs';
import type { AwsCallContext } from './errors';

/**
 * Attempts per AWS call, the first included. The SDK's default is 3; a deploy already waits
 * minutes for ECS, and a few more seconds of backoff ride out most throttling and 5xx bursts.
 */
export const AWS_MAX_ATTEMPTS = 5;

/** The settings every client of a run is made with; the SDK itself honours AWS_ENDPOINT_URL. */
export function awsClientOptions(region: string) {
  return {
    region,
    maxAttempts: AWS_MAX_ATTEMPTS,
    // Bounded: a call that hangs (a dead proxy, a half-open connection) fails and is retried.
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 60_000 },
  };
}

/** The ECR and ECS clients of a run: more attempts, and failures that say which call failed where. */
export function awsClients(region: string): { ecr: ECRClient; ecs: ECSClient } {
  const options = awsClientOptions(region);
  return { ecr: withCallContext(new ECRClient(options)), ecs: withCallContext(new ECSClient(options)) };
}

/** Any SDK v3 client: what withCallContext needs of it (its stack's own types differ per service). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Client = { middlewareStack: { add: (...args: any[]) => unknown } };

/** Makes the client's failures carry the call and endpoint (`$awsCall`) that explainAwsFailure names. */
export function withCallContext<C extends Client>(client: C): C {
  // "initialize" is the outermost step: this sees the error after the SDK's retries gave up.
  (client.middlewareStack as ECSClient['middlewareStack']).add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (e) {
        if (e && typeof e === 'object') {
          const endpoint = (context.endpointV2 as { url?: URL } | undefined)?.url?.href;
          const call: AwsCallContext = {
            operation: `${(context.clientName ?? '').replace(/Client$/, '')} ${(context.commandName ?? '').replace(/Command$/, '')}`,
            ...(endpoint && { endpoint }),
          };
          Object.defineProperty(e, '$awsCall', { value: call, enumerable: false });
        }
        throw e;
      }
    },
    { step: 'initialize', name: 'habitatEcsDeployCallContext' },
  );
  return client;
}
