import type { ContainerDefinition, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { error, UserError, warning, type Diagnostic } from '../diagnostics';
import { containerArgs, containerOptions, hasHealthCheck } from './container-options';
import { orderProblems } from './order';
import { planPorts, portsLabel, publishOptions } from './ports';
import { LABEL, type ContainerPlan, type Dependency, type NetworkMode, type TaskPlan } from './types';
import { planVolumes } from './volumes';

export interface PlanOptions {
  /** Names everything `up` creates; several tasks run side by side under different names. */
  task: string;
  /** Secret name -> value (from --secret / --secrets-file); never read from AWS. */
  secrets: ReadonlyMap<string, string>;
  /** The image of the awsvpc pause container. */
  pauseImage: string;
  /**
   * An awsvpc task of the services layout: it joins the project's network (which `up` made for
   * every service's tasks, and keeps) instead of one of its own, its pause container under these
   * aliases, as Cloud Map names a service's tasks; every container carries the project's label.
   */
  join?: { network: string; aliases: readonly string[]; project: string };
}

export const TASK_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const CONTAINER_NAME = /^[A-Za-z0-9_-]{1,255}$/;
const CONDITIONS = new Set(['START', 'COMPLETE', 'SUCCESS', 'HEALTHY']);
/** Names the docker CLI reads from its own environment: a secret cannot travel under them. */
const DOCKER_CLI_ENV = /^(PATH|HOME|DOCKER_.*)$/;

/**
 * A task definition -> what `up` runs on the local engine, with ECS's semantics: the docker run
 * options of every container, the task's network, volumes and (awsvpc) pause container, and the
 * dependencies that order the starts. Pure; throws UserError with every problem ECS or the
 * engine would refuse, before anything runs.
 */
export function planTask(td: RegisterTaskDefinitionCommandInput, options: PlanOptions): TaskPlan {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const task = options.task;
  if (!TASK_NAME.test(task)) {
    errors.push(
      error(
        `task name "${task}": use 1-63 lowercase letters, digits, - and _, starting with a letter or digit`,
      ),
    );
  }
  const mode = networkMode(td.networkMode, errors);
  const definitions = td.containerDefinitions ?? [];
  if (definitions.length === 0) errors.push(error('containerDefinitions: the task has no containers'));

  const dockerNames = new Map<string, string>();
  definitions.forEach((c, i) => {
    const at = `containerDefinitions[${i}]`;
    if (!c.name || !CONTAINER_NAME.test(c.name)) {
      errors.push(error(`name "${c.name ?? ''}": use 1-255 letters, digits, - and _`, { path: at }));
    } else if (dockerNames.has(c.name)) {
      errors.push(error(`two containers are named "${c.name}"`, { path: at }));
    } else {
      dockerNames.set(c.name, `${task}-${c.name}`);
    }
    if (!c.image) errors.push(error('needs an image', { path: at }));
  });
  if (definitions.length > 0 && !definitions.some((c) => c.essential !== false)) {
    errors.push(error('containerDefinitions: ECS needs at least one essential container'));
  }

  if (options.join && mode !== 'awsvpc')
    errors.push(error(`networkMode "${mode}": a task of the services layout runs in awsvpc`));
  const network = options.join?.network ?? (mode === 'bridge' || mode === 'awsvpc' ? task : undefined);
  const projectLabel = options.join ? ['--label', `${LABEL.project}=${options.join.project}`] : [];
  const pauseName = `${task}.pause`;
  const volumes = planVolumes(td.volumes ?? [], task, errors, warnings);
  const { ports, problems } = planPorts(definitions, mode);
  for (const p of problems) {
    errors.push(error(p.message, { path: `${containerPath(p.container)}.portMappings[${p.index}]` }));
  }

  const namespaceSysctls: string[] = [];
  const namespaceOptions = sharedNamespaces(td, mode, pauseName, warnings);
  const containers: ContainerPlan[] = definitions.map((c, index) => {
    const name = c.name ?? '';
    const at = containerPath(name);
    const built = containerOptions(c, {
      mode,
      ...(network !== undefined && { network }),
      pause: pauseName,
      dockerNames,
      volumes: new Map([...volumes].map(([k, v]) => [k, v.source])),
    });
    for (const e of built.errors) errors.push(error(after(e), { path: `${at}.${before(e)}` }));
    for (const w of built.warnings) warnings.push(warning(after(w), { path: `${at}.${before(w)}` }));
    namespaceSysctls.push(...built.namespaceSysctls);
    const containerPorts = ports.get(name) ?? [];
    const secrets = secretValues(c, options.secrets, at, errors);
    const essential = c.essential !== false;
    return {
      name,
      dockerName: dockerNames.get(name) ?? name,
      image: c.image ?? '',
      essential,
      hasHealthCheck: hasHealthCheck(c),
      dependsOn: dependencies(c),
      options: [
        '--name', dockerNames.get(name) ?? name,
        '--label', `${LABEL.task}=${task}`,
        '--label', `${LABEL.container}=${name}`,
        '--label', `${LABEL.essential}=${essential}`,
        '--label', `${LABEL.order}=${index}`,
        '--label', `${LABEL.networkMode}=${mode}`,
        '--label', `${LABEL.ports}=${portsLabel(containerPorts)}`,
        ...projectLabel,
        ...built.options,
        ...namespaceOptions.container,
        ...(mode === 'bridge' ? publishOptions(containerPorts) : []),
        ...Object.keys(secrets).flatMap((s) => ['--env', s]),
      ], // prettier-ignore
      args: containerArgs(c),
      hosts: linkedHosts(c, definitions),
      secrets,
      ports: containerPorts,
    };
  });
  for (const problem of orderProblems(containers)) {
    errors.push(error(problem.message, { path: `${containerPath(problem.container)}.dependsOn` }));
  }
  taskWarnings(td, warnings);
  if (errors.length > 0) throw new UserError(errors);

  return {
    task,
    family: td.family ?? task,
    networkMode: mode,
    ...(network !== undefined && { network }),
    ...(options.join && { joined: true }),
    ...(mode === 'awsvpc' && {
      pause: {
        dockerName: pauseName,
        image: options.pauseImage,
        options: [
          '--name', pauseName,
          '--label', `${LABEL.task}=${task}`,
          '--label', `${LABEL.role}=pause`,
          '--label', `${LABEL.networkMode}=${mode}`,
          ...projectLabel,
          '--network', network ?? task,
          ...(options.join?.aliases ?? []).flatMap((a) => ['--network-alias', a]),
          // It holds a namespace and nothing else: there is nothing to stop gracefully.
          '--stop-signal', 'SIGKILL',
          ...namespaceOptions.pause,
          ...namespaceSysctls.flatMap((s) => ['--sysctl', s]),
          ...publishOptions(containers.flatMap((c) => c.ports)),
        ], // prettier-ignore
      },
    }),
    volumes: [...volumes.values()].flatMap((v) => (v.create ? [v.create] : [])),
    containers,
    warnings,
  };
}

function networkMode(value: string | undefined, errors: Diagnostic[]): NetworkMode {
  const mode = value ?? 'bridge';
  if (mode === 'bridge' || mode === 'awsvpc' || mode === 'host' || mode === 'none') return mode;
  errors.push(
    error(`networkMode "${mode}" cannot run on a Linux Docker engine (bridge, awsvpc, host or none)`),
  );
  return 'bridge';
}

/** pidMode / ipcMode: host as Docker has it; task through the awsvpc pause container. */
function sharedNamespaces(
  td: RegisterTaskDefinitionCommandInput,
  mode: NetworkMode,
  pause: string,
  warnings: Diagnostic[],
): { pause: string[]; container: string[] } {
  const out = { pause: [] as string[], container: [] as string[] };
  for (const [key, flag, value] of [
    ['pidMode', '--pid', td.pidMode],
    ['ipcMode', '--ipc', td.ipcMode],
  ] as const) {
    if (value === undefined) continue;
    if (value === 'host' || value === 'none') out.container.push(flag, value);
    else if (value === 'task' && mode === 'awsvpc') {
      out.container.push(flag, `container:${pause}`);
      if (flag === '--ipc') out.pause.push('--ipc', 'shareable');
    } else
      warnings.push(
        warning(`"${value}" is only emulated in awsvpc mode: each container has its own`, { path: key }),
      );
  }
  return out;
}

function dependencies(c: ContainerDefinition): Dependency[] {
  const out: Dependency[] = (c.dependsOn ?? []).map((d) => ({
    container: d.containerName ?? '',
    condition: (CONDITIONS.has(d.condition ?? '') ? d.condition : 'START') as Dependency['condition'],
  }));
  const implied = (container: string, why: 'link' | 'volumesFrom') => {
    if (!out.some((d) => d.container === container))
      out.push({ container, condition: 'START', implied: why });
  };
  for (const link of c.links ?? []) implied(link.split(':')[0] ?? '', 'link');
  for (const v of c.volumesFrom ?? []) implied(v.sourceContainer ?? '', 'volumesFrom');
  return out;
}

/** What Docker's legacy links put in /etc/hosts on ECS's bridge: the alias and the target's hostname. */
function linkedHosts(c: ContainerDefinition, all: readonly ContainerDefinition[]): ContainerPlan['hosts'] {
  return (c.links ?? []).map((link) => {
    const [target = '', alias = target] = link.split(':');
    const hostname = all.find((x) => x.name === target)?.hostname;
    return { container: target, names: [...new Set([alias, ...(hostname ? [hostname] : [])])] };
  });
}

function secretValues(
  c: ContainerDefinition,
  given: ReadonlyMap<string, string>,
  at: string,
  errors: Diagnostic[],
): Record<string, string> {
  const out: Record<string, string> = {};
  (c.secrets ?? []).forEach((s, i) => {
    const name = s.name ?? '';
    const value = given.get(name);
    const path = `${at}.secrets[${i}]`;
    if (DOCKER_CLI_ENV.test(name)) {
      errors.push(
        error(
          `secret ${name}: the docker CLI reads that variable itself, so it cannot be passed to the container`,
          { path },
        ),
      );
    } else if (value === undefined) {
      errors.push(
        error(
          `secret ${name} (valueFrom ${s.valueFrom}) has no local value: give --secret ${name}=VALUE or --secrets-file FILE`,
          { path },
        ),
      );
    } else out[name] = value;
  });
  return out;
}

function taskWarnings(td: RegisterTaskDefinitionCommandInput, warnings: Diagnostic[]): void {
  const w = (path: string, message: string) => warnings.push(warning(message, { path }));
  if (td.taskRoleArn) w('taskRoleArn', 'IAM roles are not emulated: the containers get no AWS credentials');
  if (td.executionRoleArn) {
    w(
      'executionRoleArn',
      'not used locally: images come from the local engine or its docker login, secrets from --secret',
    );
  }
  if (td.cpu || td.memory) {
    w(
      'cpu',
      `the task size (cpu ${td.cpu ?? '-'}, memory ${td.memory ?? '-'}) is not enforced locally; container limits are`,
    );
  }
  if (td.proxyConfiguration) w('proxyConfiguration', 'App Mesh proxies are not emulated');
  if (td.inferenceAccelerators?.length) w('inferenceAccelerators', 'not emulated');
  if (td.ephemeralStorage) w('ephemeralStorage', 'not enforced locally');
}

const containerPath = (name: string) => `containerDefinitions.${name}`;
/** `key: message` -> key, message (the container-options convention). */
const before = (text: string) => text.slice(0, text.indexOf(': '));
const after = (text: string) => text.slice(text.indexOf(': ') + 2);
