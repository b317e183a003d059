import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, createGzip } from 'node:zlib';
import { normalizeEntries } from './normalize';
import { BLOCK, decodeHeader, padding, TarFormatError, TarReader, type TarEntry } from './tar-format';
import { encodeHeader, END_OF_ARCHIVE } from './tar-write';

/** An entry of a tar file on disk, with where its data starts. */
interface StoredEntry extends TarEntry {
  dataOffset: number;
}

/** Extension headers larger than this are not a layer's. */
const MAX_META = 1024 * 1024;
/** Read size when copying data. */
const CHUNK = 1024 * 1024;
/** The one compression level of every layer this action writes (zlib's default). */
const GZIP_LEVEL = constants.Z_DEFAULT_COMPRESSION;

async function readExactly(file: FileHandle, length: number, position: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  if (bytesRead !== length)
    throw new TarFormatError(`truncated tar file (wanted ${length} bytes at ${position})`);
  return buffer;
}

/** Every entry of the tar file, headers only: the data stays on disk. */
async function indexTar(file: FileHandle): Promise<StoredEntry[]> {
  const { size: fileSize } = await file.stat();
  const reader = new TarReader();
  const entries: StoredEntry[] = [];
  let at = 0;
  while (at + BLOCK <= fileSize) {
    const raw = decodeHeader(await readExactly(file, BLOCK, at));
    at += BLOCK;
    if (!raw) break;
    const kind = reader.header(raw);
    if (kind.kind === 'meta') {
      if (kind.size > MAX_META) throw new TarFormatError(`extension header of ${kind.size} bytes`);
      reader.meta(raw, await readExactly(file, kind.size, at));
      at += kind.size + padding(kind.size);
      continue;
    }
    const stored = kind.dataBlocks ? raw.size : 0;
    if (at + stored > fileSize)
      throw new TarFormatError(`truncated tar file: ${kind.entry.name} ends past its end`);
    entries.push({ ...kind.entry, dataOffset: at });
    at += stored + padding(stored);
  }
  return entries;
}

/** The normalised layer as a stream of buffers: headers from the entries, data copied from the file. */
async function* normalizedTar(file: FileHandle, entries: readonly StoredEntry[]): AsyncGenerator<Buffer> {
  for (const entry of entries) {
    yield encodeHeader(entry);
    let left = entry.size;
    let position = entry.dataOffset;
    while (left > 0) {
      const length = Math.min(CHUNK, left);
      yield await readExactly(file, length, position);
      position += length;
      left -= length;
    }
    if (padding(entry.size) > 0) yield Buffer.alloc(padding(entry.size));
  }
  yield END_OF_ARCHIVE;
}

/** A pass-through that hashes and counts what goes through it. */
class Digesting extends Transform {
  private readonly hash = createHash('sha256');
  size = 0;
  update(chunk: Buffer): void {
    this.hash.update(chunk);
    this.size += chunk.length;
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.update(chunk);
    done(null, chunk);
  }
  digest(): string {
    return `sha256:${this.hash.digest('hex')}`;
  }
}

/** A blob on disk with its digest. */
interface Blob {
  digest: string;
  size: number;
  path: string;
}

/** A normalised layer: its uncompressed digest (the config's diff_id) and, when asked for, its gzip blob. */
export interface NormalizedLayer {
  diffId: string;
  /** The gzip-compressed layer, written when `gzipTo` was given. */
  blob?: Blob;
  /** Entries in the layer. */
  entries: number;
}

/**
 * Reads the layer tar at `path` and streams it normalised (see normalize.ts), hashing it, and,
 * with `gzipTo`, compressing it there: fixed gzip header (no name, no time), one zlib level.
 * Memory stays flat: entries are indexed by header, data is copied a chunk at a time.
 */
export async function normalizeLayerFile(
  path: string,
  options: { gzipTo?: string } = {},
): Promise<NormalizedLayer> {
  const file = await open(path, 'r');
  try {
    const entries = normalizeEntries(await indexTar(file));
    const raw = new Digesting();
    if (!options.gzipTo) {
      for await (const chunk of normalizedTar(file, entries)) raw.update(chunk);
      return { diffId: raw.digest(), entries: entries.length };
    }
    const compressed = new Digesting();
    await pipeline(
      Readable.from(normalizedTar(file, entries), { objectMode: false }),
      raw,
      createGzip({ level: GZIP_LEVEL }),
      compressed,
      createWriteStream(options.gzipTo),
    );
    return {
      diffId: raw.digest(),
      blob: { digest: compressed.digest(), size: compressed.size, path: options.gzipTo },
      entries: entries.length,
    };
  } finally {
    await file.close();
  }
}
