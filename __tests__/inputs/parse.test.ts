import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UserError } from '../../src/diagnostics';
import type { RunContext } from '../../src/inputs/run-context';
import { parseConfig } from '../../src/inputs/parse';
import type { InputName } from '../../src/inputs/spec';

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'inputs-'));
fs.writeFileSync(path.join(workspace, 'docker-compose.yml'), 'services: {}\n');
fs.mkdirSync(path.join(workspace, 'results'));
for (const f of [
  'core-redis-4.0.14-20190319155852-x86_64-linux.hart',
  'acme-web-1.0.0-20240101000000-x86_64-linux.hart',
]) {
  fs.writeFileSync(path.join(workspace, 'results', f), 'HART-1');
}

const push: RunContext = {
  eventName: 'push',
  ref: 'refs/heads/main',
  sha: 'abcdef0123456789abcdef',
  workspace,
};

function parse(
  inputs: Partial<Record<InputName, string>>,
  run: RunContext = push,
  env: NodeJS.ProcessEnv = {},
) {
  return parseConfig((name) => inputs[name] ?? '', { AWS_REGION: 'us-east-1', ...env }, run);
}

function problems(
  inputs: Partial<Record<InputName, string>>,
  run: RunContext = push,
  env: NodeJS.ProcessEnv = {},
) {
  try {
    parse(inputs, run, env);
  } catch (e) {
    if (e instanceof UserError) return e.diagnostics.map((d) => `${d.input}: ${d.message}`);
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('parseConfig', () => {
  it('applies the defaults', () => {
    const config = parse({ service: 'web' });
    expect(config).toMatchObject({
      mode: 'deploy',
      composeFiles: ['docker-compose.yml'],
      region: 'us-east-1',
      cluster: 'default',
      service: 'web',
      family: 'web',
      launchType: 'EC2',
      imageTag: 'abcdef012345',
      createRepositories: true,
      createService: true,
      desiredCount: 1,
      waitForStability: true,
      waitTimeoutMinutes: 10,
      forceNewDeployment: false,
      rollbackOnFailure: true,
      maxParallel: 4,
      packages: [],
      build: true,
    });
  });

  it('reads the build input', () => {
    expect(parse({ service: 'web', build: 'false' }).build).toBe(false);
    expect(problems({ service: 'web', build: 'sometimes' })).toEqual([
      expect.stringMatching(/^build: "sometimes" /),
    ]);
  });

  it('derives the image tag from a tag push and from a pull request', () => {
    expect(parse({ service: 'web' }, { ...push, ref: 'refs/tags/v1.2.0' }).imageTag).toBe('v1.2.0');
    expect(
      parse(
        { service: 'web' },
        { ...push, eventName: 'pull_request', ref: 'refs/pull/7/merge', pullRequest: 7 },
      ).imageTag,
    ).toBe('pr-7');
    const odd = parse({ service: 'web' }, { ...push, ref: 'refs/tags/release/2.0' });
    expect(odd.imageTag).toBe('release-2.0');
    expect(odd.warnings[0]?.message).toBe('"release/2.0" is not a valid image tag; using "release-2.0"');
  });

  it('reads packages, expanding .hart globs inside the workspace', () => {
    const config = parse({
      service: 'web',
      'habitat-packages': 'billmeyer/mongodb\n\n# a comment\nresults/*.hart\n',
    });
    expect(config.packages.map((p) => `${p.kind}:${p.origin}/${p.name}`)).toEqual([
      'ident:billmeyer/mongodb',
      'hart:acme/web',
      'hart:core/redis',
    ]);
  });

  it('falls back to AWS_DEFAULT_REGION and does not need a region to render', () => {
    expect(
      parseConfig((n) => (n === 'service' ? 'web' : ''), { AWS_DEFAULT_REGION: 'eu-west-1' }, push).region,
    ).toBe('eu-west-1');
    expect(
      parseConfig((n) => ({ mode: 'render', 'task-family': 'fam' })[n as string] ?? '', {}, push).region,
    ).toBe('');
  });

  it.each<[Partial<Record<InputName, string>>, string]>([
    [{}, 'service: is required when mode is deploy'],
    [{ service: 'web', mode: 'ship' }, 'mode: "ship" is not one of deploy, render, teardown, plan'],
    [{ service: 'web', 'launch-type': 'EKS' }, 'launch-type: "EKS" is not one of EC2, FARGATE'],
    [
      { service: 'web', 'compose-file': 'nope.yml' },
      `compose-file: nope.yml: no such file (paths are relative to ${workspace})`,
    ],
    [
      { service: 'web', 'ecs-params': 'ecs-params.yml' },
      `ecs-params: ecs-params.yml: no such file (paths are relative to ${workspace})`,
    ],
    [
      { service: 'web', 'aws-region': 'moon-1' },
      'aws-region: "moon-1" is not an AWS region name such as us-east-1',
    ],
    [{ service: 'web', 'aws-account-id': '1234' }, 'aws-account-id: "1234" is not a 12-digit AWS account id'],
    [
      { service: 'web;rm' },
      'service: "web;rm" is not a service name: up to 255 letters, digits, "-" and "_"',
    ],
    [{ service: 'web', 'desired-count': 'two' }, 'desired-count: "two" is not a whole number from 0 to 1000'],
    [
      { service: 'web', 'wait-timeout-minutes': '0' },
      'wait-timeout-minutes: "0" is not a whole number from 1 to 360',
    ],
    [{ service: 'web', 'max-parallel': '99' }, 'max-parallel: "99" is not a whole number from 1 to 16'],
    [
      { service: 'web', 'create-service': 'yes' },
      'create-service: "yes" is not a boolean: use true or false',
    ],
    [
      { service: 'web', 'image-tag': '-bad' },
      'image-tag: "-bad" is not a valid image tag: letters, digits, "_", "." and "-", at most 128, not starting with "." or "-"',
    ],
    [
      { service: 'web', 'habitat-packages': 'mongodb' },
      'habitat-packages: "mongodb" is not a package: use origin/name, origin/name/version, origin/name/version/release or a path to a .hart file',
    ],
    [
      { service: 'web', 'habitat-packages': '../outside/*.hart' },
      `habitat-packages: ../outside/*.hart is outside ${workspace}: .hart files must be inside the workspace`,
    ],
    [
      { service: 'web', 'habitat-packages': 'results/none-*.hart' },
      'habitat-packages: results/none-*.hart: no such .hart file (build it first with hab pkg build)',
    ],
    [{ mode: 'render' }, 'task-family: is required when mode is render and no service is given'],
  ])('refuses %j', (inputs, message) => {
    expect(problems(inputs)).toEqual([message]);
  });

  it('reports every bad input at once', () => {
    expect(problems({ service: 'web', 'desired-count': '-1', 'max-parallel': 'x' })).toHaveLength(2);
  });

  it('needs a sha when nothing else gives an image tag', () => {
    expect(problems({ service: 'web' }, { ...push, sha: '' })).toEqual([
      'image-tag: no tag, pull request or commit sha to derive it from (GITHUB_SHA is unset): set image-tag',
    ]);
  });
});

test('a deploy without any region is refused, naming the input', () => {
  expect(() => parseConfig((n) => (n === 'service' ? 'web' : ''), {}, push)).toThrow(
    'input "aws-region": no region: set aws-region, or AWS_REGION (aws-actions/configure-aws-credentials does)',
  );
});

describe('tags, previews and forks', () => {
  const pr = (action: string, fromFork = false): RunContext => ({
    eventName: 'pull_request',
    ref: 'refs/pull/7/merge',
    sha: 'abcdef0123456789',
    pullRequest: 7,
    action,
    fromFork,
    repository: 'example/app',
    workspace,
  });

  it('takes docker/metadata-action tags: the first is the main tag, the rest are pushed too', () => {
    const config = parse({
      service: 'web',
      'image-tags': 'ghcr.io/acme/web:1.2.3\nghcr.io/acme/web:1.2\nlatest\n',
    });
    expect(config.imageTag).toBe('1.2.3');
    expect(config.extraTags).toEqual(['1.2', 'latest']);
  });

  it('keeps image-tag first when both are given, and adds latest when asked', () => {
    const config = parse({
      service: 'web',
      'image-tag': 'v2',
      'image-tags': 'v2\nstable',
      'tag-latest': 'true',
    });
    expect(config.imageTag).toBe('v2');
    expect(config.extraTags).toEqual(['stable', 'latest']);
  });

  it('refuses latest on immutable repositories and a reference without a tag', () => {
    expect(problems({ service: 'web', 'tag-latest': 'true', 'image-tag-mutability': 'IMMUTABLE' })).toEqual([
      'tag-latest: cannot be used with image-tag-mutability: IMMUTABLE, where ECR refuses to move "latest" to a new image',
    ]);
    expect(problems({ service: 'web', 'image-tags': 'ghcr.io/acme/web' })).toEqual([
      'image-tags: "ghcr.io/acme/web" has no valid tag: give a tag (v1.2.0) or an image:tag reference',
    ]);
  });

  it('deploys a preview to its own service, family and pr tag', () => {
    const config = parse({ service: 'web', 'task-family': 'web-task', preview: 'true' }, pr('synchronize'), {
      AWS_ACCESS_KEY_ID: 'x',
    });
    expect(config).toMatchObject({
      service: 'web-pr-7',
      family: 'web-task-pr-7',
      imageTag: 'pr-7',
      preview: { number: 7, closed: false, baseService: 'web' },
      previewSuffix: '-pr',
    });
    expect(config.skip).toBeUndefined();
    expect(parse({ service: 'web', preview: 'true' }).previewSuffix).toBeUndefined();
  });

  it('takes a preview-suffix that can end a repository, role and log group name, and refuses others', () => {
    const run = (suffix: string) =>
      parse({ service: 'web', preview: 'true', 'preview-suffix': suffix }, pr('opened'));
    expect(run('.preview').previewSuffix).toBe('.preview');
    for (const bad of ['pr', '-PR', '-pr/x', '--pr', '-pr-'])
      expect(problems({ service: 'web', preview: 'true', 'preview-suffix': bad }, pr('opened'))).toEqual([
        expect.stringMatching(/^preview-suffix: ".*" cannot end an ECR repository, role or log group name/),
      ]);
  });

  it('tears a preview down when the pull request closes, without needing the compose file or .hart files', () => {
    const config = parse(
      {
        service: 'web',
        preview: 'true',
        'compose-file': 'gone.yml',
        'habitat-packages': 'core/redis\nresults/*.hart',
      },
      pr('closed'),
    );
    expect(config.preview).toEqual({ number: 7, closed: true, baseService: 'web' });
    expect(config.packages.map((p) => `${p.origin}/${p.name}`)).toEqual(['core/redis']);
  });

  it('leaves non-preview runs and push events alone', () => {
    expect(parse({ service: 'web' }, pr('opened')).service).toBe('web');
    expect(parse({ service: 'web', preview: 'true' }).service).toBe('web');
  });

  it('skips a fork pull request that no AWS credentials reach, and says why', () => {
    const config = parse({ service: 'web', preview: 'true' }, pr('opened', true));
    expect(config.skip).toMatch(/^pull request #7 comes from a fork, and no AWS credentials reach this job/);
    expect(parse({ service: 'web', preview: 'true' }, pr('opened', false)).skip).toBeUndefined();
  });

  it('tags a preview pr-<n> only, whatever image-tag, image-tags and tag-latest say, and warns', () => {
    const config = parse(
      {
        service: 'web',
        preview: 'true',
        'image-tag': 'latest',
        'image-tags': 'stable',
        'tag-latest': 'true',
      },
      pr('synchronize'),
    );
    expect(config.imageTag).toBe('pr-7');
    expect(config.extraTags).toEqual([]);
    expect(config.warnings.map((w) => `${w.input}: ${w.message}`)).toEqual([
      'image-tag: image-tag "latest" is not used for a preview: its images are tagged pr-7 only, so that closing the pull request deletes its own images and nothing else',
      'image-tags: "stable", "latest" are not used for a preview: its images are tagged pr-7 only, so that closing the pull request deletes its own images and nothing else',
    ]);
    // Closing tears down pr-7 too, not the image-tag given.
    expect(parse({ service: 'web', preview: 'true', 'image-tag': 'latest' }, pr('closed')).imageTag).toBe(
      'pr-7',
    );
  });

  describe('code from a fork or a pull_request_target run', () => {
    const target = (action: string, fromFork = false): RunContext => ({
      ...pr(action, fromFork),
      eventName: 'pull_request_target',
    });
    const credentials = { AWS_WEB_IDENTITY_TOKEN_FILE: '/t' };

    it.each([
      [
        'a preview of a fork pull request that AWS credentials reach',
        { preview: 'true' },
        pr('opened', true),
      ],
      ['a deploy on a fork pull request', {}, pr('synchronize', true)],
      ['a plan on a fork pull request', { mode: 'plan' }, pr('opened', true)],
      ['a preview on pull_request_target, even from this repository', { preview: 'true' }, target('opened')],
      ['a plan on pull_request_target from a fork', { mode: 'plan' }, target('opened', true)],
    ])('refuses %s, naming the input that allows it', (_what, inputs, run) => {
      const found = problems({ service: 'web', ...inputs }, run, credentials);
      expect(found).toEqual([
        expect.stringMatching(
          /^allow-untrusted-pull-requests: refusing to (deploy|plan) code from a pull request: /,
        ),
      ]);
      expect(found[0]).toContain('see README, Security');
      expect(
        parse({ service: 'web', 'allow-untrusted-pull-requests': 'true', ...inputs }, run, credentials).skip,
      ).toBeUndefined();
    });

    it('tears down, and renders, without asking', () => {
      expect(
        parse({ service: 'web', preview: 'true' }, target('closed', true), credentials).preview?.closed,
      ).toBe(true);
      expect(parse({ service: 'web', mode: 'teardown' }, target('opened', true), credentials).mode).toBe(
        'teardown',
      );
      expect(parse({ service: 'web', mode: 'render' }, target('opened', true), credentials).mode).toBe(
        'render',
      );
    });

    it('still skips a fork pull request that no credentials reach, rather than failing it', () => {
      expect(parse({ service: 'web', preview: 'true' }, pr('opened', true)).skip).toMatch(
        /comes from a fork/,
      );
    });
  });
});

describe('hostile inputs are refused before anything runs', () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'inputs-outside-'));
  const evilHart = 'core-evil-1.0.0-20240101000000-x86_64-linux.hart';
  for (const f of ['compose.yml', 'ecs-params.yml', 'vars.env', evilHart]) {
    fs.writeFileSync(path.join(outside, f), 'services: {}\n');
  }
  fs.symlinkSync(path.join(outside, 'compose.yml'), path.join(workspace, 'linked-compose.yml'));
  fs.symlinkSync(path.join(outside, 'ecs-params.yml'), path.join(workspace, 'linked-params.yml'));
  fs.symlinkSync(path.join(outside, 'vars.env'), path.join(workspace, 'linked.env'));
  fs.symlinkSync(outside, path.join(workspace, 'outside-results'));
  fs.mkdirSync(path.join(workspace, 'linked-results'));
  fs.symlinkSync(path.join(outside, evilHart), path.join(workspace, 'linked-results', evilHart));
  const linkedTo = (file: string) => `is a symlink to ${fs.realpathSync(path.join(outside, file))}`;

  it.each(['v1;rm -rf /', 'v1 v2', 'v1\nv2', 'v1\u0000', '$(id)', '`id`', '-rm', '--help', 'x'.repeat(129)])(
    'an image tag that is not one: %j',
    (tag) => {
      expect(problems({ service: 'web', 'image-tag': tag })).toEqual([
        expect.stringMatching(/^image-tag: ".*" is not a valid image tag/),
      ]);
      // image-tags takes one tag a line: there a newline separates two tags.
      if (!tag.includes('\n'))
        expect(problems({ service: 'web', 'image-tags': `acme/web:${tag}` })[0]).toMatch(/^image-tags: /);
    },
  );

  it.each(['web;rm -rf /', 'web\n::error::x', 'web\u0000', 'web app', '$(id)', 'w'.repeat(256)])(
    'a service or family name that ECS does not take: %j',
    (name) => {
      expect(problems({ service: name })).toEqual([
        expect.stringMatching(/^service: ".*" is not a service name: up to 255 letters/),
      ]);
      expect(problems({ service: 'web', 'task-family': name })).toEqual([
        expect.stringMatching(/^task-family: ".*" is not a family name: up to 255 letters/),
      ]);
    },
  );

  it('a git tag that leaves nothing of an image tag', () => {
    expect(problems({ service: 'web' }, { ...push, ref: 'refs/tags/-..-' })).toEqual([
      'image-tag: "-..-" has nothing an image tag can keep: set image-tag',
    ]);
  });

  it('a cluster that is neither a name nor a whole cluster ARN', () => {
    for (const cluster of [
      'default;rm -rf /',
      'arn:aws:ecs:',
      'arn:aws:ecs:us-east-1:123456789012:cluster/prod;rm',
      'arn:aws:ecs:us-east-1:123456789012:cluster/prod\nx',
    ]) {
      expect(problems({ service: 'web', cluster })).toEqual([
        expect.stringMatching(/^cluster: ".*" is not a cluster name .* or a cluster ARN \(arn:aws:ecs:/),
      ]);
    }
    const arn = 'arn:aws-us-gov:ecs:us-gov-west-1:123456789012:cluster/prod_1';
    expect(parse({ service: 'web', cluster: arn }).cluster).toBe(arn);
  });

  it('package idents with shell metacharacters or a leading "-"', () => {
    expect(problems({ service: 'web', 'habitat-packages': '-rf/redis\ncore/redis;id\ncore/-redis' })).toEqual(
      [
        'habitat-packages: "-rf/redis": origin "-rf" may contain only lower-case letters, digits, "-" and "_"',
        'habitat-packages: "core/redis;id": name "redis;id" may contain only letters, digits, "-" and "_"',
        'habitat-packages: "core/-redis": name "-redis" may contain only letters, digits, "-" and "_"',
      ],
    );
  });

  it('files that leave the workspace by .., an absolute path or a symlink', () => {
    expect(
      problems({
        service: 'web',
        'compose-file': `../x.yml\n${path.join(outside, 'compose.yml')}\nlinked-compose.yml`,
        'ecs-params': 'linked-params.yml',
        'env-file': 'linked.env',
      }),
    ).toEqual([
      `compose-file: ../x.yml is outside ${workspace}: give a file inside the workspace (paths are relative to it)`,
      `compose-file: ${path.join(outside, 'compose.yml')} is outside ${workspace}: give a file inside the workspace (paths are relative to it)`,
      `compose-file: linked-compose.yml ${linkedTo('compose.yml')}, outside ${workspace}: give a file inside the workspace (paths are relative to it)`,
      `ecs-params: linked-params.yml ${linkedTo('ecs-params.yml')}, outside ${workspace}: give a file inside the workspace (paths are relative to it)`,
      `env-file: linked.env ${linkedTo('vars.env')}, outside ${workspace}: give a file inside the workspace (paths are relative to it)`,
    ]);
    expect(problems({ service: 'web', 'ecs-params': '../ecs-params.yml' })).toEqual([
      `ecs-params: ../ecs-params.yml is outside ${workspace}: give a file inside the workspace (paths are relative to it)`,
    ]);
  });

  it('.hart files that are symlinks out of the workspace, or found through one', () => {
    expect(
      problems({ service: 'web', 'habitat-packages': 'linked-results/*.hart\noutside-results/*.hart' }),
    ).toEqual([
      `habitat-packages: linked-results/${evilHart} ${linkedTo(evilHart)}, outside ${workspace}: .hart files must be inside the workspace`,
      `habitat-packages: outside-results/${evilHart} ${linkedTo(evilHart)}, outside ${workspace}: .hart files must be inside the workspace`,
    ]);
  });

  it('repository tags and KMS keys AWS would refuse', () => {
    expect(
      problems({
        service: 'web',
        'repository-tags': `team=a;b\naws:owner=me\nk=${'v'.repeat(257)}\ncost center=r-d`,
        'repository-encryption': 'KMS',
        'repository-kms-key': 'alias/my key',
      }),
    ).toEqual([
      'repository-kms-key: "alias/my key" is not a KMS key id, key ARN or alias (alias/<name>)',
      expect.stringMatching(/^repository-tags: "team=a;b" is not a tag AWS accepts: /),
      expect.stringMatching(/^repository-tags: "aws:owner=me" is not a tag AWS accepts: /),
      expect.stringMatching(/^repository-tags: "k=v{257}" is not a tag AWS accepts: /),
    ]);
    const config = parse({
      service: 'web',
      'repository-tags': 'cost center=r-d',
      'repository-encryption': 'KMS',
      'repository-kms-key': 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    });
    expect(config.repository.tags).toEqual({ 'cost center': 'r-d' });
  });
});

describe('where packages are exported from', () => {
  it('installs packages named by ident from stable by default, from the public Builder, a layer a package', () => {
    expect(parse({ service: 'web' }).habitatExport).toEqual({ channel: 'stable', multiLayer: true });
  });

  it('exports one layer with habitat-multi-layer: false, and refuses what is not a boolean', () => {
    expect(parse({ service: 'web', 'habitat-multi-layer': 'false' }).habitatExport.multiLayer).toBe(false);
    expect(problems({ service: 'web', 'habitat-multi-layer': 'yes please' })).toEqual([
      'habitat-multi-layer: "yes please" is not a boolean: use true or false',
    ]);
  });

  it('takes the channel, an on-premises Builder and the base packages channel', () => {
    const config = parse({
      service: 'web',
      'habitat-channel': 'unstable',
      'habitat-builder-url': 'https://bldr.example.com',
      'habitat-base-packages-channel': 'LTS-2024',
    });
    expect(config.habitatExport).toEqual({
      channel: 'unstable',
      builderUrl: 'https://bldr.example.com',
      basePackagesChannel: 'LTS-2024',
      multiLayer: true,
    });
  });

  it('falls back to HAB_BLDR_URL, which the input overrides', () => {
    const env = { HAB_BLDR_URL: 'http://127.0.0.1:5058' };
    expect(parse({ service: 'web' }, push, env).habitatExport.builderUrl).toBe('http://127.0.0.1:5058');
    expect(
      parse({ service: 'web', 'habitat-builder-url': 'https://b.example' }, push, env).habitatExport
        .builderUrl,
    ).toBe('https://b.example');
  });

  it.each(['-c', '--help', 'a b', 'stable;id', 'x\ny', '$(id)', ''.padEnd(256, 'c')])(
    'refuses a channel that is not one: %j',
    (channel) => {
      expect(problems({ service: 'web', 'habitat-channel': channel })).toEqual([
        expect.stringMatching(/^habitat-channel: ".*" is not a channel name/),
      ]);
      expect(problems({ service: 'web', 'habitat-base-packages-channel': channel })).toEqual([
        expect.stringMatching(/^habitat-base-packages-channel: ".*" is not a channel name/),
      ]);
    },
  );

  it.each(['bldr.example.com', 'ftp://bldr.example.com', 'file:///etc/passwd', 'https://', '--url'])(
    'refuses a Builder URL that is not http(s): %j',
    (url) => {
      expect(problems({ service: 'web', 'habitat-builder-url': url })).toEqual([
        expect.stringMatching(
          /^habitat-builder-url: ".*" is not an http:\/\/ or https:\/\/ URL of a Builder/,
        ),
      ]);
    },
  );

  it('refuses to send HAB_AUTH_TOKEN to a Builder over plain http off this machine', () => {
    const token = { HAB_AUTH_TOKEN: 'tok' };
    expect(
      problems({ service: 'web', 'habitat-builder-url': 'http://bldr.example.com' }, push, token),
    ).toEqual([
      'habitat-builder-url: "http://bldr.example.com" is plain http, and HAB_AUTH_TOKEN is set: hab and the release lookup would send the token in clear. Use the Builder\'s https:// URL, or leave HAB_AUTH_TOKEN out of this step if its origins are public',
    ]);
    expect(problems({ service: 'web' }, push, { ...token, HAB_BLDR_URL: 'http://10.0.0.5' })).toEqual([
      expect.stringContaining('"http://10.0.0.5" (from HAB_BLDR_URL) is plain http'),
    ]);
    for (const url of ['https://bldr.example.com', 'http://127.0.0.1:5058', 'http://localhost:9636'])
      expect(() => parse({ service: 'web', 'habitat-builder-url': url }, push, token)).not.toThrow();
    expect(() =>
      parse({ service: 'web', 'habitat-builder-url': 'http://bldr.example.com' }, push),
    ).not.toThrow();
  });

  it('names HAB_BLDR_URL when that is where a bad URL came from', () => {
    expect(problems({ service: 'web' }, push, { HAB_BLDR_URL: 'bldr.example.com' })).toEqual([
      'habitat-builder-url: "bldr.example.com" (from HAB_BLDR_URL) is not an http:// or https:// URL of a Builder',
    ]);
  });

  it('refuses a buildah export engine before anything runs, when there is something to export', () => {
    const env = { HAB_PKG_EXPORT_CONTAINER_ENGINE: 'buildah' };
    expect(problems({ service: 'web', 'habitat-packages': 'core/redis' }, push, env)).toEqual([
      expect.stringMatching(/^undefined: HAB_PKG_EXPORT_CONTAINER_ENGINE=buildah .*outside Docker/),
    ]);
    expect(() => parse({ service: 'web' }, push, env)).not.toThrow();
    expect(() =>
      parse({ mode: 'render', 'task-family': 'web', 'habitat-packages': 'core/redis' }, push, env),
    ).not.toThrow();
  });
});
