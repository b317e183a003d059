import * as exec from '@actions/exec';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ChildProcess } from 'node:child_process';
import { subscribe } from 'node:diagnostics_channel';
import { accessSync, constants, statSync } from 'node:fs';
import * as path from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/**
 * Runs external programs (hab, docker) with @actions/exec: an argument vector, never a shell.
 * Two things it does not give, a deploy needs: a time limit, and stopping the children when the
 * job is cancelled; both need the child's handle, which exec keeps to itself. Node announces every
 * child it creates on the `child_process` diagnostics channel, in the caller's async context
 * (https://nodejs.org/api/diagnostics_channel.html#child_process), so each run learns its own
 * child from there (docs/development.md, "Dependencies").
 */

type Stream = 'stdout' | 'stderr';

export interface RunOptions {
  cwd?: string;
  /** The environment the child's is taken from (default process.env): only childEnvironment's part of it. */
  env?: NodeJS.ProcessEnv;
  /** Variables given to the child on purpose, on top of that (a secret `docker run --env NAME` reads). */
  addEnv?: Record<string, string>;
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
const DEFAULT_TIMEOUT_MS = 30 * 60 * 1000;

/** Children running now, so that a cancelled job stops them instead of leaving them behind. */
const running = new Set<ChildProcess>();

/** One run's own child, as the channel hands it over, and whether its time ran out. */
interface Run {
  child?: ChildProcess;
  timedOut: boolean;
}
const currentRun = new AsyncLocalStorage<Run>();

subscribe('child_process', (message) => {
  const child = (message as { process: ChildProcess }).process;
  running.add(child);
  child.once('close', () => running.delete(child));
  child.once('error', () => running.delete(child));
  // exec closes stdin right after the spawn: a child that exits without reading it must not
  // crash the action with EPIPE. The stream exists once spawn() has returned.
  queueMicrotask(() => child.stdin?.on('error', () => undefined));
  const run = currentRun.getStore();
  if (run && !run.child) {
    run.child = child;
    if (run.timedOut) child.kill('SIGKILL');
  }
});

/** Sends the signal to every child still running; returns how many there were. */
export function stopRunningProcesses(signal: NodeJS.Signals = 'SIGTERM'): number {
  for (const child of running) child.kill(signal);
  return running.size;
}

/** Splits a stream into lines, keeping the partial last line until more arrives. */
class LineSplitter {
  private rest = '';
  private readonly decoder = new StringDecoder('utf8');
  constructor(private readonly emit: (line: string) => void) {}
  push(chunk: Buffer): string {
    const text = this.decoder.write(chunk);
    const parts = (this.rest + text).split(/\r?\n/);
    this.rest = parts.pop() ?? '';
    for (const line of parts) this.emit(line);
    return text;
  }
  end(): string {
    const text = this.decoder.end();
    const last = this.rest + text;
    if (last !== '') this.emit(last);
    this.rest = '';
    return text;
  }
}

function appendBounded(buffer: string, chunk: string): string {
  const joined = buffer + chunk;
  return joined.length > MAX_CAPTURE ? joined.slice(joined.length - MAX_CAPTURE) : joined;
}

/** Variables every child gets, when set: finding programs, files, the locale, proxies and CAs. */
const PASSED = new Set([
  // hab's root for /hab (its caches and keys), when it is not /.
  'FS_ROOT',
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'TERM',
  'TZ',
  'LANG',
  'LANGUAGE',
  'TMPDIR',
  'XDG_RUNTIME_DIR',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'ALL_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'all_proxy',
  // The runner ends the processes that carry it when the job ends, children left running included.
  'RUNNER_TRACKING_ID',
]);
/** Prefixes of the tools' own settings: docker's and BuildKit's, Habitat's, the locale's. */
const PASSED_PREFIXES = ['DOCKER_', 'BUILDKIT_', 'BUILDX_', 'HAB_', 'LC_'];

/**
 * What a child (hab, docker) gets of the environment: what those tools read, never the job's
 * credentials (AWS keys, GITHUB_TOKEN, the runner's ACTIONS_* tokens, the OIDC request token)
 * nor anything else a step exported. HAB_AUTH_TOKEN reaches hab alone, for private origins.
 */
export function childEnvironment(env: NodeJS.ProcessEnv, command: string): Record<string, string> {
  const hab = path.basename(command) === 'hab';
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (name === 'HAB_AUTH_TOKEN' && !hab) continue;
    if (PASSED.has(name) || PASSED_PREFIXES.some((p) => name.startsWith(p))) out[name] = value;
  }
  return out;
}

export const runProcess: ProcessRunner = async (command, args, options = {}) => {
  const env = { ...childEnvironment(options.env ?? process.env, command), ...options.addEnv };
  // Looked up on the child's own PATH (exec would search the action's).
  const program = findExecutable(command, env);
  if (!program) throw new CommandNotFoundError(command);
  const tailSize = options.tailLines ?? 40;
  const tail: string[] = [];
  const captured: Record<Stream, string> = { stdout: '', stderr: '' };
  const splitters = {} as Record<Stream, LineSplitter>;
  for (const stream of ['stdout', 'stderr'] as const) {
    splitters[stream] = new LineSplitter((line) => {
      // The tail is quoted in error messages and annotations, which show escapes as garbage.
      tail.push(withoutTerminalEscapes(line));
      if (tail.length > tailSize) tail.shift();
      options.onLine?.(line, stream);
    });
  }
  const take = (stream: Stream) => (chunk: Buffer) => {
    captured[stream] = appendBounded(captured[stream], splitters[stream].push(chunk));
  };
  const run: Run = { timedOut: false };
  const timer = setTimeout(() => {
    run.timedOut = true;
    run.child?.kill('SIGKILL');
  }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const exitCode = await currentRun.run(run, () =>
      exec.exec(program, [...args], {
        ...(options.cwd !== undefined && { cwd: options.cwd }),
        env,
        // Always a (possibly empty) input, so that stdin is closed: a child reading it gets EOF.
        input: Buffer.from(options.input ?? ''),
        silent: true,
        ignoreReturnCode: true,
        listeners: { stdout: take('stdout'), stderr: take('stderr') },
      }),
    );
    for (const stream of ['stdout', 'stderr'] as const)
      captured[stream] = appendBounded(captured[stream], splitters[stream].end());
    const signal = run.child?.signalCode ?? null;
    return {
      exitCode: signal ? null : exitCode,
      signal,
      timedOut: run.timedOut,
      stdout: captured.stdout,
      stderr: captured.stderr,
      tail,
    };
  } finally {
    clearTimeout(timer);
  }
};

/** Full path of an executable found on the PATH of `env`, or undefined. No process is run. */
export function findExecutable(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (name.includes('/')) return isExecutableFile(name) ? path.resolve(name) : undefined;
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
