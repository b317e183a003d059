import { error, warning, type Diagnostic } from '../diagnostics';
import { mapNode, type MapNode, type Node } from './node';

/** Top-level keys of the compose specification (2.x and 3.x have a subset of them). */
export const TOP_LEVEL_KEYS = [
  'version',
  'name',
  'services',
  'volumes',
  'networks',
  'secrets',
  'configs',
  'include',
  'models',
];

/** Version strings docker-compose has understood; they make no difference here. */
const KNOWN_VERSION = /^(1(\.0)?|2(\.[0-4])?|3(\.[0-9])?)$/;

export interface NormalizedFile {
  root?: MapNode;
  diagnostics: Diagnostic[];
}

/**
 * Brings each file to the compose-spec shape: `version:` dropped (it selects nothing any more),
 * and a format-1 file (services at the top level, no `services:` key) wrapped under `services:`.
 */
export function normalizeVersion(root: Node, file: string): NormalizedFile {
  if (root.kind !== 'map') {
    return {
      diagnostics: [
        error('the top level of a compose file must be a mapping with keys such as services: and volumes:', {
          location: root.loc,
        }),
      ],
    };
  }
  const diagnostics: Diagnostic[] = [];
  const version = root.entries.get('version');
  if (version) {
    root.entries.delete('version');
    const v = version.value;
    const text = v.kind === 'scalar' && v.value !== null ? String(v.value) : undefined;
    if (text === undefined || !KNOWN_VERSION.test(text)) {
      diagnostics.push(
        warning(
          `unknown compose file version ${text === undefined ? '(not a string)' : JSON.stringify(text)}: ` +
            'it is ignored; use "3.8", "2.4" or leave version: out (compose specification)',
          { location: v.loc, path: 'version' },
        ),
      );
    }
    return { root, diagnostics };
  }
  if (!isFormatOne(root)) return { root, diagnostics };
  const services = mapNode({ file, line: 1, column: 1 });
  const wrapped = mapNode(root.loc);
  for (const [key, entry] of root.entries) {
    if (key.startsWith('x-')) wrapped.entries.set(key, entry);
    else services.entries.set(key, { keyLoc: entry.keyLoc, value: renameFormatOneKeys(entry.value) });
  }
  wrapped.entries.set('services', { keyLoc: services.loc, value: services });
  return { root: wrapped, diagnostics };
}

/** Format 1: no version, no spec key at the top, and every entry looks like a service. */
function isFormatOne(root: MapNode): boolean {
  let services = 0;
  for (const [key, entry] of root.entries) {
    if (key.startsWith('x-')) continue;
    if (TOP_LEVEL_KEYS.includes(key)) return false;
    const v = entry.value;
    if (v.kind !== 'map' || !(v.entries.has('image') || v.entries.has('build'))) return false;
    services++;
  }
  return services > 0;
}

/** `net:` was format 1's name for `network_mode:`. */
function renameFormatOneKeys(service: Node): Node {
  if (service.kind !== 'map') return service;
  const net = service.entries.get('net');
  if (net && !service.entries.has('network_mode')) {
    const entries = new Map(
      [...service.entries].map(([k, e]) => [k === 'net' ? 'network_mode' : k, e] as const),
    );
    return { ...service, entries };
  }
  return service;
}
