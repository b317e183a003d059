import * as core from '@actions/core';
import type { Diagnostic } from '../diagnostics';
import type { Log } from '../log';
import { withoutTerminalEscapes } from '../process';
import { runnerSafeLines } from '../untrusted-text';
import { rememberMasked } from './masked-values';

/**
 * The Log of the action, on @actions/core: groups, annotations on the compose file's line, masks.
 * Every plain line goes through showText, ours as well as what children print: a message of ours
 * may quote a task's log line or a name from the compose file.
 */
export const actionsLog: Log = {
  info: (message) => showText(message),
  debug: (message) => core.debug(message),
  warning: (message, diagnostic) => core.warning(message, annotation(diagnostic)),
  output: (line) => showText(withoutTerminalEscapes(line)),
  group: (name, fn) => core.group(name, fn),
  setSecret: (value) => {
    core.setSecret(value);
    rememberMasked(value);
  },
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

/** Text shown in the log as it is, never run as a workflow command (runnerSafeLines). */
export function showText(text: string): void {
  for (const line of runnerSafeLines(text)) core.info(line);
}
