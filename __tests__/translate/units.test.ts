import { bytesToMiB, parseBytes, parseDuration } from '../../src/translate/units';

describe('units', () => {
  test.each([
    ['512m', 512],
    ['1g', 1024],
    ['1.5GB', 1536],
    ['2048k', 2],
    [268435456, 256],
    ['100b', 0],
  ])('%j is %d MiB', (text, mib) => {
    expect(bytesToMiB(parseBytes(text) ?? NaN)).toBe(mib);
  });

  test('sizes that are not sizes', () => {
    expect(parseBytes('512x')).toBeUndefined();
    expect(parseBytes('-1m')).toBeUndefined();
    expect(parseBytes(true)).toBeUndefined();
  });

  test.each([
    ['1m30s', 90],
    ['10s', 10],
    ['1h', 3600],
    ['500ms', 0.5],
    ['0', 0],
  ])('duration %s is %d s', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  test('durations that are not durations', () => {
    for (const text of ['10', '10 seconds', '', 's', '1d']) expect(parseDuration(text)).toBeUndefined();
    expect(parseDuration(30)).toBeUndefined();
  });
});
