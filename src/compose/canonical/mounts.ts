import { isRecord, scalarText } from '../json';
import type { JsonValue } from '../types';
import type { KeyPath, Problems } from '../../problems';
import type { ServiceVolume, TmpfsMount, VolumesFrom } from './types';

/** A source that starts like a path is a bind mount; anything else names a volume. */
const HOST_PATH = /^[./~]/;

/** `volumes:` -> one mount per entry: `"[source:]target[:ro]"` or `{ type, source, target, read_only, tmpfs }`. */
export function readVolumes(value: JsonValue, path: KeyPath, problems: Problems): ServiceVolume[] {
  if (!Array.isArray(value)) {
    problems.error(path, 'must be a list of mounts, e.g. ["data:/var/lib/data"]');
    return [];
  }
  return value.flatMap((entry, i) => {
    const at = [...path, i];
    const mount = isRecord(entry) ? longMount(problems, entry, at) : shortMount(problems, entry, at);
    return mount ? [mount] : [];
  });
}

function longMount(
  problems: Problems,
  entry: Record<string, JsonValue>,
  path: KeyPath,
): ServiceVolume | undefined {
  const written = typeof entry.type === 'string' ? entry.type : undefined;
  const source = typeof entry.source === 'string' && entry.source !== '' ? entry.source : undefined;
  const target = typeof entry.target === 'string' ? entry.target : '';
  if (written === 'tmpfs') {
    const tmpfs = isRecord(entry.tmpfs) ? entry.tmpfs : {};
    const mode = scalarText(tmpfs.mode ?? null);
    const size = tmpfs.size === undefined ? undefined : writtenSize(tmpfs.size);
    return {
      type: 'tmpfs',
      target,
      ...(size !== undefined && { size }),
      options: mode ? [`mode=${mode}`] : [],
      at: problems.place(path),
    };
  }
  if (written !== undefined && written !== 'volume' && written !== 'bind') {
    return { type: 'other', written, at: problems.place([...path, 'type']) };
  }
  return {
    type: written ?? (source !== undefined && HOST_PATH.test(source) ? 'bind' : 'volume'),
    ...(source !== undefined && { source }),
    target,
    read_only: entry.read_only === true,
    options: [],
    at: problems.place(path),
  };
}

function shortMount(problems: Problems, entry: JsonValue, path: KeyPath): ServiceVolume | undefined {
  if (typeof entry !== 'string') {
    problems.error(
      path,
      'must be a mount string like "data:/data:ro" or a mapping with type, source, target',
    );
    return undefined;
  }
  const parts = entry.split(':');
  if (parts.length > 3 || parts.some((p) => p === '')) {
    problems.error(path, `"${entry}" is not a mount; write [source:]target[:ro]`);
    return undefined;
  }
  const [source, target] =
    parts.length === 1 ? [undefined, parts[0] as string] : [parts[0], parts[1] as string];
  const options = (parts[2] ?? '').split(',').filter(Boolean);
  return {
    type: source !== undefined && HOST_PATH.test(source) ? 'bind' : 'volume',
    ...(source !== undefined && { source }),
    target,
    read_only: options.includes('ro'),
    options: options.filter((o) => o !== 'ro' && o !== 'rw'),
    at: problems.place(path),
  };
}

/** `tmpfs:` -> a mount per path: `"/run"` or `"/run:size=64m,mode=1777"`, one or a list. */
export function readTmpfs(value: JsonValue, path: KeyPath, problems: Problems): TmpfsMount[] {
  const entries = Array.isArray(value) ? value : [value];
  return entries.flatMap((entry, i) => {
    const at = Array.isArray(value) ? [...path, i] : path;
    if (typeof entry !== 'string') {
      problems.error(at, 'must be a path like "/run:size=64m"');
      return [];
    }
    const colon = entry.indexOf(':');
    const target = colon < 0 ? entry : entry.slice(0, colon);
    let size: string | undefined;
    const options: string[] = [];
    for (const option of (colon < 0 ? '' : entry.slice(colon + 1)).split(',').filter(Boolean)) {
      if (option.startsWith('size=')) size = option.slice('size='.length);
      else options.push(option);
    }
    return [{ type: 'tmpfs', target, ...(size !== undefined && { size }), options, at: problems.place(at) }];
  });
}

/** `volumes_from:` -> `service[:ro|rw]` or `container:name[:ro|rw]` per entry. */
export function readVolumesFrom(value: JsonValue, path: KeyPath, problems: Problems): VolumesFrom[] {
  if (!Array.isArray(value)) {
    problems.error(path, 'must be a list of service names');
    return [];
  }
  return value.flatMap((entry, i) => {
    const at = [...path, i];
    if (typeof entry !== 'string') {
      problems.error(at, 'must be a service name');
      return [];
    }
    const parts = entry.split(':');
    const container = parts[0] === 'container';
    const [source = '', mode] = container ? parts.slice(1) : parts;
    if (!container && mode !== undefined && mode !== 'ro' && mode !== 'rw') {
      problems.error(at, `mode "${mode}" must be ro or rw`);
      return [];
    }
    return [
      { type: container ? 'container' : 'service', source, read_only: mode === 'ro', at: problems.place(at) },
    ];
  });
}

/** A tmpfs size as written: a number of bytes, or text such as `64m` (anything else as its text). */
function writtenSize(size: JsonValue): string | number {
  return typeof size === 'number' ? size : String(size);
}
