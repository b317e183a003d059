import type { ContainerDefinition, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { readTextFile } from '../compose/read';
import { isRecord } from '../compose/json';
import type { ComposeProject, ComposeService } from '../compose/types';
import { error, UserError, warning, type Diagnostic, type SourceLocation } from '../diagnostics';
import type { KeyPath } from '../problems';
import type { BuiltService } from './build-plan';
import { repositoryOf, type PackageSource } from './habitat/package-source';
import type { HabitatService } from './habitat/types';
import { splitImage, type ImageTarget } from './image-name';
import { parseLocatedYaml } from './located-yaml';

/**
 * A task definition of the user's own (the `task-definition` input): a JSON file, as the AWS
 * render and deploy actions take it, or a registered revision read with DescribeTaskDefinition.
 * Only its images are ours to change: a container whose image names the repository of one of
 * the Habitat packages, or that is a `build:` service of the compose file, runs what this deploy
 * pushed. Pure.
 */
export interface GivenTaskDefinition {
  /** The file (relative to the workspace) or the ARN it came from, for messages. */
  source: string;
  /** The file to read (absolute), when it came from one; the revision as ECS described it, when not. */
  file?: string;
  described?: Record<string, unknown>;
}

/** What DescribeTaskDefinition adds that RegisterTaskDefinition does not take (as the AWS render action drops it). */
const READ_ONLY = [
  'taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities', 'registeredAt',
  'registeredBy', 'deregisteredAt', 'deleteRequestedAt', 'tags',
]; // prettier-ignore

export interface PinnedGivenTask {
  taskDefinition: RegisterTaskDefinitionCommandInput;
  /** Container -> the package it runs: what this deploy exports and pushes. */
  habitatServices: Map<string, HabitatService>;
  /** Container -> the image built for it (a compose `build:` service of the same name). */
  builtServices: Map<string, BuiltService>;
  /** Its containers as a project: where each was written, for the checks that report on them. */
  project: ComposeProject;
  warnings: Diagnostic[];
}

/**
 * The given task definition with `family` and this deploy's images. `built`: the compose file's
 * built services (by service name). Throws a UserError naming the file's line when it is not a
 * task definition ECS would take.
 */
export function pinGivenTask(
  given: GivenTaskDefinition,
  options: {
    family: string;
    packages: readonly PackageSource[];
    built: ReadonlyMap<string, BuiltService>;
    target: ImageTarget;
  },
): PinnedGivenTask {
  const { value, locate } = readGiven(given);
  const where = (path: KeyPath) => {
    for (let n = path.length; n >= 0; n--) {
      const location = locate(path.slice(0, n));
      if (location) return { location, path: path.map(String).join('.') };
    }
    return { input: 'task-definition' as const };
  };
  const containers = Array.isArray(value.containerDefinitions)
    ? (value.containerDefinitions as unknown[])
    : [];
  const problems: Diagnostic[] = [];
  if (containers.length === 0)
    problems.push(
      error(`${given.source} has no containerDefinitions: it is not a task definition`, where([])),
    );
  const byRepository = new Map(options.packages.map((p) => [repositoryOf(p), p]));
  const habitatServices = new Map<string, HabitatService>();
  const builtServices = new Map<string, BuiltService>();
  const out: ContainerDefinition[] = containers.map((c, i) => {
    if (!isRecord(c) || typeof c.name !== 'string' || typeof c.image !== 'string') {
      problems.push(
        error('a container definition needs a name and an image', where(['containerDefinitions', i])),
      );
      return c as ContainerDefinition;
    }
    const { repository } = splitImage(c.image);
    const source = byRepository.get(repository);
    const built = options.built.get(c.name);
    let image = c.image;
    if (source) {
      image =
        options.target.images?.get(repository) ??
        `${options.target.registry}/${repository}:${options.target.imageTag}`;
      habitatServices.set(c.name, { repository, packageName: source.name, image });
    } else if (built) {
      image = built.image;
      builtServices.set(c.name, built);
    }
    return { ...(c as ContainerDefinition), image };
  });
  const names = new Set(out.map((c) => c.name));
  const warnings = [...options.built.keys()]
    .filter((name) => !names.has(name))
    .map((name) =>
      warning(
        `the compose file builds ${name}, but ${given.source} has no container named ${name}: its image is built and pushed, and nothing runs it`,
        { input: 'task-definition' },
      ),
    );
  for (const [repository] of byRepository) {
    if (![...habitatServices.values()].some((h) => h.repository === repository))
      warnings.push(
        warning(`package ${repository} is exported and pushed, but no container of ${given.source} runs it`, {
          input: 'habitat-packages',
        }),
      );
  }
  if (problems.length > 0) throw new UserError(problems);
  const content = Object.fromEntries(Object.entries(value).filter(([k]) => !READ_ONLY.includes(k)));
  const taskDefinition = {
    ...content,
    family: options.family,
    containerDefinitions: out,
  } as RegisterTaskDefinitionCommandInput;
  return {
    taskDefinition,
    habitatServices,
    builtServices,
    project: containerProject(out, locate, given),
    warnings,
  };
}

function readGiven(given: GivenTaskDefinition): {
  value: Record<string, unknown>;
  locate: (path: KeyPath) => SourceLocation | undefined;
} {
  if (given.described) return { value: given.described, locate: () => undefined };
  const parsed = parseLocatedYaml(readGivenFile(given.file ?? given.source, given.source), given.source);
  if (parsed.errors.length > 0) throw new UserError(parsed.errors);
  if (!isRecord(parsed.value))
    throw new UserError(
      error(`${given.source} is not a JSON object (a task definition)`, { input: 'task-definition' }),
    );
  // The AWS CLI's `describe-task-definition` output wraps it: take that too.
  const wrapped = parsed.value.taskDefinition;
  if (isRecord(wrapped))
    return { value: wrapped, locate: (path) => parsed.locate(['taskDefinition', ...path]) };
  return { value: parsed.value, locate: parsed.locate };
}

/** Reads the `task-definition` file (at most 1 MiB, UTF-8, as compose files). */
function readGivenFile(file: string, display: string): string {
  try {
    return readTextFile(file, display, 'task definition');
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    throw new UserError(e.diagnostics.map((d) => ({ ...d, input: 'task-definition' })));
  }
}

/**
 * The containers as a project of services of the same names, placed in the file: what verify
 * reports on (`services.<name>` is the container's entry in containerDefinitions).
 */
function containerProject(
  containers: readonly ContainerDefinition[],
  locate: (path: KeyPath) => SourceLocation | undefined,
  given: GivenTaskDefinition,
): ComposeProject {
  const index = new Map(containers.map((c, i) => [c.name ?? '', i]));
  const services = new Map<string, ComposeService>(
    containers.map((c) => [c.name ?? '', { name: c.name ?? '', definition: {}, canonical: {} }]),
  );
  return {
    files: [given.source],
    workingDir: '.',
    name: '',
    services,
    volumes: {},
    warnings: [],
    locate: (path) => {
      const i = path[0] === 'services' ? index.get(String(path[1])) : undefined;
      return i === undefined ? locate([]) : (locate(['containerDefinitions', i]) ?? locate([]));
    },
  };
}
