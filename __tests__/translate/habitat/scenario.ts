import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ContainerDefinition, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { loadComposeProject } from '../../../src/compose/load';
import type { ComposeProject } from '../../../src/compose/types';
import { formatDiagnostic, UserError, type Diagnostic } from '../../../src/diagnostics';
import { parseEcsParams, type EcsParams } from '../../../src/translate/ecs-params';
import { parsePackageSource } from '../../../src/translate/habitat/package-source';
import type { HabitatOptions, HabitatService } from '../../../src/translate/habitat/types';
import { planImages } from '../../../src/translate/image-plan';
import type { LaunchType } from '../../../src/translate/context';
import { translateTaskDefinition } from '../../../src/translate/taskdef';

export interface ScenarioOptions {
  launchType?: LaunchType;
  packages?: string[];
  habitat?: Partial<HabitatOptions>;
}

/** What the translation stage is given: a loaded project and the plan's Habitat services. */
export interface Scenario {
  project: ComposeProject;
  habitatServices: Map<string, HabitatService>;
  launchType: LaunchType;
  ecsParams: EcsParams;
  options: HabitatOptions;
}

const DEFAULT_PACKAGES = ['billmeyer/mongodb', 'mattray/national-parks', 'core/haproxy'];

/**
 * The task size every scenario sets, as a Fargate task must (with an execution role): with a task
 * memory the translation adds no per-container memory default, whose warning is not the subject.
 */
const ECS_PARAMS = {
  EC2: 'task_definition:\n  task_size: { cpu_limit: 512, mem_limit: 1024 }\n',
  FARGATE:
    'task_definition:\n  task_execution_role: ecsTaskExecutionRole\n  task_size: { cpu_limit: 512, mem_limit: 1024 }\n',
};

/**
 * A real compose project (loaded from a temporary file, so diagnostics carry real lines) and the
 * plan of its Habitat services, ready for the translation the action and the CLI run.
 */
export function scenario(compose: string, options: ScenarioOptions = {}): Scenario {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'habitat-pass-'));
  const file = path.join(dir, 'docker-compose.yml');
  fs.writeFileSync(file, compose);
  const project = loadComposeProject({ files: [file], environment: {} });
  const packages = (options.packages ?? DEFAULT_PACKAGES).map((p) => parsePackageSource(p));
  const habitatServices = planImages(project, packages, {
    registry: '123456789012.dkr.ecr.us-east-1.amazonaws.com',
    imageTag: 'v1.0.0',
  }).services;
  const launchType = options.launchType ?? 'EC2';
  return {
    project,
    habitatServices,
    launchType,
    ecsParams: parseEcsParams(ECS_PARAMS[launchType], path.join(dir, 'ecs-params.yml')),
    options: { acceptLicense: true, healthChecks: false, ...options.habitat },
  };
}

/** The scenario translated as the action translates it (translateTaskDefinition), warnings as text. */
export function run(s: Scenario): {
  taskDefinition: RegisterTaskDefinitionCommandInput;
  warnings: Diagnostic[];
  messages: string[];
} {
  const { taskDefinition, warnings } = translateTaskDefinition(s.project, {
    launchType: s.launchType,
    family: 'test',
    habitatServices: s.habitatServices,
    ecsParams: s.ecsParams,
    habitat: s.options,
  });
  return { taskDefinition, warnings, messages: warnings.map(short) };
}

/** The formatted errors the translation throws, with the temporary directory cut off. */
export function errorsOf(s: Scenario): string[] {
  try {
    run(s);
  } catch (e) {
    if (e instanceof UserError) return e.diagnostics.map(short);
    throw e;
  }
  throw new Error('the translation did not fail');
}

function short(d: Diagnostic): string {
  return formatDiagnostic({
    ...d,
    ...(d.location && { location: { ...d.location, file: path.basename(d.location.file) } }),
  });
}

export function containerNamed(td: RegisterTaskDefinitionCommandInput, name: string): ContainerDefinition {
  const found = td.containerDefinitions?.find((c) => c.name === name);
  if (!found) throw new Error(`no container ${name}`);
  return found;
}
