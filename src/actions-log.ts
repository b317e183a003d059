import * as core from '@actions/core';
import type { Diagnostic } from './diagnostics';
import type { Log } from './log';

/** The Log of the action: @actions/core groups, and annotations on the compose file line. */
export const actionsLog: Log = {
  info: (message) => core.info(message),
  debug: (message) => core.debug(message),
  warning: (message, diagnostic) => core.warning(message, annotation(diagnostic)),
  group: (name, fn) => core.group(name, fn),
  setSecret: (value) => core.setSecret(value),
};

/** Annotation properties for a diagnostic: the file and line it points at, and the input's name as title. */
export function annotation(d: Diagnostic | undefined): core.AnnotationProperties {
  if (!d) return {};
  if (d.location) {
    return { file: d.location.file, startLine: d.location.line, startColumn: d.location.column };
  }
  if (d.input) return { title: `input ${d.input}` };
  return {};
}
