/**
 * Compose-spec variable interpolation: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?message}`, `${VAR?message}`, `${VAR:+alt}`, `${VAR+alt}`, nested in defaults, and
 * `$$` for a literal `$`. Pure: the caller gives the lookup and places the errors.
 */
export type Lookup = (name: string) => string | undefined;

/**
 * What a Lookup throws for a variable that may not be interpolated at all (a credential of the
 * runner): the interpolation fails with `message` at the `$` that names it.
 */
export class RefusedVariable extends Error {}

/** On failure, `offset` is where in the input the faulty `$` is. */
export type InterpolationResult =
  { ok: true; value: string } | { ok: false; message: string; offset: number };

const NAME_START = /[A-Za-z_]/;
/** Defaults nest (`${A:-${B:-x}}`) a few levels in practice; more is refused, not recursed into. */
export const MAX_NESTING = 16;
const NAME_CHAR = /[A-Za-z0-9_]/;

class InterpolationError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export function interpolate(input: string, lookup: Lookup): InterpolationResult {
  try {
    return { ok: true, value: new Template(input, lookup).expand(0, input.length) };
  } catch (e) {
    if (e instanceof InterpolationError) return { ok: false, message: e.message, offset: e.offset };
    throw e;
  }
}

class Template {
  constructor(
    private readonly s: string,
    private readonly lookup: Lookup,
  ) {}

  /** Expands s[from, to): a whole value, or a default / alternative / message inside `${}`. */
  expand(from: number, to: number, depth = 0): string {
    let out = '';
    let i = from;
    while (i < to) {
      const c = this.s[i]!;
      if (c !== '$') {
        out += c;
        i++;
        continue;
      }
      const next = this.s[i + 1];
      if (next === '$') {
        out += '$';
        i += 2;
      } else if (next === '{') {
        // Refused at the `${` one too deep, so the error points at it like every other.
        if (depth >= MAX_NESTING) {
          throw new InterpolationError(
            `\${...} nested more than ${MAX_NESTING} levels deep: simplify the default values`,
            i,
          );
        }
        const close = this.matchingBrace(i + 2, to);
        out += this.braced(i + 2, close, depth);
        i = close + 1;
      } else if (next !== undefined && i + 1 < to && NAME_START.test(next)) {
        let j = i + 1;
        while (j < to && NAME_CHAR.test(this.s[j]!)) j++;
        out += this.value(this.s.slice(i + 1, j), i) ?? '';
        i = j;
      } else {
        throw new InterpolationError(
          `invalid interpolation "${this.s.slice(i, i + 2)}": write $$ for a literal "$", or $NAME / \${NAME} for a variable`,
          i,
        );
      }
    }
    return out;
  }

  /** The variable's value; a refused variable is an error at `offset`, its `$`. */
  private value(name: string, offset: number): string | undefined {
    try {
      return this.lookup(name);
    } catch (e) {
      if (e instanceof RefusedVariable) throw new InterpolationError(e.message, offset);
      throw e;
    }
  }

  /** Index of the `}` closing a `${` whose body starts at `from`, skipping nested `${...}`. */
  private matchingBrace(from: number, to: number): number {
    let depth = 1;
    for (let i = from; i < to; i++) {
      const c = this.s[i];
      if (c === '$' && this.s[i + 1] === '$') i++;
      else if (c === '$' && this.s[i + 1] === '{') {
        depth++;
        i++;
      } else if (c === '}' && --depth === 0) return i;
    }
    throw new InterpolationError(
      `unterminated "\${" in ${JSON.stringify(this.s)}: close it with "}", or write $$ for a literal "$"`,
      from - 2,
    );
  }

  private braced(from: number, close: number, depth: number): string {
    let j = from;
    while (j < close && NAME_CHAR.test(this.s[j]!)) j++;
    const name = this.s.slice(from, j);
    if (name === '' || !NAME_START.test(name[0]!)) {
      throw new InterpolationError(
        `invalid variable name in "\${${this.s.slice(from, close)}}": a name starts with a letter or "_" and has letters, digits and "_"`,
        from - 2,
      );
    }
    const value = this.value(name, from - 2);
    if (j === close) return value ?? '';
    const colon = this.s[j] === ':';
    const op = this.s[colon ? j + 1 : j];
    const argFrom = colon ? j + 2 : j + 1;
    // With ':' an empty value counts as unset, as in the shell.
    const isSet = colon ? value !== undefined && value !== '' : value !== undefined;
    switch (op) {
      case '-':
        return isSet ? value! : this.expand(argFrom, close, depth + 1);
      case '+':
        return isSet ? this.expand(argFrom, close, depth + 1) : '';
      case '?': {
        if (isSet) return value!;
        const message = this.expand(argFrom, close, depth + 1);
        const why = colon && value === '' ? 'is empty' : 'is not set';
        throw new InterpolationError(
          `required variable ${name} ${why}${message ? `: ${message}` : ''} (set it in the environment or the env file)`,
          from - 2,
        );
      }
      default:
        throw new InterpolationError(
          `invalid interpolation "\${${this.s.slice(from, close)}}": use \${NAME}, \${NAME:-default}, \${NAME-default}, \${NAME:?message}, \${NAME?message}, \${NAME:+alt} or \${NAME+alt}`,
          from - 2,
        );
    }
  }
}
