import type { ComposeProject, JsonValue } from '../compose/types';
import type { HabitatService } from './habitat/types';
import type { KeyPath, Problems } from '../problems';

export type LaunchType = 'EC2' | 'FARGATE';
/** What ECS takes as the name of a cluster, service, task family or container. */
export const ECS_NAME = /^[A-Za-z0-9_-]{1,255}$/;
export type NetworkMode = 'bridge' | 'host' | 'awsvpc' | 'none';

/** What every per-key translator needs to know about the task it is building. */
export interface TranslateContext {
  project: ComposeProject;
  problems: Problems;
  launchType: LaunchType;
  networkMode: NetworkMode;
  habitatServices: ReadonlyMap<string, HabitatService>;
}

/** One compose service being translated: its definition and the key path prefix of its keys. */
export interface ServiceInput {
  name: string;
  definition: Readonly<Record<string, JsonValue>>;
  /** `['services', name]` */
  path: KeyPath;
}

export function isRecord(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A scalar as the string ECS wants (compose allows `PORT: 8080` and `DEBUG: true`). */
export function scalarText(value: JsonValue): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Parses a whole non-negative number given as a number or as digits. */
export function wholeNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
  return undefined;
}
