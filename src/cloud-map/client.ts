import type { ServiceDiscoveryClient } from '@aws-sdk/client-servicediscovery';
import { awsClientOptions, withCallContext } from '../aws/clients';

export type CloudMap = ServiceDiscoveryClient;

/** Marks what this action created in Cloud Map, so a teardown removes that and nothing else. */
export const MANAGED_TAG = { Key: 'habitat-ecs-deploy:managed', Value: 'true' } as const;

/** Pages of a Cloud Map list read at most (100 a page). */
export const MAX_PAGES = 20;

/** The run's Cloud Map client, loaded only by runs of the services layout (or of ecs-params service_discovery). */
export async function cloudMapClient(region: string): Promise<CloudMap> {
  const sdk = await import('../aws/sdk/service-discovery');
  return withCallContext(new sdk.ServiceDiscoveryClient(awsClientOptions(region)));
}
