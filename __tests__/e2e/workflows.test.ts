import { DescribeServicesCommand, ECSClient, ListTaskDefinitionsCommand } from '@aws-sdk/client-ecs';
import { BatchGetImageCommand, ECRClient, PutImageCommand } from '@aws-sdk/client-ecr';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AwsCallLog, registryTags, requireStackEnv, servedDigest } from '../support/stack';
import { createEc2Cluster } from '../support/cluster';
import { nationalParksWorkspace, recordedEvent, runAction, type RunResult } from './harness';

// The action in the three pipelines it is made for, driven by recorded event payloads:
// a pull request preview that appears, updates and disappears (with its one comment), a fork's
// pull request that is skipped with an explanation, and a release on a tag push.

requireStackEnv();
jest.setTimeout(240_000);

const ecs = new ECSClient({});
const ecr = new ECRClient({});
const registry = process.env.HABITAT_ECS_STACK_REGISTRY ?? '';
const suffix = `${process.pid}-${Date.now().toString(36)}`;
const cluster = `wf-${suffix}`;
const family = `np-wf-${suffix}`;
const workspace = nationalParksWorkspace();
const packages = 'billmeyer/mongodb\nmattray/national-parks';
// The preview's repositories, of this file's own: the stack's registry is shared by every test file.
const previewSuffix = `-pr-${suffix}`;

let api: ChildProcess;
let apiUrl = '';
const apiLog = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gh-api-')), 'requests.jsonl');

/** The requests about comments (not the GraphQL question of whose the token is). */
function apiRequests(): { method: string; url: string; auth: string; body: string }[] {
  if (!fs.existsSync(apiLog)) return [];
  return fs
    .readFileSync(apiLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { method: string; url: string; auth: string; body: string })
    .filter((q) => q.url !== '/graphql');
}

function preview(
  eventFile: string,
  env: Record<string, string> = {},
  inputs: Record<string, string> = {},
): RunResult {
  return runAction({
    workspace,
    event: recordedEvent(eventFile),
    env: { GITHUB_API_URL: apiUrl, ...env },
    inputs: {
      'habitat-packages': packages,
      cluster,
      service: 'national-parks',
      'task-family': family,
      preview: 'true',
      'preview-remove-images': 'true',
      'preview-suffix': previewSuffix,
      'github-token': 'ghs_fake_token_for_tests',
      ...inputs,
    },
  });
}

async function service(name: string) {
  const out = await ecs.send(new DescribeServicesCommand({ cluster, services: [name] }));
  return out.services?.[0];
}

async function activeRevisions(prefix: string): Promise<string[]> {
  const out = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: prefix, status: 'ACTIVE' }));
  return (out.taskDefinitionArns ?? []).filter((arn) => arn.includes(`/${prefix}:`));
}

function ok(r: RunResult): void {
  if (r.status !== 0) throw new Error(`exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
}

beforeAll(async () => {
  await createEc2Cluster(cluster);
  api = spawn(process.execPath, [path.join(__dirname, 'fake-github-api.js'), apiLog], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the fake GitHub API did not start')), 10_000);
    api.stdout?.once('data', (chunk: Buffer) => {
      clearTimeout(timer);
      resolve(chunk.toString().trim());
    });
  });
  apiUrl = `http://127.0.0.1:${port}`;
});

afterAll(() => {
  api?.kill();
});

describe('pull request preview', () => {
  const previewService = 'national-parks-pr-42';
  const previewFamily = `${family}-pr-42`;

  test('opened: deploys the preview service with pr-42 images and posts one comment', async () => {
    const r = preview('pull_request-opened.json');
    ok(r);
    expect(r.outputs['service-arn']).toMatch(new RegExp(`service/${cluster}/${previewService}$`));
    expect(r.outputs['task-definition-arn']).toMatch(new RegExp(`/${previewFamily}:1$`));
    expect((await service(previewService))?.status).toBe('ACTIVE');
    expect(await service('national-parks')).toBeUndefined();
    const images = JSON.parse(r.outputs.images ?? '{}') as Record<string, string>;
    // In the preview's own repository (preview-suffix), not production's.
    const own = `billmeyer/mongodb${previewSuffix}`;
    expect(images.mongo).toBe(`${registry}/${own}@${await servedDigest(registry, own, 'pr-42')}`);

    const posts = apiRequests().filter((q) => q.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.url).toBe('/repos/example/national-parks/issues/42/comments');
    expect(posts[0]?.auth).toBe('token ghs_fake_token_for_tests');
    const body = JSON.parse(posts[0]?.body ?? '{}').body as string;
    expect(body).toContain('<!-- habitat-ecs-deploy:preview:national-parks -->');
    expect(body).toContain('created and stable');
    expect(body).toContain('Preview of pull request #42');
  });

  test('synchronize with a changed compose file: updates the preview service and the same comment', async () => {
    // The pushed commit changes the compose file, as a pull request's new commits do.
    const compose = path.join(workspace, 'docker-compose.yml');
    fs.writeFileSync(
      compose,
      fs
        .readFileSync(compose, 'utf8')
        .replace(
          'hostname: "mongodb"',
          'hostname: "mongodb"\n    environment:\n      - FEATURE_PHOTOS_CDN=on',
        ),
    );
    const before = apiRequests().length;
    const r = preview('pull_request-synchronize.json');
    ok(r);
    expect(r.outputs.changed).toBe('true');
    expect(r.outputs['task-definition-arn']).toMatch(new RegExp(`/${previewFamily}:2$`));
    expect((await service(previewService))?.taskDefinition).toBe(r.outputs['task-definition-arn']);
    const requests = apiRequests().slice(before);
    expect(requests.filter((q) => q.method === 'POST')).toEqual([]);
    const patches = requests.filter((q) => q.method === 'PATCH');
    expect(patches.map((q) => q.url)).toEqual(['/repos/example/national-parks/issues/comments/1000']);
    const body = JSON.parse(patches[0]?.body ?? '{}').body as string;
    expect(body).toContain('updated and stable');
    expect(body).toContain('FEATURE_PHOTOS_CDN');
  });

  test('closed: deletes the service, its task definitions and its pr-42 images, and says so in the comment', async () => {
    // What the registry holds before: pr-42 shares its image with the version tags, which stay,
    // and with latest, which the closing run names as its image-tag: only pr-42 may go.
    const repositories = [`billmeyer/mongodb${previewSuffix}`, `mattray/national-parks${previewSuffix}`];
    for (const repositoryName of repositories) {
      const got = await ecr.send(
        new BatchGetImageCommand({ repositoryName, imageIds: [{ imageTag: 'pr-42' }] }),
      );
      const image = got.images?.[0];
      // Already there (an earlier test's latest is this image): ECR says so, and that is as good.
      await ecr
        .send(
          new PutImageCommand({
            repositoryName,
            imageTag: 'latest',
            imageManifest: image?.imageManifest,
            imageManifestMediaType: image?.imageManifestMediaType,
          }),
        )
        .catch((e: Error) => {
          if (e.name !== 'ImageAlreadyExistsException') throw e;
        });
    }
    const held = new Map<string, Map<string, string | undefined>>();
    for (const repository of repositories) {
      const tags = await registryTags(registry, repository);
      expect(tags).toContain('pr-42');
      const digests = new Map<string, string | undefined>();
      for (const tag of tags) digests.set(tag, await servedDigest(registry, repository, tag));
      expect([...digests.values()].filter((d) => d === digests.get('pr-42')).length).toBeGreaterThan(1);
      held.set(repository, digests);
    }
    const calls = new AwsCallLog().mark();
    const before = apiRequests().length;
    const r = preview('pull_request-closed.json', {}, { 'image-tag': 'latest' });
    ok(r);
    expect(r.stdout).toContain(
      'image-tag "latest" is not used for a preview: its images are tagged pr-42 only',
    );
    expect((await service(previewService))?.status).toBe('INACTIVE');
    expect(await activeRevisions(previewFamily)).toEqual([]);
    expect(calls.calls().filter((c) => c === 'BatchDeleteImage')).toHaveLength(2);
    expect(calls.calls()).not.toContain('RegisterTaskDefinition');
    expect(r.summary).toContain('2 pr-42 image(s) deleted');
    // Read from the registry itself: pr-42 is gone, every other tag still serves its image.
    for (const repository of repositories) {
      const kept = new Map(held.get(repository));
      expect(kept.has('latest')).toBe(true);
      kept.delete('pr-42');
      expect(await registryTags(registry, repository)).toEqual([...kept.keys()].sort());
      for (const [tag, digest] of kept) expect(await servedDigest(registry, repository, tag)).toBe(digest);
    }
    const patches = apiRequests()
      .slice(before)
      .filter((q) => q.method === 'PATCH');
    expect(patches).toHaveLength(1);
    expect(JSON.parse(patches[0]?.body ?? '{}').body).toContain('Preview of pull request #42 removed');
  });
});

test('a fork pull request with no AWS credentials is explained and skipped, not failed', () => {
  const calls = new AwsCallLog().mark();
  const before = apiRequests().length;
  const r = preview('pull_request-fork-opened.json', { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' });
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(
    /^::notice::Skipped: pull request #42 comes from a fork, and no AWS credentials reach this job/m,
  );
  expect(r.summary).toContain('skipped');
  expect(calls.calls()).toEqual([]);
  expect(apiRequests().slice(before)).toEqual([]);
});

test('a tag push releases images tagged with the tag name and records the release', async () => {
  const r = runAction({
    workspace,
    event: recordedEvent('push-tag.json'),
    inputs: { 'habitat-packages': packages, cluster, service: 'national-parks', 'task-family': family },
  });
  ok(r);
  const images = JSON.parse(r.outputs.images ?? '{}') as Record<string, string>;
  for (const [name, repository] of [
    ['mongo', 'billmeyer/mongodb'],
    ['national-parks', 'mattray/national-parks'],
  ] as const) {
    expect(images[name]).toBe(
      `${registry}/${repository}@${await servedDigest(registry, repository, 'v1.2.0')}`,
    );
  }
  expect(r.summary).toContain('Release v1.2.0: images pushed as `v1.2.0`');
  expect(r.summary).toContain('**Image tag:** `v1.2.0`');
  expect(r.stdout).not.toMatch(/:latest\b.*digest|Pushing .*:latest/);
  expect((await service('national-parks'))?.status).toBe('ACTIVE');
});
