/**
 * Errors and warnings that point at a place: a compose file line, or an action input.
 * Every user-facing problem is one of these, so the action can turn it into an annotation
 * and the CLI into a `file:line:column: message` line.
 */
import type { InputName } from './inputs/spec';

export interface SourceLocation {
  file: string;
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
}

/** A notice tells what will happen (nothing to fix); only checks of the account make them. */
type Severity = 'error' | 'warning' | 'notice';

export interface Diagnostic {
  severity: Severity;
  message: string;
  /** Where in a file, when the problem has a place. */
  location?: SourceLocation;
  /** Key path inside the document, e.g. `services.web.ports[0]`. */
  path?: string;
  /** Action input the problem belongs to, e.g. `compose-file`. */
  input?: InputName;
}

/** One or more problems with what the user gave us. Never carries a stack trace to the user. */
export class UserError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: Diagnostic | readonly Diagnostic[]) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics as Diagnostic];
    super(list.map(formatDiagnostic).join('\n'));
    this.name = 'UserError';
    this.diagnostics = list;
  }
}

export function error(message: string, where: Omit<Diagnostic, 'severity' | 'message'> = {}): Diagnostic {
  return { severity: 'error', message, ...where };
}

export function warning(message: string, where: Omit<Diagnostic, 'severity' | 'message'> = {}): Diagnostic {
  return { severity: 'warning', message, ...where };
}

export function notice(message: string, where: Omit<Diagnostic, 'severity' | 'message'> = {}): Diagnostic {
  return { severity: 'notice', message, ...where };
}

/** `file:line:column: path: message`, or `input "name": message`. */
export function formatDiagnostic(d: Diagnostic): string {
  const parts: string[] = [];
  if (d.location) parts.push(`${d.location.file}:${d.location.line}:${d.location.column}`);
  else if (d.input) parts.push(`input "${d.input}"`);
  if (d.path) parts.push(d.path);
  parts.push(d.message);
  return parts.join(': ');
}
