import type { JsonValue } from '../compose/types';
import { isRecord, wholeNumber } from '../compose/json';
import type { ServiceInput, TranslateContext } from './context';
import type { ContainerParams } from './ecs-params';
import type { KeyPath } from '../problems';
import { MIN_MEMORY_MIB, parseMemoryMiB } from './units';

/** ecs-cli's memory for a container that sets none; ECS needs container or task memory. */
const DEFAULT_MEMORY_MIB = 512;
export interface ContainerResources {
  cpu?: number;
  memory?: number;
  memoryReservation?: number;
}

/**
 * cpu_shares / cpus / deploy.resources (v3) and mem_limit / mem_reservation -> cpu, memory,
 * memoryReservation. The compose v2 keys win over deploy.resources; ecs-params wins over both.
 */
export function translateResources(
  ctx: TranslateContext,
  service: ServiceInput,
  params: ContainerParams | undefined,
  taskMemory: boolean,
): ContainerResources {
  const d = service.definition;
  const at = (...keys: string[]): KeyPath => [...service.path, ...keys];
  const deploy = isRecord(d.deploy) && isRecord(d.deploy.resources) ? d.deploy.resources : {};
  const limits = isRecord(deploy.limits) ? deploy.limits : {};
  const reservations = isRecord(deploy.reservations) ? deploy.reservations : {};
  const out: ContainerResources = {};

  const memory = (value: JsonValue | undefined, path: KeyPath): number | undefined => {
    if (value === undefined || value === null) return undefined;
    const mib = parseMemoryMiB(value);
    if (mib === undefined) {
      ctx.problems.error(
        path,
        `"${String(value)}" is not a memory size of at least ${MIN_MEMORY_MIB}m (units b, k, m, g)`,
      );
    }
    return mib;
  };
  const limit =
    memory(d.mem_limit, at('mem_limit')) ??
    memory(limits.memory, at('deploy', 'resources', 'limits', 'memory'));
  const reservation =
    memory(d.mem_reservation, at('mem_reservation')) ??
    memory(reservations.memory, at('deploy', 'resources', 'reservations', 'memory'));
  const finalLimit = params?.memory ?? limit;
  const finalReservation = params?.memoryReservation ?? reservation;
  if (finalLimit !== undefined) out.memory = finalLimit;
  if (finalReservation !== undefined) out.memoryReservation = finalReservation;
  if (finalLimit !== undefined && finalReservation !== undefined && finalReservation > finalLimit) {
    ctx.problems.error(
      d.mem_reservation !== undefined
        ? at('mem_reservation')
        : at('deploy', 'resources', 'reservations', 'memory'),
      `memory reservation ${finalReservation} MiB is above the limit ${finalLimit} MiB`,
    );
  }
  if (finalLimit === undefined && finalReservation === undefined && !taskMemory) {
    out.memory = DEFAULT_MEMORY_MIB;
    ctx.problems.warn(
      service.path,
      `no memory set: using ${DEFAULT_MEMORY_MIB} MiB (set mem_limit, or deploy.resources.limits.memory)`,
    );
  }

  const cpus = (value: JsonValue | undefined, path: KeyPath): number | undefined => {
    if (value === undefined || value === null) return undefined;
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0) {
      ctx.problems.error(path, `"${String(value)}" is not a number of CPUs like 0.5 or 2`);
      return undefined;
    }
    return Math.round(n * 1024);
  };
  let cpu: number | undefined;
  if (d.cpu_shares !== undefined && d.cpu_shares !== null) {
    cpu = wholeNumber(d.cpu_shares);
    if (cpu === undefined)
      ctx.problems.error(at('cpu_shares'), 'must be a whole number of CPU shares, e.g. 512');
  }
  cpu ??=
    cpus(d.cpus, at('cpus')) ?? cpus(reservations.cpus, at('deploy', 'resources', 'reservations', 'cpus'));
  if (cpu === undefined && limits.cpus !== undefined) {
    cpu = cpus(limits.cpus, at('deploy', 'resources', 'limits', 'cpus'));
    ctx.problems.warn(
      at('deploy', 'resources', 'limits', 'cpus'),
      'ECS container cpu is a share, not a cap: the limit becomes a share; for a hard cap set task_size.cpu_limit in ecs-params.yml',
    );
  }
  cpu = params?.cpuShares ?? cpu;
  if (cpu !== undefined) out.cpu = cpu;
  return out;
}
