import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UserError } from '../../src/diagnostics';
import { decodeUtf8, firstInvalidUtf8, readTextFile } from '../../src/compose/read';

describe('firstInvalidUtf8', () => {
  it.each([
    ['ascii', [0x61, 0x62], undefined],
    ['two-byte é', [0xc3, 0xa9], undefined],
    ['four-byte emoji', [0xf0, 0x9f, 0x98, 0x80], undefined],
    ['lone continuation', [0x61, 0x80], 1],
    ['truncated sequence', [0x61, 0x62, 0xe2, 0x82], 2],
    ['overlong slash', [0xe0, 0x80, 0xaf], 0],
    ['surrogate', [0xed, 0xa0, 0x80], 0],
    ['latin-1 byte', [0x63, 0x61, 0x66, 0xe9, 0x0a], 3],
  ])('%s', (_name, bytes, expected) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(expected);
  });
});

describe('decodeUtf8', () => {
  it('drops a byte-order mark', () => {
    expect(decodeUtf8(Buffer.from('\uFEFFa: 1', 'utf8'), 'f')).toBe('a: 1');
  });
  it('names the line and column of a bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('a: 1\nb: caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    expect(() => decodeUtf8(bytes, 'f.yml')).toThrow(
      'f.yml:2:7: invalid UTF-8 at byte offset 11: save the file as UTF-8 text',
    );
  });
});

describe('readTextFile', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('wraps fs errors in a sentence', () => {
    expect(() => readTextFile(path.join(dir, 'nope.yml'), 'nope.yml', 'compose file')).toThrow(
      new UserError({ severity: 'error', message: 'cannot read compose file nope.yml: no such file' }),
    );
    expect(() => readTextFile(dir, 'dir', 'compose file')).toThrow(
      'cannot read compose file dir: it is a directory, not a file',
    );
  });
});
