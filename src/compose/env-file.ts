import { error, type Diagnostic, type SourceLocation } from '../diagnostics';
import { interpolate, RefusedVariable, type Lookup } from './interpolate';

/** One `KEY=value` line of an env file, and where it was written. */
interface EnvEntry {
  key: string;
  /** Undefined for a bare `KEY` line whose variable is not set anywhere. */
  value: string | undefined;
  loc: SourceLocation;
}

export interface ParsedEnvFile {
  entries: EnvEntry[];
  diagnostics: Diagnostic[];
}

const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * Parses env-file text the way compose reads it: `#` comments, an optional `export ` prefix,
 * unquoted values (trimmed, ` #` starts a comment), single quotes (literal), double quotes
 * (escapes, may span lines), `${VAR}` expansion outside single quotes, empty values, and a bare
 * `KEY` taking its value from the environment. `lookup` is asked before this file's own earlier
 * lines, as compose does.
 */
export function parseEnvFile(text: string, file: string, lookup: Lookup): ParsedEnvFile {
  const lines = text.split(/\r?\n/);
  const entries: EnvEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  const own = new Map<string, string>();
  const scoped: Lookup = (name) => lookup(name) ?? own.get(name);

  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!;
    const indent = raw.length - raw.trimStart().length;
    let line = raw.trim();
    const loc: SourceLocation = { file, line: n + 1, column: indent + 1 };
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('export ')) line = line.slice('export '.length).trimStart();
    const eq = line.indexOf('=');
    const key = (eq < 0 ? line : line.slice(0, eq)).trim();
    if (!KEY.test(key)) {
      // Never the line itself: env files hold secrets, and a malformed line may be one.
      const found =
        eq < 0
          ? 'a line without "=" (not shown: env files hold secrets)'
          : `the key ${JSON.stringify(key.length > 64 ? `${key.slice(0, 64)}…` : key)}`;
      diagnostics.push(
        error(
          `expected KEY=value, found ${found}: a key has letters, digits, "_", "." or "-" and does not start with a digit`,
          { location: loc },
        ),
      );
      continue;
    }
    if (eq < 0) {
      try {
        entries.push({ key, value: lookup(key), loc });
      } catch (e) {
        if (!(e instanceof RefusedVariable)) throw e;
        diagnostics.push(error(e.message, { location: loc, path: key }));
      }
      continue;
    }
    let rest = line.slice(eq + 1).trimStart();
    let value: string;
    const quote = rest[0];
    if (quote === '"' || quote === "'") {
      // A quoted value may run over several lines; find its closing quote.
      let body = rest.slice(1);
      let end = closingQuote(body, quote);
      while (end < 0 && n + 1 < lines.length) {
        n++;
        body += '\n' + lines[n]!;
        end = closingQuote(body, quote);
      }
      if (end < 0) {
        diagnostics.push(
          error(`unterminated ${quote} quote in the value of ${key}: close it with ${quote}`, {
            location: loc,
          }),
        );
        break;
      }
      const after = body.slice(end + 1).trim();
      if (after !== '' && !after.startsWith('#')) {
        diagnostics.push(
          error(
            `unexpected text after the quoted value of ${key} (not shown: env files hold secrets): put a comment after " #"`,
            { location: loc },
          ),
        );
        continue;
      }
      rest = body.slice(0, end);
      if (quote === "'") {
        value = rest;
      } else {
        const expanded = interpolate(unescapeDouble(rest), scoped);
        if (!expanded.ok) {
          diagnostics.push(error(expanded.message, { location: loc, path: key }));
          continue;
        }
        value = expanded.value;
      }
    } else {
      const comment = rest.search(/\s#/);
      const unquoted = (comment >= 0 ? rest.slice(0, comment) : rest).trim();
      const expanded = interpolate(unquoted, scoped);
      if (!expanded.ok) {
        diagnostics.push(error(expanded.message, { location: loc, path: key }));
        continue;
      }
      value = expanded.value;
    }
    own.set(key, value);
    entries.push({ key, value, loc });
  }
  return { entries, diagnostics };
}

function closingQuote(body: string, quote: string): number {
  for (let i = 0; i < body.length; i++) {
    if (quote === '"' && body[i] === '\\') i++;
    else if (body[i] === quote) return i;
  }
  return -1;
}

/** Double-quote escapes; `\$` becomes `$$` so interpolation leaves a literal `$`. */
function unescapeDouble(s: string): string {
  const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"', $: '$$' };
  return s.replace(/\\(.)/gs, (m: string, c: string) => map[c] ?? m);
}
