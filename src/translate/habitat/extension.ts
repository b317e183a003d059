import type { ComposeProject, JsonValue } from '../../compose/types';
import { error, type Diagnostic } from '../../diagnostics';
import { placeOf } from '../../problems';
import { PackageSpecError, parsePackageSource } from './package-source';
import type { HabitatExtension } from './types';
import { SERVICE_GROUP_NAME } from './supervisor-values';

const KEYS = ['package', 'group', 'health-check', 'ports'] as const;
const PORT_KEYS = ['gossip', 'http', 'ctl'] as const;

/**
 * Reads a service's `x-habitat` extension. It is either a package string
 * (`x-habitat: core/mongodb`) or a mapping:
 *
 *   x-habitat:
 *     package: core/mongodb          # ident or .hart path
 *     group: prod                    # Supervisor service group (default "default")
 *     health-check: true             # container health check from the Supervisor HTTP API
 *     ports: { gossip: 9648, http: 9641, ctl: 9642 }
 *
 * Problems are collected into `problems` with their location; the parts that are valid are kept.
 */
export function readHabitatExtension(
  project: ComposeProject,
  service: string,
  problems: Diagnostic[],
): HabitatExtension | undefined {
  const raw = project.services.get(service)?.definition['x-habitat'];
  if (raw === undefined || raw === null) return undefined;
  const at = (...rest: string[]) =>
    placeOf((p) => project.locate(p), ['services', service, 'x-habitat', ...rest]);
  if (typeof raw === 'string') return { package: checkPackage(raw, at(), problems) };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(
      error('must be a package ident string or a mapping with package, group, health-check, ports', at()),
    );
    return undefined;
  }

  const ext: HabitatExtension = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!(KEYS as readonly string[]).includes(key)) {
      problems.push(error(`unknown key "${key}": x-habitat takes ${KEYS.join(', ')}`, at(key)));
    } else if (key === 'package') {
      if (typeof value === 'string') ext.package = checkPackage(value, at(key), problems);
      else problems.push(error('must be a string such as core/mongodb or a .hart path', at(key)));
    } else if (key === 'group') {
      if (typeof value === 'string' && SERVICE_GROUP_NAME.test(value)) ext.group = value;
      else problems.push(error('must be a service group name (letters, digits, "-", "_")', at(key)));
    } else if (key === 'health-check') {
      if (typeof value === 'boolean') ext.healthCheck = value;
      else problems.push(error('must be true or false', at(key)));
    } else {
      const ports = readPorts(value, (k) => at(key, k), at(key), problems);
      if (ports) ext.ports = ports;
    }
  }
  return ext;
}

type Where = Omit<Diagnostic, 'severity' | 'message'>;

function checkPackage(value: string, where: Where, problems: Diagnostic[]): string | undefined {
  try {
    parsePackageSource(value);
    return value;
  } catch (e) {
    if (!(e instanceof PackageSpecError)) throw e;
    problems.push(error(e.message, where));
    return undefined;
  }
}

function readPorts(
  value: JsonValue,
  at: (key: string) => Where,
  here: Where,
  problems: Diagnostic[],
): HabitatExtension['ports'] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(error('must be a mapping with gossip, http and/or ctl port numbers', here));
    return undefined;
  }
  const ports: NonNullable<HabitatExtension['ports']> = {};
  for (const [key, port] of Object.entries(value)) {
    if (!(PORT_KEYS as readonly string[]).includes(key)) {
      problems.push(error(`unknown port "${key}": use gossip, http or ctl`, at(key)));
    } else if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
      problems.push(error(`must be a port number 1-65535, got ${JSON.stringify(port)}`, at(key)));
    } else {
      ports[key as (typeof PORT_KEYS)[number]] = port;
    }
  }
  return ports;
}
