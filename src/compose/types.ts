import type { Diagnostic, SourceLocation } from '../diagnostics';
import type { CanonicalService } from './canonical/types';

/**
 * A compose project after loading: every file parsed, interpolated, merged in order (like
 * `docker compose -f a -f b`), checked against the compose schema, and each service's keys that
 * have a short and a long form read into one typed long form (the canonical pass), so the
 * translation only decides what each key means on ECS. A location can be found for any key path
 * a later stage wants to complain about.
 */
export interface ComposeProject {
  /** The compose files, in merge order, as given (relative to the working directory). */
  readonly files: readonly string[];
  /** Directory of the first file: relative paths in the project (env_file, volumes) resolve from it. */
  readonly workingDir: string;
  /**
   * The project name as compose derives it: COMPOSE_PROJECT_NAME, else the top-level `name:`,
   * else the first file's directory; lower case, letters, digits, `_` and `-` (possibly empty).
   */
  readonly name: string;
  /** Services in the order they first appear. Values are the merged, interpolated definitions. */
  readonly services: ReadonlyMap<string, ComposeService>;
  /** Top-level `volumes:` (named volumes), merged. */
  readonly volumes: Readonly<Record<string, JsonObject | null>>;
  /** Warnings found while loading (unknown keys that were ignored, version hints, ...). */
  readonly warnings: readonly Diagnostic[];
  /**
   * Where a key path was written, e.g. ['services', 'web', 'ports', 0]. When several files set
   * it, the location is in the file whose value won. Undefined if nothing was written there
   * (a value defaulted by the loader).
   */
  locate(path: readonly (string | number)[]): SourceLocation | undefined;
}

export interface ComposeService {
  readonly name: string;
  /**
   * The service definition after interpolation and merge. `env_file:` entries have already been
   * read and merged into `environment` (as a map), with the service's own `environment` winning.
   */
  readonly definition: JsonObject;
  /**
   * The keys compose lets be written in several forms (ports, volumes, environment, depends_on,
   * healthcheck, ...), each in its typed long form with the place it was written.
   */
  readonly canonical: CanonicalService;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export interface LoadOptions {
  /** Compose files in merge order. At least one. */
  files: readonly string[];
  /** Explicit env file (the `env-file` input); default `.env` beside the first file, if present. */
  envFile?: string;
  /** Variables for interpolation; usually process.env. Env-file values are used only where this has none. */
  environment: Readonly<Record<string, string | undefined>>;
  /**
   * The workspace: files the project names itself (env_file, extends file, the default .env) must
   * be inside it, symlinks followed. Unset: no limit (the CLI, on the user's own files).
   */
  root?: string;
}
