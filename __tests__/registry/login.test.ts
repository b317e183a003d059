import { GetAuthorizationTokenCommand, type ECRClient } from '@aws-sdk/client-ecr';
import { existsSync, mkdirSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runnerTemp } from '../../src/action/github-context';
import {
  authorizeRegistry,
  checkSavedLogin,
  dockerLogin,
  logout,
  newDockerConfigDir,
} from '../../src/registry/login';
import type { ProcessRunner, RunOptions, RunResult } from '../../src/process';
import { RecordingLog } from '../support/recording-log';

const PASSWORD = 'p4ss-w0rd-from-ecr';
const client = {
  send: async (command: unknown) => {
    expect(command).toBeInstanceOf(GetAuthorizationTokenCommand);
    return {
      authorizationData: [
        {
          authorizationToken: Buffer.from(`AWS:${PASSWORD}`).toString('base64'),
          proxyEndpoint: 'https://123456789012.dkr.ecr.us-east-1.amazonaws.com',
        },
      ],
    };
  },
} as unknown as ECRClient;

function fakeDocker(answer: (args: readonly string[]) => Partial<RunResult> = () => ({})) {
  const calls: { args: readonly string[]; options?: RunOptions }[] = [];
  const run: ProcessRunner = async (command, args, options) => {
    expect(command).toBe('docker');
    calls.push({ args, options });
    return { exitCode: 0, signal: null, timedOut: false, stdout: '', stderr: '', tail: [], ...answer(args) };
  };
  return { run, calls };
}

describe('authorizeRegistry, dockerLogin and logout', () => {
  it('masks the password, hands it over on stdin into a private 0700 DOCKER_CONFIG, and logout removes it', async () => {
    const log = new RecordingLog();
    const docker = fakeDocker();
    const dockerConfigDir = path.join(mkdtempSync(path.join(tmpdir(), 'login-')), 'docker-config');
    const login = await dockerLogin(await authorizeRegistry(client, log), {
      dockerConfigDir,
      log,
      run: docker.run,
      env: { PATH: '/bin' },
    });

    expect(log.secrets).toContain(PASSWORD);
    expect(login.registry).toBe('123456789012.dkr.ecr.us-east-1.amazonaws.com');
    expect(statSync(dockerConfigDir).mode & 0o777).toBe(0o700);
    const call = docker.calls[0];
    expect(call?.args).toEqual([
      'login',
      '--username',
      'AWS',
      '--password-stdin',
      '123456789012.dkr.ecr.us-east-1.amazonaws.com',
    ]);
    expect(call?.args.join(' ')).not.toContain(PASSWORD);
    expect(call?.options?.input).toBe(PASSWORD);
    expect(call?.options?.env?.DOCKER_CONFIG).toBe(dockerConfigDir);
    expect(
      JSON.stringify({ registry: login.registry, dockerConfigDir: login.dockerConfigDir }),
    ).not.toContain(PASSWORD);

    writeFileSync(path.join(dockerConfigDir, 'config.json'), '{"auths":{}}');
    await logout(login, { run: docker.run, env: {} });
    expect(docker.calls[1]?.args).toEqual(['logout', login.registry]);
    expect(docker.calls[1]?.options?.env?.DOCKER_CONFIG).toBe(dockerConfigDir);
    expect(existsSync(dockerConfigDir)).toBe(false);
  });

  it('fails clearly and leaves nothing behind when the registry refuses the token', async () => {
    const docker = fakeDocker(() => ({
      exitCode: 1,
      tail: ['Error response from daemon: Get "https://x/v2/": unauthorized: authentication required'],
    }));
    const dockerConfigDir = path.join(mkdtempSync(path.join(tmpdir(), 'login-')), 'cfg');
    await expect(
      dockerLogin(await authorizeRegistry(client, new RecordingLog()), {
        dockerConfigDir,
        log: new RecordingLog(),
        run: docker.run,
      }),
    ).rejects.toThrow(
      /logging in to 123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com failed: the registry refused/,
    );
    expect(existsSync(dockerConfigDir)).toBe(false);
  });

  it('logout never throws, and still removes the directory when docker fails', async () => {
    const log = new RecordingLog();
    const dir = mkdtempSync(path.join(tmpdir(), 'cfg-'));
    const run: ProcessRunner = async () => {
      throw new Error('docker exploded');
    };
    await logout({ registry: 'r', dockerConfigDir: dir }, { run, log });
    expect(existsSync(dir)).toBe(false);
    expect(log.text()).toContain('docker logout r could not run: docker exploded');
  });

  it('puts the private docker config under RUNNER_TEMP, a new one each time', () => {
    const a = newDockerConfigDir(runnerTemp({ RUNNER_TEMP: '/runner/_temp' }));
    expect(a).toMatch(/^\/runner\/_temp\/habitat-ecs-docker-[0-9a-f-]{36}$/);
    expect(newDockerConfigDir(runnerTemp({ RUNNER_TEMP: '/runner/_temp' }))).not.toBe(a);
    expect(newDockerConfigDir(runnerTemp({})).startsWith(tmpdir())).toBe(true);
  });
});

describe('checkSavedLogin: what the post step may log out of and delete', () => {
  const registry = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
  const temp = mkdtempSync(path.join(tmpdir(), 'runner-temp-'));
  const outside = mkdtempSync(path.join(tmpdir(), 'not-ours-'));
  const ours = newDockerConfigDir(temp);
  mkdirSync(ours);

  it('accepts the directory the session made', () => {
    expect(checkSavedLogin({ registry, dockerConfigDir: ours }, temp)).toEqual({
      ok: { registry, dockerConfigDir: ours },
    });
  });

  it('has nothing to do once it is gone', () => {
    expect(checkSavedLogin({ registry, dockerConfigDir: newDockerConfigDir(temp) }, temp)).toEqual({
      gone: true,
    });
  });

  it.each([
    ['a directory outside the temp directory', () => outside],
    ['the temp directory itself', () => temp],
    ['a home directory', () => tmpdir()],
    ['a habitat-ecs-docker-<uuid> directory elsewhere', () => newDirIn(outside)],
    ['a ../ path that climbs out', () => path.join(ours, '..', '..', path.basename(outside))],
    ['another name inside the temp directory', () => mkdtempSync(path.join(temp, 'habitat-ecs-docker-x'))],
    ['a link in the temp directory to a directory outside', () => linkTo(outside)],
    ['a file of the right name', () => fileIn(temp)],
  ])('refuses %s', (_what, dir) => {
    const checked = checkSavedLogin({ registry, dockerConfigDir: dir() }, temp);
    expect(checked).toHaveProperty('refused');
  });

  it('refuses a registry that is not a host name (it becomes an argument of docker logout)', () => {
    expect(checkSavedLogin({ registry: '--help', dockerConfigDir: ours }, temp)).toHaveProperty('refused');
  });

  function newDirIn(parent: string): string {
    const dir = newDockerConfigDir(parent);
    mkdirSync(dir);
    return dir;
  }
  function linkTo(target: string): string {
    const link = newDockerConfigDir(temp);
    symlinkSync(target, link);
    return link;
  }
  function fileIn(parent: string): string {
    const file = newDockerConfigDir(parent);
    writeFileSync(file, '');
    return file;
  }
});
