/** `v1.2.3` -> { version: '1.2.3', major: 'v1' }; throws for anything else. */
export function releaseTag(tag: string): { version: string; major: string };
/** The body of CHANGELOG.md's `## [version] - date` section, or undefined when there is none. */
export function changelogSection(changelog: string, version: string): string | undefined;
/** The major tag a release of `tag` moves and its notes; throws listing every problem. */
export function checkRelease(release: { tag: string; packageVersion: string; changelog: string }): {
  version: string;
  major: string;
  notes: string;
};
/** Moves the major tag of `tag` to its commit and pushes it, unless a newer release of that major exists; says what it did. */
export function moveMajor(tag: string, options: { cwd: string; remote?: string }): string;
/** The command line (`notes|major vX.Y.Z`): what it prints. */
export function main(argv: string[]): string;
