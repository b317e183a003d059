import type { ExportSettings } from '../habitat/export-command';
import { latestRelease, PUBLIC_BUILDER_URL, type BuilderOptions } from '../habitat/builder';
import type { Log } from '../log';
import { inlineCode, markdownText } from '../markdown';
import { mapLimit } from '../parallel';
import type { PackageSource } from '../translate/habitat/package-source';

/** A package named without a release, and the release Builder says is the latest in the channel. */
export interface ResolvedRelease {
  /** As the user named it: `origin/name` or `origin/name/version`. */
  named: string;
  version: string;
  release: string;
  channel: string;
}

export interface ResolveOptions {
  /** The channel and Builder the export installs from (habitat-channel, habitat-builder-url). */
  settings: ExportSettings;
  /** HAB_AUTH_TOKEN is read from here (default process.env). */
  env?: NodeJS.ProcessEnv;
  log: Log;
  maxParallel: number;
  /** Builder requests: timeout, attempts, HTTP client (tests). */
  builder?: Pick<BuilderOptions, 'get' | 'sleep' | 'timeoutMs' | 'attempts'>;
}

/**
 * The release each package named without one (`origin/name`, `origin/name/version`) would be
 * exported at: the latest in the channel, as Builder says. With it known before exporting, a
 * release the registry already holds is reused like a pinned one, and a rerun with nothing
 * changed exports nothing. A package Builder cannot answer for is left out (and exported as
 * named, as without this stage); pinned idents and .hart files need no answer.
 */
export async function resolveReleases(
  packages: readonly PackageSource[],
  options: ResolveOptions,
): Promise<Map<PackageSource, ResolvedRelease>> {
  const unpinned = packages.filter(
    (p): p is Extract<PackageSource, { kind: 'ident' }> => p.kind === 'ident' && p.release === undefined,
  );
  const found = new Map<PackageSource, ResolvedRelease>();
  if (unpinned.length === 0) return found;
  const { log, settings } = options;
  const token = (options.env ?? process.env).HAB_AUTH_TOKEN || undefined;
  if (token) log.setSecret(token);
  const url = settings.builderUrl ?? PUBLIC_BUILDER_URL;
  await log.group('Resolve', async () => {
    log.info(
      `Asking the Builder at ${url} for the latest release in channel ${settings.channel} of each package named without one`,
    );
    const answers = await mapLimit(unpinned, options.maxParallel, (source) =>
      latestRelease(source, { ...options.builder, url, channel: settings.channel, ...(token && { token }) }),
    );
    unpinned.forEach((source, i) => {
      const answer = answers[i];
      const named = [source.origin, source.name, source.version].filter((p) => p !== undefined).join('/');
      if (!answer?.resolved) {
        log.info(`${named}: not resolved, so it is exported as named: ${answer?.why ?? 'no answer'}`);
        return;
      }
      const { version, release } = answer;
      found.set(source, { named, version, release, channel: settings.channel });
      log.info(
        `${named}: the latest in ${settings.channel} is ${source.origin}/${source.name}/${version}/${release}`,
      );
    });
  });
  return found;
}

/** The package pinned to its resolved release: what the registry is asked for; pure. */
export function pinnedTo(source: PackageSource, resolved: ResolvedRelease): PackageSource {
  return { ...source, version: resolved.version, release: resolved.release };
}

/** For the job summary: which packages were resolved to which release (none or one line); pure. */
export function resolutionNotes(resolved: ReadonlyMap<PackageSource, ResolvedRelease> | undefined): string[] {
  if (!resolved || resolved.size === 0) return [];
  const items = [...resolved.values()].map(
    (r) => `${inlineCode(r.named)} → ${inlineCode(`${r.version}/${r.release}`)} (${markdownText(r.channel)})`,
  );
  return [`Resolved through Builder to the latest release in the channel: ${items.join(', ')}.`];
}
