import {
  canonicalJson,
  ImageConfigError,
  imageManifest,
  MEDIA_TYPES,
  releaseTime,
  reproducibleConfig,
} from '../../src/image/config';

/** What the legacy builder writes for a real `hab pkg export container --multi-layer` (abridged). */
function exported(stamp: string, container: string) {
  return {
    architecture: 'amd64',
    config: {
      Hostname: '',
      Env: ['PATH=/bin'],
      Cmd: ['run', 'billmeyer/mongodb'],
      Entrypoint: ['/init.sh'],
      ExposedPorts: { '27017/tcp': {}, '9631/tcp': {} },
      Image: `sha256:${stamp.repeat(64).slice(0, 64)}`,
      Labels: null,
    },
    container,
    container_config: { Hostname: container.slice(0, 12), Cmd: ['/bin/sh', '-c', '#(nop) '] },
    created: `2026-11-29T00:30:2${stamp}.010615617Z`,
    docker_version: '20.10.24+dfsg1',
    history: [
      {
        created: `2026-11-29T00:30:0${stamp}Z`,
        created_by: '/bin/sh -c #(nop)  ENV PATH=/bin',
        empty_layer: true,
      },
      {
        created: `2026-11-29T00:30:1${stamp}Z`,
        created_by: '/bin/sh -c #(nop) COPY dir:bc6b in /hab/pkgs/core/busybox-static',
      },
      { created: `2026-11-29T00:30:2${stamp}Z`, created_by: '/bin/sh -c #(nop) COPY file:dc94 in /init.sh ' },
    ],
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: [`sha256:${stamp}`, `sha256:${stamp}${stamp}`] },
  };
}

const layers = ['sha256:aaa', 'sha256:bbb'];

describe('reproducibleConfig', () => {
  it('gives two builds of the same image the same config', () => {
    const a = reproducibleConfig(exported('1', 'c0ffee'.repeat(10)), layers, '2017-10-16T00:36:52Z');
    const b = reproducibleConfig(exported('2', 'beef'.repeat(16)), layers, '2017-10-16T00:36:52Z');
    expect(a.toString()).toBe(b.toString());
  });

  it('keeps what the container runs with and the history commands; fixes the times; drops build-only fields', () => {
    const config = JSON.parse(
      reproducibleConfig(exported('1', 'c'), layers, '2017-10-16T00:36:52Z').toString(),
    );
    expect(config.config).toEqual({
      Hostname: '',
      Env: ['PATH=/bin'],
      Cmd: ['run', 'billmeyer/mongodb'],
      Entrypoint: ['/init.sh'],
      ExposedPorts: { '27017/tcp': {}, '9631/tcp': {} },
      Labels: null,
    });
    expect(config.rootfs).toEqual({ type: 'layers', diff_ids: layers });
    expect(config.created).toBe('2017-10-16T00:36:52Z');
    expect(config.history.map((h: { created: string }) => h.created)).toEqual(
      Array(3).fill('2017-10-16T00:36:52Z'),
    );
    expect(config.history[1].created_by).toContain('COPY dir:bc6b');
    expect(config.history[0].empty_layer).toBe(true);
    for (const key of ['container', 'container_config', 'docker_version'])
      expect(config).not.toHaveProperty(key);
  });

  it('refuses a history that does not match the layers, and a config that is not an object', () => {
    expect(() => reproducibleConfig(exported('1', 'c'), ['sha256:a'], 'x')).toThrow(ImageConfigError);
    expect(() => reproducibleConfig([], [], 'x')).toThrow(ImageConfigError);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps arrays in order', () => {
    expect(canonicalJson({ b: [2, { d: 1, c: null }], a: 'x', u: undefined })).toBe(
      '{"a":"x","b":[2,{"c":null,"d":1}]}',
    );
  });
});

describe('releaseTime', () => {
  it('reads a Habitat release, else gives the layer epoch', () => {
    expect(releaseTime('20171016003652')).toBe('2017-10-16T00:36:52Z');
    expect(releaseTime(undefined)).toBe('2000-01-01T00:00:00Z');
    expect(releaseTime('20171399003652')).toBe('2000-01-01T00:00:00Z');
  });
});

describe('imageManifest', () => {
  it('is a schema 2 manifest with the config and layers in order', () => {
    const manifest = JSON.parse(
      imageManifest({ mediaType: MEDIA_TYPES.config, size: 10, digest: 'sha256:c' }, [
        { mediaType: MEDIA_TYPES.layer, size: 5, digest: 'sha256:l1' },
        { mediaType: MEDIA_TYPES.layer, size: 6, digest: 'sha256:l2' },
      ]).toString(),
    );
    expect(manifest).toEqual({
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.manifest,
      config: { mediaType: MEDIA_TYPES.config, size: 10, digest: 'sha256:c' },
      layers: [
        { mediaType: MEDIA_TYPES.layer, size: 5, digest: 'sha256:l1' },
        { mediaType: MEDIA_TYPES.layer, size: 6, digest: 'sha256:l2' },
      ],
    });
  });
});
