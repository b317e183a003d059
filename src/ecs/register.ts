import {
  DeregisterTaskDefinitionCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ListServicesCommand,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
  type ECSClient,
  type RegisterTaskDefinitionCommandInput,
  type Tag,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';
import { UserError, error } from '../diagnostics';
import type { Log } from '../log';
import { mapLimit } from '../parallel';
import { sameTaskDefinition } from './normalize';
import { ecsTags } from './tags';

/** Marks the revisions this action registered, so cleanup never touches anyone else's. */
const MANAGED_TAG: Readonly<Required<Tag>> = { key: 'habitat-ecs-deploy:managed', value: 'true' };

/**
 * ListTaskDefinitions pages read at most (100 revisions a page): ECS keeps up to 1,000,000
 * revisions of a family (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html),
 * so every page is read; the bound only stops a loop that never ends.
 */
const MAX_PAGES = 10_000;
/**
 * Describe calls in flight at once: ECS throttles its read calls per account (a bucket refilled
 * at 20 a second for most of them, https://docs.aws.amazon.com/AmazonECS/latest/APIReference/request-throttling.html),
 * and the SDK retries what is throttled.
 */
const DESCRIBE_PARALLEL = 10;
/** ECS limits: 50 tags a resource, 128-character keys, 256-character values. */
const MAX_TAGS = 49;

export interface RegisterOptions {
  /** Extra tags for a new revision, e.g. commit sha, ref, run URL. */
  tags?: Readonly<Record<string, string>>;
  /** The revision the service runs now, if known: compared first, so a rerun costs one call. */
  running?: string;
  /** Before a new revision is registered (the deploy's deferred checks). */
  beforeRegister?: () => Promise<void>;
  log: Log;
}

export interface RegisteredTaskDefinition {
  arn: string;
  revision: number;
  family: string;
  /** false when the running or the newest ACTIVE revision already had this content and was reused. */
  changed: boolean;
  /** What this run is compared with: the running revision of the family, else its newest ACTIVE one. */
  previous?: { arn: string; taskDefinition: TaskDefinition };
}

/**
 * Registers the task definition unless the revision the service runs, or else the newest ACTIVE
 * revision of the family, is the same.
 */
export async function registerTaskDefinition(
  ecs: ECSClient,
  input: RegisterTaskDefinitionCommandInput,
  options: RegisterOptions,
): Promise<RegisteredTaskDefinition> {
  const family = input.family;
  if (!family) throw new UserError(error('the task definition has no family'));
  const running =
    options.running && familyOf(options.running) === family
      ? await describeRevision(ecs, options.running)
      : undefined;
  // Compared with, in order: the running revision, then (unless that one matches) the newest.
  const newest =
    running && sameTaskDefinition(running, input) ? undefined : await newestActiveRevision(ecs, family);
  const candidates = [running, newest].filter(
    (c, i, all): c is TaskDefinition & { taskDefinitionArn: string } =>
      !!c?.taskDefinitionArn && all.findIndex((o) => o?.taskDefinitionArn === c.taskDefinitionArn) === i,
  );
  const [first] = candidates;
  const previous = first ? { arn: first.taskDefinitionArn, taskDefinition: first } : undefined;
  const result = (arn: string, revision: number | undefined, changed: boolean): RegisteredTaskDefinition => ({
    arn,
    revision: revision ?? 0,
    family,
    changed,
    ...(previous ? { previous } : {}),
  });
  const same = candidates.find((c) => sameTaskDefinition(c, input));
  if (same) {
    options.log.info(`Task definition unchanged: reusing ${same.taskDefinitionArn}`);
    return result(same.taskDefinitionArn, same.revision, false);
  }
  await options.beforeRegister?.();
  let registered: TaskDefinition | undefined;
  try {
    const out = await ecs.send(
      new RegisterTaskDefinitionCommand({ ...input, tags: mergeTags(input.tags, options.tags) }),
    );
    registered = out.taskDefinition;
  } catch (e) {
    if (isClientError(e)) {
      throw new UserError(
        error(`ECS rejected the task definition of family "${family}": ${(e as Error).message}`),
      );
    }
    throw e;
  }
  if (!registered?.taskDefinitionArn) throw new Error(`RegisterTaskDefinition returned no ARN for ${family}`);
  options.log.info(`Registered ${registered.taskDefinitionArn}`);
  await dropLostRegistrations(ecs, registered, newest?.revision ?? 0, input, options);
  return result(registered.taskDefinitionArn, registered.revision, true);
}

/** The tag that names the run; a revision carrying ours was registered by this run. */
const RUN_TAG = 'habitat-ecs-deploy:run';

/**
 * RegisterTaskDefinition has no idempotency token: when its answer is lost (a 5xx or a reset after
 * ECS registered it), the SDK sends it again and ECS registers a second revision
 * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html). The revisions
 * between the newest one seen before and ours that have our content and our run's tag are such
 * copies: they are deregistered, so one run leaves one ACTIVE revision.
 */
async function dropLostRegistrations(
  ecs: ECSClient,
  registered: TaskDefinition,
  newestBefore: number,
  input: RegisterTaskDefinitionCommandInput,
  options: RegisterOptions,
): Promise<void> {
  const run = options.tags?.[RUN_TAG];
  const revision = registered.revision ?? 0;
  if (!run || revision <= newestBefore + 1) return;
  const between = Array.from(
    { length: Math.min(revision - newestBefore - 1, 5) },
    (_, i) => revision - 1 - i,
  );
  const copies = await Promise.all(
    between.map(async (n) => {
      const out = await ecs.send(
        new DescribeTaskDefinitionCommand({ taskDefinition: `${input.family}:${n}`, include: ['TAGS'] }),
      );
      const ours = (out.tags ?? []).some((t) => t.key === RUN_TAG && t.value === ecsTags({ run })['run']);
      const td = out.taskDefinition;
      return td?.status === 'ACTIVE' && ours && sameTaskDefinition(td, input)
        ? td.taskDefinitionArn
        : undefined;
    }),
  );
  for (const arn of copies) {
    if (!arn) continue;
    await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: arn }));
    options.log.info(
      `Deregistered ${arn}: the same revision, registered by an attempt whose answer was lost`,
    );
  }
}

/** The newest ACTIVE revision of a family, or undefined when it has none. */
async function newestActiveRevision(ecs: ECSClient, family: string): Promise<TaskDefinition | undefined> {
  // sort/maxResults make real ECS answer with one ARN; taking the highest revision of whatever
  // came back also works where they are ignored (moto returns every revision, oldest first).
  const out = await ecs.send(
    new ListTaskDefinitionsCommand({ familyPrefix: family, status: 'ACTIVE', sort: 'DESC', maxResults: 1 }),
  );
  const arn = highestRevision(out.taskDefinitionArns ?? [], family);
  return arn ? describeRevision(ecs, arn) : undefined;
}

async function describeRevision(ecs: ECSClient, arn: string): Promise<TaskDefinition | undefined> {
  const described = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn }));
  return described.taskDefinition;
}

export interface ManagedRevision {
  arn: string;
  revision: number;
}

/** ACTIVE revisions of the family that carry MANAGED_TAG, newest first. */
export async function listManagedRevisions(ecs: ECSClient, family: string): Promise<ManagedRevision[]> {
  const arns = await listActiveRevisions(ecs, family);
  const tagged = await mapLimit(arns, DESCRIBE_PARALLEL, async (arn) => {
    const out = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn, include: ['TAGS'] }));
    return (out.tags ?? []).some((t) => t.key === MANAGED_TAG.key && t.value === MANAGED_TAG.value);
  });
  return arns
    .filter((_, i) => tagged[i])
    .map((arn) => ({ arn, revision: revisionOf(arn) }))
    .sort((a, b) => b.revision - a.revision);
}

export interface PruneOptions {
  family: string;
  /** The cluster whose services' revisions are never deregistered. */
  cluster: string;
  /** How many of this action's newest revisions to keep; 0 or less keeps all. */
  keep: number;
  /** Revisions never to deregister, e.g. the one the service runs now. */
  protect?: readonly string[];
  log: Log;
}

/**
 * Deregisters this action's revisions beyond the newest `keep`. Call it after a deployment is
 * stable: ECS cannot roll a service back onto an INACTIVE revision.
 */
export async function pruneRevisions(ecs: ECSClient, options: PruneOptions): Promise<string[]> {
  if (options.keep <= 0) return [];
  const running = await revisionsInUse(ecs, options.cluster).catch((e: unknown) => {
    // Without knowing what the services run, nothing is pruned: a deregistered revision cannot
    // be rolled back to or scaled.
    options.log.warning(
      `Not pruning old revisions of ${options.family}: cannot read which revisions the services of ` +
        `${options.cluster} run (${(e as Error).message}); allow ecs:ListServices and ecs:DescribeServices on them`,
    );
    return undefined;
  });
  if (!running) return [];
  const protect = new Set([...(options.protect ?? []), ...running]);
  const managed = await listManagedRevisions(ecs, options.family);
  const doomed = managed.slice(options.keep).filter((r) => !protect.has(r.arn));
  return deregister(ecs, doomed, options.log);
}

/** Every revision a service of the cluster runs (any family: there are few). */
async function revisionsInUse(ecs: ECSClient, cluster: string): Promise<Set<string>> {
  const names: string[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const out = await ecs.send(new ListServicesCommand({ cluster, maxResults: 100, nextToken }));
    names.push(...(out.serviceArns ?? []));
    nextToken = out.nextToken;
    if (!nextToken) break;
  }
  const batches = Array.from({ length: Math.ceil(names.length / 10) }, (_, i) =>
    names.slice(i * 10, i * 10 + 10),
  );
  const described = await mapLimit(batches, DESCRIBE_PARALLEL, async (services) => {
    const out = await ecs.send(new DescribeServicesCommand({ cluster, services }));
    // The service's revision (its PRIMARY deployment's), those of deployments still draining, and
    // of task sets (other deployment controllers).
    return (out.services ?? []).flatMap((s) => [
      s.taskDefinition,
      ...(s.deployments ?? []).filter((d) => d.status !== 'PRIMARY').map((d) => d.taskDefinition),
      ...(s.taskSets ?? []).map((t) => t.taskDefinition),
    ]);
  });
  return new Set(described.flat().filter((arn): arn is string => !!arn));
}

export async function deregister(
  ecs: ECSClient,
  revisions: readonly ManagedRevision[],
  log: Log,
): Promise<string[]> {
  const done: string[] = [];
  for (const r of revisions) {
    await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: r.arn }));
    log.info(`Deregistered ${r.arn}`);
    done.push(r.arn);
  }
  return done;
}

async function listActiveRevisions(ecs: ECSClient, family: string): Promise<string[]> {
  const arns: string[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const out = await ecs.send(
      new ListTaskDefinitionsCommand({ familyPrefix: family, status: 'ACTIVE', nextToken }),
    );
    arns.push(...(out.taskDefinitionArns ?? []).filter((a) => familyOf(a) === family));
    nextToken = out.nextToken;
    if (!nextToken) break;
  }
  return arns;
}

function mergeTags(
  fromInput: readonly Tag[] | undefined,
  extra: Readonly<Record<string, string>> = {},
): Tag[] {
  const byKey = new Map<string, string>();
  for (const t of fromInput ?? []) if (t.key) byKey.set(t.key, t.value ?? '');
  for (const [k, v] of Object.entries(ecsTags(extra))) byKey.set(k, v);
  byKey.delete(MANAGED_TAG.key);
  const tags = [...byKey].slice(0, MAX_TAGS).map(([key, value]) => ({ key, value }));
  return [...tags, { ...MANAGED_TAG }];
}

/** ...:task-definition/family:12 -> family */
function familyOf(arn: string): string {
  const name = arn.split('/').pop() ?? '';
  return name.slice(0, name.lastIndexOf(':'));
}

function revisionOf(arn: string): number {
  return Number(arn.split(':').pop());
}

function highestRevision(arns: readonly string[], family: string): string | undefined {
  return arns.filter((a) => familyOf(a) === family).sort((a, b) => revisionOf(b) - revisionOf(a))[0];
}

function isClientError(e: unknown): boolean {
  const name = (e as { name?: string } | undefined)?.name;
  return name === 'ClientException' || name === 'InvalidParameterException';
}
