import { setTimeout as wait } from 'node:timers/promises';
import type { Log } from '../log';
import { MANAGED_TAG, type CloudMap } from './client';
import { findNamespace } from './namespace';
import { waitForOperation, type OperationWait } from './operation';
import { listRegistries } from './registry';

export interface RemoveDiscovery extends OperationWait {
  namespace: string;
  /** The Cloud Map services of the torn-down ECS services. */
  names: readonly string[];
  log: Log;
}

/** How often a Cloud Map service that still has instances is tried again (ECS deregisters them as tasks stop). */
const IN_USE_ATTEMPTS = 6;

/**
 * What a teardown removes from Cloud Map: the named services this action created, and, when it
 * created the namespace too and nothing of anyone else's is left in it, the namespace with every
 * service in it (Service Connect's, which ECS made for our services, included). Nothing there is
 * no failure: a teardown may run again.
 */
export async function removeDiscovery(
  sd: CloudMap,
  input: RemoveDiscovery,
): Promise<{ services: string[]; namespace: boolean }> {
  const sdk = await import('../aws/sdk/service-discovery');
  const namespace = await findNamespace(sd, input.namespace);
  if (!namespace) {
    input.log.info(`Cloud Map namespace ${input.namespace} does not exist: nothing to remove there`);
    return { services: [], namespace: false };
  }
  const ours = async (arn: string) => {
    const out = await sd.send(new sdk.ListTagsForResourceCommand({ ResourceARN: arn }));
    return (out.Tags ?? []).some((t) => t.Key === MANAGED_TAG.Key && t.Value === MANAGED_TAG.Value);
  };
  const namespaceOurs = await ours(namespace.arn);
  const registries = await listRegistries(sd, namespace.id);
  const removed: string[] = [];
  for (const r of registries) {
    const named = input.names.includes(r.name);
    if (!namespaceOurs && !(named && (await ours(r.arn)))) continue;
    if (await deleteRegistry(sd, sdk.DeleteServiceCommand, r.id, input)) removed.push(r.name);
    else
      input.log.warning(
        `Cloud Map service ${r.name} still has instances; it stays (remove it once they are gone)`,
      );
  }
  if (!namespaceOurs) return { services: removed, namespace: false };
  if (removed.length < registries.length) {
    input.log.warning(`Cloud Map namespace ${input.namespace} still has services: it stays`);
    return { services: removed, namespace: false };
  }
  const out = await sd.send(new sdk.DeleteNamespaceCommand({ Id: namespace.id }));
  if (out.OperationId)
    await waitForOperation(sd, out.OperationId, `deleting namespace ${input.namespace}`, input);
  input.log.info(`Deleted Cloud Map namespace ${input.namespace}, which this action had created`);
  return { services: removed, namespace: true };
}

/** DeleteService, tried again while Cloud Map says it is in use (its instances still registered). */
async function deleteRegistry(
  sd: CloudMap,
  Command: typeof import('../aws/sdk/service-discovery').DeleteServiceCommand,
  id: string,
  input: Pick<RemoveDiscovery, 'sleep'>,
): Promise<boolean> {
  const sleep = input.sleep ?? ((ms: number) => wait(ms));
  for (let attempt = 1; attempt <= IN_USE_ATTEMPTS; attempt++) {
    try {
      await sd.send(new Command({ Id: id }));
      return true;
    } catch (e) {
      const name = (e as { name?: string }).name;
      if (name === 'ServiceNotFound') return true;
      if (name !== 'ResourceInUse' || attempt === IN_USE_ATTEMPTS) {
        if (name === 'ResourceInUse') return false;
        throw e;
      }
      await sleep(5_000 * attempt);
    }
  }
  return false;
}
