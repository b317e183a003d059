/** Why an AWS call failed, in words: pure, so that main.ts can say it without loading the SDK. */

/** What an AWS call that finally failed carries besides the SDK's own fields. */
export interface AwsCallContext {
  /** `ECS DescribeServices` */
  operation: string;
  /** The endpoint the call went to, e.g. `https://ecs.us-east-1.amazonaws.com/`. */
  endpoint?: string;
}

interface AwsErrorShape {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
  $awsCall?: AwsCallContext;
}

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'LimitExceededException',
]);
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/**
 * One sentence for an AWS call that failed for a reason other than its input: throttling, AWS
 * server errors, an endpoint that cannot be reached, missing credentials. It names the call and
 * says what to do. Undefined for anything else (the caller's own message says it better). Pure.
 */
export function explainAwsFailure(e: unknown): string | undefined {
  if (!e || typeof e !== 'object') return undefined;
  const err = e as AwsErrorShape;
  const call = err.$awsCall;
  const status = err.$metadata?.httpStatusCode;
  const attempts = err.$metadata?.attempts;
  const what = call ? `AWS ${call.operation}` : 'an AWS call';
  const tries = attempts && attempts > 1 ? ` (${attempts} attempts)` : '';
  const said = `${err.name ?? 'Error'}: ${err.message ?? ''}`.trim();
  if (err.name === 'CredentialsProviderError') {
    return (
      `${what} found no AWS credentials (${err.message ?? ''}): configure them before this step, ` +
      'e.g. with aws-actions/configure-aws-credentials'
    );
  }
  if (THROTTLING.has(err.name ?? '') || status === 429) {
    return (
      `${what} was throttled by AWS${tries}: ${said}. Run again in a few minutes; the rate limit ` +
      "is shared by everything calling this account's API in the region"
    );
  }
  if (status !== undefined && status >= 500) {
    return `${what} failed with an AWS server error ${status}${tries}: ${said}. This is on AWS's side: run again later`;
  }
  // The SDK wraps socket errors: "AWS SDK error wrapper for Error: connect ECONNREFUSED ...".
  const code = [err.code, err.name, ...(err.message ?? '').split(/[\s:]+/)].find((c) => c && NETWORK.has(c));
  if (code || err.name === 'TimeoutError') {
    const where = call?.endpoint ?? 'its endpoint';
    return (
      `${what} could not reach ${where}${tries}: ${code ?? err.name}. Check the runner's network and ` +
      'proxy, aws-region, and AWS_ENDPOINT_URL if it is set'
    );
  }
  return undefined;
}
