import { BLOCK, decodeHeader, padding, TarReader, type TarEntry } from '../../src/image/tar-format';
import { encodeHeader, END_OF_ARCHIVE } from '../../src/image/tar-write';

/** A tar entry with defaults: a regular file of `data`, root-owned, mode 0644. */
export function entry(
  name: string,
  extra: Partial<TarEntry> = {},
  data: string | Buffer = '',
): TarEntry & { data: Buffer } {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data, 'latin1');
  return {
    name,
    type: '0',
    mode: 0o644,
    uid: 0,
    gid: 0,
    size: bytes.length,
    mtime: 1_700_000_000,
    linkname: '',
    uname: 'root',
    gname: 'root',
    devmajor: 0,
    devminor: 0,
    pax: {},
    ...extra,
    data: bytes,
  };
}

/** A tar archive of the entries, in the order given (data after each header). */
export function tarOf(entries: readonly (TarEntry & { data?: Buffer })[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const data = e.data ?? Buffer.alloc(0);
    parts.push(encodeHeader({ ...e, size: data.length }), data, Buffer.alloc(padding(data.length)));
  }
  parts.push(END_OF_ARCHIVE);
  return Buffer.concat(parts);
}

/** Every entry of an archive in memory, with its data. */
export function readTar(archive: Buffer): (TarEntry & { data: Buffer })[] {
  const reader = new TarReader();
  const out: (TarEntry & { data: Buffer })[] = [];
  let at = 0;
  while (at + BLOCK <= archive.length) {
    const raw = decodeHeader(archive.subarray(at, at + BLOCK));
    at += BLOCK;
    if (!raw) break;
    const kind = reader.header(raw);
    if (kind.kind === 'meta') {
      reader.meta(raw, archive.subarray(at, at + kind.size));
      at += kind.size + padding(kind.size);
      continue;
    }
    const size = kind.dataBlocks ? raw.size : 0;
    out.push({ ...kind.entry, data: archive.subarray(at, at + size) });
    at += size + padding(size);
  }
  return out;
}
