import { imageTags, parsePushDigest } from '../../src/registry/tags';

const image = {
  tags: ['latest', '3.2.10', '3.2.10-20171016003652'],
  version: '3.2.10',
  release: '20171016003652',
};

describe('imageTags', () => {
  it('puts the image tag first, then the version tags the export made', () => {
    expect(imageTags(image, { imageTag: 'abc123', version: true, versionRelease: true })).toEqual([
      'abc123',
      '3.2.10',
      '3.2.10-20171016003652',
    ]);
  });
  it('leaves out what was not asked for, and dedupes', () => {
    expect(imageTags(image, { imageTag: '3.2.10', version: true, versionRelease: false })).toEqual([
      '3.2.10',
    ]);
    expect(imageTags(image, { imageTag: 'x', version: false, versionRelease: false, latest: true })).toEqual([
      'x',
      'latest',
    ]);
  });
  it('invents no version tag the exporter did not make', () => {
    expect(
      imageTags({ tags: ['latest'], version: '1.0' }, { imageTag: 'x', version: true, versionRelease: true }),
    ).toEqual(['x']);
  });
});

describe('parsePushDigest', () => {
  it('reads the digest line of docker push', () => {
    const digest = `sha256:${'0123456789abcdef'.repeat(4)}`;
    const output = [
      'The push refers to repository [123.dkr.ecr.us-east-1.amazonaws.com/billmeyer/mongodb]',
      '5f70bf18a086: Pushed',
      `v1: digest: ${digest} size: 528`,
    ].join('\n');
    expect(parsePushDigest(output)).toBe(digest);
    expect(parsePushDigest('nothing here')).toBeUndefined();
  });
});
