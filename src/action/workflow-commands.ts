import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';

/**
 * How an action talks to the Actions runner: inputs and saved state come in as environment
 * variables (`INPUT_<NAME>`, `STATE_<name>`), log lines and workflow commands (`::warning ...::`)
 * go to stdout, and outputs, state and the job summary are appended to the files the runner names
 * (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY). The few calls this action makes, written
 * against that documented protocol: @actions/core brings an HTTP client (for OIDC tokens, which
 * this action never asks for) that was most of every step's JavaScript.
 */

/** Where an annotation points: a file and line (and column), or only a title. */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

/** An input as the runner passes it: `INPUT_` and the name upper-cased, spaces as `_`; trimmed. */
export function getInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** What the main step saved under `name` (saveState); '' when nothing was. */
export function getState(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return env[`STATE_${name}`] ?? '';
}

export function info(message: string): void {
  process.stdout.write(message + EOL);
}

export function debug(message: string): void {
  command('debug', {}, message);
}

export function notice(message: string, properties: AnnotationProperties = {}): void {
  command('notice', annotationFields(properties), message);
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  command('warning', annotationFields(properties), message);
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  command('error', annotationFields(properties), message);
}

/** An error annotation, and the step fails when the process exits. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/** Masks the value in every later line of the job's log. */
export function setSecret(value: string): void {
  command('add-mask', {}, value);
}

/** Runs fn inside a collapsible section of the log. */
export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  command('group', {}, name);
  try {
    return await fn();
  } finally {
    command('endgroup', {}, '');
  }
}

export function setOutput(name: string, value: string): void {
  keyValue('GITHUB_OUTPUT', 'set-output', name, value);
}

/** Saved for the post step, which reads it with getState. */
export function saveState(name: string, value: string): void {
  keyValue('GITHUB_STATE', 'save-state', name, value);
}

/** Appends Markdown to the job summary; without a summary file (not on a runner) there is none. */
export function appendSummary(markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, markdown + EOL, 'utf8');
}

/** `name<<DELIMITER`, the value, `DELIMITER`, in the runner's file; a command on older runners. */
function keyValue(fileVariable: string, fallback: string, name: string, value: string): void {
  const file = process.env[fileVariable];
  if (!file) {
    command(fallback, { name }, value);
    return;
  }
  // Random, so that no value can end the entry early and add one of its own.
  const delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}

/** The annotation's fields under the names the runner reads, in its order. */
function annotationFields(p: AnnotationProperties): Record<string, string | number | undefined> {
  return {
    title: p.title,
    file: p.file,
    line: p.startLine,
    endLine: p.endLine,
    col: p.startColumn,
    endColumn: p.endColumn,
  };
}

/** `::name key=value,...::message`, escaped so that no value can end the command or start another. */
function formatCommand(
  name: string,
  properties: Record<string, string | number | undefined>,
  message: string,
): string {
  const fields = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== '' && value !== 0)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  return `::${name}${fields.length > 0 ? ` ${fields.join(',')}` : ''}::${escapeData(message)}`;
}

function command(
  name: string,
  properties: Record<string, string | number | undefined>,
  message: string,
): void {
  process.stdout.write(formatCommand(name, properties, message) + EOL);
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
