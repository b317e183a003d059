/**
 * The commands the Actions runner would run from a step's stdout, read as the runner reads it:
 * a line starting with `::` (after leading spaces) is a command, `##[` starts one anywhere in a
 * line, and between `::stop-commands::<token>` and `::<token>::` nothing is a command.
 */
export function workflowCommands(stdout: string): string[] {
  const commands: string[] = [];
  let stoppedBy: string | undefined;
  for (const raw of stdout.split(/\r?\n/)) {
    const line = raw.trimStart();
    if (stoppedBy !== undefined) {
      if (line === `::${stoppedBy}::`) stoppedBy = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) stoppedBy = stop[1];
    else if (line.startsWith('::') || raw.includes('##[')) commands.push(line);
  }
  return commands;
}
