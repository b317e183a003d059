import type {
  ContainerDefinition,
  RegisterTaskDefinitionCommandInput,
  TaskDefinition,
} from '@aws-sdk/client-ecs';

/**
 * A task definition as we send it (register input) or as ECS returns it (DescribeTaskDefinition).
 * Both are compared through one canonical form, so a run that changes nothing registers nothing.
 */
export type AnyTaskDefinition = RegisterTaskDefinitionCommandInput | TaskDefinition;

/** What ECS adds to a task definition (or what is not content): never part of the comparison. */
const METADATA_KEYS = new Set([
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
  'deleteRequestedAt',
  'tags',
]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The canonical content of a task definition: ECS defaults filled the same way, lists that ECS
 * treats as sets sorted, empty values dropped. Two definitions run the same tasks when their
 * canonical forms are equal. */
export function normalizeTaskDefinition(td: AnyTaskDefinition): Record<string, Json> {
  const content: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(td)) {
    if (!METADATA_KEYS.has(key)) content[key] = value;
  }
  const compat = [...(td.requiresCompatibilities ?? [])].sort();
  content.requiresCompatibilities = compat;
  // ECS fills in the network mode when it is left out: awsvpc for Fargate, bridge otherwise.
  const networkMode = td.networkMode ?? (compat.includes('FARGATE') ? 'awsvpc' : 'bridge');
  content.networkMode = networkMode;
  if (td.enableFaultInjection === false) delete content.enableFaultInjection;
  if (td.cpu !== undefined) content.cpu = taskSize(td.cpu, 'vcpu');
  if (td.memory !== undefined) content.memory = taskSize(td.memory, 'gb');
  content.containerDefinitions = (td.containerDefinitions ?? []).map((c) =>
    normalizeContainer(c, networkMode),
  );
  content.volumes = sortByName(td.volumes ?? []).map((v) => {
    const efs = v.efsVolumeConfiguration;
    if (efs?.rootDirectory === '/')
      return { ...v, efsVolumeConfiguration: { ...efs, rootDirectory: undefined } };
    return v;
  });
  return (prune(content) ?? {}) as Record<string, Json>;
}

/** Stable JSON (keys sorted) of the canonical form. */
export function canonicalTaskDefinition(td: AnyTaskDefinition): string {
  return stableStringify(normalizeTaskDefinition(td));
}

export function sameTaskDefinition(a: AnyTaskDefinition, b: AnyTaskDefinition): boolean {
  return canonicalTaskDefinition(a) === canonicalTaskDefinition(b);
}

function normalizeContainer(c: ContainerDefinition, networkMode: string): Record<string, unknown> {
  const out: Record<string, unknown> = { ...c };
  // Values ECS fills in when they are not given.
  if (c.cpu === 0) delete out.cpu;
  if (c.essential === true) delete out.essential;
  if (c.versionConsistency === 'enabled') delete out.versionConsistency;
  out.environment = sortByName(c.environment ?? []);
  out.secrets = sortByName(c.secrets ?? []);
  out.ulimits = sortByName(c.ulimits ?? []);
  out.portMappings = (c.portMappings ?? []).map((p) => {
    const mapping: Record<string, unknown> = { ...p };
    if (p.protocol === 'tcp') delete mapping.protocol;
    // In awsvpc and host mode ECS copies containerPort into hostPort; 0 means "any" in bridge mode.
    const hostIsContainer =
      (networkMode === 'awsvpc' || networkMode === 'host') && p.hostPort === p.containerPort;
    if (p.hostPort === 0 || hostIsContainer) delete mapping.hostPort;
    return mapping;
  });
  return out;
}

/** "1 vCPU" -> "1024", "2 GB" -> "2048"; ECS stores task sizes as plain units. */
function taskSize(value: string, unit: 'vcpu' | 'gb'): string {
  const match = /^\s*([\d.]+)\s*(vcpu|gb)\s*$/i.exec(value);
  if (match?.[1] && match[2]?.toLowerCase() === unit) return String(Math.round(Number(match[1]) * 1024));
  return value.trim();
}

function sortByName<T extends { name?: string | undefined }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
}

/** Drops undefined, null, empty lists and empty objects, so "absent" and "empty" compare equal. */
function prune(value: unknown): Json | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((v): v is Json => v !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) {
      const p = prune(v);
      if (p !== undefined) out[k] = p;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return undefined;
}

export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
