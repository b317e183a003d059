import { randomUUID } from 'node:crypto';
import { EOL } from 'node:os';
import type { Diagnostic } from '../diagnostics';
import type { Log } from '../log';
import { rememberMasked } from './masked-values';
import { withoutTerminalEscapes } from '../process';
import * as runner from './workflow-commands';

/** The Log of the action: the runner's groups, and annotations on the compose file line. */
export const actionsLog: Log = {
  info: (message) => runner.info(message),
  debug: (message) => runner.debug(message),
  warning: (message, diagnostic) => runner.warning(message, annotation(diagnostic)),
  output: (line) => process.stdout.write(commandProof(withoutTerminalEscapes(line))),
  group: (name, fn) => runner.group(name, fn),
  setSecret: (value) => {
    runner.setSecret(value);
    rememberMasked(value);
  },
};

/** Annotation properties for a diagnostic: the file and line it points at, and the input's name as title. */
export function annotation(d: Diagnostic | undefined): runner.AnnotationProperties {
  if (!d) return {};
  if (d.location) {
    return { file: d.location.file, startLine: d.location.line, startColumn: d.location.column };
  }
  if (d.input) return { title: `input ${d.input}` };
  return {};
}

/**
 * The runner reads a line of the log as a command when it starts with `::` (the older `##[`
 * form anywhere in it). Whatever could be one is written between `::stop-commands::<token>` and
 * `::<token>::`, which the runner shows as text; the token is new each time, so the line cannot
 * end the pause itself.
 */
export function commandProof(line: string): string {
  if (!/::|##\[/.test(line)) return `${line}${EOL}`;
  const token = randomUUID();
  return [`::stop-commands::${token}`, line, `::${token}::`, ''].join(EOL);
}
