/** How the habitat-ecs commands talk: the streams, usage errors, and diagnostics as compilers print them. */
import type { Diagnostic } from '../diagnostics';
import type { Log } from '../log';
import { runnerSafeLines } from '../untrusted-text';

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

/**
 * A command's progress and warnings on stderr, so that stdout has its result alone. In a step of
 * a GitHub Actions job, which reads stderr for workflow commands too, what a child printed goes
 * through runnerSafeLines, as in the action.
 */
export function stderrLog(io: CliIo): Log {
  const inActions = io.env.GITHUB_ACTIONS === 'true';
  const text = (t: string) => io.stderr(`${(inActions ? runnerSafeLines(t) : [t]).join('\n')}\n`);
  return {
    info: (message) => text(message),
    debug: () => undefined,
    warning: (message, d) => text(d ? cliLine(d) : `habitat-ecs: warning: ${message}`),
    output: (line) => text(line),
    group: (_name, fn) => fn(),
    // Nothing here prints a secret; a terminal has nothing to mask.
    setSecret: () => undefined,
  };
}
