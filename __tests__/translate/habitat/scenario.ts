import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ContainerDefinition, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { loadComposeProject } from '../../../src/compose/load';
import type { ComposeProject, JsonValue } from '../../../src/compose/types';
import { formatDiagnostic, UserError } from '../../../src/diagnostics';
import { applyHabitat } from '../../../src/translate/habitat/apply';
import { parsePackageSource } from '../../../src/translate/habitat/package-source';
import type { HabitatOptions, HabitatService } from '../../../src/translate/habitat/types';
import { planImages } from '../../../src/translate/plan';

export interface ScenarioOptions {
  launchType?: 'EC2' | 'FARGATE';
  packages?: string[];
  habitat?: Partial<HabitatOptions>;
}

export interface Scenario {
  project: ComposeProject;
  habitatServices: Map<string, HabitatService>;
  taskDefinition: RegisterTaskDefinitionCommandInput;
  options: HabitatOptions;
}

const DEFAULT_PACKAGES = ['billmeyer/mongodb', 'mattray/national-parks', 'core/haproxy'];

/**
 * A real compose project (loaded from a temporary file, so diagnostics carry real lines) and a
 * task definition translated the plain way the translation stage does, ready for applyHabitat.
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
  const awsvpc = options.launchType === 'FARGATE';
  const containerDefinitions = [...project.services.values()].map(({ name, definition }) =>
    container(name, definition, habitatServices.get(name)?.image, awsvpc),
  );
  return {
    project,
    habitatServices,
    taskDefinition: { family: 'test', networkMode: awsvpc ? 'awsvpc' : 'bridge', containerDefinitions },
    options: { acceptLicense: true, healthChecks: false, ...options.habitat },
  };
}

export function run(s: Scenario): ReturnType<typeof applyHabitat> & { messages: string[] } {
  const result = applyHabitat(s);
  return { ...result, messages: result.warnings.map(short) };
}

/** The formatted errors applyHabitat throws, with the temporary directory cut off. */
export function errorsOf(s: Scenario): string[] {
  try {
    applyHabitat(s);
  } catch (e) {
    if (e instanceof UserError) return e.diagnostics.map(short);
    throw e;
  }
  throw new Error('applyHabitat did not fail');
}

function short(d: Parameters<typeof formatDiagnostic>[0]): string {
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

function container(
  name: string,
  d: Record<string, JsonValue>,
  image: string | undefined,
  awsvpc: boolean,
): ContainerDefinition {
  const c: ContainerDefinition = { name, image: image ?? String(d.image), essential: true };
  if (typeof d.command === 'string') c.command = d.command.split(/\s+/).filter(Boolean);
  else if (Array.isArray(d.command)) c.command = d.command.map(String);
  if (typeof d.hostname === 'string') c.hostname = d.hostname;
  if (Array.isArray(d.links)) c.links = d.links.map(String);
  if (Array.isArray(d.ports)) {
    c.portMappings = d.ports.map((p) => {
      const [host, target] = String(p).includes(':') ? String(p).split(':') : [undefined, String(p)];
      const containerPort = Number(target);
      return { containerPort, hostPort: awsvpc ? containerPort : Number(host ?? 0), protocol: 'tcp' };
    });
  }
  const env = d.environment;
  if (env && typeof env === 'object' && !Array.isArray(env)) {
    c.environment = Object.entries(env)
      .map(([k, v]) => ({ name: k, value: String(v) }))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
  }
  const dependsOn = d.depends_on;
  if (Array.isArray(dependsOn))
    c.dependsOn = dependsOn.map((n) => ({ containerName: String(n), condition: 'START' }));
  const health = d.healthcheck;
  if (health && typeof health === 'object' && !Array.isArray(health) && Array.isArray(health.test)) {
    c.healthCheck = { command: health.test.map(String) };
  }
  return c;
}
