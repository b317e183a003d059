import type { Diagnostic } from './diagnostics';
import type { Log } from './log';
import * as runner from './workflow-commands';

/** The Log of the action: the runner's groups, and annotations on the compose file line. */
export const actionsLog: Log = {
  info: (message) => runner.info(message),
  debug: (message) => runner.debug(message),
  warning: (message, diagnostic) => runner.warning(message, annotation(diagnostic)),
  group: (name, fn) => runner.group(name, fn),
  setSecret: (value) => runner.setSecret(value),
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
