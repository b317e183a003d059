import { awsClients } from '../aws/clients';
import { teardown } from '../ecs/teardown';
import type { ServiceConfig } from '../inputs/parse';
import { previewTag } from '../inputs/pull-request';
import type { Log } from '../log';
import { deleteImageTag, getRegistryAuthorization } from '../registry/ecr';
import { baseReport, type RunReport } from './report';
import { repositoryOf } from '../translate/habitat/package-source';
import { splitImage } from '../translate/image-name';
import { previewRepository } from '../translate/preview-names';

/**
 * The teardown mode (and a closed pull request's preview): the service deleted, the revisions
 * this action registered deregistered, and a preview's images removed when asked.
 */
export async function tearDown(config: ServiceConfig, log: Log): Promise<RunReport> {
  const { ecr, ecs } = awsClients(config.region);
  const { service, layout } = config;
  let changed: boolean;
  let state: string[];
  // The images the deregistered revisions named: a preview's own, whichever way they were made.
  let images: string[];
  if (layout.kind === 'services') {
    const { tearDownServices } = await import('./teardown-services');
    ({ state, changed, images } = await tearDownServices({ ...config, layout }, log));
  } else {
    const result = await log.group('Teardown', () =>
      teardown(ecs, {
        cluster: config.cluster,
        service,
        family: config.family,
        timeoutMs: config.waitTimeoutMinutes * 60_000,
        log,
      }),
    );
    changed = result.deleted || result.deregistered.length > 0;
    images = result.images;
    state = [
      result.deleted ? `service ${service} deleted` : `service ${service} did not exist`,
      `${result.deregistered.length} task definition revision(s) deregistered`,
    ];
  }
  // Only the pull request's own tag, whatever image-tag says: never a tag other deploys use.
  const tag = config.preview && previewTag(config.preview.number);
  if (tag && config.removePreviewImages) {
    // The packages given, and every repository of this registry the preview's revisions named:
    // built images too, and packages named only in the compose file (x-habitat).
    const suffix = config.previewSuffix;
    const repositories = config.packages.map((p) =>
      suffix === undefined ? repositoryOf(p) : previewRepository(repositoryOf(p), suffix),
    );
    if (images.length > 0) {
      const { registry } = await getRegistryAuthorization(ecr);
      for (const image of images) {
        const { host, repository } = splitImage(image);
        if (host === registry) repositories.push(repository);
      }
    }
    const removed = await log.group('Remove preview images', () =>
      deleteImageTag(ecr, repositories, tag, log),
    );
    state.push(`${removed.length} ${tag} image(s) deleted`);
  } else if (tag) {
    state.push(`${tag} images kept (preview-remove-images is false)`);
  }
  return {
    ...baseReport(config),
    mode: 'teardown',
    changed,
    state: state.join('; '),
    ...(config.preview && { notes: [`Preview of pull request #${config.preview.number} removed.`] }),
  };
}
