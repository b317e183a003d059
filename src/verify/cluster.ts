import {
  DescribeClustersCommand,
  DescribeContainerInstancesCommand,
  DescribeServicesCommand,
  ECSClient,
  ListContainerInstancesCommand,
  type Cluster,
  type ContainerInstance,
} from '@aws-sdk/client-ecs';
import { error, warning } from '../diagnostics';
import { needText, roomOf, shortfalls } from './capacity';
import type { CheckContext, Check } from './context';
import type { ClusterCheck } from './checklist';
import { PERMISSION } from './permissions';

/** Container instances looked at, at most: 10 pages of 100. */
const MAX_INSTANCE_PAGES = 10;

/**
 * The cluster exists; on EC2, some container instance has room for one task now. When none has,
 * that is a warning if capacity providers may add instances or the service's old tasks may make
 * room as they stop, else an error: the deployment would wait for a place that never comes.
 */
export function clusterChecks(check: ClusterCheck, ctx: CheckContext): Check[] {
  return [
    async () => {
      const ecs = ctx.clients.get('ecs', ctx.region, (o) => new ECSClient(o));
      const { place } = check;
      let cluster: Cluster | undefined;
      try {
        const out = await ecs.send(new DescribeClustersCommand({ clusters: [check.name] }));
        cluster = out.clusters?.find((c) => c.status === 'ACTIVE');
      } catch (e) {
        ctx.findings.failed(e, {
          permission: PERMISSION.describeClusters,
          what: `cluster ${check.name}`,
          place,
        });
        return;
      }
      if (!cluster) {
        ctx.findings.add(
          error(
            `cluster "${check.name}" was not found in region ${ctx.region}; create it, or check the cluster name and region`,
            place,
          ),
        );
        return;
      }
      const need = check.need;
      if (!need) return;
      const what = `room for the task in cluster ${check.name}`;
      let arns: string[];
      let instances: ContainerInstance[];
      try {
        arns = await instanceArns(ecs, check.name);
      } catch (e) {
        ctx.findings.failed(e, { permission: PERMISSION.listContainerInstances, what, place });
        return;
      }
      try {
        instances = await describeInstances(ecs, check.name, arns);
      } catch (e) {
        ctx.findings.failed(e, { permission: PERMISSION.describeContainerInstances, what, place });
        return;
      }
      const rooms = instances.map(roomOf);
      if (rooms.some((room) => shortfalls(need, room).length === 0)) return;
      const closest = rooms.map((room) => shortfalls(need, room)).sort((a, b) => a.length - b.length)[0];
      const problem =
        rooms.length === 0
          ? `cluster "${check.name}" has no container instance registered, so a task on EC2 has nowhere to run`
          : `no container instance of cluster "${check.name}" has room for one task (${needText(need)}); ` +
            `the closest: ${(closest ?? []).join(', ')}`;
      const scaling = (cluster.capacityProviders ?? []).filter((p) => !p.startsWith('FARGATE'));
      if (scaling.length > 0) {
        ctx.findings.add(
          warning(
            `${problem}. Its capacity providers (${scaling.join(', ')}) may add instances, if the service uses them`,
            place,
          ),
        );
        return;
      }
      if (rooms.length > 0 && check.service && (await runsTasks(ecs, check.name, check.service, ctx))) {
        ctx.findings.add(
          warning(
            `${problem}. ECS can place it only as it stops old tasks of service ${check.service}, ` +
              "which needs the service's minimumHealthyPercent below 100",
            place,
          ),
        );
        return;
      }
      ctx.findings.add(error(`${problem}: register an instance with room, or make some`, place));
    },
  ];
}

async function instanceArns(ecs: ECSClient, cluster: string): Promise<string[]> {
  const arns: string[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_INSTANCE_PAGES; page++) {
    const out = await ecs.send(
      new ListContainerInstancesCommand({
        cluster,
        status: 'ACTIVE',
        maxResults: 100,
        ...(nextToken && { nextToken }),
      }),
    );
    arns.push(...(out.containerInstanceArns ?? []));
    nextToken = out.nextToken;
    if (!nextToken) break;
  }
  return arns;
}

async function describeInstances(
  ecs: ECSClient,
  cluster: string,
  arns: readonly string[],
): Promise<ContainerInstance[]> {
  const instances: ContainerInstance[] = [];
  for (let i = 0; i < arns.length; i += 100) {
    const out = await ecs.send(
      new DescribeContainerInstancesCommand({ cluster, containerInstances: arns.slice(i, i + 100) }),
    );
    instances.push(...(out.containerInstances ?? []));
  }
  return instances;
}

/** Whether the service runs tasks now, whose stopping frees room; a denied call counts as no. */
async function runsTasks(
  ecs: ECSClient,
  cluster: string,
  service: string,
  ctx: CheckContext,
): Promise<boolean> {
  try {
    const out = await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }));
    return (out.services ?? []).some((s) => s.status === 'ACTIVE' && (s.runningCount ?? 0) > 0);
  } catch (e) {
    ctx.findings.failed(e, {
      permission: PERMISSION.describeServices,
      what: `the tasks of service ${service}`,
      place: { input: 'service' },
    });
    return false;
  }
}
