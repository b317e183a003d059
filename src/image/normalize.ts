import type { TarEntry } from './tar-format';

/**
 * What makes two exports of the same packages the same layer bytes. Pure.
 *
 * Without Docker's build cache every export of the same packages stamps new times (package
 * directories, the /bin links, the rendered files) and lists some layers' entries in the order the
 * engine found them. Nothing else differs: contents, modes, owners and link targets are the same.
 * So each entry's time is clamped to a fixed epoch, the entries are sorted, and what only a tar
 * tool reads (user and group names, access and change times) is dropped. What a container sees
 * once the layer is unpacked (contents, modes, numeric owners, link targets, device numbers,
 * extended attributes) does not change; only modification times later than the epoch do.
 */

/** 2000-01-01T00:00:00Z. Later modification times become this (earlier ones stay); after 1980, so zip tools accept it. */
export const LAYER_EPOCH = 946_684_800;

/** Types with no data in the archive (hard and symbolic links, devices, directories, fifos). */
const HEADER_ONLY = new Set(['1', '2', '3', '4', '5', '6']);

/** The path as a list of components, to sort by: `./a/b/` and `a/b` are the same place. */
function components(name: string): string[] {
  return name
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '')
    .split('/');
}

/** Component by component, byte order: a directory comes right before everything under it. */
export function comparePaths(a: string, b: string): number {
  const x = components(a);
  const y = components(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i] as string;
    const q = y[i] as string;
    if (p !== q) return p < q ? -1 : 1;
  }
  return x.length - y.length;
}

/** One entry with what changes nothing a container sees set to fixed values. */
function normalizeEntry<T extends TarEntry>(entry: T, epoch: number): T {
  const headerOnly = HEADER_ONLY.has(entry.type);
  return {
    ...entry,
    mtime: Math.min(entry.mtime, epoch),
    uname: '',
    gname: '',
    size: headerOnly ? 0 : entry.size,
    devmajor: entry.type === '3' || entry.type === '4' ? entry.devmajor : 0,
    devminor: entry.type === '3' || entry.type === '4' ? entry.devminor : 0,
  };
}

/**
 * The entries of a layer in a reproducible order with reproducible headers. Sorted by path (a
 * stable sort: a path listed twice keeps its last version last); a hard link whose target comes
 * later in that order is moved to just after its target, as unpacking needs the target first.
 */
export function normalizeEntries<T extends TarEntry>(entries: readonly T[], epoch = LAYER_EPOCH): T[] {
  const sorted = entries.map((e) => normalizeEntry(e, epoch)).sort((a, b) => comparePaths(a.name, b.name));
  const key = (name: string) => components(name).join('/');
  const names = new Set(sorted.map((e) => key(e.name)));
  const emitted = new Set<string>();
  const waiting = new Map<string, T[]>();
  const out: T[] = [];
  const emit = (entry: T): void => {
    out.push(entry);
    const name = key(entry.name);
    emitted.add(name);
    const links = waiting.get(name);
    if (links) {
      waiting.delete(name);
      links.forEach(emit);
    }
  };
  for (const entry of sorted) {
    const target = key(entry.linkname);
    if (entry.type === '1' && names.has(target) && !emitted.has(target) && target !== key(entry.name)) {
      waiting.set(target, [...(waiting.get(target) ?? []), entry]);
    } else {
      emit(entry);
    }
  }
  // Links whose target never came (a cycle of links): in their sorted order, at the end.
  for (const links of waiting.values()) out.push(...links);
  return out;
}
