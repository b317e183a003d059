import { imageTags, parsePushDigest } from '../../src/registry/tags';

const image = {
  tags: ['latest', '3.2.10', '3.2.10-20171016003652'],
  version: '3.2.10',
  release: '20171016003652',
};

describe('imageTags', () => {
  it('gives the version tags the export made, version first', () => {
    expect(imageTags(image, { version: true, versionRelease: true })).toEqual([
      '3.2.10',
      '3.2.10-20171016003652',
    ]);
  });
  it('leaves out what was not asked for', () => {
    expect(imageTags(image, { version: true, versionRelease: false })).toEqual(['3.2.10']);
    expect(imageTags(image, { version: false, versionRelease: true })).toEqual(['3.2.10-20171016003652']);
    expect(imageTags(image, { version: false, versionRelease: false })).toEqual([]);
  });
  it('invents no version tag the exporter did not make', () => {
    expect(imageTags({ tags: ['latest'], version: '1.0' }, { version: true, versionRelease: true })).toEqual(
      [],
    );
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
