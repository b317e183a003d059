import { CreateRepositoryCommand, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { UserError } from '../../src/diagnostics';
import type { ProcessRunner } from '../../src/process';
import type { RepositorySettings } from '../../src/registry/ecr';
import type { LoginState } from '../../src/registry/login';
import { openRegistrySession, type RegistrySessionOptions } from '../../src/stages/session';
import { RecordingLog } from '../support/recording-log';
import { fakeEcr, PASSWORD, REGISTRY } from './fakes';

const settings: RepositorySettings = {
  tagMutability: 'MUTABLE',
  scanOnPush: true,
  encryption: { type: 'AES256' },
  tags: {},
};

/** A session on a mocked ECR, with docker and the post-step state recorded in one timeline. */
function session(extra: Partial<RegistrySessionOptions> = {}) {
  const ecr = fakeEcr();
  const timeline: string[] = [];
  const saved: LoginState[] = [];
  const logins: { args: readonly string[]; input?: string; config?: string }[] = [];
  const run: ProcessRunner = async (_command, args, options) => {
    timeline.push(`docker ${args[0]}`);
    logins.push({
      args,
      ...(options?.input && { input: options.input }),
      config: options?.env?.DOCKER_CONFIG,
    });
    return { exitCode: 0, signal: null, timedOut: false, stdout: '', stderr: '', tail: [] };
  };
  const tempDir = mkdtempSync(path.join(tmpdir(), 'session-'));
  const log = new RecordingLog();
  const opened = openRegistrySession(ecr.client, {
    createRepositories: settings,
    tempDir,
    log,
    saveState: (state) => {
      timeline.push('state saved');
      saved.push(state);
    },
    env: {},
    run,
    ...extra,
  });
  return { session: opened, ecr: ecr.mock, timeline, saved, logins, tempDir, log };
}

describe('the registry session', () => {
  it('does nothing before it is needed', () => {
    const s = session();
    expect(s.ecr.calls()).toHaveLength(0);
    expect(s.timeline).toEqual([]);
  });

  it('asks ECR for one token, however many callers want the credentials, and masks it', async () => {
    const s = session();
    const all = await Promise.all([
      s.session.credentials(),
      s.session.credentials(),
      s.session.credentials(),
    ]);
    expect(all.map((a) => a.registry)).toEqual([REGISTRY, REGISTRY, REGISTRY]);
    expect(s.ecr.commandCalls(GetAuthorizationTokenCommand)).toHaveLength(1);
    expect(s.log.secrets).toContain(PASSWORD);
    // Reading the registry needs no docker login and leaves nothing for the post step.
    expect(s.timeline).toEqual([]);
  });

  it('logs docker in once for many pushes, after saving what the post step undoes', async () => {
    const s = session();
    await Promise.all(['a/x', 'a/y', 'a/x', 'a/z'].map((r) => s.session.prepare(r)));
    await s.session.prepare('a/y');
    expect(s.timeline).toEqual(['state saved', 'docker login']);
    expect(s.ecr.commandCalls(GetAuthorizationTokenCommand)).toHaveLength(1);
    const [state] = s.saved;
    expect(state?.registry).toBe(REGISTRY);
    expect(path.dirname(state?.dockerConfigDir ?? '')).toBe(s.tempDir);
    // The login used that private config, with the password on stdin, never in the arguments.
    expect(s.logins[0]).toEqual({
      args: ['login', '--username', 'AWS', '--password-stdin', REGISTRY],
      input: PASSWORD,
      config: state?.dockerConfigDir,
    });
    expect(statSync(state?.dockerConfigDir ?? '').mode & 0o777).toBe(0o700);
  });

  it('creates each repository once, before its first push', async () => {
    const s = session();
    await Promise.all(['a/x', 'a/y', 'a/x'].map((r) => s.session.prepare(r)));
    await s.session.prepare('a/x');
    const created = s.ecr.commandCalls(CreateRepositoryCommand).map((c) => c.args[0].input.repositoryName);
    expect(created).toEqual(['a/x', 'a/y']);
    expect(s.ecr.commandCalls(CreateRepositoryCommand)[0]?.args[0].input.imageScanningConfiguration).toEqual({
      scanOnPush: true,
    });
  });

  it('makes a repository for a push through the registry API without logging docker in', async () => {
    const s = session();
    await Promise.all(['a/x', 'a/y', 'a/x'].map((r) => s.session.repository(r)));
    const created = s.ecr.commandCalls(CreateRepositoryCommand).map((c) => c.args[0].input.repositoryName);
    expect(created).toEqual(['a/x', 'a/y']);
    expect(s.timeline).toEqual([]);
    // A later docker push into one of them logs in then, and does not make it again.
    await s.session.prepare('a/x');
    expect(s.timeline).toEqual(['state saved', 'docker login']);
    expect(s.ecr.commandCalls(CreateRepositoryCommand)).toHaveLength(2);
  });

  it('creates no repository when create-repositories is off', async () => {
    const s = session({ createRepositories: undefined });
    await s.session.prepare('a/x');
    expect(s.ecr.commandCalls(CreateRepositoryCommand)).toHaveLength(0);
    expect(s.timeline).toEqual(['state saved', 'docker login']);
  });

  it('refuses credentials that reach another account, before any login', async () => {
    const s = session({ accountId: '210987654321' });
    const failure = await s.session.prepare('a/x').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(UserError);
    expect((failure as UserError).diagnostics[0]).toMatchObject({
      input: 'aws-account-id',
      message: expect.stringContaining('account 123456789012, not 210987654321'),
    });
    expect(s.timeline).toEqual([]);
    expect(s.ecr.commandCalls(CreateRepositoryCommand)).toHaveLength(0);
  });
});
