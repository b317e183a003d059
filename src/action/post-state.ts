import type { LoginState } from '../registry/login';
import * as runner from './workflow-commands';

/**
 * What the main step leaves for the post step: the docker login to undo. Nothing secret (the
 * registry host and the private config's path), so it can go through the runner's GITHUB_STATE.
 * The one place that names the keys, for both sides.
 */
const KEYS: Readonly<Record<keyof LoginState, string>> = {
  registry: 'registry',
  dockerConfigDir: 'docker-config',
};

export function saveLoginState(state: LoginState): void {
  runner.saveState(KEYS.registry, state.registry);
  runner.saveState(KEYS.dockerConfigDir, state.dockerConfigDir);
}

/** The login the main step recorded; undefined when it never logged in. */
export function readLoginState(): LoginState | undefined {
  const registry = runner.getState(KEYS.registry);
  const dockerConfigDir = runner.getState(KEYS.dockerConfigDir);
  return registry && dockerConfigDir ? { registry, dockerConfigDir } : undefined;
}
