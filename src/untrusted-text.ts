import { randomUUID } from 'node:crypto';

/**
 * Text someone else wrote (what hab, docker and builds print, a task's log lines, names from a
 * compose file, a registry's or Builder's error body), as the lines to write to a log the
 * Actions runner reads. The runner ends a line at `\n`, `\r` or both, and runs a line as a
 * workflow command when it starts with `::` (after spaces) or holds `##[` anywhere
 * (actions/runner: ActionCommand.TryParseV2 and TryParse). Text with neither `::` nor `##[` has
 * no such line, however `\r` splits it, and is written as it is; any other text goes between
 * `::stop-commands::<token>` and `::<token>::`, between which the runner runs nothing. The token
 * is new each time (and masked by the runner), so the text cannot end the pause itself.
 */
export function runnerSafeLines(text: string, token: () => string = randomUUID): string[] {
  if (!/::|##\[/.test(text)) return [text];
  const t = token();
  return [`::stop-commands::${t}`, text, `::${t}::`];
}
