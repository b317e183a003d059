import { verifyDeployment, verifyTargetOf, type VerifyPart } from '../verify';
import type { LaunchType } from '../translate/context';
import { once } from '../lazy';
import type { Log } from '../log';
import type { TranslatedProject } from '../translate/project';

/** Whether to verify, and where the task is to run. */
export interface VerifyWhere {
  verify: boolean;
  region: string;
  cluster: string;
  launchType: LaunchType;
  /** The service the task will run in: its running tasks may make room as they are replaced. */
  service?: string;
}

/** Runs the deferred cluster check, once, however many callers ask; resolves when it passed. */
export type BeforeChange = () => Promise<void>;

/**
 * Verify (group `Verify`), with `verify: true`: what the task needs from the account, checked with
 * reads before the first side effect; the deploy and the plan stop alike on what it finds.
 *
 * The plan checks everything here. The deploy leaves the cluster (and its room for a task) to the
 * function this returns, which it calls before its first change: an export, a build, a write
 * into the registry or to ECS. The cluster's room matters only when a task is to be placed, so a
 * rerun with nothing to change never asks; one that changes something asks before it does.
 */
export async function verifyStage(
  config: VerifyWhere,
  translated: TranslatedProject,
  log: Log,
  cluster: 'now' | 'before-first-change' = 'now',
): Promise<BeforeChange> {
  if (!config.verify) return async () => undefined;
  const target = verifyTargetOf(translated, {
    region: config.region,
    cluster: config.cluster,
    launchType: config.launchType,
    ...(config.service !== undefined && { service: config.service }),
  });
  const now: VerifyPart = cluster === 'now' ? 'all' : 'account';
  await log.group('Verify', async () => {
    await verifyDeployment(target, { log, part: now });
    if (cluster !== 'now')
      log.info(
        'The cluster and its room for the task: verified before the first change, if this run makes one.',
      );
  });
  if (cluster === 'now') return async () => undefined;
  return once(async () => {
    await verifyDeployment(target, { log, part: 'cluster' });
  });
}
