import type { ECRClient } from '@aws-sdk/client-ecr';
import { error, UserError } from '../diagnostics';
import { once } from '../lazy';
import type { Log } from '../log';
import type { ProcessRunner } from '../process';
import { ensureRepositories, type RegistryAuthorization, type RepositorySettings } from '../registry/ecr';
import {
  authorizeRegistry,
  dockerLogin,
  newDockerConfigDir,
  type LoginState,
  type RegistryLogin,
} from '../registry/login';

export interface RegistrySessionOptions {
  /** The account the credentials must reach (aws-account-id), when one was given. */
  accountId?: string;
  /** Settings to create each repository with before its first push; undefined: never create. */
  createRepositories?: RepositorySettings;
  /** Where the private docker config goes: the runner's temp directory. */
  tempDir: string;
  log: Log;
  /** Records the login for whatever undoes it (the action's post step). */
  saveState: (state: LoginState) => void;
  /** docker's environment and process runner (default: process.env and real processes). */
  env?: NodeJS.ProcessEnv;
  run?: ProcessRunner;
}

/**
 * The registry as a deploy meets it: each step once, and only when needed. An image found in the
 * registry needs no repository made, so a rerun that finds every image makes none. Images pushed
 * through the registry API need no docker login; only a `docker push` does, and logs in then.
 */
export interface RegistrySession {
  /** The registry and its credentials: an ECR token on the first call, checked against the account. */
  credentials(): Promise<RegistryAuthorization>;
  /** Before the first write into `repository` through the registry API: the repository made (when asked). */
  repository(repository: string): Promise<void>;
  /** Before the first `docker push` into `repository`: the repository made (when asked), docker logged in (once). */
  prepare(repository: string): Promise<RegistryLogin>;
}

export function openRegistrySession(ecr: ECRClient, options: RegistrySessionOptions): RegistrySession {
  const { log } = options;
  const credentials = once(async () => {
    const auth = await authorizeRegistry(ecr, log);
    checkAccount(options.accountId, auth.registry);
    return auth;
  });
  const loggedIn = once(async () => {
    const auth = await credentials();
    const dockerConfigDir = newDockerConfigDir(options.tempDir);
    // Saved first: the post step removes the config even if this step dies during the login.
    options.saveState({ registry: auth.registry, dockerConfigDir });
    return dockerLogin(auth, {
      dockerConfigDir,
      log,
      ...(options.env && { env: options.env }),
      ...(options.run && { run: options.run }),
    });
  });
  const repositories = new Map<string, Promise<unknown>>();
  const ensure = async (repository: string): Promise<void> => {
    // The account is checked before anything is made in it.
    await credentials();
    const settings = options.createRepositories;
    if (settings && !repositories.has(repository))
      repositories.set(repository, ensureRepositories(ecr, [repository], settings, log));
    await repositories.get(repository);
  };
  return {
    credentials,
    repository: ensure,
    async prepare(repository) {
      await ensure(repository);
      return loggedIn();
    },
  };
}

/** The account of the registry the credentials reach must be the one asked for. */
function checkAccount(accountId: string | undefined, registry: string): void {
  const account = registry.split('.')[0];
  if (accountId && account !== accountId) {
    throw new UserError(
      error(
        `the AWS credentials reach the ECR registry of account ${account ?? '?'}, not ${accountId}: fix aws-account-id or the credentials`,
        { input: 'aws-account-id' },
      ),
    );
  }
}
