/** How the habitat-ecs commands talk: the streams, usage errors, and diagnostics as compilers print them. */
import type { Diagnostic } from '../diagnostics';
import type { Log } from '../log';

/** What the CLI talks to; tests pass recorders, the entry point passes the process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
}

/** Wrong arguments: the command prints it with a pointer to its --help, and exits 2. */
export class UsageError extends Error {}

/** `file:line:col: warning: path: message`, like compilers print them. */
export function cliLine(d: Diagnostic): string {
  const where = d.location
    ? `${d.location.file}:${d.location.line}:${d.location.column}`
    : d.input
      ? `habitat-ecs: input "${d.input}"`
      : 'habitat-ecs';
  return [where, d.severity, ...(d.path ? [d.path] : []), d.message].join(': ');
}

/** A command's progress and warnings on stderr, so that stdout has its result alone. */
export function stderrLog(io: CliIo): Log {
  return {
    info: (message) => io.stderr(`${message}\n`),
    debug: () => undefined,
    warning: (message, d) => io.stderr(`${d ? cliLine(d) : `habitat-ecs: warning: ${message}`}\n`),
    output: (line) => io.stderr(`${line}\n`),
    group: (_name, fn) => fn(),
    // Nothing here prints a secret; a terminal has nothing to mask.
    setSecret: () => undefined,
  };
}
