import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  CommandNotFoundError,
  describeExit,
  findExecutable,
  runProcess,
  withoutTerminalEscapes,
} from '../src/process';

describe('runProcess', () => {
  it('streams lines of both streams, captures output and keeps a bounded tail', async () => {
    const lines: string[] = [];
    const result = await runProcess(
      'sh',
      ['-c', 'for i in 1 2 3 4 5; do echo "out $i"; done; echo "err" >&2; printf "no newline"; exit 3'],
      { tailLines: 3, onLine: (line, stream) => lines.push(`${stream}:${line}`) },
    );
    expect(result.exitCode).toBe(3);
    expect(describeExit(result)).toBe('exited with code 3');
    expect(lines).toContain('stdout:out 1');
    expect(lines).toContain('stderr:err');
    expect(lines).toContain('stdout:no newline');
    expect(result.stdout).toBe('out 1\nout 2\nout 3\nout 4\nout 5\nno newline');
    expect(result.stderr).toBe('err\n');
    expect(result.tail).toHaveLength(3);
  });

  it('keeps terminal escapes out of the tail that error messages quote', async () => {
    // What docker's legacy builder writes for a Dockerfile warning.
    const result = await runProcess('printf', ['\\033[91m[WARNING]: x\\n\\033[0mStep 1/2 : FROM scratch\\n']);
    expect(result.tail).toEqual(['[WARNING]: x', 'Step 1/2 : FROM scratch']);
    expect(withoutTerminalEscapes('\u001b]0;title\u0007a\u001b[2Kb\u001b[1;31mc')).toBe('abc');
  });

  it('passes arguments verbatim (no shell) and writes the input to stdin', async () => {
    const result = await runProcess('sh', ['-c', 'cat; printf "|%s" "$1"', 'sh', '$HOME; echo x'], {
      input: 's3cret',
    });
    expect(result.stdout).toBe('s3cret|$HOME; echo x');
  });

  it('closes stdin without input, so a child that reads it gets EOF; one that never reads it is no crash', async () => {
    const read = await runProcess('cat', [], { timeoutMs: 10_000 });
    expect(read).toMatchObject({ exitCode: 0, timedOut: false, stdout: '' });
    const unread = await runProcess('sh', ['-c', 'exec 0<&-; exit 0'], { input: 'x'.repeat(1 << 20) });
    expect(unread.exitCode).toBe(0);
  });

  it("gives children what the tools read, never the job's credentials; HAB_AUTH_TOKEN to hab alone", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bin-'));
    for (const name of ['hab', 'docker']) {
      writeFileSync(path.join(dir, name), '#!/bin/sh\nenv\n');
      chmodSync(path.join(dir, name), 0o755);
    }
    const env = {
      PATH: `${dir}:/usr/bin:/bin`,
      HOME: '/home/runner',
      DOCKER_CONFIG: '/tmp/docker-config',
      DOCKER_HOST: 'unix:///var/run/docker.sock',
      HAB_LICENSE: 'accept-no-persist',
      HAB_AUTH_TOKEN: 'hab-token',
      HTTPS_PROXY: 'http://proxy:3128',
      RUNNER_TRACKING_ID: 'github_1',
      AWS_ACCESS_KEY_ID: 'AKIA-key',
      AWS_SECRET_ACCESS_KEY: 'aws-secret',
      AWS_SESSION_TOKEN: 'aws-session',
      GITHUB_TOKEN: 'ghs_token',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token',
      ACTIONS_RUNTIME_TOKEN: 'runtime-token',
      INPUT_GITHUB_TOKEN: 'ghs_input',
      SOME_STEP_EXPORT: 'x',
    };
    const seen = async (tool: string) =>
      Object.fromEntries(
        (await runProcess(tool, [], { env })).stdout
          .trim()
          .split('\n')
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
    const common = {
      PATH: env.PATH,
      HOME: env.HOME,
      DOCKER_CONFIG: env.DOCKER_CONFIG,
      DOCKER_HOST: env.DOCKER_HOST,
      HAB_LICENSE: env.HAB_LICENSE,
      HTTPS_PROXY: env.HTTPS_PROXY,
      RUNNER_TRACKING_ID: env.RUNNER_TRACKING_ID,
    };
    // `sh` adds PWD (and SHLVL, _ where it wants) of its own.
    const own = (vars: Record<string, string>) =>
      Object.fromEntries(Object.entries(vars).filter(([k]) => !['PWD', 'SHLVL', '_', 'OLDPWD'].includes(k)));
    expect(own(await seen('docker'))).toEqual(common);
    expect(own(await seen('hab'))).toEqual({ ...common, HAB_AUTH_TOKEN: 'hab-token' });
  });

  it('looks the program up on the PATH of the env it is given', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bin-'));
    writeFileSync(path.join(dir, 'hello-tool'), '#!/bin/sh\necho "hi from $0"\n');
    chmodSync(path.join(dir, 'hello-tool'), 0o755);
    const result = await runProcess('hello-tool', [], { env: { PATH: `${dir}:/usr/bin:/bin` } });
    expect(result.stdout.trim()).toBe(`hi from ${dir}/hello-tool`);
    expect(findExecutable('hello-tool', { PATH: dir })).toBe(path.join(dir, 'hello-tool'));
    expect(findExecutable('hello-tool', { PATH: '/usr/bin' })).toBeUndefined();
    await expect(runProcess('hello-tool', [], { env: { PATH: '/nonexistent' } })).rejects.toThrow(
      CommandNotFoundError,
    );
  });

  it('does not call a missing working directory a missing command', async () => {
    const attempt = runProcess('sh', ['-c', 'true'], { cwd: '/nonexistent-dir-for-test' });
    await expect(attempt).rejects.toThrow(/does not exist/);
    await expect(attempt).rejects.not.toBeInstanceOf(CommandNotFoundError);
  });

  it('kills a process that runs past its timeout', async () => {
    const started = Date.now();
    const result = await runProcess('sleep', ['10'], { timeoutMs: 200 });
    expect(result.timedOut).toBe(true);
    expect(describeExit(result)).toBe('timed out and was killed');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
