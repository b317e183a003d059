import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pauseProgram, tarOf } from '../../src/local/pause-image';

test('the pause program is an x86-64 ELF executable whose entry point is its code', () => {
  const elf = pauseProgram();
  expect(elf.length).toBe(129);
  expect(elf.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
  expect(elf.readUInt16LE(18)).toBe(0x3e);
  const entry = Number(elf.readBigUInt64LE(24)) - 0x400000;
  expect([...elf.subarray(entry)]).toEqual([0xb8, 0x22, 0, 0, 0, 0x0f, 0x05, 0xeb, 0xf7]);
});

// It must run and keep running: on an x86-64 Linux machine, run it for a moment.
const runnable = process.platform === 'linux' && process.arch === 'x64';
(runnable ? test : test.skip)('it runs and waits until killed', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'pause-')), 'pause');
  writeFileSync(file, pauseProgram(), { mode: 0o755 });
  const r = spawnSync(file, [], { timeout: 500, killSignal: 'SIGKILL' });
  // Still running when the time was up: killed, not exited (a bad executable fails at once).
  expect((r.error as NodeJS.ErrnoException | undefined)?.code).toBe('ETIMEDOUT');
  expect(r.signal).toBe('SIGKILL');
});

test('the tar archive is one file tar itself reads back', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tar-'));
  const archive = join(dir, 'a.tar');
  writeFileSync(archive, tarOf('pause', pauseProgram(), 0o755));
  const list = spawnSync('tar', ['-tvf', archive], { encoding: 'utf8' });
  expect(list.status).toBe(0);
  expect(list.stdout).toMatch(/^-rwxr-xr-x 0\/0 +129 1970-01-01 00:00 pause\n$/);
  expect(spawnSync('tar', ['-xf', archive, '-C', dir]).status).toBe(0);
});
