import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PushedImage } from '../../src/registry/docker-push';
import { pinTaskDefinition } from '../../src/stages/pin';
import { REGISTRY } from './fakes';
import { config, workspace } from './national-parks';

function pushed(repository: string, digest: string): PushedImage {
  const uri = `${REGISTRY}/${repository}`;
  return {
    repository,
    uri,
    tags: ['v1'],
    digest,
    reference: `${uri}@${digest}`,
    pushed: true,
    pushedTags: ['v1'],
  };
}

describe('pinTaskDefinition', () => {
  it('names every Habitat image by the digest the registry serves', () => {
    const images = [
      pushed('billmeyer/mongodb', `sha256:${'a'.repeat(64)}`),
      pushed('mattray/national-parks', `sha256:${'b'.repeat(64)}`),
    ];
    const pinned = pinTaskDefinition(config(), images, REGISTRY);
    expect(pinned.taskDefinition.containerDefinitions?.map((c) => c.image)).toEqual(
      images.map((i) => i.reference),
    );
    expect(pinned.images).toEqual({ mongo: images[0]?.reference, 'national-parks': images[1]?.reference });
    expect(pinned.network).toBeUndefined();
  });

  it("passes ecs-params' awsvpc configuration on as it was written", () => {
    const withParams = config({ 'ecs-params': path.join(workspace, 'ecs-params.yml') });
    const images = [
      pushed('billmeyer/mongodb', `sha256:${'a'.repeat(64)}`),
      pushed('mattray/national-parks', `sha256:${'b'.repeat(64)}`),
    ];
    const pinned = pinTaskDefinition(withParams, images, REGISTRY);
    expect(pinned.network).toEqual({ subnets: ['subnet-1'], assignPublicIp: 'ENABLED' });
  });

  it('pins a built service by the digest its push got, like a Habitat image', () => {
    fs.writeFileSync(
      path.join(workspace, 'built.yml'),
      'services:\n  mongo:\n    image: billmeyer/mongodb\n    mem_limit: 256m\n  web:\n    build: ./web\n    image: shop/web\n    mem_limit: 64m\n',
    );
    const withBuild = config({
      'compose-file': path.join(workspace, 'built.yml'),
      'habitat-packages': 'billmeyer/mongodb',
    });
    const images = [
      pushed('billmeyer/mongodb', `sha256:${'a'.repeat(64)}`),
      pushed('shop/web', `sha256:${'c'.repeat(64)}`),
    ];
    const pinned = pinTaskDefinition(withBuild, images, REGISTRY);
    expect(pinned.images).toEqual({ mongo: images[0]?.reference, web: images[1]?.reference });
    expect(pinned.taskDefinition.containerDefinitions?.map((c) => c.image)).toEqual(
      images.map((i) => i.reference),
    );
    // With the build input off, image: is used as written, and nothing is pinned for it.
    const off = pinTaskDefinition({ ...withBuild, build: false }, images.slice(0, 1), REGISTRY);
    expect(off.images).toEqual({ mongo: images[0]?.reference });
    expect(off.taskDefinition.containerDefinitions?.[1]?.image).toBe('shop/web');
  });
});
