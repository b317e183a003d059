import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import type { RunContext } from '../inputs/run-context';

/**
 * Reads GITHUB_* and the event payload at GITHUB_EVENT_PATH, as the runner provides them.
 * A missing or unreadable payload is not fatal: only the pull request number comes from it.
 * Not @actions/github's `context`: importing it brings Octokit into the entry chunk (+121 kB,
 * about 40 ms more start-up on every run), and it throws at import on an unreadable payload.
 */
export function readRunContext(env: NodeJS.ProcessEnv): RunContext {
  let payload: {
    pull_request?: { number?: unknown; head?: { repo?: { full_name?: unknown } | null } };
    number?: unknown;
    action?: unknown;
    repository?: { full_name?: unknown };
  } = {};
  const eventPath = env.GITHUB_EVENT_PATH;
  if (eventPath && fs.existsSync(eventPath)) {
    try {
      payload = JSON.parse(fs.readFileSync(eventPath, 'utf8')) as typeof payload;
    } catch {
      payload = {};
    }
  }
  const number = payload.pull_request?.number ?? payload.number;
  const head = payload.pull_request?.head?.repo?.full_name;
  const base = payload.repository?.full_name ?? env.GITHUB_REPOSITORY;
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    ref: env.GITHUB_REF ?? '',
    sha: env.GITHUB_SHA ?? '',
    ...(typeof number === 'number' && { pullRequest: number }),
    ...(typeof payload.action === 'string' && { action: payload.action }),
    ...(payload.pull_request && { fromFork: typeof head !== 'string' || head !== base }),
    ...(typeof base === 'string' && { repository: base }),
    ...(env.GITHUB_REPOSITORY &&
      env.GITHUB_RUN_ID && {
        runUrl: `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`,
      }),
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
  };
}

/**
 * The runner's temp directory, which it empties after every job (RUNNER_TEMP); outside a runner,
 * the system's. Where the private docker config, the exports and the rendered file go.
 */
export function runnerTemp(env: NodeJS.ProcessEnv = process.env): string {
  return env.RUNNER_TEMP || tmpdir();
}
