import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DockerError, must, type Docker } from './docker';

/**
 * The awsvpc pause container's image, made on the spot: one tiny static program that waits
 * forever, so a task's network namespace has an owner that needs no registry, no download and
 * no shell. ECS's own pause container does the same job. Other engines' architectures take an
 * image of the user's choosing (--pause-image), e.g. registry.k8s.io/pause.
 */
export const BUILTIN_PAUSE_IMAGE = 'habitat-ecs-pause:1';

/** Makes the built-in pause image unless the engine has it; amd64 engines only. */
export async function ensureBuiltinPause(docker: Docker): Promise<void> {
  const present = await docker.run(['image', 'inspect', '--format', '{{.Id}}', BUILTIN_PAUSE_IMAGE]);
  if (present.exitCode === 0) return;
  const arch = (await must(docker, ['version', '--format', '{{.Server.Arch}}'])).trim();
  if (arch !== 'amd64') {
    throw new DockerError(
      `an awsvpc task needs a pause container, and the built-in one is for amd64 engines, not ${arch}: ` +
        'give --pause-image IMAGE (one whose default command waits forever, e.g. registry.k8s.io/pause:3.10)',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'habitat-ecs-pause-'));
  try {
    const file = join(dir, 'rootfs.tar');
    writeFileSync(file, tarOf('pause', pauseProgram(), 0o755));
    await must(docker, ['image', 'import', '--change', 'ENTRYPOINT ["/pause"]', file, BUILTIN_PAUSE_IMAGE]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A 129-byte x86-64 Linux executable: `for (;;) pause();`. An ELF header, one loadable segment
 * (the whole file, read + execute) and 9 bytes of code. As PID 1 it ignores SIGTERM, so the
 * container is run with --stop-signal SIGKILL.
 */
export function pauseProgram(): Buffer {
  const base = 0x400000;
  const code = Buffer.from([
    0xb8, 0x22, 0x00, 0x00, 0x00, // mov eax, 34 (pause)
    0x0f, 0x05, //                   syscall
    0xeb, 0xf7, //                   jmp back to the mov
  ]); // prettier-ignore
  const headers = 64 + 56;
  const size = BigInt(headers + code.length);
  const h = Buffer.alloc(headers);
  h.write('\x7fELF', 0, 'latin1');
  h[4] = 2; // 64-bit
  h[5] = 1; // little-endian
  h[6] = 1; // ELF version 1
  h.writeUInt16LE(2, 16); // ET_EXEC
  h.writeUInt16LE(0x3e, 18); // x86-64
  h.writeUInt32LE(1, 20); // version
  h.writeBigUInt64LE(BigInt(base + headers), 24); // entry: the code after the headers
  h.writeBigUInt64LE(64n, 32); // program headers right after this header
  h.writeUInt16LE(64, 52); // header size
  h.writeUInt16LE(56, 54); // program header size
  h.writeUInt16LE(1, 56); // one program header
  h.writeUInt16LE(64, 58); // section header size (there are none)
  const p = 64;
  h.writeUInt32LE(1, p); // PT_LOAD
  h.writeUInt32LE(5, p + 4); // read + execute
  h.writeBigUInt64LE(BigInt(base), p + 16); // virtual address
  h.writeBigUInt64LE(BigInt(base), p + 24); // physical address
  h.writeBigUInt64LE(size, p + 32); // bytes in the file
  h.writeBigUInt64LE(size, p + 40); // bytes in memory
  h.writeBigUInt64LE(0x1000n, p + 48); // alignment
  return Buffer.concat([h, code]);
}

/** A tar archive (ustar) holding one regular file, owned by root, dated 1970. */
export function tarOf(name: string, data: Buffer, mode: number): Buffer {
  const header = Buffer.alloc(512);
  const field = (value: string, offset: number, length: number) =>
    header.write(value, offset, length, 'latin1');
  const octal = (n: number, length: number) => n.toString(8).padStart(length - 1, '0');
  field(name, 0, 100);
  field(octal(mode, 8), 100, 8);
  field(octal(0, 8), 108, 8); // uid
  field(octal(0, 8), 116, 8); // gid
  field(octal(data.length, 12), 124, 12);
  field(octal(0, 12), 136, 12); // mtime
  field('        ', 148, 8); // checksum, counted as spaces while summing
  field('0', 156, 1); // regular file
  field('ustar\x0000', 257, 8);
  const sum = header.reduce((a, b) => a + b, 0);
  field(`${octal(sum, 7)}\0`, 148, 8);
  const padding = Buffer.alloc((512 - (data.length % 512)) % 512);
  return Buffer.concat([header, data, padding, Buffer.alloc(1024)]);
}
