/**
 * Parsed Supervisor arguments: what the ECS pass reads and edits, and how they are written back as
 * exactly the tokens the user wrote (plus the pass's edits). supervisor.ts parses them.
 */

/**
 * One flag as written, so serialising gives back the user's tokens:
 * - `written`: `--peer`, `-t`, or just the letter when the flag continues a short cluster (`-Dt...`);
 * - `valueForm`: how the first value token is joined to the flag: `--peer x` (separate),
 *   `--peer=x` (equals) or `-tleader` (attached);
 * - `groups`: how many values each value token held (`--peer "a b" c` is values [a, b, c], groups [2, 1]).
 */
export interface SupervisorFlag {
  /** Canonical name without dashes, e.g. `peer`. */
  name: string;
  written: string;
  clustered: boolean;
  valueForm: 'separate' | 'equals' | 'attached';
  values: string[];
  groups: number[];
}

export interface SupervisorArgs {
  flags: SupervisorFlag[];
}

/** A flag the action adds, written `--name value`. */
export function newFlag(name: string, values: string[]): SupervisorFlag {
  return {
    name,
    written: `--${name}`,
    clustered: false,
    valueForm: 'separate',
    values,
    groups: values.map(() => 1),
  };
}

/** The tokens for a container `command`, in the user's order and spelling. */
export function serializeSupervisorArgs(args: SupervisorArgs): string[] {
  const tokens: string[] = [];
  for (const flag of args.flags) {
    const valueTokens = joinValues(flag);
    const [first, ...rest] = valueTokens;
    const head = flag.clustered ? `${tokens.pop() ?? ''}${flag.written}` : flag.written;
    if (first === undefined) tokens.push(head);
    else if (flag.valueForm === 'equals') tokens.push(`${head}=${first}`);
    else if (flag.valueForm === 'attached') tokens.push(`${head}${first}`);
    else tokens.push(head, first);
    tokens.push(...rest);
  }
  return tokens;
}

/** Values back into tokens as the user grouped them; one a token when a pass changed their number. */
function joinValues(flag: SupervisorFlag): string[] {
  const total = flag.groups.reduce((a, b) => a + b, 0);
  if (total !== flag.values.length) return [...flag.values];
  const tokens: string[] = [];
  let at = 0;
  for (const size of flag.groups) {
    tokens.push(flag.values.slice(at, at + size).join(' '));
    at += size;
  }
  return tokens;
}

/** Every value given to a flag, across all its occurrences, in order. */
export function flagValues(args: SupervisorArgs, name: string): string[] {
  return args.flags.filter((f) => f.name === name).flatMap((f) => f.values);
}

/** The value of a single-valued flag, if given. */
export function lastFlagValue(args: SupervisorArgs, name: string): string | undefined {
  return flagValues(args, name).at(-1);
}

export function hasFlag(args: SupervisorArgs, name: string): boolean {
  return args.flags.some((f) => f.name === name);
}
