import type { CanonicalService } from '../compose/canonical/types';
import type { ComposeProject, JsonValue } from '../compose/types';
import type { BuiltService } from './build-plan';
import type { HabitatService } from './habitat/types';
import type { KeyPath, Problems } from '../problems';

export type LaunchType = 'EC2' | 'FARGATE';
/** What ECS takes as the name of a cluster, service, task family or container. */
export const ECS_NAME = /^[A-Za-z0-9_-]{1,255}$/;
export type NetworkMode = 'bridge' | 'host' | 'awsvpc' | 'none';

/**
 * How the compose services become ECS: `task`, one task definition with a container per service
 * (as ecs-cli did); `services`, one task definition and ECS service per compose service, which
 * find each other through the Cloud Map private DNS namespace named here.
 */
export type Layout = { kind: 'task' } | { kind: 'services'; namespace: string };

/** A TCP port of a compose service that Service Connect can give the other services by name. */
export interface Endpoint {
  port: number;
  /** The port mapping's name: the compose port's `name`, else `<service>-<port>`. */
  name: string;
}

/** How the other ECS services reach one compose service in the services layout. */
export interface Reach {
  /** Its Cloud Map service: `<discovery>.<namespace>` resolves to the addresses of its tasks. */
  discovery: string;
  /** `<discovery>.<namespace>`. */
  host: string;
  /** Its compose `hostname:`, a name the others may use for it too. */
  hostname?: string;
  /** Its TCP ports: Service Connect aliases `<service>:<port>` to them. */
  endpoints: readonly Endpoint[];
}

/** The services layout, as the translation of one of its task definitions sees it. */
export interface ServicesPart {
  /** The compose service this task definition runs. */
  service: string;
  namespace: string;
  /** Every compose service -> how the others reach it. */
  reach: ReadonlyMap<string, Reach>;
}

/** What every per-key translator needs to know about the task it is building. */
export interface TranslateContext {
  project: ComposeProject;
  problems: Problems;
  launchType: LaunchType;
  networkMode: NetworkMode;
  habitatServices: ReadonlyMap<string, HabitatService>;
  /** Services whose image this deploy builds. */
  builtServices: ReadonlyMap<string, BuiltService>;
  /** Set in the services layout: the task runs one compose service, the others run beside it. */
  services?: ServicesPart;
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
