import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { once } from 'node:events';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
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
/** The one compression level of every layer this action writes (zlib's default), but for data that does not compress. */
const GZIP_LEVEL = constants.Z_DEFAULT_COMPRESSION;
/** A gzip member's header as zlib writes it: no name, no time, no extra flags, made on Unix. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);

/** A gzip member's trailer: the CRC-32 and the size (modulo 2^32) of what was compressed. */
function gzipTrailer(crc: number, size: number): Buffer {
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size % 2 ** 32, 4);
  return trailer;
}

async function readExactly(file: FileHandle, length: number, position: number): Promise<Buffer> {
  // Not zero-filled: every byte is read into it, or it is thrown away.
  const buffer = Buffer.allocUnsafe(length);
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

/** Entries at least this large have their data stored, not deflated, when a sample of it does not compress. */
const PROBE_MIN = 256 * 1024;
/** Bytes deflated to judge an entry: from its start and from its middle. */
const PROBE = 64 * 1024;

/** Before an entry's data (or a header): the zlib level for what follows. */
interface Level {
  level: number;
  /** Bytes of entry data that follow at this level. */
  bytes: number;
}

/**
 * Whether deflating the samples saves at least 1 byte in 32. Already-compressed files (jars,
 * archives, images) do not, and deflating them again costs most of a push's CPU for nothing.
 * A function of the bytes alone, so the layer stays reproducible.
 */
function compresses(samples: readonly Buffer[]): boolean {
  return samples.some((s) => deflateRawSync(s, { level: 1 }).length < s.length * (31 / 32));
}

async function dataLevel(file: FileHandle, entry: StoredEntry): Promise<number> {
  if (entry.size < PROBE_MIN) return GZIP_LEVEL;
  const middle = entry.dataOffset + Math.floor((entry.size - PROBE) / 2);
  const samples = [await readExactly(file, PROBE, entry.dataOffset), await readExactly(file, PROBE, middle)];
  return compresses(samples) ? GZIP_LEVEL : constants.Z_NO_COMPRESSION;
}

/**
 * The normalised layer as a stream of buffers: headers from the entries, data copied from the
 * file. With `levels`, each header and each entry's data is preceded by the level to deflate it at.
 */
async function* normalizedTar(
  file: FileHandle,
  entries: readonly StoredEntry[],
  levels = false,
): AsyncGenerator<Buffer | Level> {
  for (const entry of entries) {
    if (levels) yield { level: GZIP_LEVEL, bytes: 0 };
    yield encodeHeader(entry);
    if (levels && entry.size > 0) yield { level: await dataLevel(file, entry), bytes: entry.size };
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
  if (levels) yield { level: GZIP_LEVEL, bytes: 0 };
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
  /** Bytes of file data written into the gzip blob as they are, as deflating them saved nothing. */
  storedBytes?: number;
}

/**
 * Reads the layer tar at `path` and streams it normalised (see normalize.ts), hashing it, and,
 * with `gzipTo`, compressing it there: fixed gzip header (no name, no time), one zlib level, but
 * large files whose samples do not compress are stored in the stream as they are.
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
      for await (const chunk of normalizedTar(file, entries)) raw.update(chunk as Buffer);
      return { diffId: raw.digest(), entries: entries.length };
    }
    const compressed = new Digesting();
    // zlib's Gzip streams ignore params(), raw deflate ones honour it: so the gzip member is
    // written here around a raw deflate stream. Output a chunk at a time, not zlib's 16 KiB.
    const deflate = createDeflateRaw({ level: GZIP_LEVEL, chunkSize: CHUNK });
    let crc = 0;
    const sink = pipeline(
      async function* () {
        yield GZIP_HEADER;
        for await (const chunk of deflate) yield chunk as Buffer;
        yield gzipTrailer(crc, raw.size);
      },
      compressed,
      createWriteStream(options.gzipTo),
    );
    // Waits for zlib, or fails with the sink (a failure there ends the deflate stream, which then never answers).
    const failed = sink.then(() => new Promise<never>(() => undefined));
    const settled = <T>(p: Promise<T>) => Promise.race([p, failed]);
    let level = GZIP_LEVEL;
    let storedBytes = 0;
    try {
      for await (const piece of normalizedTar(file, entries, true)) {
        if (!Buffer.isBuffer(piece)) {
          // A change of level flushes (an empty stored block) where the bytes alone decide.
          if (piece.level !== level)
            await settled(
              new Promise<void>((done) => deflate.params(piece.level, constants.Z_DEFAULT_STRATEGY, done)),
            );
          level = piece.level;
          if (level === constants.Z_NO_COMPRESSION) storedBytes += piece.bytes;
          continue;
        }
        raw.update(piece);
        crc = crc32(piece, crc);
        if (!deflate.write(piece)) await settled(once(deflate, 'drain'));
      }
      deflate.end();
    } catch (e) {
      deflate.destroy(e as Error);
    }
    await sink;
    return {
      diffId: raw.digest(),
      blob: { digest: compressed.digest(), size: compressed.size, path: options.gzipTo },
      entries: entries.length,
      storedBytes,
    };
  } finally {
    await file.close();
  }
}
