import { actionsLog } from './actions-log';
import { readLoginState } from './post-state';
import { logout } from './registry/login';
import * as runner from './workflow-commands';

/** Post step: log docker out of the registry and remove the private docker config, always. */
async function post(): Promise<void> {
  const login = readLoginState();
  if (!login) {
    runner.info('Nothing to clean up: this run did not log in to a registry.');
    return;
  }
  try {
    await logout(login, { log: actionsLog });
    runner.info(`Logged out of ${login.registry} and removed the private docker config.`);
  } catch (e) {
    // Cleanup must not fail the job; say what is left behind.
    runner.warning(`Cleanup incomplete: ${e instanceof Error ? e.message : String(e)}`);
  }
}

void post();
