import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
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

/** What a loopback Builder does with one request: a status and body, or `hang` (never answers), or `stall` (headers and half a body). */
type Reply = { status: number; body?: unknown } | 'hang' | 'stall';

interface Asked {
  url: string;
  accept?: string;
  authorization?: string;
}

/** A Builder on loopback answering from a list, one reply a request, recording what it was asked. */
async function builder(
  replies: Reply[],
): Promise<{ url: string; asked: Asked[]; close: () => Promise<void> }> {
  const asked: Asked[] = [];
  const open = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    asked.push({
      url: req.url ?? '',
      ...(req.headers.accept && { accept: req.headers.accept }),
      ...(req.headers.authorization && { authorization: req.headers.authorization }),
    });
    const reply = replies.shift() ?? { status: 500 };
    if (reply === 'hang') return void open.add(res);
    if (reply === 'stall') {
      open.add(res);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return void res.write('{"ident":');
    }
    const body =
      reply.body === undefined
        ? ''
        : typeof reply.body === 'string'
          ? reply.body
          : JSON.stringify(reply.body);
    res.writeHead(reply.status, { 'Content-Type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    asked,
    close: () =>
      new Promise((resolve) => {
        for (const res of open) res.destroy();
        server.close(() => resolve());
      }),
  };
}

let servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

/** latestRelease of national-parks against a loopback Builder giving these replies; no real sleeping between attempts. */
async function ask(replies: Reply[], extra: Partial<BuilderOptions> = {}) {
  const b = await builder(replies);
  servers.push(b);
  const sleeps: number[] = [];
  const result = await latestRelease(parks, {
    url: b.url,
    channel: 'stable',
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...extra,
  });
  return { result, asked: b.asked, sleeps };
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
    const r = await ask([{ status: 200, body: PARKS_630 }]);
    expect(r.result).toEqual({ resolved: true, version: '6.3.0', release: '20190522195009' });
    expect(r.asked).toEqual([
      { url: '/v1/depot/channels/mattray/stable/pkgs/national-parks/latest', accept: 'application/json' },
    ]);
  });

  it('sends HAB_AUTH_TOKEN as a bearer token', async () => {
    const r = await ask([{ status: 200, body: PARKS_630 }], { token: 'tok-123' });
    expect(r.asked[0]?.authorization).toBe('Bearer tok-123');
  });

  it('takes a 404 as the answer: not in the channel, with a hint about private origins without a token', async () => {
    const r = await ask([{ status: 404 }], { channel: 'prod' });
    expect(r.result).toEqual({
      resolved: false,
      why: 'Builder has no mattray/national-parks in channel prod (or the origin is private and HAB_AUTH_TOKEN is not set)',
    });
    expect(r.asked).toHaveLength(1);
    const withToken = await ask([{ status: 404 }], { token: 'tok' });
    expect(withToken.result).toEqual({
      resolved: false,
      why: 'Builder has no mattray/national-parks in channel stable',
    });
  });

  it('does not retry a refusal, and says which token is at fault', async () => {
    const r = await ask([{ status: 401 }]);
    expect(r.result).toEqual({
      resolved: false,
      why: 'Builder refused to say (HTTP 401): HAB_AUTH_TOKEN is not set',
    });
    expect(r.asked).toHaveLength(1);
    const t = await ask([{ status: 403 }], { token: 'tok' });
    expect(t.result).toEqual({
      resolved: false,
      why: 'Builder refused to say (HTTP 403): HAB_AUTH_TOKEN is not allowed to read it',
    });
  });

  it('retries 5xx and 429 with backoff, and takes a later answer', async () => {
    const r = await ask([{ status: 503 }, { status: 429 }, { status: 200, body: PARKS_630 }]);
    expect(r.result).toMatchObject({ resolved: true, release: '20190522195009' });
    expect(r.asked).toHaveLength(3);
    expect(r.sleeps).toEqual([500, 1000]);
  });

  it('gives up after the attempts, saying the last failure', async () => {
    const r = await ask([
      { status: 500 },
      { status: 502 },
      { status: 500 },
      { status: 200, body: PARKS_630 },
    ]);
    expect(r.result).toEqual({ resolved: false, why: 'Builder answered HTTP 500 (3 attempts)' });
    expect(r.asked).toHaveLength(3);
  });

  it('retries a connection that is refused, and names the system error', async () => {
    const b = await builder([]);
    await b.close();
    const result = await latestRelease(parks, {
      url: b.url,
      channel: 'stable',
      attempts: 2,
      sleep: async () => undefined,
    });
    expect(result).toEqual({
      resolved: false,
      why: 'Builder could not be reached: ECONNREFUSED (2 attempts)',
    });
  });

  it('bounds every attempt with its timeout, headers or body', async () => {
    const r = await ask(['hang', 'stall'], { timeoutMs: 100, attempts: 2 });
    expect(r.result).toEqual({ resolved: false, why: 'Builder did not answer within 0.1 s (2 attempts)' });
    expect(r.asked).toHaveLength(2);
  });

  it('asks again after a body cut short by the timeout', async () => {
    const r = await ask(['stall', { status: 200, body: PARKS_630 }], { timeoutMs: 100 });
    expect(r.result).toMatchObject({ resolved: true, release: '20190522195009' });
  });

  it('takes an answer that is not JSON, or not this package, as no release', async () => {
    const html = await ask([{ status: 200, body: '<html>proxy login</html>' }]);
    expect(html.result).toEqual({
      resolved: false,
      why: "Builder's answer for mattray/national-parks is not a release of it",
    });
    const other = answer({ origin: 'mattray', name: 'other', version: '1', release: '20190522195009' });
    expect((await ask([{ status: 200, body: other }])).result).toMatchObject({ resolved: false });
  });

  it('asks nothing for a name it cannot put in a URL', async () => {
    const b = await builder([]);
    servers.push(b);
    const result = await latestRelease({ ...parks, name: 'a/b' }, { url: b.url, channel: 'stable' });
    expect(result).toEqual({ resolved: false, why: '"a/b" cannot be part of a Builder URL' });
    expect(b.asked).toEqual([]);
  });
});
