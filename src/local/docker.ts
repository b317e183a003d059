import {
  CommandNotFoundError,
  describeExit,
  runProcess,
  type ProcessRunner,
  type RunResult,
} from '../process';
import { LABEL } from './types';

/** The docker CLI, run with an argv against the engine DOCKER_HOST names; nothing else talks to it. */
export interface Docker {
  /** `docker <args>`; a non-zero exit is a result, not an exception. */
  run(
    args: readonly string[],
    options?: { env?: Record<string, string>; timeoutMs?: number },
  ): Promise<RunResult>;
}

export class DockerError extends Error {}

const DEFAULT_TIMEOUT_MS = 60_000;

export function dockerCli(
  env: Readonly<Record<string, string | undefined>>,
  runner: ProcessRunner = runProcess,
): Docker {
  return {
    async run(args, options = {}) {
      try {
        return await runner('docker', args, {
          env: env as NodeJS.ProcessEnv,
          ...(options.env && { addEnv: options.env }),
          timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        });
      } catch (e) {
        if (e instanceof CommandNotFoundError) {
          throw new DockerError(
            'docker: command not found on PATH (habitat-ecs up runs tasks through the docker CLI)',
          );
        }
        throw e;
      }
    },
  };
}

/** `docker <args>` that must succeed: its stdout, or a DockerError with what docker said. */
export async function must(docker: Docker, args: readonly string[], timeoutMs?: number): Promise<string> {
  const r = await docker.run(args, timeoutMs === undefined ? {} : { timeoutMs });
  if (r.exitCode !== 0)
    throw new DockerError(`docker ${args.slice(0, 2).join(' ')} ${describeExit(r)}: ${said(r)}`);
  return r.stdout;
}

/** What docker printed on failure, in one line. */
export function said(r: RunResult): string {
  return (r.stderr.trim() || r.stdout.trim() || '(no output)').replace(/\s*\n\s*/g, ' ');
}

/** The parts of `docker container inspect` that `up` and `ps` read. */
export interface Inspected {
  name: string;
  labels: Record<string, string>;
  status: string;
  exitCode: number;
  error: string;
  health?: 'starting' | 'healthy' | 'unhealthy';
  healthOutput?: string;
  /** Published ports, as `127.0.0.1:8080->8080/tcp`. */
  published: Map<string, string[]>;
  /** Address per network. */
  addresses: Record<string, string>;
}

interface RawInspect {
  Name?: string;
  Config?: { Labels?: Record<string, string> | null };
  State?: {
    Status?: string;
    ExitCode?: number;
    Error?: string;
    Health?: { Status?: string; Log?: { Output?: string }[] | null };
  };
  NetworkSettings?: {
    Ports?: Record<string, { HostIp?: string; HostPort?: string }[] | null> | null;
    Networks?: Record<string, { IPAddress?: string }> | null;
  };
}

/** Inspects containers by name; those that do not exist are left out. */
export async function inspect(docker: Docker, names: readonly string[]): Promise<Map<string, Inspected>> {
  const out = new Map<string, Inspected>();
  if (names.length === 0) return out;
  const r = await docker.run(['container', 'inspect', ...names]);
  let raw: RawInspect[];
  try {
    raw = JSON.parse(r.stdout || '[]') as RawInspect[];
  } catch {
    throw new DockerError(`docker container inspect ${describeExit(r)}: ${said(r)}`);
  }
  if (r.exitCode !== 0 && raw.length === 0 && !/no such (container|object)/i.test(r.stderr)) {
    throw new DockerError(`docker container inspect ${describeExit(r)}: ${said(r)}`);
  }
  for (const c of raw) {
    const name = (c.Name ?? '').replace(/^\//, '');
    const health = c.State?.Health?.Status;
    const log = c.State?.Health?.Log ?? [];
    const published = new Map<string, string[]>();
    for (const [port, bindings] of Object.entries(c.NetworkSettings?.Ports ?? {})) {
      // Docker lists an IPv6 twin of each binding; one address per port is enough to show.
      const seen = [...new Set((bindings ?? []).map((b) => `${hostIp(b.HostIp)}:${b.HostPort}`))];
      if (seen.length > 0) published.set(port, seen.slice(0, 1));
    }
    out.set(name, {
      name,
      labels: c.Config?.Labels ?? {},
      status: c.State?.Status ?? 'unknown',
      exitCode: c.State?.ExitCode ?? 0,
      error: c.State?.Error ?? '',
      ...(health === 'starting' || health === 'healthy' || health === 'unhealthy' ? { health } : {}),
      ...(log.length > 0 && { healthOutput: log[log.length - 1]?.Output ?? '' }),
      published,
      addresses: Object.fromEntries(
        Object.entries(c.NetworkSettings?.Networks ?? {}).map(([net, n]) => [net, n.IPAddress ?? '']),
      ),
    });
  }
  return out;
}

function hostIp(ip: string | undefined): string {
  return !ip || ip === '::' ? '0.0.0.0' : ip;
}

/** Names of the containers, networks or volumes that carry the task label (of one task, or any). */
export async function labelled(
  docker: Docker,
  kind: 'container' | 'network' | 'volume',
  task?: string,
): Promise<string[]> {
  const filter = ['--filter', `label=${LABEL.task}${task === undefined ? '' : `=${task}`}`];
  const args =
    kind === 'container'
      ? ['ps', '--all', '--no-trunc', ...filter, '--format', '{{.Names}}']
      : [kind, 'ls', ...filter, '--format', '{{.Name}}'];
  const out = await must(docker, args);
  return out.split('\n').map((s) => s.trim()).filter(Boolean).sort(); // prettier-ignore
}

/** The last lines a container printed (both streams, in the order printed), for a failure report. */
export async function lastLogs(docker: Docker, name: string, lines = 20): Promise<string[]> {
  // Two pipes lose the order between stdout and stderr; docker's timestamps keep it.
  const r = await docker.run(['logs', '--timestamps', '--tail', String(lines), name]);
  return r.tail
    .map((line) => {
      const m = /^(\S+?)(?:\.(\d+))?Z (.*)$/.exec(line);
      // RFC 3339 with nanoseconds, trailing zeros cut: padded back so that the text sorts.
      return m ? { at: `${m[1]}.${(m[2] ?? '').padEnd(9, '0')}`, text: m[3] ?? '' } : { at: '', text: line };
    })
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    .map((l) => l.text)
    .slice(-lines);
}
