import type { ContainerDefinition, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { ok, run } from './run';
import { dockerLogin } from './stack';

/**
 * Runs a task definition on the stack's Docker engine the way the ECS agent runs it, for the
 * things the Habitat proofs depend on:
 *   - bridge: one user-defined network for the task, each container on it with its `hostname`
 *     and `links` (`name[:alias]`) as docker links;
 *   - awsvpc: one network namespace for the task: the first container on the task's network, every
 *     other one in its namespace (`--network container:<first>`), no hostname, no links;
 *   - `environment`, `command`, and `healthCheck` as a Docker health check with the task's command,
 *     interval, timeout, retries and start period;
 *   - `dependsOn`: START waits for the container to run, HEALTHY for Docker to call it healthy.
 * Ports are not published (nothing outside the task connects); everything is reached from inside.
 * Like the agent, it authenticates to the ECR registries its images name before pulling them.
 */
export class EcsLikeTask {
  readonly network: string;
  readonly started: string[] = [];

  constructor(
    readonly task: RegisterTaskDefinitionCommandInput,
    readonly prefix: string,
  ) {
    this.network = `${prefix}-net`;
  }

  /** The docker container name of a task container. */
  name(container: string): string {
    return `${this.prefix}-${container}`;
  }

  /** Starts every container in dependency order, waiting as ECS waits for dependsOn conditions. */
  async start(options: { healthyWithinMs?: number } = {}): Promise<void> {
    const defs = ordered(this.task.containerDefinitions ?? []);
    const registries = new Set(defs.map((d) => (d.image ?? '').split('/')[0] ?? ''));
    for (const registry of registries) if (/\.dkr\.ecr\./.test(registry)) dockerLogin(registry);
    ok('docker', ['network', 'create', this.network]);
    const first = defs[0]?.name ?? '';
    for (const def of defs) {
      for (const dep of def.dependsOn ?? []) {
        if (dep.condition === 'HEALTHY')
          await this.waitForHealth(dep.containerName ?? '', 'healthy', options.healthyWithinMs ?? 150_000);
      }
      this.startOne(def, def.name === first);
    }
  }

  private startOne(def: ContainerDefinition, first: boolean): void {
    const args = ['run', '-d', '--name', this.name(def.name ?? '')];
    if (this.task.networkMode === 'awsvpc') {
      args.push('--network', first ? this.network : `container:${this.name(this.firstName())}`);
    } else {
      args.push('--network', this.network);
      if (def.hostname) args.push('--hostname', def.hostname);
      for (const link of def.links ?? []) {
        const [target = '', alias = target] = link.split(':');
        args.push('--link', `${this.name(target)}:${alias}`);
      }
    }
    for (const e of def.environment ?? []) args.push('-e', `${e.name}=${e.value}`);
    const hc = def.healthCheck;
    if (hc) {
      const [kind, ...command] = hc.command ?? [];
      if (kind !== 'CMD-SHELL') throw new Error(`only CMD-SHELL health checks are emulated, not ${kind}`);
      args.push('--health-cmd', command.join(' '));
      args.push('--health-interval', `${hc.interval ?? 30}s`, '--health-timeout', `${hc.timeout ?? 5}s`);
      args.push(
        '--health-retries',
        String(hc.retries ?? 3),
        '--health-start-period',
        `${hc.startPeriod ?? 0}s`,
      );
    }
    args.push(def.image ?? '', ...(def.command ?? []));
    ok('docker', args);
    this.started.push(def.name ?? '');
  }

  private firstName(): string {
    return ordered(this.task.containerDefinitions ?? [])[0]?.name ?? '';
  }

  /** Docker's health status of a container: starting, healthy, unhealthy, or none. */
  health(container: string): string {
    const r = run('docker', [
      'inspect',
      '--format',
      '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}',
      this.name(container),
    ]);
    return r.stdout.trim();
  }

  /** Whether the container runs, and its exit code when it does not. */
  state(container: string): { running: boolean; exitCode: number } {
    const r = ok('docker', [
      'inspect',
      '--format',
      '{{.State.Running}} {{.State.ExitCode}}',
      this.name(container),
    ]);
    const [running, code] = r.stdout.trim().split(' ');
    return { running: running === 'true', exitCode: Number(code) };
  }

  async waitForHealth(container: string, status: 'healthy' | 'unhealthy', withinMs: number): Promise<void> {
    await until(`${container} to be ${status}`, withinMs, () => {
      const now = this.health(container);
      if (now === status) return true;
      if (!this.state(container).running) throw new Error(`${container} stopped:\n${this.logs(container)}`);
      return false;
    });
  }

  /** `docker exec <container> ...` (busybox inside Habitat images). */
  exec(container: string, ...argv: string[]): string {
    return run('docker', ['exec', this.name(container), ...argv]).stdout;
  }

  logs(container: string): string {
    const r = run('docker', ['logs', this.name(container)]);
    return r.stdout + r.stderr;
  }

  /** The container's address on the task network (bridge), as the other containers see it. */
  address(container: string): string {
    return ok('docker', [
      'inspect',
      '--format',
      '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}',
      this.name(container),
    ]).stdout.trim();
  }

  stop(): void {
    for (const c of [...this.started].reverse()) run('docker', ['rm', '-f', this.name(c)]);
    run('docker', ['network', 'rm', this.network]);
  }
}

/** Containers in the order ECS starts them: dependsOn and links first. */
function ordered(defs: ContainerDefinition[]): ContainerDefinition[] {
  const byName = new Map(defs.map((d) => [d.name ?? '', d]));
  const out: ContainerDefinition[] = [];
  const visit = (d: ContainerDefinition, path: string[]) => {
    if (out.includes(d)) return;
    if (path.includes(d.name ?? '')) throw new Error(`dependency cycle: ${[...path, d.name].join(' -> ')}`);
    const deps = [
      ...(d.dependsOn ?? []).map((x) => x.containerName ?? ''),
      ...(d.links ?? []).map((l) => l.split(':')[0] ?? ''),
    ];
    for (const dep of deps) {
      const target = byName.get(dep);
      if (target) visit(target, [...path, d.name ?? '']);
    }
    out.push(d);
  };
  for (const d of defs) visit(d, []);
  return out;
}

/** Polls `check` every second until it returns true; fails after `withinMs`. */
export async function until(what: string, withinMs: number, check: () => boolean): Promise<void> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    if (check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${withinMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
