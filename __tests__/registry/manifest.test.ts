import { createHash } from 'node:crypto';
import { parseManifest } from '../../src/registry/manifest';
import { describesImage } from '../../src/registry/docker-push';

const config = `sha256:${'c'.repeat(64)}`;
const body = JSON.stringify({
  schemaVersion: 2,
  mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
  config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: 1, digest: config },
  layers: [],
});

describe('parseManifest', () => {
  it('takes the digest from the header and the config digest from the body', () => {
    expect(parseManifest(body, 'sha256:abc')).toEqual({
      digest: 'sha256:abc',
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      configDigest: config,
    });
  });
  it('hashes the body when the header is missing', () => {
    const digest = `sha256:${createHash('sha256').update(body).digest('hex')}`;
    expect(parseManifest(body, undefined).digest).toBe(digest);
  });
  it('has no config digest for an index', () => {
    const index = JSON.stringify({ mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [] });
    expect(parseManifest(index, 'sha256:i').configDigest).toBeUndefined();
  });
});

describe('describesImage', () => {
  it('compares the config digest (or the manifest digest on a containerd store) with the local id', () => {
    expect(describesImage({ digest: 'sha256:m', configDigest: config }, config)).toBe(true);
    expect(describesImage({ digest: 'sha256:m', configDigest: config }, 'sha256:m')).toBe(true);
    expect(describesImage({ digest: 'sha256:m', configDigest: config }, 'sha256:other')).toBe(false);
  });
});
