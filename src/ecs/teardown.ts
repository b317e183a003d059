import { DeleteServiceCommand, type ECSClient } from '@aws-sdk/client-ecs';
import { pollUntil, type ServicePoll } from './poll';
import { deregister, listManagedRevisions } from './register';
import { findService } from './service';

/** timeoutMs bounds the wait for INACTIVE; intervalMs defaults to 5 s. */
export type DeleteServiceOptions = ServicePoll;

export interface DeleteServiceResult {
  /** false when there was nothing to delete (no cluster, no service, or already INACTIVE). */
  deleted: boolean;
  /** The service reached INACTIVE (or vanished) within the timeout. */
  inactive: boolean;
}

export interface TeardownOptions extends DeleteServiceOptions {
  /** Family whose revisions this action registered are deregistered; omitted: none. */
  family?: string;
}

export interface TeardownResult extends DeleteServiceResult {
  deregistered: string[];
  /** The images the deregistered revisions named: what a preview pushed, built or exported. */
  images: string[];
}

const DEFAULT_INTERVAL_MS = 5_000;

/**
 * Removes what a deploy made (PR previews): deletes the service, waits for
 * INACTIVE, then deregisters the family's revisions that carry this action's marker tag.
 * Nothing there is not a failure: teardown is meant to be run again safely.
 */
export async function teardown(ecs: ECSClient, options: TeardownOptions): Promise<TeardownResult> {
  const deletion = await deleteService(ecs, options);
  const deregistered: string[] = [];
  const images = new Set<string>();
  if (options.family) {
    const managed = await listManagedRevisions(ecs, options.family);
    if (managed.length === 0)
      options.log.info(`No revisions of ${options.family} made by this action to deregister`);
    for (const m of managed) for (const image of m.images) images.add(image);
    deregistered.push(...(await deregister(ecs, managed, options.log)));
  }
  return { ...deletion, deregistered, images: [...images] };
}

/** Deletes the service with its tasks; a missing cluster or service is a no-op with a message. */
export async function deleteService(
  ecs: ECSClient,
  options: DeleteServiceOptions,
): Promise<DeleteServiceResult> {
  const { cluster, service: name, log } = options;
  const found = await findService(ecs, cluster, name);
  if (found === 'no-cluster' || !found || found.status === 'INACTIVE') {
    const where =
      found === 'no-cluster'
        ? `cluster ${cluster} does not exist`
        : `no active service ${name} in ${cluster}`;
    log.info(`Nothing to delete: ${where}`);
    return { deleted: false, inactive: true };
  }
  if (found.status === 'ACTIVE') {
    // One call, not a scale to 0 and then a delete: interrupted between the two, the service was
    // left ACTIVE with no task, which a later deploy took as stable. `force` deletes a service not
    // scaled down, and ECS stops its tasks as it drains
    // (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeleteService.html).
    await ecs.send(new DeleteServiceCommand({ cluster, service: name, force: true }));
    log.info(`Deleted service ${name} from ${cluster}`);
  }
  const inactive = await waitInactive(ecs, options);
  if (!inactive)
    log.warning(`Service ${name} was deleted but is not INACTIVE yet (still draining its tasks)`);
  return { deleted: true, inactive };
}

async function waitInactive(ecs: ECSClient, options: DeleteServiceOptions): Promise<boolean> {
  const gone = await pollUntil(options, DEFAULT_INTERVAL_MS, async () => {
    const found = await findService(ecs, options.cluster, options.service);
    return found === 'no-cluster' || !found || found.status === 'INACTIVE' ? true : undefined;
  });
  return gone ?? false;
}
