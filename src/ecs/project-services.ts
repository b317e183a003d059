import { DescribeServicesCommand, ListServicesCommand, type ECSClient, type Tag } from '@aws-sdk/client-ecs';

/** The tags that mark an ECS service of the services layout: whose project, which compose service. */
export const PROJECT_TAG = 'habitat-ecs-deploy:project';
export const COMPOSE_SERVICE_TAG = 'habitat-ecs-deploy:compose-service';

/** ListServices pages read at most (100 services a page). */
const MAX_PAGES = 20;

export interface ProjectService {
  /** The ECS service. */
  service: string;
  /** The compose service it runs. */
  compose: string;
  status?: string;
}

/**
 * The ECS services of one project of the services layout in the cluster, found by the tags the
 * deploy gave them (ListServices, then DescribeServices with their tags, 10 at a time), so that a
 * teardown needs no compose file and never takes another project's service for its own.
 */
export async function listProjectServices(
  ecs: ECSClient,
  cluster: string,
  project: string,
): Promise<ProjectService[]> {
  const arns: string[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    let out;
    try {
      out = await ecs.send(
        new ListServicesCommand({ cluster, maxResults: 100, ...(nextToken && { nextToken }) }),
      );
    } catch (e) {
      if ((e as { name?: string }).name === 'ClusterNotFoundException') return [];
      throw e;
    }
    arns.push(...(out.serviceArns ?? []));
    nextToken = out.nextToken;
    if (!nextToken) break;
  }
  const found: ProjectService[] = [];
  for (let i = 0; i < arns.length; i += 10) {
    const out = await ecs.send(
      new DescribeServicesCommand({ cluster, services: arns.slice(i, i + 10), include: ['TAGS'] }),
    );
    for (const s of out.services ?? []) {
      const tag = (key: string) => (s.tags ?? []).find((t: Tag) => t.key === key)?.value;
      const compose = tag(COMPOSE_SERVICE_TAG);
      if (tag(PROJECT_TAG) !== project || compose === undefined || !s.serviceName) continue;
      found.push({ service: s.serviceName, compose, ...(s.status && { status: s.status }) });
    }
  }
  return found;
}
