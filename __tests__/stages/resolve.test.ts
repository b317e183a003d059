import { pinnedTo, resolutionNotes, resolveReleases } from '../../src/stages/resolve';
import { parsePackageSource } from '../../src/translate/habitat/package-source';
import { RecordingLog } from '../support/recording-log';

const mongodb = parsePackageSource('billmeyer/mongodb');
const parks = parsePackageSource('mattray/national-parks/6.3.0');
const redis = parsePackageSource('core/redis/4.0.14/20190319155852');
const hart = parsePackageSource('results/core-nginx-1.25.4-20240101000000-x86_64-linux.hart');

const RELEASES: Record<string, { version: string; release: string }> = {
  'billmeyer/mongodb': { version: '3.2.10', release: '20171016003652' },
  'mattray/national-parks': { version: '6.3.0', release: '20190522195009' },
};

/** A Builder that knows RELEASES in every channel, answering 404 for anything else. */
function builder() {
  const asked: { url: string; authorization?: string }[] = [];
  const get = async (url: string, headers: Record<string, string>) => {
    asked.push({ url, ...(headers.Authorization && { authorization: headers.Authorization }) });
    const m = /\/channels\/([^/]+)\/[^/]+\/pkgs\/([^/]+)\//.exec(url);
    const known = m && RELEASES[`${m[1]}/${m[2]}`];
    if (!m || !known) return { status: 404, body: '' };
    return { status: 200, body: JSON.stringify({ ident: { origin: m[1], name: m[2], ...known } }) };
  };
  return { get, asked };
}

function run(
  packages: Parameters<typeof resolveReleases>[0],
  extra: { builderUrl?: string; env?: NodeJS.ProcessEnv } = {},
) {
  const b = builder();
  const log = new RecordingLog();
  const result = resolveReleases(packages, {
    settings: { channel: 'stable', ...(extra.builderUrl && { builderUrl: extra.builderUrl }) },
    env: extra.env ?? {},
    log,
    maxParallel: 2,
    builder: { get: b.get, sleep: async () => undefined },
  });
  return { result, asked: b.asked, log };
}

describe('resolveReleases', () => {
  it('asks Builder only for packages named without a release: not a pinned ident, not a .hart', async () => {
    const r = run([mongodb, redis, parks, hart], { builderUrl: 'http://127.0.0.1:5058' });
    const found = await r.result;
    expect(r.asked.map((a) => a.url)).toEqual([
      'http://127.0.0.1:5058/v1/depot/channels/billmeyer/stable/pkgs/mongodb/latest',
      'http://127.0.0.1:5058/v1/depot/channels/mattray/stable/pkgs/national-parks/6.3.0/latest',
    ]);
    expect([...found.entries()]).toEqual([
      [
        mongodb,
        { named: 'billmeyer/mongodb', version: '3.2.10', release: '20171016003652', channel: 'stable' },
      ],
      [
        parks,
        {
          named: 'mattray/national-parks/6.3.0',
          version: '6.3.0',
          release: '20190522195009',
          channel: 'stable',
        },
      ],
    ]);
    expect(r.log.lines).toEqual([
      'group: Resolve',
      'info: Asking the Builder at http://127.0.0.1:5058 for the latest release in channel stable of each package named without one',
      'info: billmeyer/mongodb: the latest in stable is billmeyer/mongodb/3.2.10/20171016003652',
      'info: mattray/national-parks/6.3.0: the latest in stable is mattray/national-parks/6.3.0/20190522195009',
    ]);
  });

  it('asks nothing, and opens no log group, when every package has its release', async () => {
    const r = run([redis, hart]);
    expect((await r.result).size).toBe(0);
    expect(r.asked).toEqual([]);
    expect(r.log.lines).toEqual([]);
  });

  it("asks Habitat's public Builder when no Builder is configured", async () => {
    const r = run([mongodb]);
    await r.result;
    expect(r.asked[0]?.url).toBe(
      'https://bldr.habitat.sh/v1/depot/channels/billmeyer/stable/pkgs/mongodb/latest',
    );
  });

  it('sends HAB_AUTH_TOKEN and masks it before anything is logged', async () => {
    const r = run([mongodb], { env: { HAB_AUTH_TOKEN: 'secret-token' } });
    await r.result;
    expect(r.asked[0]?.authorization).toBe('Bearer secret-token');
    expect(r.log.secrets).toEqual(['secret-token']);
  });

  it('leaves out a package Builder cannot answer for, saying why it is exported as named', async () => {
    const unknown = parsePackageSource('acme/missing');
    const r = run([unknown, mongodb], { env: { HAB_AUTH_TOKEN: 'tok-9f2c' } });
    const found = await r.result;
    expect([...found.keys()]).toEqual([mongodb]);
    expect(r.log.of('info')).toContain(
      'info: acme/missing: not resolved, so it is exported as named: Builder has no acme/missing in channel stable',
    );
  });
});

describe('pinnedTo and resolutionNotes', () => {
  it('pins the package to its release, which the registry is then asked for', () => {
    const resolved = {
      named: 'billmeyer/mongodb',
      version: '3.2.10',
      release: '20171016003652',
      channel: 'stable',
    };
    expect(pinnedTo(mongodb, resolved)).toEqual(
      parsePackageSource('billmeyer/mongodb/3.2.10/20171016003652'),
    );
    expect(resolutionNotes(new Map([[mongodb, resolved]]))).toEqual([
      'Resolved through Builder to the latest release in the channel: `billmeyer/mongodb` → `3.2.10/20171016003652` (stable).',
    ]);
    expect(resolutionNotes(new Map())).toEqual([]);
    expect(resolutionNotes(undefined)).toEqual([]);
  });
});
