import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { request } from 'node:https';
import * as path from 'node:path';
import { ECSClient } from '@aws-sdk/client-ecs';

/** Test-side access to the local stack (test/stack/local-stack), never through the code under test. */
export const STACK = path.resolve(__dirname, '../../test/stack/local-stack');

/** Throws, with the fix, unless `eval "$(test/stack/local-stack env)"` prepared this environment. */
export function requireStackEnv(): void {
  const missing = [
    'HABITAT_ECS_STACK_DIR',
    'HABITAT_ECS_STACK_REGISTRY',
    'HABITAT_ECS_STACK_STUCK_ENDPOINT',
    'DOCKER_HOST',
    'AWS_ENDPOINT_URL',
    'NODE_EXTRA_CA_CERTS',
  ].filter((name) => !process.env[name]);
  if (missing.length > 0) {
    throw new Error(
      `the local stack is not loaded (missing ${missing.join(', ')}): ` +
        'test/stack/local-stack up && eval "$(test/stack/local-stack env)"',
    );
  }
}

/**
 * An ECS client for one of the stack's moto servers: AWS_ENDPOINT_URL (deployments complete) by
 * default, or HABITAT_ECS_STACK_STUCK_ENDPOINT (tasks never run). Refuses a non-loopback endpoint.
 */
export function stackEcsClient(endpoint = process.env.AWS_ENDPOINT_URL): ECSClient {
  requireStackEnv();
  if (!endpoint || !/^http:\/\/127\.\d+\.\d+\.\d+:\d+\/?$/.test(endpoint))
    throw new Error(`refusing a non-loopback endpoint: ${endpoint}`);
  return new ECSClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIALOCALSTACKTEST00', secretAccessKey: 'local-stack-secret' },
  });
}

/** `local-stack fault ...`: make the registry fail on purpose, or clear that. */
export function fault(...args: string[]): void {
  const r = spawnSync(STACK, ['fault', ...args], { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) throw new Error(`local-stack fault ${args.join(' ')}: ${r.stderr}`);
}

/**
 * `local-stack builder publish`: lists a package in the emulated Builder's channel, by ident
 * (described only, for the hab stand-in: e.g. `--exposes 8080`) or as a .hart file.
 */
export function publish(channel: string, ...args: string[]): void {
  const r = spawnSync(STACK, ['builder', 'publish', '--channel', channel, ...args], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (r.status !== 0) throw new Error(`local-stack builder publish ${args.join(' ')}: ${r.stderr}`);
}

/** The ECR credentials moto hands out, which the stack's registry accepts. */
export const ECR_CREDENTIALS = { username: 'AWS', password: '123456789012-auth-token' };

/**
 * `docker login` to one of the stack's registries (default: HABITAT_ECS_STACK_REGISTRY), as a user
 * does before pulling: into DOCKER_CONFIG, which the jest environment makes a fresh directory for
 * each test file (support/environment.js), so a pull never rides on a login something else left.
 */
export function dockerLogin(registry = process.env.HABITAT_ECS_STACK_REGISTRY ?? ''): void {
  if (!/^[0-9]{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com$/.test(registry))
    throw new Error(`not one of the stack's registries: ${JSON.stringify(registry)}`);
  const r = spawnSync(
    'docker',
    ['login', '--username', ECR_CREDENTIALS.username, '--password-stdin', `https://${registry}`],
    { input: ECR_CREDENTIALS.password, encoding: 'utf8', timeout: 60_000 },
  );
  if (r.status !== 0) throw new Error(`docker login ${registry} failed:\n${r.stdout}${r.stderr}`);
}

/** The digest the registry serves for a tag, asked directly over HTTPS. */
export function servedDigest(
  registry: string,
  repository: string,
  tag: string,
  credentials = ECR_CREDENTIALS,
): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const req = request(
      `https://${registry}/v2/${repository}/manifests/${tag}`,
      {
        method: 'HEAD',
        timeout: 30_000,
        headers: {
          Accept:
            'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json',
          Authorization: `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`,
        },
      },
      (res) => {
        res.resume();
        const digest = res.headers['docker-content-digest'];
        resolve(res.statusCode === 200 && typeof digest === 'string' ? digest : undefined);
      },
    );
    req.on('timeout', () => req.destroy(new Error('registry did not answer')));
    req.on('error', reject);
    req.end();
  });
}

/** The tags the registry lists for a repository ([] for none), asked directly over HTTPS. */
export function registryTags(
  registry: string,
  repository: string,
  credentials = ECR_CREDENTIALS,
): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const req = request(
      `https://${registry}/v2/${repository}/tags/list?n=1000`,
      {
        timeout: 30_000,
        headers: {
          Authorization: `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`,
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          if (res.statusCode === 404) return resolve([]);
          if (res.statusCode !== 200)
            return reject(new Error(`tags/list ${repository}: ${res.statusCode} ${body}`));
          resolve(((JSON.parse(body) as { tags: string[] | null }).tags ?? []).sort());
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('registry did not answer')));
    req.on('error', reject);
    req.end();
  });
}

/** Reads the AWS API calls the stack's endpoint has recorded (`stuck` for the server whose services never stabilise). */
export class AwsCallLog {
  private readonly file: string;
  private start = 0;
  constructor(which: 'stable' | 'stuck' = 'stable') {
    this.file = which === 'stable' ? 'moto-calls.jsonl' : 'moto-stuck-calls.jsonl';
  }
  /** Forget what came before: calls() lists only later calls. */
  mark(): this {
    this.start = this.lines().length;
    return this;
  }
  /** API names (e.g. `RegisterTaskDefinition`, `GetRole`) called since mark(). */
  calls(): string[] {
    return this.lines()
      .slice(this.start)
      .map((line) => {
        const call = JSON.parse(line) as {
          headers?: Record<string, string>;
          body?: string;
          body_encoded?: boolean;
        };
        const target = call.headers?.['X-Amz-Target'];
        if (target) return target.split('.').pop() ?? '';
        // Query-protocol services (IAM, EC2) name the call in the form body.
        const body = call.body_encoded
          ? Buffer.from(call.body ?? '', 'base64').toString('utf8')
          : (call.body ?? '');
        return new URLSearchParams(body).get('Action') ?? '';
      });
  }

  /** The request bodies of the calls of `operation` since mark(), in order. */
  requests(operation: string): string[] {
    return this.lines()
      .slice(this.start)
      .map((line) => JSON.parse(line) as { headers?: Record<string, string>; body?: string })
      .filter((call) => call.headers?.['X-Amz-Target']?.split('.').pop() === operation)
      .map((call) => call.body ?? '');
  }

  /** The calls since mark() that change something: anything but a read (Describe, List, Get, BatchGet, IAM's Simulate*). */
  writes(): string[] {
    return this.calls().filter(
      (c) => c !== '' && !/^(Describe|List|Get|BatchGet|BatchCheck|Simulate)/.test(c),
    );
  }
  private lines(): string[] {
    return stackLog(this.file);
  }
}

/** Registry requests (`METHOD /path status`) the stack's front has logged since `from` lines. */
export function registryRequests(from = 0): string[] {
  return stackLog('registry-requests.log').slice(from);
}

/** The non-empty lines of one of the stack's logs ($HABITAT_ECS_STACK_DIR/logs/NAME). */
function stackLog(name: string): string[] {
  const dir = process.env.HABITAT_ECS_STACK_DIR ?? '/tmp/habitat-ecs-stack';
  const file = path.join(dir, 'logs', name);
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
}

/** `local-stack aws-fault ...`: make the AWS fault proxy throttle, fail or slow calls, or clear that. */
export function awsFault(...args: string[]): void {
  const r = spawnSync(STACK, ['aws-fault', ...args], { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) throw new Error(`local-stack aws-fault ${args.join(' ')}: ${r.stderr}`);
}

/** Calls the AWS fault proxy has seen since `from` lines, as `<Operation> <outcome>`. */
export function proxiedAwsCalls(from = 0): string[] {
  return stackLog('aws-proxy-requests.log')
    .slice(from)
    .map((l) => {
      const [, target = '', ...outcome] = l.split(' ');
      return `${target.split('.').pop()} ${outcome.join(' ')}`;
    });
}

/**
 * From now on, deployments of `taskDefinition` (an ARN, or `family:revision`) on the service fail
 * as ECS's deployment circuit breaker fails them: rolloutState FAILED, "tasks failed to start";
 * or, with outcome `stuck`, never finish: tasks ECS cannot place, IN_PROGRESS for ever (the
 * stack's front, test/stack/ecs_rollouts.py). moto's reset forgets the mark.
 */
export async function failRollouts(
  mark: { cluster: string; service: string; taskDefinition: string; outcome?: 'failed' | 'stuck' },
  endpoint = process.env.AWS_ENDPOINT_URL,
): Promise<void> {
  requireStackEnv();
  if (!endpoint || !/^http:\/\/127\.\d+\.\d+\.\d+:\d+\/?$/.test(endpoint))
    throw new Error(`refusing a non-loopback endpoint: ${endpoint}`);
  const res = await fetch(new URL('/habitat-ecs-stack/failed-rollouts', endpoint), {
    method: 'POST',
    body: JSON.stringify(mark),
  });
  if (res.status !== 200) throw new Error(`marking a failing rollout: ${res.status} ${await res.text()}`);
}

/**
 * `local-stack run-task-exit ...`: how the tasks started by RunTask from now on end: `N [LINE...]`
 * (their containers exit N, writing LINEs to their awslogs streams), `never` or `clear`.
 */
export function runTaskExit(...args: string[]): void {
  const r = spawnSync(STACK, ['run-task-exit', ...args], { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) throw new Error(`local-stack run-task-exit ${args.join(' ')}: ${r.stderr}`);
}

/**
 * `local-stack stale-reads N | off`: after each CreateService, UpdateService or RunTask, the next N
 * reads of what it wrote answer as ECS's eventual consistency may (MISSING, or the service as it
 * was), test/stack/stale_reads.py.
 */
export function staleReads(setting: number | 'off'): void {
  const r = spawnSync(STACK, ['stale-reads', String(setting)], { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) throw new Error(`local-stack stale-reads ${setting}: ${r.stderr}`);
}
