import { CreateRepositoryCommand, ECRClient } from '@aws-sdk/client-ecr';
import { DescribeServicesCommand, DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import YAML, { isMap, isSeq, type YAMLMap } from 'yaml';
import { actionNode } from '../../scripts/action-node';
import { createEc2Cluster } from '../support/cluster';
import { startFakeGitHubApi, type FakeGitHubApi } from '../support/github-api';
import { requireStackEnv, servedDigest } from '../support/stack';
import { ROOT } from './harness';

// The example workflows (examples/workflows/), run by an independent runner: nektos/act, which
// reads action.yml itself (inputs and their defaults, outputs, the post step, the environment it
// gives a node24 action) where every other test uses our own harness. Each example is copied, as
// a user copies it, into the .github/workflows/ of a scratch repository that holds
// examples/national-parks, and act runs it on this machine (`-P ubuntu-latest=-self-hosted`: no
// container, as no image can be pulled here) against the local stack, with the README's own
// `uses: habitat-ecs-deploy/habitat-ecs-deploy@v1` resolved to this checkout
// (`--local-repository`). act skips `actions/checkout` of the repository itself: the workspace
// is its copy of the scratch repository.
//
// The one change made to each example (offline(), below): the two steps that reach the internet
// are replaced by offline ones that leave the job where the real steps would.
//   - "Install Habitat" (curl of Habitat's installer, piped to sudo bash) puts the `hab` stand-in
//     (test/bin/hab) on PATH and points it at the stack's Builder (HAB_BLDR_URL).
//   - aws-actions/configure-aws-credentials (GitHub's OIDC token, then STS) exports the stack's
//     credentials and the step's `aws-region`, as that action exports the assumed role's.
// The pull request comment goes to the fake GitHub API (GITHUB_API_URL, as on GitHub Enterprise).
// The job's environment is otherwise the runner's: AWS_ENDPOINT_URL, DOCKER_HOST and the stack's
// CA reach the stack; credentials, region and `hab` come only from the replaced steps.

requireStackEnv();
jest.setTimeout(900_000);

const ecs = new ECSClient({});
const registry = process.env.HABITAT_ECS_STACK_REGISTRY ?? '';
const unique = Math.floor(Date.now() / 1000) % 100_000; // pull request number, release minor
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'act-wf-'));
const STANDIN = path.join(ROOT, 'test/bin');
const OWN = 'habitat-ecs-deploy/habitat-ecs-deploy@v1';
const TOKEN = 'ghs_fake_token_for_tests';
const seconds: Record<string, number> = {};

let act = '';
let actionCheckout = '';
let api: FakeGitHubApi | undefined;

/** The example, with its Habitat install and AWS credentials steps replaced by offline ones. */
function offline(text: string): string {
  const doc = YAML.parseDocument(text);
  const replaced = { habitat: 0, credentials: 0 };
  const jobs = doc.get('jobs');
  if (!isMap(jobs)) throw new Error('no jobs');
  for (const job of jobs.items) {
    const steps = isMap(job.value) ? job.value.get('steps') : undefined;
    if (!isSeq(steps)) continue;
    for (const step of steps.items as YAMLMap[]) {
      const run = String(step.get('run') ?? '');
      const uses = String(step.get('uses') ?? '');
      if (run.includes('components/hab/install.sh')) {
        step.set(
          'run',
          `echo "${STANDIN}" >> "$GITHUB_PATH"\necho "HAB_BLDR_URL=${process.env.HABITAT_ECS_STACK_BUILDER_URL}" >> "$GITHUB_ENV"`,
        );
        replaced.habitat++;
      } else if (uses.startsWith('aws-actions/configure-aws-credentials@')) {
        const region = String(step.getIn(['with', 'aws-region']));
        step.delete('uses');
        step.delete('with');
        step.set('name', `AWS credentials for ${region} (offline)`);
        step.set(
          'run',
          [
            `AWS_ACCESS_KEY_ID=${process.env.AWS_ACCESS_KEY_ID}`,
            `AWS_SECRET_ACCESS_KEY=${process.env.AWS_SECRET_ACCESS_KEY}`,
            `AWS_REGION=${region}`,
            `AWS_DEFAULT_REGION=${region}`,
          ]
            .map((line) => `echo "${line}" >> "$GITHUB_ENV"`)
            .join('\n'),
        );
        replaced.credentials++;
      }
    }
  }
  const out = doc.toString();
  // Comments may still name them; no step may.
  const left = /install\.sh|configure-aws-credentials/.test(JSON.stringify(YAML.parse(out)));
  if (replaced.habitat === 0 || replaced.credentials === 0 || left)
    throw new Error(`offline(): unexpected example shape: ${JSON.stringify(replaced)}`);
  return out;
}

/** A scratch repository as a user's: examples/national-parks, and the example under .github/workflows/. */
function userRepository(example: string): string {
  const repo = fs.mkdtempSync(path.join(scratch, 'repo-'));
  fs.cpSync(path.join(ROOT, 'examples/national-parks'), path.join(repo, 'examples/national-parks'), {
    recursive: true,
  });
  fs.mkdirSync(path.join(repo, '.github/workflows'), { recursive: true });
  const text = fs.readFileSync(path.join(ROOT, 'examples/workflows', example), 'utf8');
  fs.writeFileSync(path.join(repo, '.github/workflows', example), offline(text));
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    });
  git('init', '-q', '-b', 'main');
  git('remote', 'add', 'origin', 'https://github.com/example/national-parks');
  git('add', '-A');
  git('-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', 'commit', '-q', '-m', 'national-parks');
  return repo;
}

/** The parts of a recorded event payload the tests change. */
interface Payload {
  ref?: string;
  after?: string;
  head_commit?: { id: string };
  number?: number;
  pull_request?: { number: number; head: { sha: string } };
}

/**
 * A recorded event payload (__tests__/e2e/events/) for the scratch repository's commit `sha` (as
 * GitHub sends it: a push's `after`, a pull request's head), changed by `edit`, written to a file.
 */
function eventFile(name: string, sha: string, edit: (payload: Payload) => void): string {
  const payload = JSON.parse(fs.readFileSync(path.join(__dirname, 'events', name), 'utf8')) as Payload;
  if (payload.pull_request) payload.pull_request.head.sha = sha;
  else {
    payload.after = sha;
    payload.head_commit = { ...payload.head_commit, id: sha };
  }
  edit(payload);
  const file = path.join(scratch, `${path.basename(name, '.json')}-${unique}.json`);
  fs.writeFileSync(file, JSON.stringify(payload));
  return file;
}

interface ActRun {
  status: number | null;
  log: string;
  /** The commit act ran on (the scratch repository's HEAD): GITHUB_SHA. */
  sha: string;
}

/**
 * `act EVENT` on the example in a scratch repository of its own, the event's payload made from the
 * recorded one (`events/<recorded>`) by `edit`.
 */
function runAct(
  example: string,
  event: string,
  recorded: string,
  label: string,
  edit: (payload: Payload) => void = () => {},
): ActRun {
  const repo = userRepository(example);
  const sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
  const payload = eventFile(recorded, sha, edit);
  const home = path.join(scratch, 'home');
  fs.mkdirSync(home, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // act's own config and caches, and the jobs' HOME, in scratch: nothing under ~.
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    ACT_DISABLE_VERSION_CHECK: '1',
    // A node24 action runs on the runner's Node 24; act runs the `node` first on PATH. The stand-in
    // `hab` is left off PATH: only the replaced install step puts it there.
    PATH: [
      path.dirname(actionNode()),
      ...(process.env.PATH ?? '').split(path.delimiter).filter((d) => path.resolve(d) !== STANDIN),
    ].join(path.delimiter),
  };
  for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION', 'AWS_DEFAULT_REGION'])
    delete env[name];
  const start = Date.now();
  const r = spawnSync(
    act,
    [
      event,
      '--workflows',
      `.github/workflows/${example}`,
      '--eventpath',
      payload,
      '--platform',
      'ubuntu-latest=-self-hosted',
      '--local-repository',
      `${OWN}=${actionCheckout}`,
      '--action-cache-path',
      path.join(scratch, 'act'),
      '--no-cache-server',
      '--env',
      `GITHUB_API_URL=${api?.url}`,
      '--secret',
      `GITHUB_TOKEN=${TOKEN}`,
    ],
    { cwd: repo, env, encoding: 'utf8', timeout: 600_000, maxBuffer: 64 * 1024 * 1024 },
  );
  seconds[label] = Math.round((Date.now() - start) / 100) / 10;
  return {
    status: r.status,
    log: `${r.stdout}${r.stderr}${r.error ? `\n${r.error.message}` : ''}`,
    sha,
  };
}

function ok(r: ActRun): void {
  if (r.status !== 0 || !/🏁 {2}Job succeeded/.test(r.log))
    throw new Error(`act: exit ${r.status}\n${r.log}`);
}

/** The lines a step printed: act prefixes them with `[workflow/job]   | `. */
function printed(r: ActRun): string[] {
  return r.log
    .split('\n')
    .map((l) => /^\[[^\]]+\]\s+\| (.*)$/.exec(l)?.[1])
    .filter((l): l is string => l !== undefined);
}

async function service(cluster: string, name: string) {
  return (await ecs.send(new DescribeServicesCommand({ cluster, services: [name] }))).services?.[0];
}

/** Each container's image in the task definition a service runs. */
async function imagesOf(cluster: string, name: string): Promise<Record<string, string>> {
  const taskDefinition = (await service(cluster, name))?.taskDefinition;
  const described = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition }));
  return Object.fromEntries(
    (described.taskDefinition?.containerDefinitions ?? []).map((c) => [c.name ?? '', c.image ?? '']),
  );
}

/** The service runs both packages' images as the registry serves them under `tag`, pinned by digest. */
async function expectImagesTagged(cluster: string, name: string, tag: string, suffix = ''): Promise<void> {
  const images = await imagesOf(cluster, name);
  for (const [container, repository] of [
    ['mongo', `billmeyer/mongodb${suffix}`],
    ['national-parks', `mattray/national-parks${suffix}`],
  ] as const)
    expect(images[container]).toBe(
      `${registry}/${repository}@${await servedDigest(registry, repository, tag)}`,
    );
}

beforeAll(async () => {
  const install = spawnSync(path.join(ROOT, 'test/act'), { encoding: 'utf8', timeout: 700_000 });
  if (install.status !== 0) throw new Error(`test/act: ${install.stderr}${install.error ?? ''}`);
  act = install.stdout.trim();

  // What the tag `v1` would check out: the files this checkout would commit (act copies the whole
  // folder; node_modules, which no tag holds, would be 450 MB).
  actionCheckout = path.join(scratch, 'habitat-ecs-deploy');
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((f) => f && fs.existsSync(path.join(ROOT, f)));
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(actionCheckout, f)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, f), path.join(actionCheckout, f));
  }

  // The clusters the examples name; each run adds a container instance, so there is room.
  await createEc2Cluster('production');
  await createEc2Cluster('previews');
  // The repositories the examples push to, made MUTABLE here when missing: release-on-tag.yml asks
  // for IMMUTABLE ones when it creates them, which would then refuse the tags other test files
  // move on this stack. Existing repositories keep their setting (docs/previews-and-releases.md).
  const ecr = new ECRClient({});
  for (const repositoryName of ['billmeyer/mongodb', 'mattray/national-parks'])
    await ecr.send(new CreateRepositoryCommand({ repositoryName })).catch((e: Error) => {
      if (e.name !== 'RepositoryAlreadyExistsException') throw e;
    });

  api = await startFakeGitHubApi();
}, 800_000);

afterAll(() => {
  api?.stop();
  // The run time of each workflow under act, for BENCHMARKS.md (printed, never asserted).
  console.log(`act run times (s): ${JSON.stringify(seconds)}`);
});

test('deploy-on-push.yml: a push deploys, a later step reads the outputs, the post step runs', async () => {
  const r = runAct('deploy-on-push.yml', 'push', 'push.json', 'deploy-on-push');
  ok(r);
  const shown = printed(r)
    .map((l) => /^Task definition (\S+), changed=(true|false)$/.exec(l))
    .find(Boolean);
  expect(shown?.[1]).toMatch(/^arn:aws:ecs:us-east-1:123456789012:task-definition\/national-parks:\d+$/);
  expect((await service('production', 'national-parks'))?.taskDefinition).toBe(shown?.[1]);
  // The images are tagged with the commit's first 12 characters (image-tag's default).
  await expectImagesTagged('production', 'national-parks', r.sha.slice(0, 12));
  expect(r.log).toMatch(/✅ {2}Success - Post habitat-ecs-deploy\/habitat-ecs-deploy@v1/);
  // The post step is the same dist/index.js: it cleaned up, once, and did not deploy again.
  expect(printed(r).filter((l) => /^(Logged out of|Nothing to clean up)/.test(l))).toHaveLength(1);
});

describe('pr-preview.yml', () => {
  const number = 40_000 + unique;
  const previewService = `national-parks-pr-${number}`;
  const pr = (payload: Payload) => {
    payload.number = number;
    if (payload.pull_request) payload.pull_request.number = number;
  };

  test("opened: the pull request's preview comes up, with one comment", async () => {
    const r = runAct('pr-preview.yml', 'pull_request', 'pull_request-opened.json', 'pr-preview opened', pr);
    ok(r);
    const preview = await service('previews', previewService);
    expect(preview?.status).toBe('ACTIVE');
    expect(preview?.taskDefinition).toMatch(new RegExp(`:task-definition/${previewService}:\\d+$`));
    // In the preview's own repositories (preview-suffix -pr).
    await expectImagesTagged('previews', previewService, `pr-${number}`, '-pr');
    const writes = api?.writes() ?? [];
    expect(writes.map((q) => [q.method, q.url, q.auth])).toEqual([
      ['POST', `/repos/example/national-parks/issues/${number}/comments`, `token ${TOKEN}`],
    ]);
    expect(writes[0]?.body).toContain('<!-- habitat-ecs-deploy:preview:national-parks -->');
    expect(writes[0]?.body).toContain(`Preview of pull request #${number}`);
    expect(r.log).toMatch(/✅ {2}Success - Post habitat-ecs-deploy\/habitat-ecs-deploy@v1/);
  });

  test('closed: the preview is gone, and the comment says so', async () => {
    const before = api?.requests().length;
    const r = runAct('pr-preview.yml', 'pull_request', 'pull_request-closed.json', 'pr-preview closed', pr);
    ok(r);
    // The example skips the checkout and the Habitat install when the pull request is closed.
    expect(r.log).not.toContain('Run Main Install Habitat');
    expect((await service('previews', previewService))?.status ?? 'INACTIVE').toBe('INACTIVE');
    const writes = api?.writes(before) ?? [];
    expect(writes.map((q) => q.method)).toEqual(['PATCH']);
    expect(writes[0]?.body).toContain(`Preview of pull request #${number} removed`);
  });
});

test('release-on-tag.yml: a tag push deploys images tagged with the tag name', async () => {
  const tag = `v1.${unique}.0`;
  const r = runAct('release-on-tag.yml', 'push', 'push-tag.json', 'release-on-tag', (payload) => {
    payload.ref = `refs/tags/${tag}`;
  });
  ok(r);
  await expectImagesTagged('production', 'national-parks', tag);
  expect(r.log).toContain(`Release ${tag}: images pushed as \`${tag}\``);
  // Without the RELEASE_TAGS variable only the default job runs (the other needs docker/metadata-action).
  expect(r.log).not.toMatch(/\[Release\/release-semver\]/);
  expect(r.log).toMatch(/✅ {2}Success - Post habitat-ecs-deploy\/habitat-ecs-deploy@v1/);
});
