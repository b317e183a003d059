import { BLOCK, decodeHeader, parsePax, TarFormatError, TarReader } from '../../src/image/tar-format';
import { encodeHeader } from '../../src/image/tar-write';
import { entry, readTar, tarOf } from './tar-fixtures';

describe('encodeHeader and the reader', () => {
  it('round-trips every field of a plain ustar entry', () => {
    const file = entry(
      'hab/pkgs/core/glibc/IDENT',
      { mode: 0o755, uid: 42, gid: 43, uname: 'hab', gname: 'hab' },
      'x',
    );
    const [back] = readTar(tarOf([file]));
    expect(back).toEqual(file);
  });

  it('splits a long path into ustar prefix and name, and uses PAX only when it cannot', () => {
    const deep = `${'d/'.repeat(60)}file`; // 124 bytes: prefix + name
    expect(encodeHeader(entry(deep))).toHaveLength(BLOCK);
    expect(readTar(tarOf([entry(deep)]))[0]?.name).toBe(deep);
    const flat = `${'x'.repeat(150)}`; // no slash: only PAX can say it
    const header = encodeHeader(entry(flat));
    expect(header.length).toBeGreaterThan(BLOCK);
    expect(readTar(tarOf([entry(flat)]))[0]?.name).toBe(flat);
  });

  it('keeps long link targets, big ids and extended attributes in a PAX header, records in key order', () => {
    const link = entry('bin/x', {
      type: '2',
      linkname: `/hab/pkgs/${'y'.repeat(120)}`,
      uid: 0o10000000,
      pax: { 'SCHILY.xattr.security.capability': '\x01\x00\x00\x02', 'SCHILY.xattr.a': 'b' },
    });
    const [back] = readTar(tarOf([link]));
    expect(back?.linkname).toBe(link.linkname);
    expect(back?.uid).toBe(0o10000000);
    expect(back?.pax).toEqual(link.pax);
    const text = encodeHeader(link).toString('latin1');
    expect(text.indexOf('SCHILY.xattr.a=')).toBeLessThan(text.indexOf('SCHILY.xattr.security'));
    expect(text.indexOf('SCHILY.xattr.security')).toBeLessThan(text.indexOf('linkpath='));
  });

  it('keeps bytes that are not UTF-8 as they are', () => {
    const name = Buffer.from([0x68, 0xe9, 0xff, 0x2f, 0x61]).toString('latin1');
    const archive = tarOf([entry(name)]);
    expect(archive.subarray(0, 5)).toEqual(Buffer.from([0x68, 0xe9, 0xff, 0x2f, 0x61]));
    expect(readTar(archive)[0]?.name).toBe(name);
  });

  it('reads GNU long names and links, global PAX headers, and base-256 numbers', () => {
    const reader = new TarReader();
    const raw = (name: string, type: string, size = 0) => {
      const block = encodeHeader({ ...entry(name, { type }), size });
      return decodeHeader(block.subarray(block.length - BLOCK))!;
    };
    expect(reader.header(raw('././@LongLink', 'L', 6)).kind).toBe('meta');
    reader.meta(raw('././@LongLink', 'L'), Buffer.from('a/long\0'));
    expect(reader.header(raw('././@LongLink', 'g')).kind).toBe('meta');
    reader.meta(raw('g', 'g'), Buffer.from('13 uname=hab\n'));
    const got = reader.header(raw('a/lo', '0'));
    expect(got.kind === 'entry' && [got.entry.name, got.entry.uname]).toEqual(['a/long', 'hab']);
    // A base-256 size (GNU), as tools write for files over 8 GiB.
    const block = encodeHeader(entry('big'));
    block.fill(0, 124, 136);
    block[124] = 0x80;
    block.writeUIntBE(2 ** 34, 130, 6);
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i]!;
    block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    expect(decodeHeader(block)?.size).toBe(2 ** 34);
  });

  it('refuses a bad checksum, sparse files and malformed PAX records', () => {
    const block = encodeHeader(entry('a'));
    block[0] = 0x62;
    expect(() => decodeHeader(block)).toThrow(TarFormatError);
    const sparse = decodeHeader(encodeHeader(entry('s', { type: 'S' })))!;
    expect(() => new TarReader().header(sparse)).toThrow(/sparse/);
    expect(() => parsePax(Buffer.from('99 path=x\n'))).toThrow(TarFormatError);
  });
});
