import {
  BuilderUrlError,
  latestRelease,
  latestReleaseUrl,
  releaseOf,
  type BuilderOptions,
} from '../../src/habitat/builder';

const parks = { kind: 'ident', origin: 'mattray', name: 'national-parks' } as const;
const answer = (ident: Record<string, string>) => ({ ident, checksum: 'abc', channels: ['stable'] });
const PARKS_630 = answer({
  origin: 'mattray',
  name: 'national-parks',
  version: '6.3.0',
  release: '20190522195009',
});

interface Asked {
  url: string;
  headers: Record<string, string>;
}

/** A fetch that answers from a list, one entry per request, and records what it was asked. */
function fakeFetch(answers: (Response | Error | 'hang' | ((signal: AbortSignal) => Response))[]) {
  const asked: Asked[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    asked.push({ url, headers: { ...(init.headers as Record<string, string>) } });
    const next = answers.shift();
    if (next === undefined) throw new Error('no more answers');
    if (next === 'hang') {
      // Never answers: only the request's own timeout ends it.
      return new Promise((_, reject) =>
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error)),
      );
    }
    if (next instanceof Error) throw next;
    return typeof next === 'function' ? next(init.signal as AbortSignal) : next;
  }) as unknown as typeof globalThis.fetch;
  return { fetch, asked };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const empty = (status: number) => new Response(null, { status });
/** How fetch fails when nothing listens: a TypeError with the system error as its cause. */
const refused = () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });

/** Options for the fake: no real sleeping between attempts. */
function options(fetch: typeof globalThis.fetch, extra: Partial<BuilderOptions> = {}): BuilderOptions {
  return { url: 'http://127.0.0.1:5058', channel: 'stable', fetch, sleep: async () => undefined, ...extra };
}

describe('latestReleaseUrl', () => {
  it('builds the depot route for origin/name and origin/name/version', () => {
    expect(latestReleaseUrl('https://bldr.habitat.sh', 'stable', parks)).toBe(
      'https://bldr.habitat.sh/v1/depot/channels/mattray/stable/pkgs/national-parks/latest',
    );
    expect(latestReleaseUrl('https://bldr.habitat.sh/', 'unstable', { ...parks, version: '6.3.0+b1' })).toBe(
      'https://bldr.habitat.sh/v1/depot/channels/mattray/unstable/pkgs/national-parks/6.3.0+b1/latest',
    );
  });

  it('keeps the path of an on-premises Builder', () => {
    expect(latestReleaseUrl('http://builder.internal:9636/bldr/', 'prod_2', parks)).toBe(
      'http://builder.internal:9636/bldr/v1/depot/channels/mattray/prod_2/pkgs/national-parks/latest',
    );
  });

  it.each([
    ['an origin with a slash', { origin: 'core/x', name: 'n' }, 'stable'],
    ['a name that climbs', { origin: 'core', name: '..' }, 'stable'],
    ['a version that climbs', { origin: 'core', name: 'n', version: '../../users' }, 'stable'],
    ['a query in a name', { origin: 'core', name: 'n?x=1' }, 'stable'],
    ['an escape', { origin: 'core', name: 'n%2F' }, 'stable'],
    ['a fragment in the channel', { origin: 'core', name: 'n' }, 'stable#x'],
    ['a space', { origin: 'core', name: 'n' }, 'my channel'],
    ['a newline', { origin: 'core', name: 'n\n' }, 'stable'],
    ['an empty version', { origin: 'core', name: 'n', version: '' }, 'stable'],
    ['a dot', { origin: 'core', name: 'n', version: '.' }, 'stable'],
  ])('refuses %s instead of escaping it into another request', (_, pkg, channel) => {
    expect(() => latestReleaseUrl('https://bldr.habitat.sh', channel, pkg)).toThrow(BuilderUrlError);
  });

  it.each([
    'ftp://bldr.example',
    'https://bldr.example/?x=1',
    'https://user:pw@bldr.example',
    'bldr.example',
  ])('refuses the Builder URL %s', (url) => {
    expect(() => latestReleaseUrl(url, 'stable', parks)).toThrow(BuilderUrlError);
  });
});

describe('releaseOf', () => {
  it('reads the release of the package asked for', () => {
    expect(releaseOf(PARKS_630, parks)).toEqual({ version: '6.3.0', release: '20190522195009' });
    expect(releaseOf(PARKS_630, { ...parks, version: '6.3.0' })).toEqual({
      version: '6.3.0',
      release: '20190522195009',
    });
  });

  it.each([
    [
      'another package',
      answer({ origin: 'mattray', name: 'other', version: '1', release: '20190522195009' }),
    ],
    [
      'another version',
      answer({ origin: 'mattray', name: 'national-parks', version: '6.4.0', release: '20190522195009' }),
    ],
    [
      'a release that is no timestamp',
      answer({ origin: 'mattray', name: 'national-parks', version: '6.3.0', release: '1;rm' }),
    ],
    [
      'a version with a slash',
      answer({ origin: 'mattray', name: 'national-parks', version: '6/3', release: '20190522195009' }),
    ],
    ['no ident', { checksum: 'x' }],
    ['null', null],
    ['a list', []],
  ])('refuses %s', (_, body) => {
    expect(releaseOf(body, { ...parks, version: '6.3.0' })).toBeUndefined();
  });
});

describe('latestRelease', () => {
  it('asks once, with Accept and without Authorization when there is no token', async () => {
    const f = fakeFetch([json(200, PARKS_630)]);
    await expect(latestRelease(parks, options(f.fetch))).resolves.toEqual({
      resolved: true,
      version: '6.3.0',
      release: '20190522195009',
    });
    expect(f.asked).toEqual([
      {
        url: 'http://127.0.0.1:5058/v1/depot/channels/mattray/stable/pkgs/national-parks/latest',
        headers: { Accept: 'application/json' },
      },
    ]);
  });

  it('sends HAB_AUTH_TOKEN as a bearer token', async () => {
    const f = fakeFetch([json(200, PARKS_630)]);
    await latestRelease(parks, options(f.fetch, { token: 'tok-123' }));
    expect(f.asked[0]?.headers.Authorization).toBe('Bearer tok-123');
  });

  it('takes a 404 as the answer: not in the channel, with a hint about private origins without a token', async () => {
    const f = fakeFetch([empty(404)]);
    const result = await latestRelease(parks, options(f.fetch, { channel: 'prod' }));
    expect(result).toEqual({
      resolved: false,
      why: 'Builder has no mattray/national-parks in channel prod (or the origin is private and HAB_AUTH_TOKEN is not set)',
    });
    expect(f.asked).toHaveLength(1);
    const withToken = await latestRelease(parks, options(fakeFetch([empty(404)]).fetch, { token: 't' }));
    expect(withToken).toEqual({
      resolved: false,
      why: 'Builder has no mattray/national-parks in channel stable',
    });
  });

  it('does not retry a refusal, and says which token is at fault', async () => {
    const f = fakeFetch([empty(401)]);
    expect(await latestRelease(parks, options(f.fetch))).toEqual({
      resolved: false,
      why: 'Builder refused to say (HTTP 401): HAB_AUTH_TOKEN is not set',
    });
    expect(f.asked).toHaveLength(1);
    const g = fakeFetch([empty(403)]);
    expect(await latestRelease(parks, options(g.fetch, { token: 't' }))).toEqual({
      resolved: false,
      why: 'Builder refused to say (HTTP 403): HAB_AUTH_TOKEN is not allowed to read it',
    });
  });

  it('retries 5xx and 429 with backoff, and takes a later answer', async () => {
    const f = fakeFetch([empty(503), empty(429), json(200, PARKS_630)]);
    const sleeps: number[] = [];
    const result = await latestRelease(
      parks,
      options(f.fetch, {
        sleep: async (ms) => {
          sleeps.push(ms);
        },
      }),
    );
    expect(result).toMatchObject({ resolved: true, release: '20190522195009' });
    expect(f.asked).toHaveLength(3);
    expect(sleeps).toEqual([500, 1000]);
  });

  it('gives up after the attempts, saying the last failure', async () => {
    const f = fakeFetch([empty(500), empty(502), empty(500)]);
    expect(await latestRelease(parks, options(f.fetch))).toEqual({
      resolved: false,
      why: 'Builder answered HTTP 500 (3 attempts)',
    });
    expect(f.asked).toHaveLength(3);
  });

  it('retries a connection that fails, and names the system error', async () => {
    const f = fakeFetch([refused(), refused()]);
    expect(await latestRelease(parks, options(f.fetch, { attempts: 2 }))).toEqual({
      resolved: false,
      why: 'Builder could not be reached: ECONNREFUSED (2 attempts)',
    });
  });

  it('bounds every attempt with its timeout', async () => {
    const f = fakeFetch(['hang', 'hang']);
    const result = await latestRelease(parks, options(f.fetch, { timeoutMs: 50, attempts: 2 }));
    expect(result).toEqual({ resolved: false, why: 'Builder did not answer within 0.05 s (2 attempts)' });
    expect(f.asked).toHaveLength(2);
  });

  it('takes a body cut short by the timeout as no answer, to be asked again', async () => {
    // Headers come, then the body stalls: only the attempt's timeout ends reading it.
    const stalled = (signal: AbortSignal) =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"ident":'));
            signal.addEventListener('abort', () => controller.error(signal.reason));
          },
        }),
        { status: 200 },
      );
    const f = fakeFetch([stalled, json(200, PARKS_630)]);
    const result = await latestRelease(parks, options(f.fetch, { timeoutMs: 50 }));
    expect(result).toMatchObject({ resolved: true, release: '20190522195009' });
    expect(f.asked).toHaveLength(2);
  });

  it('takes an answer that is not JSON, or not this package, as no release', async () => {
    const f = fakeFetch([new Response('<html>proxy login</html>', { status: 200 })]);
    expect(await latestRelease(parks, options(f.fetch))).toEqual({
      resolved: false,
      why: "Builder's answer for mattray/national-parks is not a release of it",
    });
    const other = answer({ origin: 'mattray', name: 'other', version: '1', release: '20190522195009' });
    expect(await latestRelease(parks, options(fakeFetch([json(200, other)]).fetch))).toMatchObject({
      resolved: false,
    });
  });

  it('asks nothing for a name it cannot put in a URL', async () => {
    const f = fakeFetch([]);
    const result = await latestRelease({ ...parks, name: 'a/b' }, options(f.fetch));
    expect(result).toEqual({ resolved: false, why: '"a/b" cannot be part of a Builder URL' });
    expect(f.asked).toEqual([]);
  });
});
