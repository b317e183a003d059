/** Pure parsing of the export report file the exporter writes. No I/O here. */

/** The contents of `results/last_container_export.env` (or last_docker_export.env). */
export interface ExportReport {
  /** Image id as the exporter recorded it. */
  id: string;
  /** Image name without tag, e.g. `billmeyer/mongodb`. */
  name: string;
  /** Tags the exporter gave the image, e.g. `latest`, `3.2.10`, `3.2.10-20171016003652`. */
  tags: string[];
}

/** Why a report could not be used; the caller adds the file and the package. */
export class ExportReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportReportError';
  }
}

const IMAGE_ID = /^(sha256:)?[a-f0-9]+$/;

/** Parses `key=value` lines; requires `id` and `name`, and at least one tag. */
export function parseExportReport(text: string): ExportReport {
  const values = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) throw new ExportReportError(`line "${line}" is not key=value`);
    values.set(line.slice(0, eq).trim(), unquote(line.slice(eq + 1).trim()));
  }
  const id = values.get('id') ?? '';
  const name = values.get('name') ?? '';
  const missing = [id === '' ? 'id' : '', name === '' ? 'name' : ''].filter(Boolean);
  if (missing.length > 0) throw new ExportReportError(`no value for ${missing.join(' and ')}`);
  let tags = splitList(values.get('tags'));
  if (tags.length === 0) {
    // Older exporters may only write name_tags (`name:tag,...`).
    tags = splitList(values.get('name_tags')).map((ref) => ref.slice(ref.lastIndexOf(':') + 1));
  }
  if (tags.length === 0) throw new ExportReportError('no tags (neither "tags" nor "name_tags" has a value)');
  // The id is handed to docker as an argument: it must be an id, never something read as an option.
  if (!IMAGE_ID.test(id))
    throw new ExportReportError(`id "${id}" is not an image id (sha256:<hex> or <hex>)`);
  return { id, name, tags };
}

function unquote(value: string): string {
  const m = /^(["'])(.*)\1$/.exec(value);
  return m ? (m[2] ?? '') : value;
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * The package version and release, from the exporter's default tags: a tag `V` next to a tag
 * `V-R` where R is a Habitat release (a 14-digit timestamp).
 */
export function versionFromTags(tags: readonly string[]): { version?: string; release?: string } {
  const set = new Set(tags);
  for (const tag of tags) {
    const m = /^(.+)-(\d{14})$/.exec(tag);
    if (m && m[1] !== undefined && set.has(m[1])) return { version: m[1], release: m[2] };
  }
  return {};
}
