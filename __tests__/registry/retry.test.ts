import {
  backoffDelay,
  classifyRegistryOutput,
  isImmutableRefusal,
  RegistryFailure,
  retryAfterMs,
  withRetry,
  type RetryPolicy,
} from '../../src/registry/retry';

const policy: RetryPolicy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 300 };

describe('backoffDelay', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([1, 2, 3, 4, 50].map((n) => backoffDelay(n, policy))).toEqual([100, 200, 300, 300, 300]);
  });
});

describe('classifyRegistryOutput', () => {
  it.each([
    ['received unexpected HTTP status: 500 Internal Server Error', 'transient'],
    ['received unexpected HTTP status: 503 Service Unavailable', 'transient'],
    [
      'Put "https://x/v2/a/blobs/uploads/": read tcp 1.2.3.4:5->6.7.8.9:443: read: connection reset by peer',
      'transient',
    ],
    ['Get "https://x/v2/": net/http: TLS handshake timeout', 'transient'],
    ['unauthorized: authentication required', 'auth'],
    ['no basic auth credentials', 'auth'],
    ['denied: Your authorization token has expired. Reauthenticate and try again.', 'auth'],
    ['name unknown: The repository with name "a/b" does not exist in the registry with id "1"', 'fatal'],
    [
      "tag invalid: The image tag '1' already exists in the 'a/b' repository and cannot be overwritten",
      'fatal',
    ],
    ['5f70bf18a086: Pushed\n500: digest: sha256:' + 'a'.repeat(64) + ' size: 528', 'fatal'],
  ])('%s -> %s', (output, kind) => {
    expect(classifyRegistryOutput(output)).toBe(kind);
  });
});

describe('isImmutableRefusal', () => {
  it("recognises ECR's refusal to move a tag, from a manifest PUT or from docker push", () => {
    expect(
      isImmutableRefusal(
        "storing a/b:x on r: HTTP 400: TAG_INVALID: The image tag 'x' already exists in the 'a/b' repository and cannot be overwritten because the tag is immutable.",
      ),
    ).toBe(true);
    expect(
      isImmutableRefusal(
        "tag invalid: The image tag '1' already exists in the 'a/b' repository and cannot be overwritten because the repository is immutable.",
      ),
    ).toBe(true);
    expect(isImmutableRefusal('storing a/b:x on r: HTTP 400: MANIFEST_INVALID: bad')).toBe(false);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds or an HTTP date, and caps what it honours at a minute', () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Mon, 07 Dec 2026 12:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('3600', now)).toBe(60_000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
});

describe('withRetry', () => {
  it('retries transient failures with backoff and returns the success', async () => {
    const waits: number[] = [];
    const retried: number[] = [];
    let calls = 0;
    const value = await withRetry(
      async () => {
        calls++;
        if (calls < 3) throw new RegistryFailure('500', 'transient');
        return 'ok';
      },
      policy,
      (_failure, attempt) => retried.push(attempt),
      async (ms) => {
        waits.push(ms);
      },
    );
    expect(value).toBe('ok');
    expect(calls).toBe(3);
    expect(waits).toEqual([100, 200]);
    expect(retried).toEqual([1, 2]);
  });

  it('waits at least what the registry asked for in Retry-After', async () => {
    const waits: number[] = [];
    let calls = 0;
    await withRetry(
      async () => {
        if (++calls === 1) throw new RegistryFailure('429', 'transient', 3000);
        return 'ok';
      },
      policy,
      undefined,
      async (ms) => void waits.push(ms),
    );
    expect(waits).toEqual([3000]);
  });

  it('gives up after the bounded number of attempts', async () => {
    let calls = 0;
    const attempt = withRetry(
      async () => {
        calls++;
        throw new RegistryFailure(`still 500 (${calls})`, 'transient');
      },
      policy,
      undefined,
      async () => undefined,
    );
    await expect(attempt).rejects.toThrow('still 500 (4)');
    expect(calls).toBe(4);
  });

  it.each(['auth', 'fatal'] as const)('does not retry %s failures', async (kind) => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw new RegistryFailure('no', kind);
        },
        policy,
        undefined,
        async () => undefined,
      ),
    ).rejects.toThrow('no');
    expect(calls).toBe(1);
  });

  it('does not retry errors that are not registry failures', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw new Error('bug');
        },
        policy,
        undefined,
        async () => undefined,
      ),
    ).rejects.toThrow('bug');
    expect(calls).toBe(1);
  });
});
