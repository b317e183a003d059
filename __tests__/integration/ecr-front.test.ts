// The stack's ECR is one store, as in AWS: the image calls of the ECR API (moto behind
// test/stack/ecr-front.py) answer from what docker pushed to the registry, and what they change
// (PutImage, BatchDeleteImage, DeleteRepository) is what docker pulls next. Every client sees the
// same: the SDK, the AWS CLI, and calls through the AWS fault proxy.
//
// Needs the stack: test/stack/local-stack up && eval "$(test/stack/local-stack env)".
import {
  BatchDeleteImageCommand,
  BatchGetImageCommand,
  CreateRepositoryCommand,
  DeleteRepositoryCommand,
  DescribeImagesCommand,
  ECRClient,
  ListImagesCommand,
  PutImageCommand,
  type ImageDetail,
} from '@aws-sdk/client-ecr';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ok, run } from '../support/run';
import { AwsCallLog, ECR_CREDENTIALS, registryTags, requireStackEnv, servedDigest } from '../support/stack';

jest.setTimeout(120_000);
requireStackEnv();

const registry = process.env.HABITAT_ECS_STACK_REGISTRY ?? '';
const ecr = new ECRClient({});
const suffix = `${process.pid}-${Date.now().toString(36)}`;
const work = mkdtempSync(join(tmpdir(), 'ecr-front-it-'));
const env = { ...process.env, DOCKER_CONFIG: join(work, 'docker-config') };

/** A small image of its own content, built offline; returns its local name. */
function build(name: string): string {
  const dir = join(work, name);
  ok('mkdir', ['-p', dir]);
  writeFileSync(join(dir, 'content'), `${name} ${suffix}\n`);
  writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY content /content\n');
  const image = `ecr-front-it-${name}:${suffix}`;
  ok('docker', ['build', '-q', '-t', image, dir], { env });
  return image;
}

/** docker tag + push; the digest docker reports. */
function push(image: string, repository: string, tag: string): string {
  ok('docker', ['tag', image, `${registry}/${repository}:${tag}`], { env });
  const out = ok('docker', ['push', `${registry}/${repository}:${tag}`], { env }).stdout;
  const digest = /digest: (sha256:[0-9a-f]{64})/.exec(out)?.[1];
  if (!digest) throw new Error(`no digest in docker push output:\n${out}`);
  return digest;
}

async function repository(name: string, immutable = false): Promise<string> {
  await ecr.send(
    new CreateRepositoryCommand({
      repositoryName: name,
      imageTagMutability: immutable ? 'IMMUTABLE' : 'MUTABLE',
    }),
  );
  return name;
}

async function imagesOf(repositoryName: string): Promise<ImageDetail[]> {
  return (await ecr.send(new DescribeImagesCommand({ repositoryName }))).imageDetails ?? [];
}

async function manifestOf(repositoryName: string, imageTag: string): Promise<string> {
  const out = await ecr.send(new BatchGetImageCommand({ repositoryName, imageIds: [{ imageTag }] }));
  return out.images?.[0]?.imageManifest ?? '';
}

let imageA = '';
let imageB = '';

beforeAll(() => {
  ok('docker', ['login', '-u', 'AWS', '--password-stdin', `https://${registry}`], {
    env,
    input: ECR_CREDENTIALS.password,
  });
  imageA = build('a');
  imageB = build('b');
});

afterAll(() => {
  run('docker', ['rmi', '-f', imageA, imageB], { env });
  rmSync(work, { recursive: true, force: true });
});

describe('one image, three tags', () => {
  const name = `ecr-front-it/tags-${suffix}`;
  let digest = '';
  let pushedAt: Date | undefined;

  beforeAll(async () => {
    await repository(name);
  });

  test('DescribeImages after a docker push shows the digest docker reported, its tags, size and push time', async () => {
    const before = Date.now();
    digest = push(imageA, name, 'one');
    expect(push(imageA, name, 'two')).toBe(digest);
    const calls = new AwsCallLog().mark();

    const [image, ...others] = await imagesOf(name);
    expect(others).toEqual([]);
    const manifest = JSON.parse(await manifestOf(name, 'one')) as { layers: { size: number }[] };
    expect(image).toMatchObject({
      registryId: '123456789012',
      repositoryName: name,
      imageDigest: digest,
      imageSizeInBytes: manifest.layers.reduce((sum, layer) => sum + layer.size, 0),
      imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      artifactMediaType: 'application/vnd.docker.container.image.v1+json',
    });
    expect(image?.imageTags?.sort()).toEqual(['one', 'two']);
    pushedAt = image?.imagePushedAt;
    expect(pushedAt?.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(pushedAt?.getTime()).toBeLessThanOrEqual(Date.now());

    const listed = await ecr.send(new ListImagesCommand({ repositoryName: name }));
    expect(listed.imageIds).toEqual(
      expect.arrayContaining([
        { imageDigest: digest, imageTag: 'one' },
        { imageDigest: digest, imageTag: 'two' },
      ]),
    );
    expect(listed.imageIds).toHaveLength(2);
    // The endpoint records what clients called, as moto's recorder did.
    expect(calls.calls()).toEqual(['DescribeImages', 'BatchGetImage', 'ListImages']);
  });

  test('every client sees the same: the AWS CLI, and calls through the AWS fault proxy', async () => {
    const cli = ok('aws', ['ecr', 'describe-images', '--repository-name', name, '--output', 'json'], { env });
    const details = (JSON.parse(cli.stdout) as { imageDetails: ImageDetail[] }).imageDetails;
    expect(details.map((d) => [d.imageDigest, d.imageTags?.sort()])).toEqual([[digest, ['one', 'two']]]);

    const proxied = new ECRClient({ endpoint: process.env.HABITAT_ECS_STACK_FAULT_ENDPOINT });
    const viaProxy = await proxied.send(new DescribeImagesCommand({ repositoryName: name }));
    expect(viaProxy.imageDetails?.map((d) => d.imageDigest)).toEqual([digest]);
  });

  test('PutImage with the manifest BatchGetImage returns adds a tag that docker pulls as the same image', async () => {
    const manifest = await manifestOf(name, 'one');
    const put = await ecr.send(
      new PutImageCommand({ repositoryName: name, imageManifest: manifest, imageTag: 'three' }),
    );
    expect(put.image?.imageId).toEqual({ imageDigest: digest, imageTag: 'three' });
    expect(await servedDigest(registry, name, 'three')).toBe(digest);
    const pull = ok('docker', ['pull', `${registry}/${name}:three`], { env });
    expect(pull.stdout).toContain(`Digest: ${digest}`);
    expect((await imagesOf(name))[0]?.imageTags?.sort()).toEqual(['one', 'three', 'two']);
  });

  test('BatchDeleteImage of one tag keeps the image under its other tags, with its push time', async () => {
    const out = await ecr.send(
      new BatchDeleteImageCommand({ repositoryName: name, imageIds: [{ imageTag: 'one' }] }),
    );
    expect(out.imageIds).toEqual([{ imageDigest: digest, imageTag: 'one' }]);
    expect(out.failures).toEqual([]);
    expect(await registryTags(registry, name)).toEqual(['three', 'two']);
    expect(await servedDigest(registry, name, 'two')).toBe(digest);
    expect(await servedDigest(registry, name, 'three')).toBe(digest);
    expect(await servedDigest(registry, name, 'one')).toBeUndefined();
    const [image] = await imagesOf(name);
    expect(image?.imageTags?.sort()).toEqual(['three', 'two']);
    expect(image?.imagePushedAt).toEqual(pushedAt);
    expect(run('docker', ['pull', `${registry}/${name}:one`], { env }).status).not.toBe(0);
  });

  test('BatchDeleteImage by digest deletes the image and all its tags', async () => {
    const out = await ecr.send(
      new BatchDeleteImageCommand({ repositoryName: name, imageIds: [{ imageDigest: digest }] }),
    );
    expect(out.imageIds).toEqual(
      expect.arrayContaining([
        { imageDigest: digest, imageTag: 'two' },
        { imageDigest: digest, imageTag: 'three' },
      ]),
    );
    expect(await registryTags(registry, name)).toEqual([]);
    expect(await imagesOf(name)).toEqual([]);
  });
});

test('deleting the last tag deletes the image; a tag moved by a push leaves the old image untagged', async () => {
  const name = await repository(`ecr-front-it/last-${suffix}`);
  const a = push(imageA, name, 'moving');
  const b = push(imageB, name, 'moving');
  const untagged = await ecr.send(
    new ListImagesCommand({ repositoryName: name, filter: { tagStatus: 'UNTAGGED' } }),
  );
  expect(untagged.imageIds).toEqual([{ imageDigest: a }]);
  expect((await imagesOf(name)).map((d) => [d.imageDigest, d.imageTags])).toEqual([
    [a, undefined],
    [b, ['moving']],
  ]);

  await ecr.send(new BatchDeleteImageCommand({ repositoryName: name, imageIds: [{ imageTag: 'moving' }] }));
  await expect(
    ecr.send(new DescribeImagesCommand({ repositoryName: name, imageIds: [{ imageDigest: b }] })),
  ).rejects.toMatchObject({ name: 'ImageNotFoundException' });
  expect((await imagesOf(name)).map((d) => d.imageDigest)).toEqual([a]);
});

describe('errors as ECR returns them', () => {
  const name = `ecr-front-it/errors-${suffix}`;
  let digest = '';
  let manifest = '';

  beforeAll(async () => {
    await repository(name);
    digest = push(imageA, name, 'v1');
    manifest = await manifestOf(name, 'v1');
  });

  test('RepositoryNotFoundException for a repository ECR does not have, even where the registry holds images', async () => {
    const unknown = `ecr-front-it/unknown-${suffix}`;
    push(imageA, unknown, 'v1'); // the registry takes a push that ECR would refuse
    const message = `The repository with name '${unknown}' does not exist in the registry with id '123456789012'`;
    for (const command of [
      new DescribeImagesCommand({ repositoryName: unknown }),
      new ListImagesCommand({ repositoryName: unknown }),
      new BatchGetImageCommand({ repositoryName: unknown, imageIds: [{ imageTag: 'v1' }] }),
      new PutImageCommand({ repositoryName: unknown, imageManifest: manifest, imageTag: 'v2' }),
      new BatchDeleteImageCommand({ repositoryName: unknown, imageIds: [{ imageTag: 'v1' }] }),
    ]) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one loop over several commands
      await expect(ecr.send(command as any)).rejects.toMatchObject({
        name: 'RepositoryNotFoundException',
        message,
      });
    }
    expect(await registryTags(registry, unknown)).toEqual(['v1']);
  });

  test('ImageNotFoundException from DescribeImages; ImageNotFound failures from the batch calls', async () => {
    await expect(
      ecr.send(new DescribeImagesCommand({ repositoryName: name, imageIds: [{ imageTag: 'nope' }] })),
    ).rejects.toMatchObject({
      name: 'ImageNotFoundException',
      message:
        `The image with imageId {imageDigest:'null', imageTag:'nope'} does not exist within the repository ` +
        `with name '${name}' in the registry with id '123456789012'`,
    });
    const got = await ecr.send(
      new BatchGetImageCommand({
        repositoryName: name,
        imageIds: [{ imageTag: 'nope' }, { imageTag: 'v1' }],
      }),
    );
    expect(got.images?.map((i) => i.imageId)).toEqual([{ imageDigest: digest, imageTag: 'v1' }]);
    expect(got.failures).toEqual([
      {
        imageId: { imageTag: 'nope' },
        failureCode: 'ImageNotFound',
        failureReason: 'Requested image not found',
      },
    ]);
    const other = `sha256:${'0'.repeat(64)}`;
    const deleted = await ecr.send(
      new BatchDeleteImageCommand({
        repositoryName: name,
        imageIds: [{ imageTag: 'nope' }, { imageTag: 'v1', imageDigest: other }],
      }),
    );
    expect(deleted.imageIds).toEqual([]);
    expect(deleted.failures?.map((f) => f.failureCode)).toEqual([
      'ImageNotFound',
      'ImageTagDoesNotMatchDigest',
    ]);
    expect(await servedDigest(registry, name, 'v1')).toBe(digest);
  });

  test('PutImage: ImageAlreadyExistsException, ImageDigestDoesNotMatchException, LayersNotFoundException', async () => {
    await expect(
      ecr.send(new PutImageCommand({ repositoryName: name, imageManifest: manifest, imageTag: 'v1' })),
    ).rejects.toMatchObject({
      name: 'ImageAlreadyExistsException',
      message: `Image with digest '${digest}' and tag 'v1' already exists in the repository with name '${name}' in registry with id '123456789012'`,
    });
    await expect(
      ecr.send(
        new PutImageCommand({
          repositoryName: name,
          imageManifest: manifest,
          imageTag: 'v2',
          imageDigest: `sha256:${'1'.repeat(64)}`,
        }),
      ),
    ).rejects.toMatchObject({ name: 'ImageDigestDoesNotMatchException' });
    const empty = await repository(`ecr-front-it/empty-${suffix}`);
    await expect(
      ecr.send(new PutImageCommand({ repositoryName: empty, imageManifest: manifest, imageTag: 'v1' })),
    ).rejects.toMatchObject({ name: 'LayersNotFoundException' });
    expect(await registryTags(registry, empty)).toEqual([]);
  });

  test('ImageTagAlreadyExistsException: an immutable repository keeps its tags where they are', async () => {
    const locked = await repository(`ecr-front-it/immutable-${suffix}`, true);
    const a = push(imageA, locked, 'release');
    push(imageB, locked, 'other');
    const otherManifest = await manifestOf(locked, 'other');
    await expect(
      ecr.send(
        new PutImageCommand({ repositoryName: locked, imageManifest: otherManifest, imageTag: 'release' }),
      ),
    ).rejects.toMatchObject({
      name: 'ImageTagAlreadyExistsException',
      message: `The image tag 'release' already exists in the '${locked}' repository and cannot be overwritten because the repository is immutable.`,
    });
    expect(await servedDigest(registry, locked, 'release')).toBe(a);
    // A new tag is no overwrite.
    await ecr.send(
      new PutImageCommand({ repositoryName: locked, imageManifest: otherManifest, imageTag: 'second' }),
    );
    expect(await registryTags(registry, locked)).toEqual(['other', 'release', 'second']);
  });

  test('DeleteRepository: RepositoryNotEmptyException while it holds images; force empties the registry too', async () => {
    await expect(ecr.send(new DeleteRepositoryCommand({ repositoryName: name }))).rejects.toMatchObject({
      name: 'RepositoryNotEmptyException',
    });
    await ecr.send(new DeleteRepositoryCommand({ repositoryName: name, force: true }));
    expect(await registryTags(registry, name)).toEqual([]);
    await repository(name);
    expect(await imagesOf(name)).toEqual([]);
  });
});
