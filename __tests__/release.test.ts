import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import YAML from 'yaml';
import { changelogSection, checkRelease, main, moveMajor, releaseTag } from '../scripts/release';

// The release's logic (scripts/release.js), which .github/workflows/release.yml runs on a vX.Y.Z
// tag and which cannot run here for real: the tag, the version, the notes from CHANGELOG.md, and
// the major tag moved in a real git repository pushed to a real (local, bare) remote.

const ROOT = path.resolve(__dirname, '..');

const CHANGELOG = `# Changelog

## [Unreleased]

### Added

- something new

## [1.2.0] - 2026-03-01

### Added

- \`image-tags\`

### Fixed

- a fix

## [1.1.10] - 2026-02-01

- older

[Unreleased]: https://github.com/o/r/compare/v1.2.0...HEAD
[1.2.0]: https://github.com/o/r/compare/v1.1.10...v1.2.0
`;

describe('releaseTag', () => {
  test('takes vMAJOR.MINOR.PATCH and names its major tag', () => {
    expect(releaseTag('v1.2.3')).toEqual({ version: '1.2.3', major: 'v1' });
    expect(releaseTag('v10.0.0')).toEqual({ version: '10.0.0', major: 'v10' });
  });

  test.each(['v1', 'v1.2', '1.2.3', 'v1.2.3-rc.1', 'v01.2.3', 'v1.2.3 ', 'refs/tags/v1.2.3'])(
    'refuses %j',
    (tag) => {
      expect(() => releaseTag(tag)).toThrow(`release tag "${tag}" is not vMAJOR.MINOR.PATCH`);
    },
  );
});

describe('changelogSection', () => {
  test('is the section up to the next one, without the link references', () => {
    expect(changelogSection(CHANGELOG, '1.2.0')).toBe('### Added\n\n- `image-tags`\n\n### Fixed\n\n- a fix');
    expect(changelogSection(CHANGELOG, '1.1.10')).toBe('- older');
  });

  test('matches the version exactly', () => {
    expect(changelogSection(CHANGELOG, '1.1.1')).toBeUndefined();
    expect(changelogSection(CHANGELOG, '1.2')).toBeUndefined();
    expect(changelogSection(CHANGELOG, '1x2x0')).toBeUndefined();
  });
});

describe('checkRelease', () => {
  test('gives the major tag and the notes', () => {
    expect(checkRelease({ tag: 'v1.2.0', packageVersion: '1.2.0', changelog: CHANGELOG })).toEqual({
      version: '1.2.0',
      major: 'v1',
      notes: '### Added\n\n- `image-tags`\n\n### Fixed\n\n- a fix',
    });
  });

  test('names every problem with its fix', () => {
    expect(() => checkRelease({ tag: 'v1.3.0', packageVersion: '1.2.0', changelog: CHANGELOG })).toThrow(
      'cannot release v1.3.0:\n' +
        "- package.json's version is 1.2.0, not 1.3.0: run `npm version 1.3.0 --no-git-tag-version` in the release commit\n" +
        '- CHANGELOG.md has no "## [1.3.0] - YYYY-MM-DD" section: move the Unreleased entries under it in the release commit',
    );
  });

  test('refuses an empty section', () => {
    const changelog = '## [Unreleased]\n\n## [2.0.0] - 2026-05-05\n\n## [1.0.0] - 2026-01-01\n\n- first\n';
    expect(() => checkRelease({ tag: 'v2.0.0', packageVersion: '2.0.0', changelog })).toThrow(
      "CHANGELOG.md's section for 2.0.0 is empty",
    );
  });
});

describe("this repository's CHANGELOG.md", () => {
  const changelog = fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');

  test('has an Unreleased section that says something', () => {
    expect(changelog).toMatch(/^## \[Unreleased\]$/m);
    expect(changelogSection(changelog, 'Unreleased')).not.toBe('');
  });

  test('has a dated, non-empty section for every version it lists', () => {
    const headings = changelog.match(/^## \[(?!Unreleased\]).*$/gm) ?? [];
    for (const heading of headings) {
      const m = /^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$/.exec(heading);
      expect({ heading, ok: Boolean(m) }).toEqual({ heading, ok: true });
      expect(changelogSection(changelog, m?.[1] ?? '')).toBeTruthy();
    }
  });

  test('`notes` reads package.json and CHANGELOG.md, and refuses a version they do not release', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    if (changelogSection(changelog, version)) {
      expect(main(['notes', `v${version}`])).toBe(`${changelogSection(changelog, version)}\n`);
    } else {
      expect(() => main(['notes', `v${version}`])).toThrow(
        `CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section`,
      );
    }
    expect(() => main(['notes', 'v999.0.0'])).toThrow("package.json's version is");
  });
});

describe('moveMajor', () => {
  let work: string;
  let remote: string;
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.com',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.com',
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_NOSYSTEM: '1',
      },
    }).trim();
  /** A commit tagged `tag` (annotated, as CONTRIBUTING.md cuts releases), the tag pushed. */
  const release = (tag: string) => {
    git(work, 'commit', '--allow-empty', '-q', '-m', tag);
    git(work, 'tag', '-a', tag, '-m', tag);
    git(work, 'push', '-q', 'origin', `refs/tags/${tag}`);
    return git(work, 'rev-parse', 'HEAD');
  };
  /** The commit `tag` names in the remote, or '' when it has no such tag. */
  const remoteTag = (tag: string) =>
    git(remote, 'tag', '--list', tag) ? git(remote, 'rev-parse', `refs/tags/${tag}^{commit}`) : '';

  beforeEach(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-'));
    remote = path.join(dir, 'remote.git');
    work = path.join(dir, 'work');
    git(dir, 'init', '-q', '--bare', remote);
    git(dir, 'init', '-q', '-b', 'main', work);
    git(work, 'remote', 'add', 'origin', remote);
  });

  test('creates the major tag on the first release, and moves it with the next', () => {
    const first = release('v1.0.0');
    expect(moveMajor('v1.0.0', { cwd: work })).toBe(`v1 -> v1.0.0 (${first})`);
    expect(remoteTag('v1')).toBe(first);
    const second = release('v1.1.0');
    expect(moveMajor('v1.1.0', { cwd: work })).toBe(`v1 -> v1.1.0 (${second})`);
    expect(remoteTag('v1')).toBe(second);
    expect(remoteTag('v1.0.0')).toBe(first);
  });

  test('a new major gets its own tag and leaves the old one', () => {
    const one = release('v1.4.2');
    moveMajor('v1.4.2', { cwd: work });
    const two = release('v2.0.0');
    expect(moveMajor('v2.0.0', { cwd: work })).toBe(`v2 -> v2.0.0 (${two})`);
    expect(remoteTag('v1')).toBe(one);
    expect(remoteTag('v2')).toBe(two);
  });

  test('a fix to an older minor does not take the major tag back', () => {
    release('v1.2.0');
    const newest = release('v1.3.0');
    moveMajor('v1.3.0', { cwd: work });
    git(work, 'checkout', '-q', 'v1.2.0');
    release('v1.2.1');
    expect(moveMajor('v1.2.1', { cwd: work })).toBe(
      'v1 stays on v1.3.0, the newest v1 release (this is v1.2.1)',
    );
    expect(remoteTag('v1')).toBe(newest);
  });

  test('pre-release tags of the major do not count as newer', () => {
    git(work, 'commit', '--allow-empty', '-q', '-m', 'rc');
    git(work, 'tag', 'v1.1.0-rc.1');
    const released = release('v1.0.5');
    expect(moveMajor('v1.0.5', { cwd: work })).toBe(`v1 -> v1.0.5 (${released})`);
  });

  test('fails when the tag is not in the repository', () => {
    release('v1.0.0');
    expect(() => moveMajor('v1.0.1', { cwd: work })).toThrow();
    expect(remoteTag('v1')).toBe('');
  });
});

test('release.yml releases only what the CI of the tagged commit passed, with these checks', () => {
  const workflow = YAML.parse(fs.readFileSync(path.join(ROOT, '.github/workflows/release.yml'), 'utf8')) as {
    on: { push: { tags: string[] } };
    jobs: Record<string, { uses?: string; needs?: string | string[]; steps?: { run?: string }[] }>;
  };
  expect(workflow.on.push.tags).toEqual(['v[0-9]+.[0-9]+.[0-9]+']);
  const [testJob, ...others] = Object.entries(workflow.jobs).filter(([, job]) => job.uses);
  expect(others).toEqual([]);
  expect(testJob?.[1].uses).toBe('./.github/workflows/ci.yml');
  const release = Object.values(workflow.jobs).find((job) => job.steps);
  expect([release?.needs].flat()).toContain(testJob?.[0]);
  const runs = (release?.steps ?? []).map((s) => s.run ?? '').join('\n');
  for (const command of [
    'npm run bundle',
    'node scripts/release.js notes',
    'npm pack',
    'gh release create',
    'node scripts/release.js major',
  ])
    expect(runs).toContain(command);
  expect(runs.indexOf('node scripts/release.js notes')).toBeLessThan(runs.indexOf('gh release create'));
  expect(runs.indexOf('gh release create')).toBeLessThan(runs.indexOf('node scripts/release.js major'));
});
