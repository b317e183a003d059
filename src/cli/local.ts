import { readFileSync } from 'node:fs';
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { cliLine, type CliIo } from './io';
import { parseEnvFile } from '../compose/env-file';
import { UserError } from '../diagnostics';
import { dockerCli, DockerError } from '../local/docker';
import { BUILTIN_PAUSE_IMAGE } from '../local/pause-image';
import { planTask, TASK_NAME } from '../local/task-plan';
import { readTaskDefinition } from '../local/task-file';
import { removeTask, taskStatuses } from '../local/task-objects';
import { upTask } from '../local/up';

/** `habitat-ecs render <args>` with its output captured: the one way up/down/ps render. */
export type Render = (args: readonly string[], io: CliIo) => number | Promise<number>;

export const LOCAL_COMMANDS: ReadonlySet<string> = new Set(['up', 'down', 'ps']);

const HELP = `habitat-ecs up | down | ps: run a task definition on the local Docker engine, as ECS would

Usage: habitat-ecs up   [-f <compose>]... [render options] [options]
       habitat-ecs up   --task-definition <file.json> [options]
       habitat-ecs down [-f <compose>... | --task-definition <file.json> | --name <task>]
       habitat-ecs ps   [-f <compose>... | --task-definition <file.json> | --name <task>]

up renders the compose files exactly as "habitat-ecs render" does (same options: -f, --ecs-params,
--env-file, --launch-type, --habitat-package, --account-id, --region, --image-tag, --family, ...),
or reads a task definition (the action's task-definition-file output, render's output, or
"aws ecs describe-task-definition" output), and runs it on the engine DOCKER_HOST names with ECS's
semantics, not Docker Compose's:
  bridge   one network per task; links are Docker links, with the alias and the linked
           container's hostname in /etc/hosts; hostname set; portMappings published on
           127.0.0.1 (hostPort 0 or none: a free port, like ECS's dynamic ports)
  awsvpc   a pause container owns one network namespace and the others join it: localhost
           reaches every container and two listeners on one port clash, as on Fargate; ports
           are published from it on free 127.0.0.1 ports (an awsvpc task has no host ports)
  host     the host's network namespace
dependsOn (START, COMPLETE, SUCCESS, HEALTHY) orders the starts; an essential container that
stops stops the task; healthCheck becomes Docker's (same command, interval, timeout, retries,
start period); environment, secrets, command, entryPoint, workingDirectory, user, mountPoints,
volumes, volumesFrom, ulimits, linuxParameters, cpu and memory apply as Docker options. What
cannot run locally (awslogs, FireLens, EFS, IAM roles, ...) is a warning on stderr. Images come
from the local engine, else are pulled from the registry they name (log in with docker first).

up waits until every essential container runs and every health check passes, prints a table
(container, state, health, ports) and exits 0; the task keeps running. Otherwise it prints why,
each failing container's last log lines and exit code, stops the task (as ECS stops it), keeps
the stopped containers for a look (docker logs) and exits 1. Nothing watches the task after up
returns: ps shows it STOPPED once an essential container has exited. An earlier task of the same
name is replaced. down stops and removes what up created for the task (found by the labels up
set, nothing else; shared Docker volumes stay, as on ECS). ps shows the table of one task, or of
every task up started.

Options:
      --task-definition <file>   run this task definition instead of rendering compose files
      --name <task>              the task's name: prefix of its containers (<task>-<container>),
                                 its network and volumes (default: the family, lowercased)
      --secret <NAME=VALUE>      the value of a secret the task names; repeatable. Secrets are
                                 never read from AWS.
      --secrets-file <file>      secret values as NAME=VALUE lines (env file format)
      --timeout <seconds>        how long up waits for the task, once its images are there
                                 (default 180)
      --pause-image <image>      the awsvpc pause container's image (default: a built-in one,
                                 made on the engine; amd64 engines only)
  -h, --help                     show this help

Exit status: 0 up: the task is up / ps: every task shown is running / down: done;
1 it failed, stopped, or no task was found; 2 usage error.
`;

const OWN = {
  'task-definition': { type: 'string' },
  name: { type: 'string' },
  secret: { type: 'string', multiple: true },
  'secrets-file': { type: 'string' },
  timeout: { type: 'string' },
  'pause-image': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface Own {
  taskDefinition?: string;
  name?: string;
  secrets: string[];
  secretsFile?: string;
  timeout?: string;
  pauseImage?: string;
  help: boolean;
}

class UsageError extends Error {}

/** `habitat-ecs up|down|ps <args>`; the exit status. */
export async function runLocal(argv: readonly string[], io: CliIo, render: Render): Promise<number> {
  const [command = '', ...rest] = argv;
  try {
    const { own, forwarded } = splitArgs(rest);
    if (own.help) {
      io.stdout(HELP);
      return 0;
    }
    if (own.taskDefinition !== undefined && forwarded.length > 0) {
      throw new UsageError(`--task-definition is the task: render options (${forwarded[0]}) do not apply`);
    }
    const timeoutMs = seconds(own.timeout ?? '180') * 1000;
    const docker = dockerCli(io.env);
    if (command === 'up') {
      const td = await taskDefinition(own, forwarded, io, render);
      if (typeof td === 'number') return td;
      const plan = planTask(td, {
        task: own.name ?? taskName(td),
        secrets: secretValues(own, io),
        pauseImage: own.pauseImage ?? BUILTIN_PAUSE_IMAGE,
      });
      for (const w of plan.warnings) io.stderr(`${cliLine(w)}\n`);
      const ok = await upTask(plan, docker, {
        timeoutMs,
        print: (text) => io.stdout(`${text}\n`),
        say: (text) => io.stderr(`${text}\n`),
      });
      return ok ? 0 : 1;
    }
    // down and ps: the task named, or the one the files would run; ps alone: every task.
    let task = own.name;
    if (
      task === undefined &&
      (command === 'down' || own.taskDefinition !== undefined || forwarded.length > 0)
    ) {
      const td = await taskDefinition(own, forwarded, io, render);
      if (typeof td === 'number') return td;
      task = taskName(td);
    }
    if (command === 'down') {
      const removed = await removeTask(docker, task ?? '');
      io.stderr(removed.length > 0 ? `removed ${removed.join(', ')}\n` : `no task ${task} to remove\n`);
      return 0;
    }
    const statuses = await taskStatuses(docker, task);
    if (statuses.length === 0) {
      io.stderr(task === undefined ? 'no task started by habitat-ecs up\n' : `no task ${task}\n`);
      return 1;
    }
    for (const s of statuses) {
      io.stdout(`task ${s.task} (${s.networkMode}): ${s.state}\n${s.table}\n`);
    }
    return statuses.every((s) => s.running) ? 0 : 1;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`habitat-ecs: ${e.message}\nRun "habitat-ecs ${command} --help" for usage.\n`);
      return 2;
    }
    if (e instanceof UserError) {
      for (const d of e.diagnostics) io.stderr(`${cliLine(d)}\n`);
      return 1;
    }
    if (e instanceof DockerError) {
      io.stderr(`habitat-ecs ${command}: ${e.message}\n`);
      return 1;
    }
    io.stderr(`habitat-ecs: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}

/** Our options out of the argv; everything else goes to render as it was written. */
function splitArgs(args: readonly string[]): { own: Own; forwarded: string[] } {
  const own: Own = { secrets: [], help: false };
  const forwarded: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [flag = '', inline] = arg.startsWith('--')
      ? splitOnce(arg.slice(2), '=')
      : [arg === '-h' ? 'help' : ''];
    const spec = OWN[flag as keyof typeof OWN];
    if (!spec) {
      forwarded.push(arg);
      continue;
    }
    if (spec.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${flag} takes no value`);
      own.help = true;
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined) throw new UsageError(`--${flag} needs a value`);
    if (flag === 'secret') own.secrets.push(value);
    else if (flag === 'task-definition') own.taskDefinition = value;
    else if (flag === 'secrets-file') own.secretsFile = value;
    else if (flag === 'pause-image') own.pauseImage = value;
    else if (flag === 'name') own.name = value;
    else own.timeout = value;
  }
  if (own.name !== undefined && !TASK_NAME.test(own.name)) {
    throw new UsageError(`--name "${own.name}": use 1-63 lowercase letters, digits, - and _`);
  }
  return { own, forwarded };
}

function splitOnce(text: string, sep: string): [string, string | undefined] {
  const at = text.indexOf(sep);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function seconds(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 3600)
    throw new UsageError(`--timeout must be 1-3600 seconds, not "${text}"`);
  return n;
}

/** The task definition from --task-definition, or rendered; a number is render's failing status. */
async function taskDefinition(
  own: Own,
  forwarded: readonly string[],
  io: CliIo,
  render: Render,
): Promise<RegisterTaskDefinitionCommandInput | number> {
  if (own.taskDefinition !== undefined) return readTaskDefinition(own.taskDefinition);
  let stdout = '';
  const status = await render(forwarded, { stdout: (t) => (stdout += t), stderr: io.stderr, env: io.env });
  if (status !== 0) return status;
  return JSON.parse(stdout) as RegisterTaskDefinitionCommandInput;
}

/** The default task name: the family, as a Docker name. */
function taskName(td: RegisterTaskDefinitionCommandInput): string {
  const name = (td.family ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+/, '')
    .slice(0, 63);
  if (!name) throw new UsageError('the task definition has no family: give --name');
  return name;
}

function secretValues(own: Own, io: CliIo): Map<string, string> {
  const out = new Map<string, string>();
  if (own.secretsFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(own.secretsFile, 'utf8');
    } catch (e) {
      throw new UsageError(
        `--secrets-file ${own.secretsFile}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
      );
    }
    const parsed = parseEnvFile(text, own.secretsFile, (name) => io.env[name]);
    if (parsed.diagnostics.some((d) => d.severity === 'error')) throw new UserError(parsed.diagnostics);
    for (const e of parsed.entries) if (e.value !== undefined) out.set(e.key, e.value);
  }
  for (const s of own.secrets) {
    const at = s.indexOf('=');
    if (at <= 0)
      throw new UsageError(`--secret takes NAME=VALUE, not "${s.length > 40 ? `${s.slice(0, 40)}…` : s}"`);
    out.set(s.slice(0, at), s.slice(at + 1));
  }
  return out;
}
