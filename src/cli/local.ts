import { readFileSync } from 'node:fs';
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { cliLine, UsageError, type CliIo } from './io';
import { renderTask } from './render';
import { firstRequestOption, parseCommandLine, requestOf } from './request';
import { parseEnvFile } from '../compose/env-file';
import { UserError } from '../diagnostics';
import { dockerCli } from '../local/docker';
import { BUILTIN_PAUSE_IMAGE } from '../local/pause-image';
import { planTask, TASK_NAME } from '../local/task-plan';
import { readTaskDefinition } from '../local/task-file';
import { removeTask, taskStatuses } from '../local/task-objects';
import { upTask } from '../local/up';
import { planServices, removeProject, upServices } from '../local/up-services';
import { renderedDocument } from '../translate/project';

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

With --layout services (render options), each compose service's task definition runs as its own
tasks, deploy.replicas (or scale) of them, named <name>-<service>-<n>: every task is an awsvpc task
on one network of the project, where its service's name and Cloud Map name (<service>.<namespace>)
resolve to all the service's tasks, as Cloud Map and Service Connect resolve them on ECS. The
services come up in rollout order, each service's tasks up before the next service starts. Run
again, up keeps the tasks that run and replaces those that stopped, as ECS's scheduler does;
down --name <name> removes them all and the network.

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
} as const;

/** `habitat-ecs up|down|ps <args>` (the command, then its arguments); the exit status. */
export async function localCommand(
  command: 'up' | 'down' | 'ps',
  argv: readonly string[],
  io: CliIo,
): Promise<number> {
  const { values, tokens } = parseCommandLine(argv, OWN);
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  const given = firstRequestOption(tokens);
  if (values['task-definition'] !== undefined && given !== undefined) {
    throw new UsageError(`--task-definition is the task: render options (${given}) do not apply`);
  }
  if (values.name !== undefined && !TASK_NAME.test(values.name)) {
    throw new UsageError(`--name "${values.name}": use 1-63 lowercase letters, digits, - and _`);
  }
  const timeoutMs = seconds(values.timeout ?? '180') * 1000;
  const docker = dockerCli(io.env);
  // The task definition given, or what the compose files render to (in either layout).
  const rendered = () =>
    values['task-definition'] !== undefined
      ? readTaskDefinition(values['task-definition'])
      : renderedDocument(renderTask(requestOf(values, io), io));
  if (command === 'up') {
    const doc = rendered();
    const say = (text: string) => io.stderr(`${text}\n`);
    const print = (text: string) => io.stdout(`${text}\n`);
    if ('layout' in doc && doc.layout === 'services') {
      const services = planServices(doc, {
        project: values.name ?? projectName(doc.units[0]?.taskDefinition.family, doc.units[0]?.name),
        secrets: secretValues(values.secret ?? [], values['secrets-file'], io),
        pauseImage: values['pause-image'] ?? BUILTIN_PAUSE_IMAGE,
        defaultReplicas: 1,
      });
      for (const w of services.warnings) io.stderr(`${cliLine(w)}\n`);
      return (await upServices(services, docker, { timeoutMs, print, say })) ? 0 : 1;
    }
    const td = doc as RegisterTaskDefinitionCommandInput;
    const plan = planTask(td, {
      task: values.name ?? taskName(td),
      secrets: secretValues(values.secret ?? [], values['secrets-file'], io),
      pauseImage: values['pause-image'] ?? BUILTIN_PAUSE_IMAGE,
    });
    for (const w of plan.warnings) io.stderr(`${cliLine(w)}\n`);
    const ok = await upTask(plan, docker, { timeoutMs, print, say });
    return ok ? 0 : 1;
  }
  // down and ps: the task (or services project) named, or the one the files would run; ps alone: every task.
  let task = values.name;
  if (
    task === undefined &&
    (command === 'down' || values['task-definition'] !== undefined || given !== undefined)
  ) {
    const doc = rendered();
    task =
      'layout' in doc && doc.layout === 'services'
        ? projectName(doc.units[0]?.taskDefinition.family, doc.units[0]?.name)
        : taskName(doc as RegisterTaskDefinitionCommandInput);
  }
  if (command === 'down') {
    const removed = [...(await removeTask(docker, task ?? '')), ...(await removeProject(docker, task ?? ''))];
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
}

function seconds(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 3600)
    throw new UsageError(`--timeout must be 1-3600 seconds, not "${text}"`);
  return n;
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

/** The services layout's project name: the family its units share (`<family>-<service>`), as a Docker name. */
function projectName(unitFamily: string | undefined, service: string | undefined): string {
  const family =
    unitFamily !== undefined && service !== undefined && unitFamily.endsWith(`-${service}`)
      ? unitFamily.slice(0, -service.length - 1)
      : (unitFamily ?? '');
  return taskName({ family, containerDefinitions: [] });
}

function secretValues(
  secrets: readonly string[],
  secretsFile: string | undefined,
  io: CliIo,
): Map<string, string> {
  const out = new Map<string, string>();
  if (secretsFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(secretsFile, 'utf8');
    } catch (e) {
      throw new UsageError(
        `--secrets-file ${secretsFile}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
      );
    }
    const parsed = parseEnvFile(text, secretsFile, (name) => io.env[name]);
    if (parsed.diagnostics.some((d) => d.severity === 'error')) throw new UserError(parsed.diagnostics);
    for (const e of parsed.entries) if (e.value !== undefined) out.set(e.key, e.value);
  }
  for (const s of secrets) {
    const at = s.indexOf('=');
    if (at <= 0)
      throw new UsageError(`--secret takes NAME=VALUE, not "${s.length > 40 ? `${s.slice(0, 40)}…` : s}"`);
    out.set(s.slice(0, at), s.slice(at + 1));
  }
  return out;
}
