import * as fs from 'node:fs';
import { error, UserError } from '../diagnostics';

/** Compose, env and ecs-params files are small; anything bigger is a mistake or an attack on the parser. */
const MAX_FILE_BYTES = 1024 * 1024;

/**
 * Reads a text file for the loader: refuses it before parsing when it is too big or not UTF-8,
 * and turns fs failures into a sentence instead of a stack trace.
 * `display` is the name diagnostics use for the file.
 */
export function readTextFile(file: string, display: string, what = 'file'): string {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory())
      throw new UserError(error(`cannot read ${what} ${display}: it is a directory, not a file`));
    if (stat.size > MAX_FILE_BYTES) throw new UserError(tooBig(display, stat.size));
    bytes = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(error(`cannot read ${what} ${display}: ${describeFsError(e)}`));
  }
  // The file may have grown between stat and read.
  if (bytes.length > MAX_FILE_BYTES) throw new UserError(tooBig(display, bytes.length));
  return decodeUtf8(bytes, display);
}

function tooBig(display: string, size: number): ReturnType<typeof error> {
  const mib = (size / (1024 * 1024)).toFixed(1);
  return error(`${display} is ${mib} MiB; compose, env and ecs-params files are limited to 1 MiB`, {
    location: { file: display, line: 1, column: 1 },
  });
}

function describeFsError(e: unknown): string {
  const code = (e as { code?: string } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    default:
      return code ? `error ${code}` : 'unreadable';
  }
}

/** Decodes strict UTF-8 (a BOM is dropped), naming the byte and line of the first bad sequence. */
export function decodeUtf8(bytes: Uint8Array, display: string): string {
  const bad = firstInvalidUtf8(bytes);
  if (bad !== undefined) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < bad; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    throw new UserError(
      error(`invalid UTF-8 at byte offset ${bad}: save the file as UTF-8 text`, {
        location: { file: display, line, column: bad - lineStart + 1 },
      }),
    );
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(b: Uint8Array): number | undefined {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [n, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += n + 1;
  }
  return undefined;
}
