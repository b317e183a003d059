import { MEDIA_TYPES } from '../../src/image/config';
import { configDiffIds, KnownLayers, learnImage, manifestLayers } from '../../src/registry/known-layers';

const gz = (digest: string, size = 1) => ({ mediaType: MEDIA_TYPES.layer, size, digest });

function manifest(doc: unknown, mediaType = MEDIA_TYPES.manifest) {
  return { bytes: Buffer.from(JSON.stringify(doc)), mediaType };
}

describe('manifestLayers', () => {
  it('reads the config and the gzip layers of a Docker or OCI image manifest', () => {
    const layers = [
      gz('sha256:l1'),
      { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', size: 2, digest: 'sha256:l2' },
      { mediaType: 'application/vnd.oci.image.layer.v1.tar+zstd', size: 3, digest: 'sha256:l3' },
    ];
    expect(
      manifestLayers(manifest({ mediaType: MEDIA_TYPES.manifest, config: { digest: 'sha256:c' }, layers })),
    ).toEqual({
      config: 'sha256:c',
      // OCI gzip layers are the same bytes; a zstd layer is not one this action would write.
      layers: [gz('sha256:l1'), gz('sha256:l2', 2), undefined],
    });
  });

  it('has nothing for an index, a list or a body that is not JSON', () => {
    expect(
      manifestLayers(manifest({ mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [] })),
    ).toBeUndefined();
    expect(manifestLayers({ bytes: Buffer.from('{'), mediaType: MEDIA_TYPES.manifest })).toBeUndefined();
  });
});

describe('configDiffIds', () => {
  it('reads rootfs.diff_ids, or nothing', () => {
    expect(configDiffIds(Buffer.from('{"rootfs":{"diff_ids":["sha256:a"]}}'))).toEqual(['sha256:a']);
    expect(configDiffIds(Buffer.from('{"rootfs":{}}'))).toBeUndefined();
    expect(configDiffIds(Buffer.from('nope'))).toBeUndefined();
  });
});

describe('KnownLayers', () => {
  it('finds a layer in the repository itself, else in another one to mount it from', () => {
    const known = new KnownLayers();
    learnImage(known, 'core/b', [gz('sha256:l1'), gz('sha256:l2')], ['sha256:d1', 'sha256:d2']);
    learnImage(known, 'core/a', [gz('sha256:l1')], ['sha256:d1']);
    expect(known.find('sha256:d1', 'core/b')).toEqual({ descriptor: gz('sha256:l1'), here: true });
    expect(known.find('sha256:d2', 'core/c')).toEqual({
      descriptor: gz('sha256:l2'),
      here: false,
      from: 'core/b',
    });
    expect(known.find('sha256:d1', 'core/c')).toMatchObject({ from: 'core/a' });
    expect(known.find('sha256:d9', 'core/b')).toBeUndefined();
    expect(known.size).toBe(2);
  });

  it('learns nothing from a manifest and config that do not pair up', () => {
    const known = new KnownLayers();
    learnImage(known, 'core/b', [gz('sha256:l1')], ['sha256:d1', 'sha256:d2']);
    expect(known.size).toBe(0);
  });
});
