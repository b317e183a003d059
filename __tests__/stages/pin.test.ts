import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PushedImage } from '../../src/registry/docker-push';
import { pinTaskDefinition } from '../../src/stages/pin';
import { REGISTRY } from './fakes';
import { config, run, workspace } from './national-parks';

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
  const temp = process.env.RUNNER_TEMP;
  beforeAll(() => {
    process.env.RUNNER_TEMP = fs.mkdtempSync(path.join(os.tmpdir(), 'runner-temp-'));
  });
  afterAll(() => {
    if (temp === undefined) delete process.env.RUNNER_TEMP;
    else process.env.RUNNER_TEMP = temp;
  });

  it('names every Habitat image by the digest the registry serves, and writes the file', () => {
    const images = [
      pushed('billmeyer/mongodb', `sha256:${'a'.repeat(64)}`),
      pushed('mattray/national-parks', `sha256:${'b'.repeat(64)}`),
    ];
    const pinned = pinTaskDefinition(config(), run, images, REGISTRY);
    expect(pinned.taskDefinition.containerDefinitions?.map((c) => c.image)).toEqual(
      images.map((i) => i.reference),
    );
    expect(pinned.images).toEqual({ mongo: images[0]?.reference, 'national-parks': images[1]?.reference });
    expect(pinned.file).toBe(
      path.join(process.env.RUNNER_TEMP ?? '', 'habitat-ecs-deploy', 'parks.task-definition.json'),
    );
    expect(JSON.parse(fs.readFileSync(pinned.file, 'utf8'))).toEqual(pinned.taskDefinition);
    expect(pinned.network).toBeUndefined();
  });

  it("passes ecs-params' awsvpc configuration on as it was written", () => {
    const withParams = config({ 'ecs-params': path.join(workspace, 'ecs-params.yml') });
    const images = [
      pushed('billmeyer/mongodb', `sha256:${'a'.repeat(64)}`),
      pushed('mattray/national-parks', `sha256:${'b'.repeat(64)}`),
    ];
    const pinned = pinTaskDefinition(withParams, run, images, REGISTRY);
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
    const pinned = pinTaskDefinition(withBuild, run, images, REGISTRY);
    expect(pinned.images).toEqual({ mongo: images[0]?.reference, web: images[1]?.reference });
    expect(pinned.taskDefinition.containerDefinitions?.map((c) => c.image)).toEqual(
      images.map((i) => i.reference),
    );
    // With the build input off, image: is used as written, and nothing is pinned for it.
    const off = pinTaskDefinition({ ...withBuild, build: false }, run, images.slice(0, 1), REGISTRY);
    expect(off.images).toEqual({ mongo: images[0]?.reference });
    expect(off.taskDefinition.containerDefinitions?.[1]?.image).toBe('shop/web');
  });
});
