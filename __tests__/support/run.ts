import { spawnSync, type SpawnSyncOptions } from 'node:child_process';

/** What a finished child process left. */
export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end (90 s at most); throws only when it could not be started. */
export function run(cmd: string, args: string[], options: SpawnSyncOptions = {}): Run {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 90_000, ...options });
  if (r.error) throw r.error;
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** run(), and throws with its output unless it exited 0. */
export function ok(cmd: string, args: string[], options: SpawnSyncOptions = {}): Run {
  const r = run(cmd, args, options);
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  }
  return r;
}
