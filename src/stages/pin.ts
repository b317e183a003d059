import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import type { NetworkOptions } from '../ecs/service';
import type { PushedImage } from '../registry/docker-push';
import type { TranslatedProject } from '../translate/project';
import type { ServicesTranslation } from '../translate/services';
import { translateRequest, type Request } from './request';

/** What is pinned in either layout: the images by digest, and ecs-params' awsvpc configuration. */
interface Pinned {
  /** Compose service -> the image it runs, `uri@sha256:...`. */
  images: Record<string, string>;
  /** ecs-params' awsvpc configuration, for a service to be created. */
  network?: NetworkOptions;
}

/** The task definition to deploy: every Habitat and built image pinned by the digest the registry serves. */
export interface PinnedTask extends Pinned {
  taskDefinition: RegisterTaskDefinitionCommandInput;
}

/** The services layout pinned: each service's task definition names the digests. */
export interface PinnedServices extends Pinned {
  services: ServicesTranslation;
}

/**
 * Translates again with the images in the registry, so the task definition names digests, not
 * tags that can move. Its warnings were printed by the first translation, before anything ran.
 */
export function pinTaskDefinition(
  request: Request,
  images: readonly PushedImage[],
  registry: string,
): PinnedTask {
  const pinned = pin(request, images, registry);
  if (pinned.layout !== 'task') throw new Error('pinTaskDefinition: the request is not in the task layout');
  return { taskDefinition: pinned.taskDefinition, ...pinnedParts(pinned) };
}

/** The same in the services layout: every service's task definition on the pushed digests. */
export function pinServices(
  request: Request,
  images: readonly PushedImage[],
  registry: string,
): PinnedServices {
  const pinned = pin(request, images, registry);
  if (pinned.layout !== 'services') throw new Error('pinServices: the request is not in the services layout');
  return { services: pinned.services, ...pinnedParts(pinned) };
}

function pin(request: Request, images: readonly PushedImage[], registry: string): TranslatedProject {
  const references = new Map(images.map((p) => [p.repository, p.reference]));
  return translateRequest(request, registry, references);
}

function pinnedParts(pinned: TranslatedProject): Pinned {
  const vpc = pinned.runParams.networkConfiguration?.awsvpcConfiguration;
  return {
    images: Object.fromEntries(
      [...pinned.project.services.keys()].flatMap((name) => {
        const image = (pinned.habitatServices.get(name) ?? pinned.builtServices.get(name))?.image;
        return image === undefined ? [] : [[name, image]];
      }),
    ),
    ...(vpc?.subnets && {
      network: {
        subnets: vpc.subnets,
        ...(vpc.securityGroups && { securityGroups: vpc.securityGroups }),
        ...(vpc.assignPublicIp && { assignPublicIp: vpc.assignPublicIp }),
      },
    }),
  };
}
