import type { Diagnostic } from './diagnostics';

/**
 * What the stages log through. The action backs it with the runner's workflow commands (groups, annotations),
 * the CLI with stderr; tests can record it.
 */
export interface Log {
  info(message: string): void;
  debug(message: string): void;
  /** A warning; with a diagnostic that has a location it becomes an annotation on that line. */
  warning(message: string, diagnostic?: Diagnostic): void;
  /**
   * A line a child process (hab, docker) printed: shown as it is, never taken for a workflow
   * command, whatever it says (`::add-mask::`, `::set-output`, `::error::`, `##[...]`).
   */
  output(line: string): void;
  /** Runs fn inside a collapsible section of the log. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Masks the value in everything logged after this call. */
  setSecret(value: string): void;
}
