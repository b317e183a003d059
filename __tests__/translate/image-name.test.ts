import { isValidRepositoryName, isValidTag } from '../../src/translate/image-name';

describe('patterns', () => {
  it('knows ECR repository names and docker tags', () => {
    expect(isValidRepositoryName('mattray/national-parks')).toBe(true);
    expect(isValidRepositoryName('a')).toBe(false);
    expect(isValidRepositoryName('A/b')).toBe(false);
    expect(isValidTag('3.2.10-20171016003652')).toBe(true);
    expect(isValidTag('.x')).toBe(false);
    expect(isValidTag('a/b')).toBe(false);
  });
});
