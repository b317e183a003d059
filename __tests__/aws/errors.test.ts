import { DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { AWS_MAX_ATTEMPTS, awsClients } from '../../src/aws/clients';
import { explainAwsFailure } from '../../src/aws/errors';

function awsError(name: string, status: number, extra: object = {}): Error {
  const e = new Error('Rate exceeded') as Error & Record<string, unknown>;
  e.name = name;
  e.$metadata = { httpStatusCode: status, attempts: 5 };
  Object.defineProperty(e, '$awsCall', { value: { operation: 'ECS UpdateService' } });
  return Object.assign(e, extra);
}

describe('explainAwsFailure', () => {
  it('says throttling is AWS rate limiting, names the call and the attempts, and what to do', () => {
    expect(explainAwsFailure(awsError('ThrottlingException', 400))).toBe(
      'AWS ECS UpdateService was throttled by AWS (5 attempts): ThrottlingException: Rate exceeded. ' +
        "Run again in a few minutes; the rate limit is shared by everything calling this account's API in the region",
    );
    expect(explainAwsFailure(awsError('SomethingElse', 429))).toMatch(/throttled/);
  });

  it('puts 5xx on AWS', () => {
    expect(explainAwsFailure(awsError('ServerException', 500))).toMatch(
      /^AWS ECS UpdateService failed with an AWS server error 500 \(5 attempts\): ServerException: .*run again later$/,
    );
  });

  it('explains missing credentials', () => {
    const e = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
    });
    expect(explainAwsFailure(e)).toMatch(/no AWS credentials.*configure-aws-credentials/);
  });

  it('leaves errors about the request itself to the caller', () => {
    expect(explainAwsFailure(awsError('ClusterNotFoundException', 400))).toBeUndefined();
    expect(explainAwsFailure(new Error('x'))).toBeUndefined();
    expect(explainAwsFailure(undefined)).toBeUndefined();
  });
});

describe('awsClients', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('bounds every call: connection and request timeouts on both clients', async () => {
    for (const client of Object.values(awsClients('us-east-1'))) {
      const handler = client.config.requestHandler as { configProvider?: Promise<object> };
      expect(await handler.configProvider).toMatchObject({
        connectionTimeout: 10_000,
        requestTimeout: 60_000,
      });
    }
  });

  it('retries an unreachable endpoint, then names the call, the endpoint and what to check', async () => {
    // Port 1 on loopback: nothing listens there, so every attempt is refused at once.
    process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:1';
    process.env.AWS_ACCESS_KEY_ID = 'AKIAEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY = 'example';
    const { ecs } = awsClients('us-east-1');
    const failure = await ecs.send(new DescribeServicesCommand({ cluster: 'c', services: ['s'] })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((failure as { $metadata?: { attempts?: number } }).$metadata?.attempts).toBe(AWS_MAX_ATTEMPTS);
    expect(explainAwsFailure(failure)).toBe(
      `AWS ECS DescribeServices could not reach http://127.0.0.1:1/ (${AWS_MAX_ATTEMPTS} attempts): ECONNREFUSED. ` +
        "Check the runner's network and proxy, aws-region, and AWS_ENDPOINT_URL if it is set",
    );
  }, 20_000);
});
