import * as core from '@actions/core';
import type { LoginState } from '../registry/login';

/**
 * What the main step leaves for the post step: the docker login to undo. Nothing secret (the
 * registry host and the private config's path), so it can go through the runner's GITHUB_STATE.
 * The one place that names the keys, for both sides.
 */
const KEYS: Readonly<Record<keyof LoginState, string>> = {
  registry: 'registry',
  dockerConfigDir: 'docker-config',
};

/** The state that tells the post step from the main step: both run dist/index.js. */
const POST_MARK = 'isPost';

/** Called first thing in the main step; the post step then finds the mark. */
export function markMainStep(): void {
  core.saveState(POST_MARK, 'true');
}

export function isPostStep(): boolean {
  return core.getState(POST_MARK) === 'true';
}

export function saveLoginState(state: LoginState): void {
  core.saveState(KEYS.registry, state.registry);
  core.saveState(KEYS.dockerConfigDir, state.dockerConfigDir);
}

/** The login the main step recorded; undefined when it never logged in. */
export function readLoginState(): LoginState | undefined {
  const registry = core.getState(KEYS.registry);
  const dockerConfigDir = core.getState(KEYS.dockerConfigDir);
  return registry && dockerConfigDir ? { registry, dockerConfigDir } : undefined;
}
