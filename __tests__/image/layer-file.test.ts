import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { LAYER_EPOCH } from '../../src/image/normalize';
import { normalizeLayerFile } from '../../src/image/layer-file';
import { TarFormatError } from '../../src/image/tar-format';
import { entry, readTar, tarOf } from './tar-fixtures';

const dir = mkdtempSync(path.join(tmpdir(), 'layer-file-'));
let count = 0;
function file(bytes: Buffer): string {
  const name = path.join(dir, `layer-${count++}.tar`);
  writeFileSync(name, bytes);
  return name;
}
const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** A package layer as one export writes it, at `time`, with the entries in `order`. */
function exportAt(time: number, order: number[]) {
  const entries = [
    entry('hab/', { type: '5', mode: 0o755, mtime: time }),
    entry('hab/pkgs/core/glibc/2.36/20240101000000/', { type: '5', mode: 0o755, mtime: time }),
    entry(
      'hab/pkgs/core/glibc/2.36/20240101000000/lib/libc.so.6',
      { mode: 0o755, mtime: 1_577_836_800 },
      'ELF'.repeat(1000),
    ),
    entry('hab/pkgs/core/glibc/2.36/20240101000000/IDENT', { mtime: 1_577_836_800 }, 'core/glibc\n'),
    entry('hab/pkgs/core/glibc/2.36/20240101000000/lib/libc.so', {
      type: '2',
      linkname: 'libc.so.6',
      mtime: time,
    }),
  ];
  return tarOf(order.map((i) => entries[i]!));
}

describe('normalizeLayerFile', () => {
  it('gives two exports of the same package, at other times and in another order, the same bytes', async () => {
    const a = await normalizeLayerFile(file(exportAt(1_795_912_205, [0, 1, 2, 3, 4])), {
      gzipTo: path.join(dir, 'a.gz'),
    });
    const b = await normalizeLayerFile(file(exportAt(1_795_999_999, [1, 0, 4, 3, 2])), {
      gzipTo: path.join(dir, 'b.gz'),
    });
    expect(a.diffId).toBe(b.diffId);
    expect(a.blob?.digest).toBe(b.blob?.digest);
    expect(readFileSync(path.join(dir, 'a.gz'))).toEqual(readFileSync(path.join(dir, 'b.gz')));
    expect(a.entries).toBe(5);
  });

  it('writes a gzip with no name and no time, whose digests are those of what it holds', async () => {
    const out = await normalizeLayerFile(file(exportAt(1_795_912_205, [0, 1, 2, 3, 4])), {
      gzipTo: path.join(dir, 'c.gz'),
    });
    const gz = readFileSync(path.join(dir, 'c.gz'));
    expect(gz.subarray(0, 4)).toEqual(Buffer.from([0x1f, 0x8b, 8, 0])); // deflate, no FNAME/FCOMMENT
    expect(gz.readUInt32LE(4)).toBe(0); // MTIME
    expect(out.blob).toEqual({ digest: sha(gz), size: gz.length, path: path.join(dir, 'c.gz') });
    const tar = gunzipSync(gz);
    expect(out.diffId).toBe(sha(tar));
    // Contents, modes and links as they were; times clamped; sorted.
    const entries = readTar(tar);
    expect(entries.map((e) => e.name)).toEqual([
      'hab/',
      'hab/pkgs/core/glibc/2.36/20240101000000/',
      'hab/pkgs/core/glibc/2.36/20240101000000/IDENT',
      'hab/pkgs/core/glibc/2.36/20240101000000/lib/libc.so',
      'hab/pkgs/core/glibc/2.36/20240101000000/lib/libc.so.6',
    ]);
    expect(entries[4]).toMatchObject({ mode: 0o755, mtime: LAYER_EPOCH, uname: '' });
    expect(entries[4]?.data.toString()).toBe('ELF'.repeat(1000));
    expect(entries[3]).toMatchObject({ type: '2', linkname: 'libc.so.6' });
  });

  it('only hashes when not asked to compress, with the same diff_id', async () => {
    const tar = exportAt(1_795_912_205, [0, 1, 2, 3, 4]);
    const hashed = await normalizeLayerFile(file(tar));
    const both = await normalizeLayerFile(file(tar), { gzipTo: path.join(dir, 'd.gz') });
    expect(hashed.blob).toBeUndefined();
    expect(hashed.diffId).toBe(both.diffId);
  });

  it('stores large files that do not compress as they are, deflates the rest, in one valid gzip', async () => {
    // Bytes that do not compress, made reproducibly: a chain of hashes.
    const noise = Buffer.concat(
      Array.from({ length: 16 * 1024 }, (_, i) => createHash('sha256').update(String(i)).digest()),
    );
    const text = Buffer.from('<Context path="/national-parks"/>\n'.repeat(16 * 1024));
    const tar = tarOf([
      entry('hab/pkgs/core/corretto8/lib/rt.jar', { mtime: 1 }, noise),
      entry('hab/pkgs/core/corretto8/lib/server.xml', { mtime: 1 }, text),
      entry('hab/pkgs/core/corretto8/IDENT', { mtime: 1 }, 'core/corretto8\n'),
    ]);
    const out = await normalizeLayerFile(file(tar), { gzipTo: path.join(dir, 'e.gz') });
    const again = await normalizeLayerFile(file(tar), { gzipTo: path.join(dir, 'f.gz') });
    expect(out.storedBytes).toBe(noise.length);
    expect(again.blob?.digest).toBe(out.blob?.digest);
    const gz = readFileSync(path.join(dir, 'e.gz'));
    const unpacked = gunzipSync(gz);
    expect(out.diffId).toBe(sha(unpacked));
    expect(readTar(unpacked).map((e) => e.data.length)).toEqual([15, noise.length, text.length]);
    // The text still deflated: the blob is hardly larger than the noise alone.
    expect(gz.length).toBeLessThan(noise.length + text.length / 20);
  });

  it('refuses a truncated layer', async () => {
    const tar = exportAt(1, [0, 1, 2, 3, 4]);
    await expect(normalizeLayerFile(file(tar.subarray(0, 1536)))).rejects.toThrow(TarFormatError);
  });
});
