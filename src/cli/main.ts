import { LOCAL_COMMANDS, runLocal } from './local';
import { UsageError, cliLine, type CliIo } from './io';
import { renderCommand } from './render';
import { UserError } from '../diagnostics';
import { PackageSpecError } from '../translate/habitat/package-source';

/** Runs `habitat-ecs <args>`; returns the exit status instead of exiting, so tests can drive it. */
export function main(argv: readonly string[], io: CliIo): number | Promise<number> {
  if (argv[0] === 'verify') return import('./verify').then((m) => m.verifyCommand(argv.slice(1), io));
  if (LOCAL_COMMANDS.has(argv[0] ?? ''))
    return runLocal(argv, io, (args, rio) => main(['render', ...args], rio));
  if (argv[0] === 'plan') return import('./plan').then((m) => m.runPlan(argv.slice(1), io));
  try {
    return renderCommand(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`habitat-ecs: ${e.message}\nRun "habitat-ecs render --help" for usage.\n`);
      return 2;
    }
    if (e instanceof UserError) {
      for (const d of e.diagnostics) io.stderr(`${cliLine(d)}\n`);
      return 1;
    }
    if (e instanceof PackageSpecError) {
      io.stderr(`habitat-ecs: error: --habitat-package ${e.message}\n`);
      return 1;
    }
    io.stderr(`habitat-ecs: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}
