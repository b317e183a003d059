/**
 * The tar format, as image layers use it: reading ustar, GNU and PAX headers into entries (writing
 * them back is tar-write.ts). Pure.
 *
 * Names, link targets and PAX values are kept as `latin1` strings, i.e. one character per byte,
 * so that whatever bytes a layer holds (not necessarily UTF-8) come out unchanged.
 */

export const BLOCK = 512;

/** One file system object in a tar stream, with every extension header folded in. */
export interface TarEntry {
  /** The path as stored (bytes as latin1). */
  name: string;
  /** The ustar type flag: '0' file, '1' hard link, '2' symlink, '3' char, '4' block, '5' directory, '6' fifo, '7' contiguous. */
  type: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  /** Seconds since the epoch. */
  mtime: number;
  linkname: string;
  uname: string;
  gname: string;
  devmajor: number;
  devminor: number;
  /** PAX records that are not header fields (extended attributes and the like), by key. */
  pax: Record<string, string>;
}

/** A tar stream this module cannot read, or will not rewrite (sparse files, multi-volume archives). */
export class TarFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TarFormatError';
  }
}

/** A header block as it is, before extension headers are applied. */
type RawHeader = Omit<TarEntry, 'pax'>;

function text(block: Buffer, offset: number, length: number): string {
  const field = block.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? length : end).toString('latin1');
}

/** An octal field (NUL or space terminated), or GNU base-256 when the first byte has its high bit set. */
function numeric(block: Buffer, offset: number, length: number): number {
  const field = block.subarray(offset, offset + length);
  if (((field[0] ?? 0) & 0x80) !== 0) {
    if (((field[0] ?? 0) & 0x40) !== 0) throw new TarFormatError('negative base-256 number in a tar header');
    let value = (field[0] ?? 0) & 0x3f;
    for (let i = 1; i < length; i++) value = value * 256 + (field[i] ?? 0);
    if (!Number.isSafeInteger(value)) throw new TarFormatError('base-256 number too large in a tar header');
    return value;
  }
  const digits = field
    .toString('latin1')
    .replace(/[\0 ]+$/, '')
    .replace(/^[\0 ]+/, '');
  if (digits === '') return 0;
  if (!/^[0-7]+$/.test(digits))
    throw new TarFormatError(`bad octal number ${JSON.stringify(digits)} in a tar header`);
  return parseInt(digits, 8);
}

export function checksumOf(block: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (block[i] ?? 0);
  return sum;
}

/** Decodes one header block; undefined for an all-zero block (the end of the archive). */
export function decodeHeader(block: Buffer): RawHeader | undefined {
  if (block.length !== BLOCK) throw new TarFormatError(`truncated tar header (${block.length} bytes)`);
  if (block.every((b) => b === 0)) return undefined;
  if (numeric(block, 148, 8) !== checksumOf(block)) throw new TarFormatError('tar header checksum mismatch');
  const magic = block.subarray(257, 263).toString('latin1');
  // POSIX ustar ("ustar\0") has a name prefix; GNU ("ustar ") keeps times there instead.
  const prefix = magic === 'ustar\0' ? text(block, 345, 155) : '';
  const name = text(block, 0, 100);
  return {
    name: prefix ? `${prefix}/${name}` : name,
    mode: numeric(block, 100, 8),
    uid: numeric(block, 108, 8),
    gid: numeric(block, 116, 8),
    size: numeric(block, 124, 12),
    mtime: numeric(block, 136, 12),
    type: String.fromCharCode(block[156] ?? 0),
    linkname: text(block, 157, 100),
    uname: text(block, 265, 32),
    gname: text(block, 297, 32),
    devmajor: magic.startsWith('ustar') ? numeric(block, 329, 8) : 0,
    devminor: magic.startsWith('ustar') ? numeric(block, 337, 8) : 0,
  };
}

/** The records of a PAX extended header (`LEN key=value\n` each). */
export function parsePax(data: Buffer): Map<string, string> {
  const records = new Map<string, string>();
  let at = 0;
  while (at < data.length) {
    if (data[at] === 0) break;
    const space = data.indexOf(0x20, at);
    const length = space === -1 ? NaN : Number(data.subarray(at, space).toString('latin1'));
    if (!Number.isInteger(length) || length <= 0 || at + length > data.length)
      throw new TarFormatError('malformed PAX record');
    const record = data.subarray(space + 1, at + length - 1).toString('latin1');
    const eq = record.indexOf('=');
    if (eq <= 0) throw new TarFormatError('malformed PAX record');
    records.set(record.slice(0, eq), record.slice(eq + 1));
    at += length;
  }
  return records;
}

/** Header types that carry metadata for the entry after them rather than an entry. */
const META_TYPES = new Set(['x', 'g', 'L', 'K']);

/** Whether an entry of this header's type has data blocks in the archive (all but links, devices, directories, fifos). */
function hasData(type: string): boolean {
  return !['1', '2', '3', '4', '5', '6'].includes(type);
}

/** PAX keys that become header fields; atime, ctime and mtime are dropped (times are fixed separately). */
const FIELD_KEYS = new Set([
  'path',
  'linkpath',
  'size',
  'uid',
  'gid',
  'uname',
  'gname',
  'mtime',
  'atime',
  'ctime',
]);

/**
 * Folds extension headers into entries, one header at a time: feed it each header and, for the
 * metadata headers it asks for, their data. The caller reads the blocks (from a file or a stream).
 */
export class TarReader {
  private global = new Map<string, string>();
  private local = new Map<string, string>();
  private longName: string | undefined;
  private longLink: string | undefined;

  /**
   * What a header is: metadata whose `size` bytes of data must be passed to `meta` next, or an
   * entry (whose `size` bytes of data, if `dataBlocks` is true, follow in the archive).
   */
  header(
    raw: RawHeader,
  ): { kind: 'meta'; size: number } | { kind: 'entry'; entry: TarEntry; dataBlocks: boolean } {
    if (META_TYPES.has(raw.type)) return { kind: 'meta', size: raw.size };
    if (raw.type === 'S' || raw.type === 'V' || raw.type === 'M')
      throw new TarFormatError(
        `unsupported tar entry type '${raw.type}' (GNU sparse or multi-volume) for ${raw.name}`,
      );
    const records = new Map([...this.global, ...this.local]);
    if ([...records.keys()].some((k) => k.startsWith('GNU.sparse.')))
      throw new TarFormatError(`unsupported sparse file (PAX GNU.sparse) ${raw.name}`);
    const number = (key: string, fallback: number): number => {
      const value = records.get(key);
      if (value === undefined) return fallback;
      const n = Number(value);
      if (!Number.isSafeInteger(n) || n < 0)
        throw new TarFormatError(`bad PAX ${key} ${JSON.stringify(value)}`);
      return n;
    };
    const pax: Record<string, string> = {};
    for (const [key, value] of records) if (!FIELD_KEYS.has(key)) pax[key] = value;
    const entry: TarEntry = {
      name: records.get('path') ?? this.longName ?? raw.name,
      type: raw.type === '\0' ? '0' : raw.type,
      mode: raw.mode,
      uid: number('uid', raw.uid),
      gid: number('gid', raw.gid),
      size: number('size', raw.size),
      mtime: raw.mtime,
      linkname: records.get('linkpath') ?? this.longLink ?? raw.linkname,
      uname: records.get('uname') ?? raw.uname,
      gname: records.get('gname') ?? raw.gname,
      devmajor: raw.devmajor,
      devminor: raw.devminor,
      pax,
    };
    this.local = new Map();
    this.longName = undefined;
    this.longLink = undefined;
    return { kind: 'entry', entry, dataBlocks: hasData(entry.type) };
  }

  /** The data of the metadata header just returned by `header`. */
  meta(raw: RawHeader, data: Buffer): void {
    if (raw.type === 'x') for (const [k, v] of parsePax(data)) this.local.set(k, v);
    else if (raw.type === 'g') for (const [k, v] of parsePax(data)) this.global.set(k, v);
    else {
      const end = data.indexOf(0);
      const value = data.subarray(0, end === -1 ? data.length : end).toString('latin1');
      if (raw.type === 'L') this.longName = value;
      else this.longLink = value;
    }
  }
}

/** Bytes of padding after `size` bytes of data, to the next block. */
export function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}
