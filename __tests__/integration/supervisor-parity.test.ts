// Parity with the real Supervisor: for every argument list below, the action's verdict (does
// parseSupervisorArgs accept it, with the container's environment?) equals the verdict of the real
// Habitat 2.1.78 `hab sup run` in a container of its root filesystem, run the way an exported image
// runs it: `hab sup run <origin/name> <args>`.
//
// How a verdict is read (__tests__/support/sup-run-verdict.sh): a hand-made installed package
// `parity/app` is loaded, so an accepted list ends in "The parity/app service was successfully
// loaded" (or, for --generate-config, the printed configuration), while a refused one exits first
// (a clap error at once, with status 2; a value read at start, with 86) or crashes. No Builder is
// needed: the package is installed. Each case gets a fresh container (--network none, its own
// ports and /hab), which is removed when the verdict is in; the wait is bounded at 15 s a case.
//
// Needs the local stack's docker and HAB_TEST_BINARIES (see test/habitat/real-habitat).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseSupervisorArgs } from '../../src/translate/habitat/supervisor';
import { runProcess } from '../../src/process';
import { requireStackEnv } from '../support/stack';
import { ok } from '../support/run';

jest.setTimeout(180_000);

type Verdict = 'accepted' | 'refused';

interface Case {
  args: string[];
  env?: Record<string, string>;
  /** What the real Supervisor does (asserted too, so the corpus documents Habitat). */
  real: Verdict;
  /** Only where the action differs on purpose: its verdict, and why. */
  action?: { verdict: Verdict; why: string };
}

const accepted = (args: string[], env?: Record<string, string>): Case => ({
  args,
  real: 'accepted',
  ...(env && { env }),
});
const refused = (args: string[], env?: Record<string, string>): Case => ({
  args,
  real: 'refused',
  ...(env && { env }),
});

const CORPUS: Case[] = [
  // Accepted
  accepted([]),
  accepted(['--peer', 'mongodb', '--bind', 'database:mongodb.default']),
  accepted(['--peer', '127.0.0.1:9638', '--peer', 'mongodb:9638']),
  accepted(['--peer', '127.0.0.1', '127.0.0.2']),
  accepted(['--peer', '127.0.0.1 127.0.0.2']),
  accepted(['--peer', '127.0.0.1', '-I']),
  accepted(['--peer', '127.0.0.1:0', '--listen-ctl', 'localhost']),
  accepted(['--bind', 'database:mongodb.default cache:redis.default']),
  accepted(['--bind', 'database:mongodb.default@acme', '--bind', 'cache:redis.default']),
  accepted(['--health-check-interval', '10']),
  accepted(['--health-check-interval=10', '--shutdown-timeout', '10']),
  accepted([
    '--listen-gossip',
    '0.0.0.0:9648',
    '--listen-http',
    '0.0.0.0:9641',
    '--listen-ctl',
    '127.0.0.1:9642',
  ]),
  accepted(['--listen-ctl', 'localhost:9652']),
  accepted(['--config-files', '/etc/sup.toml']),
  accepted(['--config-files', '/etc/sup.toml', '/etc/empty.toml']),
  accepted(['--generate-config']),
  accepted(['--ctl-server-certificate']),
  accepted(['--ctl-server-key']),
  accepted(['--ctl-client-ca-certificate']),
  accepted(['--ctl-server-certificate', '--ctl-server-key', '--ctl-client-ca-certificate']),
  accepted(['--ctl-server-certificate', '/hab/cache/keys/ctl', '/hab/cache/keys/ctl']),
  accepted(['-Dtleader']),
  accepted(['-DI', '-v']),
  accepted([
    '-t=leader',
    '-s',
    'at-once',
    '--binding-mode',
    'relaxed',
    '--update-condition',
    'track-channel',
  ]),
  accepted(['--sys-ip-address', '::1', '--group', 'prod', '--org', 'acme']),
  accepted(['--event-meta', 'a=1 b=2', '--event-meta', 'c=3']),
  accepted(['--url', 'http://127.0.0.1:1', '--channel', 'unstable']),
  accepted(['--local-gossip-mode']),
  accepted(['--key', '/tls/key.pem', '--certs', '/tls/cert.pem']),
  accepted(
    [
      '--event-stream-url',
      'nats://127.0.0.1:4222',
      '--event-stream-application',
      'a',
      '--event-stream-environment',
      'e',
    ],
    { HAB_AUTOMATE_AUTH_TOKEN: 'token' },
  ),
  accepted([], {
    HAB_LISTEN_GOSSIP: '0.0.0.0:9648',
    HAB_LISTEN_HTTP: '0.0.0.0:9641',
    HAB_KEEP_LATEST_PACKAGES: '3',
  }),
  accepted(['--listen-http', '0.0.0.0:9641'], { HAB_LISTEN_HTTP: 'localhost:9631' }),
  // Refused: the five points of issue 15 first
  refused(['-i', '10']),
  refused(['--svc-config-paths', '/hab/svc']),
  refused(['--peer', '[::1]:9638']),
  refused(['--listen-gossip', 'localhost:9648']),
  refused(['--listen-http', 'localhost:9631']),
  refused(['--group', 'a', '--group', 'b']),
  refused(['-I', '-I']),
  refused(['-vv']),
  refused(['--ctl-server-key', '--ctl-server-key']),
  refused(['--peer', 'mongodb', 'parity/app']),
  refused(['--peer']),
  refused(['--peer=127.0.0.1', '127.0.0.2']),
  refused(['--peer', '127.0.0.1  127.0.0.2']),
  refused(['--topology', 'Leader']),
  refused(['--bind', 'database:mongodb']),
  refused(['--health-check-interval', '-1']),
  refused(['--shutdown-timeout', '5000000000']),
  refused(['--local-gossip-mode', '--peer', '127.0.0.1']),
  refused(['--local-gossip-mode'], { HAB_LISTEN_GOSSIP: '0.0.0.0:9648' }),
  refused([], { HAB_LISTEN_HTTP: 'localhost:9631' }),
  refused([], { HAB_LISTEN_HTTP: '' }),
  refused(['--certs', '/tls/cert.pem']),
  refused(['--key', '/tls/key.pem']),
  refused(['--config-files', '/etc/passwd']),
  refused(['--url', 'builder.example']),
  refused(['--event-meta', 'kv']),
  refused(['--listen-gossip', '01.0.0.0:9638']),
  refused(['--sys-ip-address', 'localhost']),
  refused(['--help']),
  refused(['--', '--peer', '127.0.0.1']),
  // Where the action differs on purpose
  {
    args: ['--group', 'prod.eu'],
    real: 'accepted',
    action: {
      verdict: 'refused',
      why: 'a group with a dot cannot be bound to (service.group splits at the dot) and goes into the health-check command',
    },
  },
  {
    args: ['--org', 'my org'],
    real: 'accepted',
    action: { verdict: 'refused', why: 'the org becomes part of the health-check URL in a CMD-SHELL' },
  },
  {
    args: ['--config-files', '/nonexistent.toml'],
    real: 'refused',
    action: {
      verdict: 'accepted',
      why: 'whether a file exists in the image cannot be seen from the compose file; the action warns instead',
    },
  },
  {
    args: ['--ring', 'myring'],
    real: 'refused',
    action: {
      verdict: 'accepted',
      why: 'the ring key is looked up in the container key cache at start, which the compose file cannot show',
    },
  },
];

interface Outcome {
  verdict: Verdict;
  line: string;
  output: string;
}

let image = '';
const outcomes = new Map<Case, Outcome>();

beforeAll(async () => {
  requireStackEnv();
  image = parityImage();
  const script = readFileSync(path.join(__dirname, '../support/sup-run-verdict.sh'), 'utf8');
  const queue = [...CORPUS];
  const worker = async (): Promise<void> => {
    for (let c = queue.shift(); c; c = queue.shift()) outcomes.set(c, await realVerdict(c, script));
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
});

/** The real root filesystem as an image, imported once per set of binaries. */
function parityImage(): string {
  const real = spawnSync(path.resolve(__dirname, '../../test/habitat/real-habitat'), ['dir'], {
    encoding: 'utf8',
  });
  if (real.status !== 0) throw new Error(real.stderr.trim() || `real-habitat exited ${real.status}`);
  const dir = real.stdout.trim();
  const stamp = readFileSync(path.join(dir, '.unpacked'), 'utf8').trim();
  const tag = `habitat-ecs-parity:${stamp}`;
  if (spawnSync('docker', ['image', 'inspect', tag], { stdio: 'ignore' }).status === 0) return tag;
  const scratch = mkdtempSync(path.join(tmpdir(), 'parity-'));
  try {
    const tar = path.join(scratch, 'rootfs.tar');
    ok('tar', ['-C', dir, '-cf', tar, 'bin', 'lib', 'lib64', 'etc']);
    ok('docker', ['import', '-c', 'ENV PATH=/bin', tar, tag]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return tag;
}

async function realVerdict(c: Case, script: string): Promise<Outcome> {
  const env = Object.entries(c.env ?? {}).map(([k, v]) => `${k}=${v}`);
  const result = await runProcess(
    'docker',
    ['run', '--rm', '--network', 'none', '--add-host', 'mongodb:127.0.0.1', image].concat([
      'sh',
      '-c',
      script,
      'verdict',
      ...env,
      '--',
      ...c.args,
    ]),
    { timeoutMs: 60_000 },
  );
  const output = result.stdout + result.stderr;
  const line = /^VERDICT (.*)$/m.exec(output)?.[1] ?? `no verdict (docker ${result.exitCode})`;
  if (line === 'loaded' || line === 'config') return { verdict: 'accepted', line, output };
  if (/^(exited \d+|panicked)$/.test(line)) return { verdict: 'refused', line, output };
  throw new Error(`${JSON.stringify(c.args)}: the real Supervisor gave no verdict (${line}):\n${output}`);
}

function actionVerdict(c: Case): Verdict {
  return parseSupervisorArgs(c.args, c.env ?? {}).ok ? 'accepted' : 'refused';
}

const title = (c: Case): string =>
  `${c.args.length === 0 ? '(no arguments)' : JSON.stringify(c.args)}${c.env ? ` with ${JSON.stringify(c.env)}` : ''}`;

describe('Supervisor arguments: the action agrees with the real hab sup run 2.1.78', () => {
  it('has a corpus of at least 40 lists, both verdicts, and the five points of issue 15', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
    expect(CORPUS.filter((c) => c.real === 'accepted').length).toBeGreaterThanOrEqual(15);
    expect(CORPUS.filter((c) => c.real === 'refused').length).toBeGreaterThanOrEqual(15);
    const has = (...args: string[]) => CORPUS.some((c) => args.every((a) => c.args.includes(a)));
    expect([has('-i'), has('--svc-config-paths'), has('[::1]:9638'), has('localhost:9648')]).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([has('--config-files'), has('--generate-config'), has('--ctl-server-key')]).toEqual([
      true,
      true,
      true,
    ]);
  });

  it.each(CORPUS.map((c) => [title(c), c] as const))('%s', (_, c) => {
    const outcome = outcomes.get(c);
    if (!outcome) throw new Error('no outcome: beforeAll failed');
    const context = `real Supervisor: ${outcome.line}\n${outcome.output.split('\n').slice(0, 12).join('\n')}`;
    expect({ real: outcome.verdict, context }).toEqual({ real: c.real, context });
    expect(actionVerdict(c)).toBe(c.action?.verdict ?? c.real);
  });
});
