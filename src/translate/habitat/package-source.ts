import * as path from 'node:path';

/** A Habitat package as the user names it: `origin/name[/version[/release]]`, or a .hart file. */
export type PackageSource =
  | { kind: 'ident'; origin: string; name: string; version?: string; release?: string }
  | { kind: 'hart'; path: string; origin: string; name: string; version: string; release: string };

/** Habitat origin and package names: letters, digits, `-` and `_` (origins are lower case). */
const ORIGIN = /^[a-z0-9][a-z0-9_-]*$/;
const NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;
const VERSION = /^[A-Za-z0-9_.+-]+$/;
const RELEASE = /^\d{14}$/;
/** `<origin>-<name>-<version>-<release>-<target>.hart`, e.g. `core-redis-4.0.14-20190319155852-x86_64-linux.hart`. */
const HART_FILE = /^(.+)-([^-]+)-(\d{14})-([a-z0-9_]+-[a-z0-9_]+)\.hart$/;

/** Why a package spec was refused: the message says what a valid one looks like. */
export class PackageSpecError extends Error {}

/**
 * Reads one `habitat-packages` entry (or an `x-habitat.package` value): a package identifier
 * `origin/name[/version[/release]]` or a path to a `.hart` file (its ident comes from the file
 * name, as `hab pkg build` writes it). Pure: does not check that a .hart exists.
 */
export function parsePackageSource(spec: string): PackageSource {
  const value = spec.trim();
  if (value.endsWith('.hart')) return parseHartPath(value);
  const parts = value.split('/');
  const [origin, name, version, release] = parts;
  if (parts.length < 2 || parts.length > 4 || !origin || !name) {
    throw new PackageSpecError(
      `${JSON.stringify(spec)} is not a package: use origin/name, origin/name/version, origin/name/version/release or a path to a .hart file`,
    );
  }
  checkPart(spec, 'origin', origin, ORIGIN, 'lower-case letters, digits, "-" and "_"');
  checkPart(spec, 'name', name, NAME, 'letters, digits, "-" and "_"');
  if (version !== undefined) checkPart(spec, 'version', version, VERSION, 'letters, digits and ". _ + -"');
  if (release !== undefined) checkPart(spec, 'release', release, RELEASE, '14 digits, e.g. 20171016003652');
  return {
    kind: 'ident',
    origin,
    name,
    ...(version !== undefined && { version }),
    ...(release !== undefined && { release }),
  };
}

function parseHartPath(file: string): PackageSource {
  // hab gets the path as one argument, but a newline in it would also end a line of the job log.
  if (/\p{Cc}/u.test(file)) {
    throw new PackageSpecError(
      `${JSON.stringify(file)} contains a control character (newline, tab, NUL): rename the .hart file or its directory`,
    );
  }
  const match = HART_FILE.exec(path.basename(file));
  const originAndName = match?.[1] ?? '';
  const dash = originAndName.indexOf('-');
  if (!match || dash <= 0) {
    throw new PackageSpecError(
      `${JSON.stringify(file)} is not named like a Habitat artifact: expected <origin>-<name>-<version>-<release>-<target>.hart, as hab pkg build writes it`,
    );
  }
  // Origins rarely contain "-", names often do: the first segment is the origin.
  const origin = originAndName.slice(0, dash);
  const name = originAndName.slice(dash + 1);
  checkPart(file, 'origin', origin, ORIGIN, 'lower-case letters, digits, "-" and "_"');
  checkPart(file, 'name', name, NAME, 'letters, digits, "-" and "_"');
  return { kind: 'hart', path: file, origin, name, version: match[2] ?? '', release: match[3] ?? '' };
}

function checkPart(spec: string, what: string, value: string, pattern: RegExp, allowed: string): void {
  if (!pattern.test(value)) {
    throw new PackageSpecError(
      `${JSON.stringify(spec)}: ${what} ${JSON.stringify(value)} may contain only ${allowed}`,
    );
  }
}

/** The ECR repository a package's image goes to: `origin/name`, as `hab pkg export` names the image. */
export function repositoryOf(source: PackageSource): string {
  return `${source.origin}/${source.name}`.toLowerCase();
}
