import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';
import { error, UserError } from '../diagnostics';
import { childEnvironment } from '../process';
import { BLOCK, decodeHeader, padding, TarFormatError, TarReader } from './tar-format';

/**
 * An image out of the local Docker engine: `docker save` unpacked into a directory, and the
 * layer files and config its manifest names. Works with both formats `docker save` writes: the
 * legacy one (`<id>/layer.tar`) and the OCI layout of Docker 25 and later (`blobs/sha256/...`,
 * possibly compressed on a containerd image store).
 */

export interface SavedImage {
  /** The image config as `docker save` wrote it. */
  config: unknown;
  /** The uncompressed layer tars, bottom first. */
  layers: string[];
}

/** Bytes of a stream, read exactly as asked. */
class StreamReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private ended = false;
  constructor(private readonly source: AsyncIterator<Buffer>) {}

  private async fill(wanted: number): Promise<void> {
    while (this.buffered < wanted && !this.ended) {
      const next = await this.source.next();
      if (next.done) this.ended = true;
      else {
        this.chunks.push(next.value);
        this.buffered += next.value.length;
      }
    }
  }

  /** Up to `n` bytes, in pieces of at most what was buffered; fewer only at the end of the stream. */
  async *take(n: number): AsyncGenerator<Buffer> {
    let left = n;
    while (left > 0) {
      await this.fill(1);
      const head = this.chunks[0];
      if (!head) return;
      const piece = head.length <= left ? head : head.subarray(0, left);
      if (piece === head) this.chunks.shift();
      else this.chunks[0] = head.subarray(left);
      this.buffered -= piece.length;
      left -= piece.length;
      yield piece;
    }
  }

  async read(n: number): Promise<Buffer> {
    const pieces: Buffer[] = [];
    for await (const piece of this.take(n)) pieces.push(piece);
    return Buffer.concat(pieces);
  }
}

/** `name` under `dir`, refusing anything that would land outside it. */
function inside(dir: string, name: string): string {
  const clean = path.posix.normalize(name.replace(/^(\.\/)+/, ''));
  if (clean.startsWith('../') || clean === '..' || path.posix.isAbsolute(clean))
    throw new TarFormatError(`docker save wrote a path outside the archive: ${name}`);
  return path.join(dir, clean);
}

/** Unpacks a tar stream's files and directories into `dir`; returns its symbolic links (name -> target). */
async function unpack(stream: AsyncIterable<Buffer>, dir: string): Promise<Map<string, string>> {
  const input = new StreamReader(stream[Symbol.asyncIterator]());
  const reader = new TarReader();
  const links = new Map<string, string>();
  for (;;) {
    const block = await input.read(BLOCK);
    if (block.length < BLOCK) throw new TarFormatError('docker save ended in the middle of the archive');
    const raw = decodeHeader(block);
    if (!raw) return links;
    const kind = reader.header(raw);
    if (kind.kind === 'meta') {
      reader.meta(raw, await input.read(kind.size));
      await input.read(padding(kind.size));
      continue;
    }
    const { entry } = kind;
    const target = inside(dir, entry.name);
    if (entry.type === '5') await mkdir(target, { recursive: true });
    if (entry.type === '2')
      links.set(path.posix.normalize(entry.name.replace(/^(\.\/)+/, '')), entry.linkname);
    if (!kind.dataBlocks) continue;
    await mkdir(path.dirname(target), { recursive: true });
    const file = await open(target, 'w');
    try {
      let written = 0;
      for await (const piece of input.take(entry.size)) {
        await file.write(piece);
        written += piece.length;
      }
      if (written !== entry.size) throw new TarFormatError('docker save ended in the middle of a file');
    } finally {
      await file.close();
    }
    await input.read(padding(entry.size));
  }
}

/**
 * Runs `docker save <image>` and unpacks what it writes into `dir`. Node's spawn, not
 * @actions/exec: the archive (gigabytes) is read as a stream, at the pace the files are written,
 * where exec hands out chunks as they come and would hold the rest in memory. A cancelled job
 * stops it like the other children (src/process.ts registers every child).
 */
async function dockerSave(
  image: string,
  dir: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<Map<string, string>> {
  const child = spawn('docker', ['image', 'save', image], {
    env: childEnvironment(env, 'docker'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    let links: Map<string, string> | undefined;
    let unpackError: unknown;
    try {
      links = await unpack(child.stdout, dir);
      // Whatever follows the end of the archive (the record's padding) is read and dropped.
      for await (const _rest of child.stdout) void _rest;
    } catch (e) {
      unpackError = e;
      child.kill('SIGKILL');
    }
    const code = await exited;
    if (code !== 0 || unpackError !== undefined) {
      // docker's own failure says why; a failed unpack (which killed docker) says it otherwise.
      const why =
        code !== 0 && code !== null
          ? `exited with ${code}: ${stderr.trim()}`
          : ((unpackError as Error | undefined)?.message ?? `ended by a signal: ${stderr.trim()}`);
      throw new UserError(error(`\`docker image save ${image}\` failed: ${why}`));
    }
    return links ?? new Map();
  } finally {
    clearTimeout(timer);
  }
}

/** A file named by the manifest, following the archive's symbolic links (Docker 25 links legacy paths to blobs). */
function resolveIn(dir: string, name: string, links: Map<string, string>): string {
  let current = path.posix.normalize(name.replace(/^(\.\/)+/, ''));
  for (let hops = 0; hops < 8 && links.has(current); hops++) {
    const target = links.get(current) as string;
    current = path.posix.normalize(
      target.startsWith('/') ? target.slice(1) : path.posix.join(path.posix.dirname(current), target),
    );
  }
  return inside(dir, current);
}

/** Makes sure `file` is an uncompressed tar, decompressing a gzip (or, where Node has it, zstd) layer next to it. */
async function uncompressed(file: string): Promise<string> {
  const handle = await open(file, 'r');
  const magic = Buffer.alloc(4);
  await handle.read(magic, 0, 4, 0);
  await handle.close();
  const gzip = magic[0] === 0x1f && magic[1] === 0x8b;
  const zstd = magic.readUInt32LE(0) === 0xfd2fb528;
  if (!gzip && !zstd) return file;
  const decompress = gzip
    ? zlib.createGunzip()
    : (zlib as { createZstdDecompress?: () => NodeJS.ReadWriteStream }).createZstdDecompress?.();
  if (!decompress)
    throw new UserError(
      error(`a layer of the image is zstd-compressed, which this Node cannot read: ${file}`),
    );
  const out = `${file}.tar`;
  await pipeline(createReadStream(file), decompress, createWriteStream(out));
  await rm(file);
  return out;
}

/** Saves `image` from the local engine into `dir` (created) and reads its manifest. */
export async function saveImage(
  image: string,
  dir: string,
  options: { env: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<SavedImage> {
  await mkdir(dir, { recursive: true });
  const links = await dockerSave(image, dir, options.env, options.timeoutMs ?? 30 * 60 * 1000);
  const manifestFile = path.join(dir, 'manifest.json');
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
  } catch (e) {
    throw new UserError(
      error(`\`docker image save ${image}\` wrote no readable manifest.json: ${(e as Error).message}`),
    );
  }
  const entry =
    Array.isArray(manifest) && manifest.length === 1 ? (manifest[0] as Record<string, unknown>) : undefined;
  const layers = entry?.Layers;
  if (
    !entry ||
    typeof entry.Config !== 'string' ||
    !Array.isArray(layers) ||
    !layers.every((l) => typeof l === 'string')
  )
    throw new UserError(
      error(`\`docker image save ${image}\` wrote a manifest.json that does not describe one image`),
    );
  const config: unknown = JSON.parse(await readFile(resolveIn(dir, entry.Config, links), 'utf8'));
  // The same layer may be listed twice (two identical empty layers): decompressed once.
  const done = new Map<string, string>();
  const files: string[] = [];
  for (const layer of layers as string[]) {
    const file = resolveIn(dir, layer, links);
    if (!done.has(file)) done.set(file, await uncompressed(file));
    files.push(done.get(file) as string);
  }
  return { config, layers: files };
}
