import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import type { NetworkOptions } from '../ecs/service';
import type { PushedImage } from '../registry/docker-push';
import { translateRequest, type Request } from './request';

/** The task definition to deploy: every Habitat and built image pinned by the digest the registry serves. */
export interface PinnedTask {
  taskDefinition: RegisterTaskDefinitionCommandInput;
  /** Compose service -> the image it runs, `uri@sha256:...`. */
  images: Record<string, string>;
  /** ecs-params' awsvpc configuration, for a service to be created. */
  network?: NetworkOptions;
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
  const references = new Map(images.map((p) => [p.repository, p.reference]));
  const pinned = translateRequest(request, registry, references);
  const vpc = pinned.runParams.networkConfiguration?.awsvpcConfiguration;
  return {
    taskDefinition: pinned.taskDefinition,
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
