/**
 * Supervisor arguments in a container `command`, parsed exactly as the Supervisor in the image
 * parses them (the flag table in supervisor-flags.ts), together with the environment variables it
 * reads in place of flags. The result (supervisor-args.ts) keeps how each flag was written.
 *
 * The image's entrypoint turns arguments that start with `-` into `hab sup run <origin/name> ...`,
 * so the package is already named and every argument must be a flag or a flag's value.
 */

import { closest } from '../../suggest';
import {
  displayName,
  FLAGS_BY_LONG,
  FLAGS_BY_SHORT,
  SUPERVISOR_CONFLICTS,
  SUPERVISOR_FLAGS,
  SUPERVISOR_REMOVED,
  SUPERVISOR_REQUIRES,
  type FlagSpec,
} from './supervisor-flags';
import { valueProblem } from './supervisor-values';
import type { SupervisorArgs, SupervisorFlag } from './supervisor-args';

export type ParseResult =
  | { ok: true; args: SupervisorArgs; warnings: string[] }
  /** `variable` names the environment variable at fault, when it is one. */
  | { ok: false; problem: string; variable?: string };

/** Environment variables of the container, by name. */
export type SupervisorEnvironment = Readonly<Record<string, string>>;

/** True when a container command is Supervisor arguments rather than a program to run. */
export function isSupervisorCommand(command: readonly string[] | undefined): boolean {
  return command === undefined || command.length === 0 || (command[0] ?? '').startsWith('-');
}

class ParseError extends Error {
  constructor(
    message: string,
    readonly variable?: string,
  ) {
    super(message);
  }
}

/** Parses Supervisor arguments and the environment variables the Supervisor reads in their place. */
export function parseSupervisorArgs(
  tokens: readonly string[],
  environment: SupervisorEnvironment = {},
): ParseResult {
  try {
    const flags = readFlags(tokens);
    const given = new Set(flags.map((f) => f.name));
    const fromEnvironment = checkEnvironment(given, environment);
    const present = new Set([...given, ...fromEnvironment.keys()]);
    checkConflicts(present, fromEnvironment);
    checkRequirements(present);
    return { ok: true, args: { flags }, warnings: notes(flags) };
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    return { ok: false, problem: e.message, ...(e.variable !== undefined && { variable: e.variable }) };
  }
}

function readFlags(tokens: readonly string[]): SupervisorFlag[] {
  const flags: SupervisorFlag[] = [];
  const seen = new Set<string>();
  let i = 0;
  // The tokens a flag may take as values: up to the next one that looks like a flag.
  const takeValues = (max: number): string[] => {
    const taken: string[] = [];
    while (taken.length < max && i < tokens.length && isValueToken(tokens[i] as string)) {
      taken.push(tokens[i++] as string);
    }
    return taken;
  };
  const add = (spec: FlagSpec, flag: SupervisorFlag, token: string): void => {
    if (spec.refused) throw new ParseError(spec.refused);
    if (seen.has(spec.long) && !spec.repeatable) {
      throw new ParseError(
        `${displayName(spec)} is given twice (in "${token}"), and hab sup run refuses a repeated ${displayName(spec)}: keep one`,
      );
    }
    seen.add(spec.long);
    flags.push(flag);
  };

  while (i < tokens.length) {
    const token = tokens[i++] as string;
    if (token === '--') {
      throw new ParseError(
        'unexpected argument "--": it would make the Supervisor read what follows as the package to run, and the image already names the package',
      );
    }
    if (!token.startsWith('-') || token === '-') throw new ParseError(strayMessage(token));
    if (token.startsWith('--')) {
      const eq = token.indexOf('=');
      const written = eq < 0 ? token : token.slice(0, eq);
      const spec = FLAGS_BY_LONG.get(written.slice(2));
      if (!spec) throw new ParseError(unknownMessage(written));
      const inline = eq < 0 ? undefined : token.slice(eq + 1);
      add(spec, occurrence(spec, written, false, inline, 'equals', takeValues), token);
      continue;
    }
    // A cluster of short flags: switches, possibly ended by one flag that takes a value.
    let rest = token.slice(1);
    let first = true;
    while (rest !== '') {
      const letter = rest.charAt(0);
      rest = rest.slice(1);
      const spec = FLAGS_BY_SHORT.get(letter);
      if (!spec) throw new ParseError(unknownMessage(`-${letter}`, first ? undefined : token));
      const written = first ? `-${letter}` : letter;
      if (spec.arity === 'switch') {
        if (rest.startsWith('='))
          throw new ParseError(`"-${letter}" is a switch and takes no value (in "${token}")`);
        add(spec, occurrence(spec, written, !first, undefined, 'attached', takeValues), token);
      } else {
        const inline = rest === '' ? undefined : rest.startsWith('=') ? rest.slice(1) : rest;
        const form = rest.startsWith('=') ? 'equals' : 'attached';
        add(spec, occurrence(spec, written, !first, inline, form, takeValues), token);
        rest = '';
      }
      first = false;
    }
  }
  return flags;
}

/** clap reads a token that starts with `-` as a flag, except `-` itself. */
function isValueToken(token: string): boolean {
  return !token.startsWith('-') || token === '-';
}

/** One occurrence of a flag with the values it takes, checked. */
function occurrence(
  spec: FlagSpec,
  written: string,
  clustered: boolean,
  inline: string | undefined,
  inlineForm: 'equals' | 'attached',
  takeValues: (max: number) => string[],
): SupervisorFlag {
  const name = clustered ? `-${written}` : written;
  if (spec.arity === 'switch') {
    if (inline !== undefined)
      throw new ParseError(`"${name}" is a switch and takes no value (found "=${inline}")`);
    return { name: spec.long, written, clustered, valueForm: 'separate', values: [], groups: [] };
  }
  let tokens: string[];
  let valueForm: SupervisorFlag['valueForm'] = 'separate';
  if (inline !== undefined) [tokens, valueForm] = [[inline], inlineForm];
  else tokens = takeValues(spec.arity === 'one' ? 1 : Infinity);
  if (tokens.length === 0 && spec.arity !== 'zero-or-more') {
    throw new ParseError(`"${name}" needs a value${spec.arity === 'several' ? ' (one or more)' : ''}`);
  }
  // List flags split each token at spaces too (clap value_delimiter = ' ').
  const split = spec.arity === 'several' ? tokens.map((t) => t.split(' ')) : tokens.map((t) => [t]);
  const values = split.flat();
  for (const value of values) {
    const problem = spec.value && valueProblem(spec.value, value);
    if (problem === undefined) continue;
    const hint =
      spec.arity === 'several' && value.includes('/')
        ? `; ${name} takes every word up to the next flag as one of its values, so a package ident after it is read as one (the image already names the package)`
        : '';
    const stricter = spec.stricter ? ` (${spec.stricter})` : '';
    throw new ParseError(`"${name} ${value}": ${problem}${stricter}${hint}`);
  }
  return { name: spec.long, written, clustered, valueForm, values, groups: split.map((s) => s.length) };
}

/** The environment variables the Supervisor reads for flags not given, checked like the flag. */
function checkEnvironment(
  given: ReadonlySet<string>,
  environment: SupervisorEnvironment,
): Map<string, string> {
  const used = new Map<string, string>();
  for (const spec of SUPERVISOR_FLAGS) {
    if (spec.env === undefined || given.has(spec.long)) continue;
    const value = environment[spec.env];
    if (value === undefined) continue;
    const problem = spec.value && valueProblem(spec.value, value);
    if (problem) {
      throw new ParseError(
        `${spec.env}=${JSON.stringify(value)}, which the Supervisor reads as ${displayName(spec)}: ${problem}`,
        spec.env,
      );
    }
    used.set(spec.long, spec.env);
  }
  return used;
}

function checkConflicts(present: ReadonlySet<string>, fromEnvironment: ReadonlyMap<string, string>): void {
  for (const [a, b] of SUPERVISOR_CONFLICTS) {
    if (!present.has(a) || !present.has(b)) continue;
    const via = [a, b]
      .filter((n) => fromEnvironment.has(n))
      .map((n) => ` (--${n} comes from ${fromEnvironment.get(n)})`);
    throw new ParseError(
      `--${a} and --${b} cannot be used together${via.join('')}`,
      fromEnvironment.get(b) ?? fromEnvironment.get(a),
    );
  }
}

function checkRequirements(present: ReadonlySet<string>): void {
  for (const [flag, needs] of SUPERVISOR_REQUIRES) {
    const missing = needs.filter((n) => !present.has(n));
    if (present.has(flag) && missing.length > 0) {
      throw new ParseError(`--${flag} needs ${missing.map((n) => `--${n}`).join(' and ')} too`);
    }
  }
}

/** Warnings about flags whose effect only the running container can tell. */
function notes(flags: readonly SupervisorFlag[]): string[] {
  const said = new Set<string>();
  for (const flag of flags) {
    const spec = SUPERVISOR_FLAGS.find((s) => s.long === flag.name);
    if (!spec?.note) continue;
    if (spec.arity === 'zero-or-more' && flag.values.length > 0) continue;
    said.add(spec.note);
  }
  return [...said];
}

function strayMessage(token: string): string {
  return `unexpected argument "${token}": only Supervisor flags and their values may follow, the image already names the package to run`;
}

function unknownMessage(written: string, cluster?: string): string {
  const removed = SUPERVISOR_REMOVED[written];
  if (removed) return removed;
  const where = cluster ? ` (in "${cluster}")` : '';
  const match = written.startsWith('--')
    ? closest(
        written.slice(2),
        SUPERVISOR_FLAGS.filter((s) => !s.shortOnly).map((s) => s.long),
      )
    : undefined;
  return `unknown Supervisor flag "${written}"${where}${match ? `; did you mean --${match}?` : ''}`;
}
