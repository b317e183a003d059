import { explainAwsFailure } from '../aws/errors';
import { UserError } from '../diagnostics';
import { DockerError } from '../local/docker';
import { didYouMean } from '../suggest';
import { PackageSpecError } from '../translate/habitat/package-source';
import { cliLine, UsageError, type CliIo } from './io';
import { localCommand } from './local';
import { renderCommand } from './render';
import { version } from '../../package.json';

type Command = (argv: readonly string[], io: CliIo) => number | Promise<number>;

/** Every command, with its line of `habitat-ecs --help`. Plan and verify (the AWS SDK) load when run. */
const COMMANDS: Readonly<Record<string, { summary: string; run: Command }>> = {
  render: {
    summary: 'print the ECS task definition a compose file becomes (no AWS, no network)',
    run: (argv, io) => renderCommand(['render', ...argv], io),
  },
  plan: {
    summary: "what the action's deploy would change on ECS, with read-only AWS calls",
    run: async (argv, io) => (await import('./plan')).planCommand(argv, io),
  },
  verify: {
    summary: 'check in the AWS account what the task needs, with read-only AWS calls',
    run: async (argv, io) => (await import('./verify')).verifyCommand(argv, io),
  },
  up: {
    summary: 'run the task on the local Docker engine, as ECS would',
    run: (argv, io) => localCommand('up', argv, io),
  },
  down: {
    summary: 'stop and remove a task that up started',
    run: (argv, io) => localCommand('down', argv, io),
  },
  ps: { summary: 'show the tasks that up started', run: (argv, io) => localCommand('ps', argv, io) },
};

const HELP = `habitat-ecs: the translation of the habitat-ecs-deploy action, on the command line

Usage: habitat-ecs <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, { summary }]) => `  ${name.padEnd(8)} ${summary}`)
  .join('\n')}

Run "habitat-ecs <command> --help" for the options of one.
`;

/** Runs `habitat-ecs <args>`; returns the exit status instead of exiting, so tests can drive it. */
export function main(argv: readonly string[], io: CliIo): number | Promise<number> {
  const [first = '', ...rest] = argv;
  // Options before the command word are render's, which finds its word among them, as it always has.
  const optionsFirst = first.startsWith('-') && !TOP_LEVEL.has(first);
  const name = optionsFirst ? 'render' : first;
  const context = COMMANDS[name] ? name : undefined;
  try {
    const status = optionsFirst ? renderCommand(argv, io) : run(name, rest, io);
    return typeof status === 'number' ? status : status.catch((e: unknown) => exitStatus(e, context, io));
  } catch (e) {
    return exitStatus(e, context, io);
  }
}

const TOP_LEVEL: ReadonlySet<string> = new Set(['-h', '--help', '-V', '--version']);

function run(name: string, argv: readonly string[], io: CliIo): number | Promise<number> {
  if (name === '-h' || name === '--help') {
    io.stdout(HELP);
    return 0;
  }
  if (name === '-V' || name === '--version') {
    io.stdout(`${version}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (command) return command.run(argv, io);
  if (name === '') throw new UsageError('missing command');
  throw new UsageError(`unknown command "${name}"${didYouMean(name, Object.keys(COMMANDS))}`);
}

/** The one way every command ends on an error: what it says, and the exit status (2 for usage). */
function exitStatus(e: unknown, command: string | undefined, io: CliIo): number {
  if (e instanceof UsageError) {
    io.stderr(
      `habitat-ecs: ${e.message}\nRun "habitat-ecs${command ? ` ${command}` : ''} --help" for usage.\n`,
    );
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
  if (e instanceof DockerError) {
    io.stderr(`habitat-ecs ${command}: ${e.message}\n`);
    return 1;
  }
  const aws = explainAwsFailure(e);
  if (aws) {
    io.stderr(`habitat-ecs: error: ${aws}\n`);
    return 1;
  }
  io.stderr(`habitat-ecs: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return 1;
}
