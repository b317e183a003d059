import { awsClients } from '../aws/clients';
import { cloudMapClient } from '../cloud-map/client';
import { removeDiscovery } from '../cloud-map/teardown';
import { listProjectServices } from '../ecs/project-services';
import { teardown } from '../ecs/teardown';
import type { ServiceConfig } from '../inputs/parse';
import type { Log } from '../log';

/** What a teardown of the services layout removed, for the report. */
export interface ServicesTeardown {
  state: string[];
  changed: boolean;
  /** The images the deregistered revisions named. */
  images: string[];
}

/**
 * The services layout's teardown: every ECS service of the project (found by its tags, so no
 * compose file is needed), each deleted with the revisions this action registered in its family,
 * then the Cloud Map services this action made for them, and the namespace when this action made
 * it and nothing else is left in it.
 */
export async function tearDownServices(
  config: ServiceConfig & { layout: { kind: 'services'; namespace: string } },
  log: Log,
): Promise<ServicesTeardown> {
  const { ecs } = awsClients(config.region);
  const timeoutMs = config.waitTimeoutMinutes * 60_000;
  const found = await listProjectServices(ecs, config.cluster, config.service);
  if (found.length === 0) log.info(`No ECS service of ${config.service} in ${config.cluster}`);
  let deleted = 0;
  let deregistered = 0;
  const images = new Set<string>();
  for (const s of found) {
    const result = await log.group(`Teardown ${s.service}`, () =>
      teardown(ecs, {
        cluster: config.cluster,
        service: s.service,
        family: `${config.family}-${s.compose}`,
        timeoutMs,
        log,
      }),
    );
    if (result.deleted) deleted += 1;
    deregistered += result.deregistered.length;
    for (const image of result.images) images.add(image);
  }
  const sd = await cloudMapClient(config.region);
  const discovery = await log.group('Remove Cloud Map names', () =>
    removeDiscovery(sd, {
      namespace: config.layout.namespace,
      names: found.map((s) => s.compose.toLowerCase()),
      timeoutMs,
      log,
    }),
  );
  const state = [
    `${deleted} ECS service(s) of ${config.service} deleted`,
    `${deregistered} task definition revision(s) deregistered`,
    `${discovery.services.length} Cloud Map service(s) removed`,
    discovery.namespace
      ? `namespace ${config.layout.namespace} deleted`
      : `namespace ${config.layout.namespace} kept`,
  ];
  return {
    state,
    changed: deleted + deregistered + discovery.services.length > 0 || discovery.namespace,
    images: [...images],
  };
}
