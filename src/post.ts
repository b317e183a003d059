import * as core from '@actions/core';
import { actionsLog } from './action/actions-log';
import { runnerTemp } from './action/github-context';
import { readLoginState } from './action/post-state';
import { checkSavedLogin, logout } from './registry/login';

/** Post step: log docker out of the registry and remove the private docker config, always. */
export async function post(): Promise<void> {
  const saved = readLoginState();
  if (!saved) {
    actionsLog.info('Nothing to clean up: this run did not log in to a registry.');
    return;
  }
  const checked = checkSavedLogin(saved, runnerTemp());
  if ('gone' in checked) {
    actionsLog.info(`Nothing to clean up: ${saved.dockerConfigDir} is already gone.`);
    return;
  }
  if ('refused' in checked) {
    core.warning(
      `Not logging out or removing ${saved.dockerConfigDir}: the saved state does not name a docker config this action made (${checked.refused}).`,
    );
    return;
  }
  const login = checked.ok;
  try {
    await logout(login, { log: actionsLog });
    actionsLog.info(`Logged out of ${login.registry} and removed the private docker config.`);
  } catch (e) {
    // Cleanup must not fail the job; say what is left behind.
    core.warning(`Cleanup incomplete: ${e instanceof Error ? e.message : String(e)}`);
  }
}
