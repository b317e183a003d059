import { DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import { DescribeRepositoriesCommand, ECRClient } from '@aws-sdk/client-ecr';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEc2Cluster } from '../support/cluster';
import { AwsCallLog, registryRequests, registryTags, requireStackEnv, servedDigest } from '../support/stack';
import { recordedEvent, runAction, type RunResult } from './harness';

// A compose file with one Habitat service (exported by the stand-in hab) and one build: service
// (built by the stack's docker engine from a Dockerfile that needs no network), deployed by the
// bundled action as the runner runs it. In order: first deploy, identical rerun, broken Dockerfile.

requireStackEnv();
jest.setTimeout(240_000);

const ecs = new ECSClient({});
const ecr = new ECRClient({});
const registry = process.env.HABITAT_ECS_STACK_REGISTRY ?? '';
const suffix = `${process.pid}-${Date.now().toString(36)}`;
const cluster = `e2e-build-${suffix}`;
const service = 'shop';
const imageTag = `build-${suffix}`;
const family = `build-${suffix}`;
// The project name names the built image's repository: <project>/<service>.
const project = `shop-${suffix}`;
const repository = `${project}/web`;

/** A workspace with the compose file, and web/ with a Dockerfile (FROM scratch, an arg, a label, a COPY). */
function shopWorkspace(dockerfile: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hed-build-'));
  fs.writeFileSync(
    path.join(dir, 'docker-compose.yml'),
    `name: ${project}
services:
  mongo:
    image: billmeyer/mongodb
    mem_limit: 256m
  web:
    build:
      context: ./web
      args:
        GREETING: hello
      labels:
        com.example.app: web
    command: ["/index.html"]
    mem_limit: 64m
`,
  );
  fs.mkdirSync(path.join(dir, 'web'));
  fs.writeFileSync(path.join(dir, 'web', 'Dockerfile'), dockerfile);
  fs.writeFileSync(path.join(dir, 'web', 'index.html'), '<h1>shop</h1>\n');
  return dir;
}

const workspace = shopWorkspace(
  'FROM scratch\nARG GREETING\nLABEL greeting=$GREETING\nCOPY index.html /index.html\n',
);

function deploy(inputs: Record<string, string> = {}, at = workspace, eventFile?: string): RunResult {
  return runAction({
    workspace: at,
    ...(eventFile && { event: recordedEvent(eventFile) }),
    inputs: {
      'habitat-packages': 'billmeyer/mongodb',
      cluster,
      service,
      'image-tag': imageTag,
      'task-family': family,
      // The Habitat image is exported beside the build, whatever releases the registry holds.
      'reuse-released-images': 'false',
      ...inputs,
    },
  });
}

function explain(r: RunResult): string {
  return `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

/** Registry writes (blob uploads and manifests) for the built image's repository since `from` lines. */
function writesTo(repo: string, from: number): string[] {
  return registryRequests(from).filter((l) => /^(PUT|POST|PATCH) /.test(l) && l.includes(`/v2/${repo}/`));
}

beforeAll(async () => {
  await createEc2Cluster(cluster);
});

let first: RunResult;

test('the first deploy builds the build: service, pushes it beside the Habitat image and pins both by digest', async () => {
  first = deploy();
  if (first.status !== 0) throw new Error(explain(first));
  expect(first.stdout).toContain('::group::Build, export and push');
  expect(first.stdout).toContain('Building with the legacy builder (no docker buildx)');
  // The build arg and the label of the compose file reach the build.
  expect(first.stdout).toContain('--build-arg GREETING=hello --label com.example.app=web');
  expect(first.stdout).toMatch(/^\[web\] Step 4\/5 : COPY index.html \/index.html$/m);
  expect(first.stdout).toMatch(/^\[web\] Step 5\/5 : LABEL com.example.app=web$/m);

  const images = JSON.parse(first.outputs.images ?? '{}') as Record<string, string>;
  const served = await servedDigest(registry, repository, imageTag);
  expect(served).toMatch(/^sha256:[0-9a-f]{64}$/);
  expect(images.web).toBe(`${registry}/${repository}@${served}`);
  expect(images.mongo).toMatch(new RegExp(`^${registry}/billmeyer/mongodb@sha256:`));
  expect(await registryTags(registry, repository)).toEqual([imageTag]);

  // The repository was made in ECR before the push, as for a Habitat package.
  const repos = await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [repository] }));
  expect(repos.repositories?.[0]?.repositoryName).toBe(repository);

  // The registered task definition runs the pushed digests.
  const td = await ecs.send(
    new DescribeTaskDefinitionCommand({ taskDefinition: first.outputs['task-definition-arn'] }),
  );
  expect(td.taskDefinition?.containerDefinitions?.map((c) => [c.name, c.image])).toEqual([
    ['mongo', images.mongo],
    ['web', images.web],
  ]);
  expect(first.summary).toContain('created and stable');
});

test('a rerun with nothing changed builds from the cache and pushes and registers nothing', async () => {
  const calls = new AwsCallLog().mark();
  const from = registryRequests().length;
  const again = deploy();
  if (again.status !== 0) throw new Error(explain(again));
  expect(again.stdout).toContain('Using cache');
  expect(again.stdout).toContain(
    `${registry}/${repository}: the registry already holds this image as ${imageTag}`,
  );
  expect(writesTo(repository, from)).toEqual([]);
  expect(again.outputs.changed).toBe('false');
  expect(again.outputs.images).toBe(first.outputs.images);
  expect(calls.calls()).not.toContain('RegisterTaskDefinition');
  expect(calls.calls()).not.toContain('UpdateService');
});

test("a broken Dockerfile fails the deploy, naming the service with docker's last lines, before any ECS write", () => {
  const broken = shopWorkspace('FROM scratch\nCOPY missing.txt /missing.txt\n');
  const calls = new AwsCallLog().mark();
  const r = deploy({ 'image-tag': `${imageTag}-broken` }, broken);
  expect(r.status).toBe(1);
  const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain(`building ${repository} (service web) failed: docker exited with code 1`);
  expect(errors[0]).toMatch(/missing\.txt/);
  expect(r.stdout).toContain('Failed during Build, export and push.');
  const writes = calls
    .calls()
    .filter((c) => /^(Register|Create|Update|Delete|Deregister)/.test(c) && c !== 'CreateRepository');
  expect(writes).toEqual([]);
  expect(calls.calls()).not.toContain('RegisterTaskDefinition');
});

// Issue 25, finding 10: the closing run took the repositories from habitat-packages only, so the
// built image's pr-42 stayed behind; now from the images the preview's revisions named.
test("closing a preview deletes pr-42 from the built image's repository too, and leaves production's", async () => {
  // A preview-suffix of this file's own: the stack's registry is shared by every test file.
  const previewSuffix = `-pr-${suffix}`.toLowerCase();
  const inputs = {
    preview: 'true',
    'preview-remove-images': 'true',
    'image-tag': '',
    'preview-suffix': previewSuffix,
  };
  const opened = deploy(inputs, workspace, 'pull_request-opened.json');
  if (opened.status !== 0) throw new Error(explain(opened));
  // The preview's own repository (preview-suffix -pr): production's is not written.
  const own = `${repository}${previewSuffix}`;
  expect(await registryTags(registry, own)).toContain('pr-42');
  const production = await registryTags(registry, repository);
  expect(production).not.toContain('pr-42');
  const closed = deploy(inputs, workspace, 'pull_request-closed.json');
  if (closed.status !== 0) throw new Error(explain(closed));
  expect(closed.summary).toContain('2 pr-42 image(s) deleted');
  expect(await registryTags(registry, own)).not.toContain('pr-42');
  expect(await registryTags(registry, `billmeyer/mongodb${previewSuffix}`)).not.toContain('pr-42');
  expect(await registryTags(registry, repository)).toEqual(production);
});
