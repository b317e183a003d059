import type { ComposeProject } from '../compose/types';
import type { Place } from '../problems';
import { isSupervisorCommand } from './habitat/supervisor';

/**
 * Where one compose service names another: compose promises that every service reaches every
 * other by its name (or the hostname it sets), and real files rely on it (`DB_HOST=db`,
 * `http://archiver:8080`). On ECS a name resolves only through a link (bridge), or through Cloud
 * Map and Service Connect (the services layout), so the translation finds these words.
 */
export interface NameReference {
  /** The service whose environment or command holds the name. */
  from: string;
  /** The service it names. */
  to: string;
  /** The word as written: the service's name, or its hostname. */
  name: string;
  /** What holds it: `environment DB_HOST`, `command`, `entrypoint`. */
  where: string;
  place: Place;
  /** Rewrites the value that holds the name: every occurrence of `name` -> `replacement`. */
  kind: { key: 'environment'; variable: string } | { key: 'command' | 'entrypoint' };
}

/** The characters of a host name; a word of others around a name ends it. */
const HOST_CHARS = 'A-Za-z0-9_.-';

/** The occurrences of `name` in `text` as a whole host name (`db`, `db:5432`, `http://db/`), not inside a longer one. */
export function nameOccurs(text: string, name: string): boolean {
  return hostPattern(name).test(text);
}

/** `text` with `name`, wherever it is a whole host name, replaced by `replacement`. */
export function replaceName(text: string, name: string, replacement: string): string {
  return text.replace(
    new RegExp(hostPattern(name).source, 'g'),
    (_m, before: string) => `${before}${replacement}`,
  );
}

function hostPattern(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  return new RegExp(`(^|[^${HOST_CHARS}])${escaped}(?=$|[^${HOST_CHARS}]|\\.(?![${HOST_CHARS}]))`);
}

/**
 * Every place a service names another, in compose order: in environment values, and in command
 * and entrypoint words. The Supervisor arguments of a Habitat service are left out: the Habitat
 * pass resolves their --peer itself. A service naming itself is no reference.
 */
export function findNameReferences(
  project: Pick<ComposeProject, 'services'>,
  habitatServices: ReadonlySet<string>,
): NameReference[] {
  const names: { service: string; name: string }[] = [];
  for (const [service, s] of project.services) {
    names.push({ service, name: service });
    const hostname = s.definition.hostname;
    if (typeof hostname === 'string' && hostname !== '' && hostname !== service)
      names.push({ service, name: hostname });
  }
  const out: NameReference[] = [];
  for (const [from, s] of project.services) {
    // A link's alias is a name for its service too, from the service that links.
    const aliases = (s.canonical.links ?? []).flatMap((l) =>
      l.alias !== undefined && l.alias !== l.service ? [{ service: l.service, name: l.alias }] : [],
    );
    const look = (text: string, where: string, place: Place, kind: NameReference['kind']) => {
      for (const { service: to, name } of [...names, ...aliases]) {
        if (to !== from && nameOccurs(text, name)) out.push({ from, to, name, where, place, kind });
      }
    };
    for (const e of s.canonical.environment ?? []) {
      if (e.value !== null)
        look(e.value, `environment ${e.key}`, e.at, { key: 'environment', variable: e.key });
    }
    for (const key of ['entrypoint', 'command'] as const) {
      const words = s.canonical[key];
      if (!words) continue;
      if (key === 'command' && habitatServices.has(from) && isSupervisorCommand(words.value)) continue;
      look(words.value.join(' '), key, words.at, { key });
    }
  }
  return out;
}
