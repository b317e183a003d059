import type { CanonicalService } from '../compose/canonical/types';
import type { ComposeProject, JsonValue } from '../compose/types';
import type { BuiltService } from './build-plan';
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
  /** Services whose image this deploy builds. */
  builtServices: ReadonlyMap<string, BuiltService>;
}

/**
 * One compose service being translated: its canonical keys, its definition (for the keys that
 * have one form only) and the key path prefix of its keys.
 */
export interface ServiceInput {
  name: string;
  definition: Readonly<Record<string, JsonValue>>;
  canonical: CanonicalService;
  /** `['services', name]` */
  path: KeyPath;
}
