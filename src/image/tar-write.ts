/**
 * Writing tar entries as ustar, with a PAX header only where ustar cannot say it: the other half
 * of tar-format.ts. Pure.
 */
import { BLOCK, checksumOf, padding, type TarEntry } from './tar-format';

const OCTAL_LIMIT = { 8: 0o7777777, 12: 0o77777777777 } as const;

function writeText(block: Buffer, offset: number, length: number, value: string): void {
  block.write(value, offset, Math.min(length, Buffer.byteLength(value, 'latin1')), 'latin1');
}

function writeOctal(block: Buffer, offset: number, length: 8 | 12, value: number): void {
  if (value <= OCTAL_LIMIT[length]) {
    writeText(block, offset, length, `${value.toString(8).padStart(length - 1, '0')}\0`);
    return;
  }
  // GNU base-256: the only way to say a device number that does not fit in octal.
  block[offset] = 0x80;
  let rest = value;
  for (let i = length - 1; i > 0; i--) {
    block[offset + i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
}

/** `name` as ustar's prefix and name fields, if it fits them. */
function splitName(name: string): { prefix: string; name: string } | undefined {
  if (name.length <= 100) return { prefix: '', name };
  for (let i = name.length - 1; i > 0; i--) {
    if (name[i] !== '/') continue;
    const prefix = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (prefix.length <= 155 && rest.length > 0 && rest.length <= 100) return { prefix, name: rest };
    if (prefix.length <= 155) return undefined;
  }
  return undefined;
}

/** A header's fields as ustar stores them: the name split into prefix and name, no PAX records. */
type HeaderFields = Omit<TarEntry, 'pax'> & { prefix: string };

function ustarBlock(h: HeaderFields): Buffer {
  const block = Buffer.alloc(BLOCK);
  writeText(block, 0, 100, h.name);
  writeOctal(block, 100, 8, h.mode);
  writeOctal(block, 108, 8, h.uid);
  writeOctal(block, 116, 8, h.gid);
  writeOctal(block, 124, 12, h.size);
  writeOctal(block, 136, 12, h.mtime);
  writeText(block, 156, 1, h.type);
  writeText(block, 157, 100, h.linkname);
  writeText(block, 257, 8, 'ustar\x0000');
  writeText(block, 265, 32, h.uname);
  writeText(block, 297, 32, h.gname);
  writeOctal(block, 329, 8, h.devmajor);
  writeOctal(block, 337, 8, h.devminor);
  writeText(block, 345, 155, h.prefix);
  block.fill(0x20, 148, 156);
  writeText(block, 148, 8, `${checksumOf(block).toString(8).padStart(6, '0')}\0 `);
  return block;
}

/** One PAX record, its length prefix counting itself. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let length = body.length + 1;
  while (`${length}${body}`.length !== length) length = `${length}${body}`.length;
  return `${length}${body}`;
}

/**
 * The header blocks of an entry (its data and padding are the caller's): one ustar header, after
 * a PAX header holding, in key order, what ustar cannot hold (a long path or link target, a large
 * size or id) and the entry's other PAX records.
 */
export function encodeHeader(entry: TarEntry): Buffer {
  const records = new Map<string, string>(Object.entries(entry.pax));
  const split = splitName(entry.name);
  if (!split) records.set('path', entry.name);
  if (entry.linkname.length > 100) records.set('linkpath', entry.linkname);
  if (entry.size > OCTAL_LIMIT[12]) records.set('size', String(entry.size));
  if (entry.uid > OCTAL_LIMIT[8]) records.set('uid', String(entry.uid));
  if (entry.gid > OCTAL_LIMIT[8]) records.set('gid', String(entry.gid));
  if (entry.uname.length > 32) records.set('uname', entry.uname);
  if (entry.gname.length > 32) records.set('gname', entry.gname);
  const header = ustarBlock({
    name: split ? split.name : entry.name.slice(0, 100),
    prefix: split ? split.prefix : '',
    type: entry.type,
    mode: entry.mode,
    uid: entry.uid > OCTAL_LIMIT[8] ? 0 : entry.uid,
    gid: entry.gid > OCTAL_LIMIT[8] ? 0 : entry.gid,
    size: entry.size > OCTAL_LIMIT[12] ? 0 : entry.size,
    mtime: entry.mtime,
    linkname: entry.linkname.slice(0, 100),
    uname: entry.uname.slice(0, 32),
    gname: entry.gname.slice(0, 32),
    devmajor: entry.devmajor,
    devminor: entry.devminor,
  });
  if (records.size === 0) return header;
  const data = Buffer.from(
    [...records.keys()]
      .sort()
      .map((key) => paxRecord(key, records.get(key) as string))
      .join(''),
    'latin1',
  );
  const paxHeader = ustarBlock({
    name: 'PaxHeader',
    prefix: '',
    type: 'x',
    mode: 0o644,
    uid: 0,
    gid: 0,
    size: data.length,
    mtime: 0,
    linkname: '',
    uname: '',
    gname: '',
    devmajor: 0,
    devminor: 0,
  });
  return Buffer.concat([paxHeader, data, Buffer.alloc(padding(data.length)), header]);
}

/** The end of an archive: two zero blocks. */
export const END_OF_ARCHIVE = Buffer.alloc(2 * BLOCK);
