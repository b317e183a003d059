import { DockerError, inspect, lastLogs, must, said, type Docker, type Inspected } from './docker';
import { nextStep, type Observed } from './lifecycle';
import { BUILTIN_PAUSE_IMAGE, ensureBuiltinPause } from './pause-image';
import { runArgv } from './run-argv';
import { formatTable, taskRows } from './status';
import { removeTask } from './task-objects';
import { LABEL, type ContainerPlan, type TaskPlan } from './types';

export interface UpOptions {
  /** How long to wait for the task to come up, in ms. */
  timeoutMs: number;
  /** The task's table (stdout). */
  print: (line: string) => void;
  /** Progress, and why the task failed with the failing containers' last lines (stderr). */
  say: (line: string) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const POLL_MS = 500;
/** How long the task must stay up before up says so: a process that dies at once is caught. */
const SETTLE_MS = 3000;
const PULL_TIMEOUT_MS = 15 * 60_000;
const RUN_TIMEOUT_MS = 120_000;

/**
 * Runs a planned task on the engine, as ECS would: the task's network, volumes and (awsvpc) pause
 * container, then each container once its dependencies allow, until every essential container
 * runs and every health check passes, and stays so for SETTLE_MS (true); or until the task fails
 * or the time is up (false): then the failing containers' last log lines are printed and the task
 * is stopped, as ECS stops a task, and kept for a look until `down`. A task of the same name that
 * an earlier `up` left is replaced.
 */
export async function upTask(plan: TaskPlan, docker: Docker, options: UpOptions): Promise<boolean> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const { print, say } = options;

  const engine = await docker.run(['version', '--format', '{{.Server.Version}}']);
  if (engine.exitCode !== 0) throw new DockerError(`cannot reach the Docker engine: ${said(engine)}`);
  const removed = await removeTask(docker, plan.task);
  if (removed.length > 0) say(`replacing task ${plan.task} (removed ${removed.join(', ')})`);
  await refuseForeignNames(docker, plan);
  await ensureImages(docker, plan, say);
  // The wait for the task starts once its images are here (a pull has its own bound).
  const deadline = now() + options.timeoutMs;

  const started = new Set<string>();
  const fail = (reason: string, culprits: readonly string[]) =>
    failed(docker, plan, started, reason, culprits, options);
  await createNetworkAndVolumes(docker, plan);
  if (plan.pause) {
    const args = ['run', '--detach', ...plan.pause.options, plan.pause.image];
    const r = await docker.run(args, { timeoutMs: RUN_TIMEOUT_MS });
    if (r.exitCode !== 0)
      return fail(`the pause container (the task's network namespace) could not start: ${said(r)}`, []);
  }

  const byName = new Map(plan.containers.map((c) => [c.name, c]));
  let upSince: number | undefined;
  for (;;) {
    const found = await inspect(docker, dockerNames(plan, started));
    const step = nextStep(plan.containers, observed(plan, found));
    if (step.kind === 'ready') {
      upSince ??= now();
      if (now() - upSince >= SETTLE_MS) {
        say(`task ${plan.task} is up (${plan.networkMode} network mode)`);
        print(formatTable(taskRows([...found.values(), ...(await pauseOf(docker, plan))])));
        return true;
      }
      await sleep(POLL_MS);
      continue;
    }
    upSince = undefined;
    if (step.kind === 'failed') return fail(step.reason, step.containers);
    if (step.kind === 'start') {
      for (const name of step.containers) {
        const c = byName.get(name) as ContainerPlan;
        say(`starting ${name}`);
        const r = await docker.run(runArgv(c, addresses(plan, c, found)), {
          env: c.secrets,
          timeoutMs: RUN_TIMEOUT_MS,
        });
        started.add(name);
        if (r.exitCode !== 0) return fail(`container "${name}" could not start: ${said(r)}`, [name]);
      }
      continue;
    }
    if (now() >= deadline) {
      const why = `timed out after ${Math.round(options.timeoutMs / 1000)} s waiting for ${step.waiting.join('; ')}`;
      const names = step.waiting.map((w) => w.split(' ')[0] ?? '').filter((n) => started.has(n));
      return fail(why, names);
    }
    await sleep(POLL_MS);
  }
}

async function createNetworkAndVolumes(docker: Docker, plan: TaskPlan): Promise<void> {
  if (plan.network && !plan.joined) {
    await must(docker, ['network', 'create', '--label', `${LABEL.task}=${plan.task}`, plan.network]);
  }
  for (const v of plan.volumes) {
    // A shared volume may be there already (refuseForeignNames made sure a task volume is not).
    const exists = (await docker.run(['volume', 'inspect', v.dockerName])).exitCode === 0;
    if (!exists) await must(docker, ['volume', 'create', ...v.options, v.dockerName]);
  }
}

/** Containers, networks and volumes `up` would create must not be someone else's. */
async function refuseForeignNames(docker: Docker, plan: TaskPlan): Promise<void> {
  const names = [...plan.containers.map((c) => c.dockerName), ...(plan.pause ? [plan.pause.dockerName] : [])];
  const taken = [...(await inspect(docker, names)).keys()].map((n) => `container ${n}`);
  if (
    plan.network &&
    !plan.joined &&
    (await docker.run(['network', 'inspect', plan.network])).exitCode === 0
  ) {
    taken.push(`network ${plan.network}`);
  }
  for (const v of plan.volumes.filter((x) => !x.shared)) {
    if ((await docker.run(['volume', 'inspect', v.dockerName])).exitCode === 0)
      taken.push(`volume ${v.dockerName}`);
  }
  if (taken.length > 0) {
    throw new DockerError(
      `${taken.join(', ')} already exist${taken.length === 1 ? 's' : ''} and ${taken.length === 1 ? 'was' : 'were'} not made by habitat-ecs up: ` +
        'remove them, or give the task another --name',
    );
  }
}

/** Every image from the local engine, or pulled from the registry it names when missing. */
async function ensureImages(docker: Docker, plan: TaskPlan, say: (line: string) => void): Promise<void> {
  if (plan.pause?.image === BUILTIN_PAUSE_IMAGE) await ensureBuiltinPause(docker);
  const images = new Set([...plan.containers.map((c) => c.image), ...(plan.pause ? [plan.pause.image] : [])]);
  for (const image of images) {
    if ((await docker.run(['image', 'inspect', '--format', '{{.Id}}', image])).exitCode === 0) continue;
    say(`pulling ${image}`);
    const r = await docker.run(['pull', '--quiet', image], { timeoutMs: PULL_TIMEOUT_MS });
    if (r.exitCode !== 0) {
      const registry =
        image.includes('/') && /[.:]/.test(image.split('/')[0] ?? '') ? image.split('/')[0] : undefined;
      const ecr = registry && /\.dkr\.ecr\.[^.]+\.amazonaws\.com$/.test(registry) ? registry : undefined;
      throw new DockerError(
        `image ${image} is not on the local engine and could not be pulled: ${said(r)}` +
          (ecr
            ? ` (log in first: aws ecr get-login-password --region ${ecr.split('.')[3]} | docker login --username AWS --password-stdin ${ecr})`
            : ''),
      );
    }
  }
}

function dockerNames(plan: TaskPlan, started: ReadonlySet<string>): string[] {
  return plan.containers.filter((c) => started.has(c.name)).map((c) => c.dockerName);
}

function observed(plan: TaskPlan, found: ReadonlyMap<string, Inspected>): Map<string, Observed> {
  const out = new Map<string, Observed>();
  for (const c of plan.containers) {
    const i = found.get(c.dockerName);
    if (!i) continue;
    out.set(c.name, {
      status: i.status,
      exitCode: i.exitCode,
      ...(i.health && { health: i.health }),
      ...(i.healthOutput !== undefined && { healthOutput: i.healthOutput }),
    });
  }
  return out;
}

/** The addresses of the containers `c` links to, on the task's network. */
function addresses(
  plan: TaskPlan,
  c: ContainerPlan,
  found: ReadonlyMap<string, Inspected>,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const h of c.hosts) {
    const target = plan.containers.find((x) => x.name === h.container);
    const address =
      target && plan.network ? found.get(target.dockerName)?.addresses[plan.network] : undefined;
    if (address) out.set(h.container, address);
  }
  return out;
}

async function pauseOf(docker: Docker, plan: TaskPlan): Promise<Inspected[]> {
  return plan.pause ? [...(await inspect(docker, [plan.pause.dockerName])).values()] : [];
}

/** Says why, shows the failing containers' last lines, stops the task as ECS would, keeps it. */
async function failed(
  docker: Docker,
  plan: TaskPlan,
  started: ReadonlySet<string>,
  reason: string,
  culprits: readonly string[],
  { print, say }: Pick<UpOptions, 'print' | 'say'>,
): Promise<false> {
  say(`task ${plan.task} failed: ${reason}`);
  const found = await inspect(docker, dockerNames(plan, started));
  const byDocker = new Map(plan.containers.map((c) => [c.dockerName, c]));
  // The named culprits, then any other container that exited badly or is unhealthy.
  const shown = new Set(culprits);
  for (const [name, i] of found) {
    const c = byDocker.get(name);
    if (c && ((i.status === 'exited' && i.exitCode !== 0) || i.health === 'unhealthy')) shown.add(c.name);
  }
  for (const name of shown) {
    const c = plan.containers.find((x) => x.name === name);
    const i = c && found.get(c.dockerName);
    if (!c || !i) continue;
    const exit = i.status === 'exited' ? `exit code ${i.exitCode}` : i.status;
    say(`--- ${name} (${[exit, ...(i.error ? [i.error] : [])].join(', ')}), last log lines:`);
    const lines = await lastLogs(docker, c.dockerName);
    for (const line of lines.length > 0 ? lines : ['(no output)']) say(`    ${line}`);
  }
  const running = [...found.values()].filter((i) => i.status === 'running').map((i) => i.name);
  const pause = plan.pause ? [plan.pause.dockerName] : [];
  if (running.length + pause.length > 0) {
    // Each container's own stop timeout applies (set at docker run), as ECS's does.
    await docker.run(['stop', ...running, ...pause], { timeoutMs: RUN_TIMEOUT_MS + 300_000 });
  }
  const after = [...(await inspect(docker, [...dockerNames(plan, started), ...pause])).values()];
  const notStarted = new Map(
    plan.containers.filter((c) => !started.has(c.name)).map((c) => [c.name, 'the task stopped first']),
  );
  print(formatTable(taskRows(after, notStarted)));
  say(
    `the stopped task is kept for a look (docker logs ${plan.containers[0]?.dockerName ?? plan.task}); habitat-ecs down --name ${plan.task} removes it`,
  );
  return false;
}
