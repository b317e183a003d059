import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Runs external programs (hab, docker) with an argument vector, never a shell. Node's child_process,
 * not @actions/exec: cancelling a job must kill the children, which needs each child's handle.
 */

type Stream = 'stdout' | 'stderr';

export interface RunOptions {
  cwd?: string;
  /** The complete environment of the child (merge with process.env yourself). */
  env?: NodeJS.ProcessEnv;
  /** Written to the child's stdin, which is then closed (how passwords are handed over). */
  input?: string;
  /** Called for every complete line of output, in order per stream. */
  onLine?: (line: string, stream: Stream) => void;
  /** How many of the last output lines (both streams) to keep in `tail`. Default 40. */
  tailLines?: number;
  /** Kill the child after this long. Default 30 minutes. */
  timeoutMs?: number;
}

export interface RunResult {
  /** Exit code, or null when the child was ended by a signal. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** Captured stdout (bounded: at most the last MAX_CAPTURE characters). */
  stdout: string;
  /** Captured stderr (bounded likewise). */
  stderr: string;
  /** The last lines of both streams interleaved, for error messages. */
  tail: string[];
}

export type ProcessRunner = (
  command: string,
  args: readonly string[],
  options?: RunOptions,
) => Promise<RunResult>;

/** The program could not be started because it was not found (ENOENT). */
export class CommandNotFoundError extends Error {
  constructor(readonly command: string) {
    super(`${command}: command not found on PATH`);
    this.name = 'CommandNotFoundError';
  }
}

const MAX_CAPTURE = 1024 * 1024;

/** Children running now, so that a cancelled job stops them instead of leaving them behind. */
const running = new Set<ChildProcess>();

/** A child started elsewhere (one whose output is streamed, not captured), stopped like the others. */
export function trackProcess(child: ChildProcess): void {
  running.add(child);
  child.once('close', () => running.delete(child));
}

/** Sends the signal to every child still running; returns how many there were. */
export function stopRunningProcesses(signal: NodeJS.Signals = 'SIGTERM'): number {
  for (const child of running) child.kill(signal);
  return running.size;
}
const DEFAULT_TIMEOUT_MS = 30 * 60 * 1000;

/** Splits a byte stream into lines, keeping the partial last line until more arrives. */
class LineSplitter {
  private rest = '';
  constructor(private readonly emit: (line: string) => void) {}
  push(chunk: string): void {
    const parts = (this.rest + chunk).split(/\r?\n/);
    this.rest = parts.pop() ?? '';
    for (const line of parts) this.emit(line);
  }
  end(): void {
    if (this.rest !== '') this.emit(this.rest);
    this.rest = '';
  }
}

function appendBounded(buffer: string, chunk: string): string {
  const joined = buffer + chunk;
  return joined.length > MAX_CAPTURE ? joined.slice(joined.length - MAX_CAPTURE) : joined;
}

export const runProcess: ProcessRunner = (command, args, options = {}) =>
  new Promise((resolve, reject) => {
    const tailSize = options.tailLines ?? 40;
    const tail: string[] = [];
    const captured: Record<Stream, string> = { stdout: '', stderr: '' };
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      shell: false,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    running.add(child);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);

    const splitters = {} as Record<Stream, LineSplitter>;
    for (const stream of ['stdout', 'stderr'] as const) {
      splitters[stream] = new LineSplitter((line) => {
        // The tail is quoted in error messages and annotations, which show escapes as garbage.
        tail.push(withoutTerminalEscapes(line));
        if (tail.length > tailSize) tail.shift();
        options.onLine?.(line, stream);
      });
      const source = child[stream];
      source.setEncoding('utf8');
      source.on('data', (chunk: string) => {
        captured[stream] = appendBounded(captured[stream], chunk);
        splitters[stream].push(chunk);
      });
    }

    child.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      running.delete(child);
      // A missing cwd also gives ENOENT: only blame the command when the directory is there.
      const cwdMissing = options.cwd !== undefined && !existsSync(options.cwd);
      reject(err.code === 'ENOENT' && !cwdMissing ? new CommandNotFoundError(command) : err);
    });
    // 'close' (not 'exit') so that all output has been read.
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      running.delete(child);
      splitters.stdout.end();
      splitters.stderr.end();
      resolve({ exitCode, signal, timedOut, stdout: captured.stdout, stderr: captured.stderr, tail });
    });

    // A child that exits without reading stdin must not crash us with EPIPE.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });

/** Full path of an executable found on the PATH of `env`, or undefined. No process is run. */
export function findExecutable(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (name.includes('/')) return isExecutableFile(name) ? name : undefined;
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** One line describing how a finished process ended, for error messages. */
export function describeExit(result: RunResult): string {
  if (result.timedOut) return 'timed out and was killed';
  if (result.signal) return `was killed by ${result.signal}`;
  return `exited with code ${result.exitCode}`;
}

/** ANSI escape sequences (colours, cursor moves) as docker's legacy builder writes them. */
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const TERMINAL_ESCAPE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])/g;

export function withoutTerminalEscapes(text: string): string {
  return text.replace(TERMINAL_ESCAPE, '');
}
