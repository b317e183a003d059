import type { ECRClient } from '@aws-sdk/client-ecr';
import { randomUUID } from 'node:crypto';
import { lstatSync, realpathSync } from 'node:fs';
import { chmod, mkdir, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { error, UserError } from '../diagnostics';
import type { Log } from '../log';
import { CommandNotFoundError, describeExit, runProcess, type ProcessRunner } from '../process';
import { getRegistryAuthorization, type RegistryAuthorization } from './ecr';
import { isAuthFailure } from './retry';

/** A docker login to ECR. The password lives in memory (and in the private docker config) only. */
export interface RegistryLogin extends RegistryAuthorization {
  /** DOCKER_CONFIG of every docker command that talks to the registry; removed by logout. */
  dockerConfigDir: string;
}

/** What the post step needs to undo the login: nothing secret, safe to save as action state. */
export interface LoginState {
  registry: string;
  dockerConfigDir: string;
}

export interface DockerOptions {
  /** Environment for docker (default process.env); DOCKER_CONFIG is set on top. */
  env?: NodeJS.ProcessEnv;
  run?: ProcessRunner;
}

/**
 * A fresh path for the private docker config under `parent`: the runner's temp directory, which
 * the runner empties after the job even if the post step never runs. Not created here.
 */
export function newDockerConfigDir(parent: string): string {
  return path.join(parent, `${DOCKER_CONFIG_PREFIX}${randomUUID()}`);
}

const DOCKER_CONFIG_PREFIX = 'habitat-ecs-docker-';
const DOCKER_CONFIG_NAME =
  /^habitat-ecs-docker-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A registry host name, with a port at most: all `docker logout` is given. */
const REGISTRY_HOST = /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d{1,5})?$/;

/**
 * Whether a login the post step found in the saved state is one this action made, before the
 * post step runs `docker logout` with it and deletes its directory: the directory must be a
 * `habitat-ecs-docker-<uuid>` directory right inside `tempDir` (links resolved on both), and the
 * registry a host name. State can be written by anything that prints `::save-state` in the log,
 * so it is checked, not trusted. `gone`: there is nothing left to remove.
 */
export function checkSavedLogin(
  state: LoginState,
  tempDir: string,
): { ok: LoginState } | { gone: true } | { refused: string } {
  if (!REGISTRY_HOST.test(state.registry))
    return { refused: `the registry ${JSON.stringify(state.registry)} is not a host name` };
  let dir: string;
  let temp: string;
  try {
    temp = realpathSync(tempDir);
    dir = realpathSync(state.dockerConfigDir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { gone: true };
    return { refused: (e as Error).message };
  }
  if (path.dirname(dir) !== temp || !DOCKER_CONFIG_NAME.test(path.basename(dir))) {
    return {
      refused: `${dir} is not a ${DOCKER_CONFIG_PREFIX}<uuid> directory in the temp directory ${temp}`,
    };
  }
  if (!lstatSync(dir).isDirectory()) return { refused: `${dir} is not a directory` };
  return { ok: { registry: state.registry, dockerConfigDir: dir } };
}

/** The environment docker runs in: the caller's, with the private config directory. */
export function dockerEnvironment(
  state: { dockerConfigDir: string },
  env: NodeJS.ProcessEnv,
): NodeJS.ProcessEnv {
  return { ...env, DOCKER_CONFIG: state.dockerConfigDir };
}

/** Gets an ECR token and masks it (and its base64 form) in the log before anything can print it. */
export async function authorizeRegistry(client: ECRClient, log: Log): Promise<RegistryAuthorization> {
  const auth = await getRegistryAuthorization(client);
  log.setSecret(auth.password);
  log.setSecret(Buffer.from(`${auth.username}:${auth.password}`).toString('base64'));
  return auth;
}

/**
 * Logs docker in with an ECR token, into a private DOCKER_CONFIG (mode 0700) so the runner's own
 * docker config is neither read nor changed. The password goes to docker on stdin.
 */
export async function dockerLogin(
  auth: RegistryAuthorization,
  options: DockerOptions & { dockerConfigDir: string; log: Log },
): Promise<RegistryLogin> {
  await mkdir(options.dockerConfigDir, { recursive: true, mode: 0o700 });
  await chmod(options.dockerConfigDir, 0o700);
  const login: RegistryLogin = { ...auth, dockerConfigDir: options.dockerConfigDir };
  const run = options.run ?? runProcess;
  let result;
  try {
    result = await run('docker', ['login', '--username', auth.username, '--password-stdin', auth.registry], {
      env: dockerEnvironment(login, options.env ?? process.env),
      input: auth.password,
      timeoutMs: 2 * 60 * 1000,
      onLine: (line) => options.log.debug(line),
    });
  } catch (e) {
    if (e instanceof CommandNotFoundError)
      throw new UserError(error('`docker` is not on PATH: it is needed to push images'));
    throw e;
  }
  if (result.exitCode !== 0 || result.timedOut) {
    const output = result.tail.join('\n');
    const why = isAuthFailure(output)
      ? 'the registry refused the ECR token (is the region right, and does the role have ecr:GetAuthorizationToken?)'
      : `docker login ${describeExit(result)}`;
    await rm(options.dockerConfigDir, { recursive: true, force: true });
    throw new UserError(error(`logging in to ${auth.registry} failed: ${why}:\n${output}`));
  }
  options.log.info(`Logged in to ${auth.registry}`);
  return login;
}

/**
 * Undoes dockerLogin: docker logout, then removes the private docker config with whatever
 * credentials it holds. Never throws: it runs in the post step, after everything else.
 */
export async function logout(state: LoginState, options: DockerOptions & { log?: Log } = {}): Promise<void> {
  const run = options.run ?? runProcess;
  try {
    const result = await run('docker', ['logout', state.registry], {
      env: dockerEnvironment(state, options.env ?? process.env),
      timeoutMs: 60 * 1000,
    });
    if (result.exitCode !== 0)
      options.log?.warning(`docker logout ${state.registry} ${describeExit(result)}`);
  } catch (e) {
    options.log?.warning(`docker logout ${state.registry} could not run: ${(e as Error).message}`);
  }
  // The directory is ours alone; removing it removes the credentials even if logout failed.
  await rm(state.dockerConfigDir, { recursive: true, force: true }).catch((e: Error) =>
    options.log?.warning(`could not remove ${state.dockerConfigDir}: ${e.message}`),
  );
}
