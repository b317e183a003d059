import type { NamespaceSummary } from '@aws-sdk/client-servicediscovery';
import type { Log } from '../log';
import { MANAGED_TAG, MAX_PAGES, type CloudMap } from './client';
import { waitForOperation, type OperationWait } from './operation';

export interface Namespace {
  id: string;
  arn: string;
  name: string;
}

/** The private DNS namespace of this name, or undefined (ListNamespaces, every page). */
export async function findNamespace(sd: CloudMap, name: string): Promise<Namespace | undefined> {
  const { ListNamespacesCommand } = await import('../aws/sdk/service-discovery');
  let NextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const out = await sd.send(new ListNamespacesCommand({ ...(NextToken && { NextToken }) }));
    const found = (out.Namespaces ?? []).find(
      (n: NamespaceSummary) => n.Name === name && (n.Type === undefined || n.Type === 'DNS_PRIVATE'),
    );
    if (found?.Id && found.Arn) return { id: found.Id, arn: found.Arn, name };
    NextToken = out.NextToken;
    if (!NextToken) return undefined;
  }
  return undefined;
}

export interface EnsureNamespace extends OperationWait {
  name: string;
  /** The VPC of the tasks' subnets: the namespace's Route 53 zone answers there. */
  vpc: string;
  tags: Readonly<Record<string, string>>;
  log: Log;
  /** Before the namespace is created (the deploy's deferred checks). */
  beforeCreate?: () => Promise<void>;
}

/**
 * The namespace, created (tagged as this action's) when missing. CreatorRequestId makes a rerun
 * after a lost answer the same request, not a second namespace.
 */
export async function ensureNamespace(
  sd: CloudMap,
  input: EnsureNamespace,
): Promise<Namespace & { created: boolean }> {
  const found = await findNamespace(sd, input.name);
  if (found) {
    input.log.info(`Cloud Map namespace ${input.name}: ${found.id}`);
    return { ...found, created: false };
  }
  await input.beforeCreate?.();
  const { CreatePrivateDnsNamespaceCommand } = await import('../aws/sdk/service-discovery');
  const out = await sd.send(
    new CreatePrivateDnsNamespaceCommand({
      Name: input.name,
      Vpc: input.vpc,
      CreatorRequestId: `habitat-ecs-deploy-${input.name}`.slice(0, 64),
      Description: 'Made by habitat-ecs-deploy (layout: services)',
      Tags: tagList(input.tags),
    }),
  );
  if (out.OperationId) await waitForOperation(sd, out.OperationId, `creating namespace ${input.name}`, input);
  const made = await findNamespace(sd, input.name);
  if (!made) throw new Error(`Cloud Map created namespace ${input.name}, but does not list it`);
  input.log.info(`Created Cloud Map namespace ${input.name} in ${input.vpc}: ${made.id}`);
  return { ...made, created: true };
}

/** Tags as Cloud Map takes them, this action's marker among them. */
export function tagList(tags: Readonly<Record<string, string>>): { Key: string; Value: string }[] {
  return [{ ...MANAGED_TAG }, ...Object.entries(tags).map(([Key, Value]) => ({ Key, Value }))];
}
