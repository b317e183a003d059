import type { ContainerDefinition, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import type { ComposeProject } from '../../compose/types';
import { isSupervisorCommand, parseSupervisorArgs } from './supervisor';
import { lastFlagValue, serializeSupervisorArgs, type SupervisorArgs } from './supervisor-args';
import type { HabitatOptions, HabitatService } from './types';
import { Problems, type KeyPath } from '../../problems';
import type { ServicesPart } from '../context';

/** A container that runs a Habitat package, as the pass sees it. */
export interface HabitatContainer {
  name: string;
  /** The working copy of its container definition (the pass edits it). */
  definition: ContainerDefinition;
  service: HabitatService;
  /** Package name of the image's package, as written (case kept): `mongodb` for `billmeyer/mongodb`. */
  packageName: string;
  /** Service group: --group, else x-habitat group, else `default`. */
  group: string;
  /** The Supervisor's organization (--org); the service group is then `<package>.<group>@<org>`. */
  org?: string;
  /**
   * Supervisor arguments; undefined when `command` is a program of its own (e.g. `run ...`),
   * which the pass leaves alone.
   */
  args?: SupervisorArgs;
}

/** Everything the rules share: working copies, lookups, and where problems are collected. */
export interface HabitatContext {
  project: ComposeProject;
  options: HabitatOptions;
  /** awsvpc (Fargate) and host: every container shares one network namespace. */
  sharedNamespace: boolean;
  networkMode: string;
  containers: ContainerDefinition[];
  byName: ReadonlyMap<string, ContainerDefinition>;
  /** Habitat containers in compose order. */
  habitat: HabitatContainer[];
  /** Hostnames as translated, before a shared-namespace pass drops them. */
  hostnames: ReadonlyMap<string, string>;
  /** Errors and warnings, each at the compose key it is about. */
  problems: Problems;
  /** The services layout: the task runs one compose service; peers in the others are reached by Cloud Map. */
  services?: ServicesPart;
}

export function commandPath(name: string): KeyPath {
  return ['services', name, 'command'];
}

export function buildContext(
  taskDefinition: RegisterTaskDefinitionCommandInput,
  project: ComposeProject,
  habitatServices: ReadonlyMap<string, HabitatService>,
  options: HabitatOptions,
  services?: ServicesPart,
): HabitatContext {
  const containers = taskDefinition.containerDefinitions ?? [];
  const byName = new Map(containers.map((c) => [c.name ?? '', c]));
  const mode = taskDefinition.networkMode;
  const context: HabitatContext = {
    project,
    options,
    sharedNamespace: mode === 'awsvpc' || mode === 'host',
    networkMode: mode ?? 'bridge',
    containers,
    byName,
    habitat: [],
    hostnames: new Map(containers.filter((c) => c.hostname).map((c) => [c.name ?? '', c.hostname as string])),
    problems: Problems.forProject(project),
    ...(services && { services }),
  };
  // Compose order, which is what the port scheme counts in.
  const order = [...project.services.keys(), ...byName.keys()].filter((n, i, all) => all.indexOf(n) === i);
  for (const name of order) {
    const service = habitatServices.get(name);
    const definition = byName.get(name);
    if (!service || !definition) continue;
    context.habitat.push(describe(context, name, definition, service));
  }
  return context;
}

function describe(
  context: HabitatContext,
  name: string,
  definition: ContainerDefinition,
  service: HabitatService,
): HabitatContainer {
  const packageName = service.packageName;
  const fromExtension = service.extension?.group;
  const container: HabitatContainer = {
    name,
    definition,
    service,
    packageName,
    group: fromExtension ?? 'default',
  };
  if (!isSupervisorCommand(definition.command)) return container;
  const parsed = parseSupervisorArgs(definition.command ?? [], plainEnvironment(definition));
  if (!parsed.ok) {
    const at = parsed.variable ? ['services', name, 'environment', parsed.variable] : commandPath(name);
    context.problems.error(at, `${parsed.problem} (Supervisor arguments of "${name}")`);
    return container;
  }
  container.args = parsed.args;
  for (const warning of parsed.warnings) {
    context.problems.warn(commandPath(name), `${warning} (Supervisor arguments of "${name}")`);
  }
  const org = lastFlagValue(parsed.args, 'org');
  if (org !== undefined) container.org = org;
  const fromFlag = lastFlagValue(parsed.args, 'group');
  if (fromFlag !== undefined) {
    container.group = fromFlag;
    if (fromExtension !== undefined && fromExtension !== fromFlag) {
      context.problems.warn(
        commandPath(name),
        `--group ${fromFlag} in the command and x-habitat group "${fromExtension}" disagree; ` +
          `the Supervisor runs with --group ${fromFlag}, so the action uses that`,
      );
    }
  }
  return container;
}

/** Puts edited Supervisor arguments back into each container's command. */
export function writeBackCommands(context: HabitatContext): void {
  for (const container of context.habitat) {
    if (!container.args) continue;
    const tokens = serializeSupervisorArgs(container.args);
    if (tokens.length > 0 || container.definition.command !== undefined)
      container.definition.command = tokens;
  }
}

/** The variables a container definition sets to plain values (secrets' values are not known here). */
function plainEnvironment(definition: ContainerDefinition): Record<string, string> {
  const pairs = (definition.environment ?? []).flatMap((e) =>
    e.name !== undefined && e.value !== undefined ? [[e.name, e.value] as const] : [],
  );
  return Object.fromEntries(pairs);
}

/** The value of an environment variable set in a container definition, if any. */
export function environmentValue(definition: ContainerDefinition, name: string): string | undefined {
  return definition.environment?.find((e) => e.name === name)?.value;
}

/** True when a container sets a variable, as a plain value or from a secret. */
export function setsVariable(definition: ContainerDefinition, name: string): boolean {
  return (
    (definition.environment ?? []).some((e) => e.name === name) ||
    (definition.secrets ?? []).some((s) => s.name === name)
  );
}
