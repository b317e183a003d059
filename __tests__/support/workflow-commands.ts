/**
 * What the Actions runner makes of a step's output, modelled on actions/runner
 * (src/Runner.Common/ActionCommand.cs, src/Runner.Worker/ActionCommandManager.cs, and
 * src/Runner.Sdk/ProcessInvoker.cs, which reads the output with .NET's StreamReader.ReadLine):
 *
 * - a line ends at `\n`, `\r` or `\r\n`;
 * - a line is a command when, after leading white space, it is `::name props::data` (TryParseV2),
 *   or else when it holds `##[name props]data` anywhere (TryParse); either only for a command the
 *   runner has registered, its name compared without case;
 * - `stop-commands` with a token pauses everything until a command named by that token (in either
 *   form); a token that is empty or names a registered command fails the step.
 */

/** The commands the runner registers (its IActionCommandExtension classes, and stop-commands). */
const REGISTERED = [
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'stop-commands',
  'warning',
];

export interface RunnerCommand {
  /** The name, lower-cased. */
  command: string;
  properties: Record<string, string>;
  data: string;
  /** The line the runner read it from. */
  line: string;
}

/** Every line of the output as the runner reads it. */
export function runnerLines(output: string): string[] {
  return output.split(/\r\n|\r|\n/);
}

/** The commands the runner would run, in order: the pause and its end are not among them. */
export function runnerCommands(output: string): RunnerCommand[] {
  const registered = new Set(REGISTERED);
  const commands: RunnerCommand[] = [];
  let stopToken: string | undefined;
  for (const line of runnerLines(output)) {
    const parsed = parseV2(line, registered) ?? parseV1(line, registered);
    if (!parsed) continue;
    if (stopToken !== undefined) {
      if (parsed.command === stopToken.toLowerCase()) {
        registered.delete(stopToken.toLowerCase());
        stopToken = undefined;
      }
      continue;
    }
    if (parsed.command === 'stop-commands') {
      const token = parsed.data;
      if (token === '' || registered.has(token.toLowerCase()) || token.toLowerCase() === 'pause-logging')
        throw new Error(`the runner fails the step: stop-commands with the token "${token}"`);
      stopToken = token;
      registered.add(token.toLowerCase());
      continue;
    }
    commands.push(parsed);
  }
  return commands;
}

/** The runner's own lines: `::name ...` and `##[name ...]` forms, as it would run them. */
export function workflowCommands(output: string): string[] {
  return runnerCommands(output).map((c) => c.line);
}

function parseV2(raw: string, registered: Set<string>): RunnerCommand | undefined {
  const message = raw.trimStart();
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const head = commandHead(message.slice(2, end), registered, {
    trim: true,
    separator: ',',
    table: PROPERTY,
  });
  return head && { ...head, data: unescape(message.slice(end + 2), DATA), line: raw };
}

/** A command's name and properties (`name k=v,k=v` or `name k=v;k=v`); undefined if not a registered name. */
function commandHead(
  info: string,
  registered: Set<string>,
  format: { trim: boolean; separator: string; table: [string, string][] },
): Pick<RunnerCommand, 'command' | 'properties'> | undefined {
  const space = info.indexOf(' ');
  const name = (space < 0 ? info : info.slice(0, space)).toLowerCase();
  if (!registered.has(name)) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    const rest = info.slice(space + 1);
    for (const pair of (format.trim ? rest.trim() : rest).split(format.separator).filter((p) => p !== '')) {
      const at = pair.indexOf('=');
      if (at > 0 && at < pair.length - 1)
        properties[pair.slice(0, at)] = unescape(pair.slice(at + 1), format.table);
    }
  }
  return { command: name, properties };
}

function parseV1(line: string, registered: Set<string>): RunnerCommand | undefined {
  const prefix = line.indexOf('##[');
  if (prefix < 0) return undefined;
  const close = line.indexOf(']', prefix);
  if (close < 0) return undefined;
  const head = commandHead(line.slice(prefix + 3, close), registered, {
    trim: false,
    separator: ';',
    table: V1,
  });
  return head && { ...head, data: unescape(line.slice(close + 1), V1), line };
}

/** The runner's unescaping tables, applied in its order. */
const DATA: [string, string][] = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%25', '%'],
];
const PROPERTY: [string, string][] = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%3A', ':'],
  ['%2C', ','],
  ['%25', '%'],
];
const V1: [string, string][] = [
  ['%3B', ';'],
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%5D', ']'],
  ['%25', '%'],
];

function unescape(text: string, table: [string, string][]): string {
  return table.reduce((s, [from, to]) => s.split(from).join(to), text);
}
