import { wholeNumber } from '../compose/json';

/**
 * Compose's size and duration notations, converted to the units ECS counts in (MiB, seconds).
 * Each parser returns undefined for text it does not understand; callers say where and why.
 */

const BYTE_UNITS: Record<string, number> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** `512m`, `1g`, `1.5gb`, `2048k`, `100b`, or a bare number of bytes -> bytes. */
export function parseBytes(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.floor(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([bkmg]?)b?\s*$/i.exec(value);
  if (!match) return undefined;
  const unit = BYTE_UNITS[(match[2] || 'b').toLowerCase()] ?? 1;
  return Math.floor(Number(match[1]) * unit);
}

/** Bytes -> whole MiB, rounded down like Docker rounds a memory limit to its granularity. */
export function bytesToMiB(bytes: number): number {
  return Math.floor(bytes / 1024 ** 2);
}

const DURATION_UNITS: Record<string, number> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};

/** A Go duration as compose writes it (`1m30s`, `10s`, `1.5h`, `500ms`) -> seconds. */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '0') return 0;
  const part = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/y;
  let seconds = 0;
  let at = 0;
  while (at < text.length) {
    part.lastIndex = at;
    const match = part.exec(text);
    if (!match) return undefined;
    seconds += Number(match[1]) * (DURATION_UNITS[match[2] ?? ''] ?? NaN);
    at = part.lastIndex;
  }
  return at === 0 || !Number.isFinite(seconds) ? undefined : seconds;
}

/** Docker refuses a memory limit under 6 MiB; ECS under 4 MiB. */
/**
 * Docker 20.10 and later reserve at least 6 MiB for a container, so ECS tells not to give less
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_memory).
 */
export const MIN_MEMORY_MIB = 6;

/** A compose memory size (`512m`, `1g`, bytes) -> MiB, or undefined if it is not one or too small. */
export function parseMemoryMiB(value: unknown): number | undefined {
  const bytes = parseBytes(value);
  if (bytes === undefined) return undefined;
  const mib = bytesToMiB(bytes);
  return mib >= MIN_MEMORY_MIB ? mib : undefined;
}

/** ecs-params task_size cpu_limit: `256`, `1024`, `0.25 vCPU`, `1vcpu` -> CPU units. */
export function parseTaskCpu(value: unknown): number | undefined {
  const text = String(value).trim();
  const vcpu = /^(\d+(?:\.\d+)?)\s*vcpu$/i.exec(text);
  if (vcpu) return Math.round(Number(vcpu[1]) * 1024);
  return wholeNumber(text);
}

/** ecs-params task_size mem_limit: plain numbers are MiB (ECS's reading), else a size like `0.5GB`. */
export function parseTaskMemory(value: unknown): number | undefined {
  const text = String(value).trim();
  if (/^\d+$/.test(text)) return Number(text);
  return parseMemoryMiB(text.replace(/\s+/g, ''));
}
