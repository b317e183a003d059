import type {
  ContainerDependency,
  DockerVolumeConfiguration,
  FirelensConfiguration,
  HealthCheck,
  Secret,
  TaskDefinitionPlacementConstraint,
} from '@aws-sdk/client-ecs';
import { readHealthcheck } from '../compose/canonical/healthcheck';
import { readTextFile } from '../compose/read';
import { UserError, type Diagnostic, type SourceLocation } from '../diagnostics';
import { translateHealthcheck } from './healthcheck';
import { parseLocatedYaml } from './located-yaml';
import { Problems, type KeyPath } from '../problems';
import { Reader } from './params-reader';
import { EFS_KEYS, readEfsConfiguration, type EfsVolumeParams } from './efs';
import { readRunParams, type RunParams } from './run-params';
import { parseMemoryMiB, parseTaskCpu, parseTaskMemory } from './units';

/** Per-container settings of ecs-params.yml (ecs-cli's format): what compose cannot say. */
export interface ContainerParams {
  essential?: boolean;
  repositoryCredentials?: { credentialsParameter: string };
  cpuShares?: number;
  memory?: number;
  memoryReservation?: number;
  gpu?: string;
  initProcessEnabled?: boolean;
  healthCheck?: HealthCheck;
  firelensConfiguration?: FirelensConfiguration;
  secrets?: Secret[];
  dependsOn?: ContainerDependency[];
}

export interface DockerVolumeParams {
  name: string;
  configuration: DockerVolumeConfiguration;
}

export type { RunParams } from './run-params';

export interface EcsParams {
  file: string;
  networkMode?: 'bridge' | 'host' | 'awsvpc' | 'none';
  taskRoleArn?: string;
  executionRoleArn?: string;
  /** Task CPU units, as ECS wants them (a string of digits). */
  cpu?: string;
  /** Task memory in MiB (a string of digits). */
  memory?: string;
  pidMode?: 'host' | 'task';
  ipcMode?: 'host' | 'task' | 'none';
  services: ReadonlyMap<string, ContainerParams>;
  dockerVolumes: ReadonlyMap<string, DockerVolumeParams>;
  /** ecs-cli's efs_volumes, by name. */
  efsVolumes: ReadonlyMap<string, EfsVolumeParams>;
  placementConstraints: TaskDefinitionPlacementConstraint[];
  runParams: RunParams;
  warnings: Diagnostic[];
  locate(path: KeyPath): SourceLocation | undefined;
}

/** Reads ecs-params.yml with the compose files' limits: at most 1 MiB, UTF-8. */
export function loadEcsParams(file: string): EcsParams {
  let text: string;
  try {
    text = readTextFile(file, file, 'ecs-params file');
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    throw new UserError(e.diagnostics.map((d) => ({ ...d, input: 'ecs-params' })));
  }
  return parseEcsParams(text, file);
}

const NETWORK_MODES = ['bridge', 'host', 'awsvpc', 'none'] as const;
const CONDITIONS = ['START', 'COMPLETE', 'SUCCESS', 'HEALTHY'] as const;

/** Parses ecs-params.yml text; every problem names file:line:column. Throws UserError on errors. */
export function parseEcsParams(text: string, file: string): EcsParams {
  const yaml = parseLocatedYaml(text, file);
  if (yaml.errors.length > 0) throw new UserError(yaml.errors);
  const p = new Problems(yaml.locate);
  const r = new Reader(p);
  const root = r.map(yaml.value ?? {}, [], ['version', 'task_definition', 'run_params']);
  const td = r.map(root.task_definition, ['task_definition'], [
    'ecs_network_mode', 'task_role_arn', 'task_execution_role', 'task_size', 'pid_mode', 'ipc_mode',
    'services', 'docker_volumes', 'efs_volumes', 'placement_constraints',
  ]); // prettier-ignore
  const at = (...path: KeyPath) => ['task_definition', ...path];
  const size = r.map(td.task_size, at('task_size'), ['cpu_limit', 'mem_limit']);
  const cpu = size.cpu_limit === undefined ? undefined : parseTaskCpu(size.cpu_limit);
  if (size.cpu_limit !== undefined && cpu === undefined) {
    p.error(at('task_size', 'cpu_limit'), 'must be CPU units like 256 or 1024, or vCPUs like "0.25 vCPU"');
  }
  const memory = size.mem_limit === undefined ? undefined : parseTaskMemory(size.mem_limit);
  if (size.mem_limit !== undefined && memory === undefined) {
    p.error(at('task_size', 'mem_limit'), 'must be MiB like 512, or a size like 0.5GB or 2048m');
  }
  const services = new Map<string, ContainerParams>();
  for (const [name, value] of Object.entries(r.map(td.services, at('services')))) {
    services.set(name, containerParams(r, value, at('services', name)));
  }
  const dockerVolumes = new Map<string, DockerVolumeParams>();
  r.list(td.docker_volumes, at('docker_volumes')).forEach((value, i) => {
    const path = at('docker_volumes', i);
    const v = r.map(value, path, ['name', 'scope', 'autoprovision', 'driver', 'driver_opts', 'labels']);
    const name = r.string(v.name, [...path, 'name'], true);
    const scope = r.oneOf(v.scope, [...path, 'scope'], ['task', 'shared'] as const);
    const driverOpts = r.stringMap(v.driver_opts, [...path, 'driver_opts']);
    const labels = r.stringMap(v.labels, [...path, 'labels']);
    const autoprovision = r.bool(v.autoprovision, [...path, 'autoprovision']);
    if (name === undefined) return;
    const configuration: DockerVolumeConfiguration = {
      scope: scope ?? 'task',
      ...(autoprovision !== undefined && { autoprovision }),
      driver: r.string(v.driver, [...path, 'driver']) ?? 'local',
      ...(driverOpts && { driverOpts }),
      ...(labels && { labels }),
    };
    dockerVolumes.set(name, { name, configuration });
  });
  const efsVolumes = new Map<string, EfsVolumeParams>();
  r.list(td.efs_volumes, at('efs_volumes')).forEach((value, i) => {
    const path = at('efs_volumes', i);
    const v = r.map(value, path, ['name', ...EFS_KEYS]);
    const name = r.string(v.name, [...path, 'name'], true);
    const configuration = readEfsConfiguration(r, v, path);
    if (name === undefined || !configuration) return;
    if (dockerVolumes.has(name) || efsVolumes.has(name))
      p.error([...path, 'name'], `volume "${name}" is declared twice in ecs-params.yml`);
    else efsVolumes.set(name, { name, configuration, path });
  });
  const placementConstraints = r
    .list(td.placement_constraints, at('placement_constraints'))
    .map((value, i) => {
      const path = at('placement_constraints', i);
      const c = r.map(value, path, ['type', 'expression']);
      r.oneOf(c.type, [...path, 'type'], ['memberOf'] as const);
      return {
        type: 'memberOf' as const,
        expression: r.string(c.expression, [...path, 'expression'], true) ?? '',
      };
    });
  const networkMode = r.oneOf(td.ecs_network_mode, at('ecs_network_mode'), NETWORK_MODES);
  const taskRoleArn = r.string(td.task_role_arn, at('task_role_arn'));
  const executionRoleArn = r.string(td.task_execution_role, at('task_execution_role'));
  const pidMode = r.oneOf(td.pid_mode, at('pid_mode'), ['host', 'task'] as const);
  const ipcMode = r.oneOf(td.ipc_mode, at('ipc_mode'), ['host', 'task', 'none'] as const);
  const runParams = readRunParams(r, root.run_params);
  if (p.errors.length > 0) throw new UserError(p.errors);
  return {
    file,
    ...(networkMode && { networkMode }),
    ...(taskRoleArn && { taskRoleArn }),
    ...(executionRoleArn && { executionRoleArn }),
    ...(cpu !== undefined && { cpu: String(cpu) }),
    ...(memory !== undefined && { memory: String(memory) }),
    ...(pidMode && { pidMode }),
    ...(ipcMode && { ipcMode }),
    services,
    dockerVolumes,
    efsVolumes,
    placementConstraints,
    runParams,
    warnings: p.warnings,
    locate: yaml.locate,
  };
}

function containerParams(r: Reader, value: unknown, path: KeyPath): ContainerParams {
  const s = r.map(value, path, [
    'essential', 'repository_credentials', 'cpu_shares', 'mem_limit', 'mem_reservation', 'gpu',
    'init_process_enabled', 'healthcheck', 'firelens_configuration', 'secrets', 'depends_on',
  ]); // prettier-ignore
  const out: ContainerParams = {};
  const essential = r.bool(s.essential, [...path, 'essential']);
  if (essential !== undefined) out.essential = essential;
  if (s.repository_credentials !== undefined) {
    const creds = r.map(
      s.repository_credentials,
      [...path, 'repository_credentials'],
      ['credentials_parameter'],
    );
    const parameter = r.string(
      creds.credentials_parameter,
      [...path, 'repository_credentials', 'credentials_parameter'],
      true,
    );
    if (parameter) out.repositoryCredentials = { credentialsParameter: parameter };
  }
  const cpuShares = r.whole(s.cpu_shares, [...path, 'cpu_shares']);
  if (cpuShares !== undefined) out.cpuShares = cpuShares;
  for (const [key, field] of [
    ['mem_limit', 'memory'],
    ['mem_reservation', 'memoryReservation'],
  ] as const) {
    if (s[key] === undefined) continue;
    const mib = parseMemoryMiB(s[key]);
    if (mib === undefined) r.p.error([...path, key], 'must be a size of at least 4m, like 512m or 1g');
    else out[field] = mib;
  }
  const gpu = r.string(s.gpu, [...path, 'gpu']);
  if (gpu !== undefined) out.gpu = gpu;
  const init = r.bool(s.init_process_enabled, [...path, 'init_process_enabled']);
  if (init !== undefined) out.initProcessEnabled = init;
  if (s.healthcheck !== undefined) {
    const check = readHealthcheck(s.healthcheck, [...path, 'healthcheck'], r.p);
    const healthCheck = check && translateHealthcheck(r.p, check);
    if (healthCheck) out.healthCheck = healthCheck;
  }
  if (s.firelens_configuration !== undefined) {
    const f = r.map(s.firelens_configuration, [...path, 'firelens_configuration'], ['type', 'options']);
    const type = r.oneOf(f.type, [...path, 'firelens_configuration', 'type'], [
      'fluentd',
      'fluentbit',
    ] as const);
    const options = r.stringMap(f.options, [...path, 'firelens_configuration', 'options']);
    if (type) out.firelensConfiguration = { type, ...(options && { options }) };
  }
  if (s.secrets !== undefined) {
    out.secrets = r.list(s.secrets, [...path, 'secrets']).map((v, i) => {
      const at = [...path, 'secrets', i];
      const secret = r.map(v, at, ['name', 'value_from']);
      return {
        name: r.string(secret.name, [...at, 'name'], true) ?? '',
        valueFrom: r.string(secret.value_from, [...at, 'value_from'], true) ?? '',
      };
    });
  }
  if (s.depends_on !== undefined) {
    out.dependsOn = r.list(s.depends_on, [...path, 'depends_on']).map((v, i) => {
      const at = [...path, 'depends_on', i];
      const dep = r.map(v, at, ['container_name', 'condition']);
      return {
        containerName: r.string(dep.container_name, [...at, 'container_name'], true) ?? '',
        condition: r.oneOf(dep.condition, [...at, 'condition'], CONDITIONS, true) ?? 'START',
      };
    });
  }
  return out;
}
