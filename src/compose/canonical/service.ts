import { UserError, type SourceLocation } from '../../diagnostics';
import { isRecord } from '../json';
import type { ComposeService, JsonObject, JsonValue } from '../types';
import { Problems, type KeyPath } from '../../problems';
import { readBuild } from './build';
import { readDependsOn } from './depends';
import { readHealthcheck } from './healthcheck';
import {
  readCommand,
  readDevices,
  readExtraHosts,
  readKeyValues,
  readLinks,
  readNetworks,
  readStrings,
  readUlimits,
} from './lists';
import { readExpose, readPorts } from './ports';
import { readTmpfs, readVolumes, readVolumesFrom } from './mounts';
import type { CanonicalService, Logging } from './types';

/**
 * The canonical pass over every service of a loaded project (after merge, so each value is the
 * one that won): each key written in a short form is read into its typed long form, placed
 * where it was written. Throws one UserError with every short syntax that cannot be read.
 */
export function canonicalServices(
  definitions: Iterable<[string, JsonObject]>,
  locate: (path: KeyPath) => SourceLocation | undefined,
): Map<string, ComposeService> {
  const problems = new Problems(locate);
  const services = new Map<string, ComposeService>();
  for (const [name, definition] of definitions) {
    services.set(name, {
      name,
      definition,
      canonical: canonicalService(definition, ['services', name], problems),
    });
  }
  if (problems.errors.length > 0) throw new UserError(problems.errors);
  return services;
}

/** One service's definition -> its canonical keys; a key not set (or null) stays unset. */
function canonicalService(
  definition: Readonly<Record<string, JsonValue>>,
  path: KeyPath,
  problems: Problems,
): CanonicalService {
  const out: { -readonly [K in keyof CanonicalService]: CanonicalService[K] } = {};
  const read = <K extends keyof CanonicalService>(
    key: K,
    reader: (value: JsonValue, path: KeyPath, problems: Problems) => CanonicalService[K],
  ): void => {
    const value = definition[key];
    if (value !== undefined && value !== null) out[key] = reader(value, [...path, key], problems);
  };
  // In the order the translation reads them, so problems are listed as they were.
  read('command', readCommand);
  read('entrypoint', readCommand);
  read('environment', readKeyValues);
  read('ports', readPorts);
  read('expose', readExpose);
  read('volumes', readVolumes);
  read('tmpfs', readTmpfs);
  read('volumes_from', readVolumesFrom);
  read('links', readLinks);
  read('dns', readStrings);
  read('dns_search', readStrings);
  read('extra_hosts', readExtraHosts);
  read('security_opt', readStrings);
  read('labels', readKeyValues);
  read('ulimits', readUlimits);
  const logging = readLogging(definition, path, problems);
  if (logging) out.logging = logging;
  read('healthcheck', readHealthcheck);
  read('sysctls', readKeyValues);
  read('cap_add', readStrings);
  read('cap_drop', readStrings);
  read('devices', readDevices);
  read('networks', readNetworks);
  read('depends_on', readDependsOn);
  read('build', readBuild);
  return out;
}

/** `logging: { driver, options }`, else the version 1 pair `log_driver:` and `log_opt:`. */
function readLogging(
  definition: Readonly<Record<string, JsonValue>>,
  path: KeyPath,
  problems: Problems,
): Logging | undefined {
  const { logging, log_driver: driver, log_opt: options } = definition;
  if (isRecord(logging))
    return logSettings(
      logging.driver,
      logging.options,
      [...path, 'logging'],
      [...path, 'logging', 'options'],
      problems,
    );
  if (driver === undefined || driver === null) return undefined;
  return logSettings(driver, options, [...path, 'log_driver'], [...path, 'log_opt'], problems);
}

function logSettings(
  driver: JsonValue | undefined,
  options: JsonValue | undefined,
  path: KeyPath,
  optionsPath: KeyPath,
  problems: Problems,
): Logging {
  return {
    ...(typeof driver === 'string' && { driver }),
    options: options === undefined || options === null ? [] : readKeyValues(options, optionsPath, problems),
    at: problems.place(path),
  };
}
