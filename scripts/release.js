#!/usr/bin/env node
// The checks and texts of a release, for .github/workflows/release.yml (which cannot run here: its
// logic lives in this file, which __tests__/release.test.ts tests). On a `vX.Y.Z` tag:
//
//   node scripts/release.js notes vX.Y.Z   prints the release notes: CHANGELOG.md's `## [X.Y.Z]`
//                                          section; fails, naming every problem, when the tag is
//                                          not vX.Y.Z, package.json's version is not X.Y.Z, or the
//                                          changelog has no (or an empty) section for it
//   node scripts/release.js major vX.Y.Z   moves the major tag vX to the release's commit and
//                                          pushes it (to origin, or $RELEASE_REMOTE), unless a
//                                          newer vX.* release already holds it: a fix to an older
//                                          minor does not take `@vX` back
//
// How a release is cut: CONTRIBUTING.md.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

/** `v1.2.3` -> { version: '1.2.3', major: 'v1' }; throws for anything else (v1, v1.2, 1.2.3, v1.2.3-rc.1). */
function releaseTag(tag) {
  const m = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.exec(tag);
  if (!m) throw new Error(`release tag "${tag}" is not vMAJOR.MINOR.PATCH (e.g. v1.2.3)`);
  return { version: `${m[1]}.${m[2]}.${m[3]}`, major: `v${m[1]}` };
}

/**
 * The body of the changelog's `## [version] - YYYY-MM-DD` section (Keep a Changelog), trimmed,
 * without the link reference definitions that end the file; undefined when there is none.
 */
function changelogSection(changelog, version) {
  const lines = changelog.split('\n');
  const heading = new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\](?: - \\d{4}-\\d{2}-\\d{2})?\\s*$`);
  const start = lines.findIndex((l) => heading.test(l));
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => /^## /.test(l));
  return (end < 0 ? rest : rest.slice(0, end))
    .filter((l) => !/^\[[^\]]+\]:\s*\S+\s*$/.test(l))
    .join('\n')
    .trim();
}

/**
 * What a release of `tag` publishes: the major tag it moves and its notes. Throws one error that
 * lists every problem found, each with its fix.
 */
function checkRelease({ tag, packageVersion, changelog }) {
  let parsed;
  try {
    parsed = releaseTag(tag);
  } catch (e) {
    throw new Error(`cannot release ${tag}:\n- ${e.message}`);
  }
  const { version, major } = parsed;
  const problems = [];
  if (packageVersion !== version)
    problems.push(
      `package.json's version is ${packageVersion}, not ${version}: run \`npm version ${version} --no-git-tag-version\` in the release commit`,
    );
  const notes = changelogSection(changelog, version);
  if (notes === undefined)
    problems.push(
      `CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section: move the Unreleased entries under it in the release commit`,
    );
  else if (notes === '') problems.push(`CHANGELOG.md's section for ${version} is empty: say what changed`);
  if (problems.length > 0)
    throw new Error(`cannot release ${tag}:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  return { version, major, notes };
}

/** Compares two X.Y.Z versions: negative, 0 or positive. */
function compareVersions(a, b) {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

/**
 * Points the major tag (v1 for v1.2.3) at the commit of `tag` in the git repository at `cwd`, and
 * force-pushes it to `remote`, when `tag` is the newest release of its major among the repository's
 * tags; otherwise leaves it. Says what it did.
 */
function moveMajor(tag, { cwd, remote = 'origin' }) {
  const { version, major } = releaseTag(tag);
  const git = (...args) => execFileSync('git', args, { cwd, encoding: 'utf8', timeout: 60_000 }).trim();
  const commit = git('rev-parse', '--verify', `refs/tags/${tag}^{commit}`);
  const newest = git('tag', '--list', `${major}.*`)
    .split('\n')
    .flatMap((t) => {
      try {
        return [releaseTag(t).version];
      } catch {
        return []; // v1.2.3-rc.1 and the like are not releases
      }
    })
    .reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b), version);
  if (newest !== version) return `${major} stays on v${newest}, the newest ${major} release (this is ${tag})`;
  // A lightweight tag, as `uses: owner/repo@v1` needs nothing more; --force moves it, and pushing
  // the full ref name cannot be mistaken for a branch called v1.
  git('tag', '--force', major, commit);
  git('push', '--force', remote, `refs/tags/${major}`);
  return `${major} -> ${tag} (${commit})`;
}

function main(argv) {
  const [command, tag] = argv;
  if (!['notes', 'major'].includes(command) || !tag || argv.length !== 2)
    throw new Error('usage: node scripts/release.js notes|major vX.Y.Z');
  if (command === 'major')
    return `${moveMajor(tag, { cwd: process.cwd(), remote: process.env.RELEASE_REMOTE || 'origin' })}\n`;
  const release = checkRelease({
    tag,
    packageVersion: JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version,
    changelog: fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8'),
  });
  return `${release.notes}\n`;
}

if (require.main === module) {
  try {
    process.stdout.write(main(process.argv.slice(2)));
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}

module.exports = { releaseTag, changelogSection, checkRelease, moveMajor, main };
