import type { DnsRecord, ServiceSummary } from '@aws-sdk/client-servicediscovery';
import type { Log } from '../log';
import { MAX_PAGES, type CloudMap } from './client';
import { tagList } from './namespace';

export interface Registry {
  id: string;
  arn: string;
  name: string;
}

/** The services of a namespace (ListServices, every page). */
export async function listRegistries(sd: CloudMap, namespaceId: string): Promise<Registry[]> {
  const { ListServicesCommand } = await import('../aws/sdk/service-discovery');
  const all: Registry[] = [];
  let NextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const out = await sd.send(
      new ListServicesCommand({
        Filters: [{ Name: 'NAMESPACE_ID', Values: [namespaceId], Condition: 'EQ' }],
        ...(NextToken && { NextToken }),
      }),
    );
    for (const s of out.Services ?? ([] as ServiceSummary[]))
      if (s.Id && s.Arn && s.Name) all.push({ id: s.Id, arn: s.Arn, name: s.Name });
    NextToken = out.NextToken;
    if (!NextToken) break;
  }
  return all;
}

export interface EnsureRegistry {
  namespaceId: string;
  name: string;
  /** Default: an A record, 10 s TTL, every healthy task in the answer (MULTIVALUE). */
  dns?: { type?: 'A' | 'SRV'; ttl?: number };
  tags: Readonly<Record<string, string>>;
  log: Log;
  /** Before the service is created (the deploy's deferred checks). */
  beforeCreate?: () => Promise<void>;
}

/**
 * The Cloud Map service ECS registers the tasks of one ECS service in (serviceRegistries), created
 * when missing: A records (awsvpc gives every task an address of its own), health from ECS
 * (HealthCheckCustomConfig), the addresses of all healthy tasks in each answer
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-discovery.html).
 */
export async function ensureRegistry(
  sd: CloudMap,
  input: EnsureRegistry,
): Promise<Registry & { created: boolean }> {
  const found = (await listRegistries(sd, input.namespaceId)).find((r) => r.name === input.name);
  if (found) return { ...found, created: false };
  await input.beforeCreate?.();
  const { CreateServiceCommand } = await import('../aws/sdk/service-discovery');
  const record: DnsRecord = { Type: input.dns?.type ?? 'A', TTL: input.dns?.ttl ?? 10 };
  const out = await sd.send(
    new CreateServiceCommand({
      Name: input.name,
      NamespaceId: input.namespaceId,
      CreatorRequestId: `habitat-ecs-deploy-${input.namespaceId}-${input.name}`.slice(0, 64),
      DnsConfig: { RoutingPolicy: 'MULTIVALUE', DnsRecords: [record] },
      HealthCheckCustomConfig: { FailureThreshold: 1 },
      Tags: tagList(input.tags),
    }),
  );
  const s = out.Service;
  if (!s?.Id || !s.Arn) throw new Error(`Cloud Map CreateService returned no service for ${input.name}`);
  input.log.info(`Created Cloud Map service ${input.name}: ${s.Arn}`);
  return { id: s.Id, arn: s.Arn, name: input.name, created: true };
}
