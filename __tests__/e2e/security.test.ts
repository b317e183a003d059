import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEc2Cluster } from '../support/cluster';
import { AwsCallLog, requireStackEnv } from '../support/stack';
import { runnerCommands, workflowCommands } from '../support/workflow-commands';
import { nationalParksWorkspace, ROOT, runAction, type RunResult } from './harness';

// The trust gaps of the bundled action, closed: what a package's build output, a saved state, a
// compose file's ${...}, a fork or a pull_request_target run can and cannot make the action do.

requireStackEnv();
jest.setTimeout(240_000);

const cluster = `e2e-security-${process.pid}-${Date.now().toString(36)}`;
beforeAll(async () => {
  await createEc2Cluster(cluster);
});

function ok(r: RunResult): void {
  if (r.status !== 0) throw new Error(`exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
}

function errorLines(r: RunResult): string[] {
  return r.stdout.split('\n').filter((l) => l.startsWith('::error'));
}

/** A workspace whose compose file runs one plain image with this `environment:` block. */
function plainWorkspace(environment: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'security-ws-'));
  fs.writeFileSync(
    path.join(dir, 'docker-compose.yml'),
    `services:\n  web:\n    image: nginx:1.27-alpine\n    mem_limit: 128m\n    environment:\n${environment}`,
  );
  return dir;
}

describe("a package's build output", () => {
  const hostile = [
    '::add-mask::x',
    '::set-output name=changed::hijacked',
    '::error::boom',
    '::save-state name=docker-config::/',
  ];

  test('is shown in the log, and none of its lines is run as a workflow command', () => {
    // A hab that prints what a package's build could print, then does the real (stand-in's) work.
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-hab-'));
    fs.writeFileSync(
      path.join(bin, 'hab'),
      `#!/bin/sh\nif [ "$1 $2" = "pkg export" ]; then printf '%s\\n' ${hostile.map((l) => `'${l}'`).join(' ')}; fi\nexec ${path.join(ROOT, 'test/bin/hab')} "$@"\n`,
      { mode: 0o755 },
    );
    const r = runAction({
      workspace: nationalParksWorkspace(),
      env: { PATH: `${bin}:${process.env.PATH ?? ''}` },
      inputs: {
        cluster,
        service: 'np-hostile-output',
        'habitat-packages': 'billmeyer/mongodb\nmattray/national-parks',
        'wait-for-service-stability': 'false',
        // An export, whatever releases the registry holds from earlier tests.
        'reuse-released-images': 'false',
      },
    });
    ok(r);
    const lines = r.stdout.split('\n');
    for (const line of hostile) expect(lines).toContain(line);
    const run = workflowCommands(r.stdout);
    for (const line of hostile) expect(run).not.toContain(line);
    expect(run.filter((c) => /^::(add-mask|set-output|error|save-state)/.test(c))).toEqual([
      // The action's own masks: the ECR token, plain and base64.
      expect.stringMatching(/^::add-mask::/),
      expect.stringMatching(/^::add-mask::/),
    ]);
    expect(r.outputs.changed).toBe('true');
  });
});

describe("a build: service's output", () => {
  test('turns no command off: the registry token is masked before the build starts, and no line of the build runs', () => {
    // The legacy builder (the stack's docker has no buildx) prints each Dockerfile line as a step.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-build-'));
    fs.writeFileSync(
      path.join(dir, 'docker-compose.yml'),
      `name: hostile-${process.pid}\nservices:\n  web:\n    build: ./web\n    command: ["/index.html"]\n    mem_limit: 64m\n`,
    );
    fs.mkdirSync(path.join(dir, 'web'));
    fs.writeFileSync(
      path.join(dir, 'web', 'Dockerfile'),
      [
        'FROM scratch',
        'LABEL a="##[stop-commands]pwned"',
        'LABEL b="::add-mask::from-the-build"',
        'LABEL c="x ##[set-output name=changed;]hijacked"',
        'COPY index.html /index.html',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(path.join(dir, 'web', 'index.html'), '<h1>web</h1>\n');
    const r = runAction({
      workspace: dir,
      inputs: {
        cluster,
        service: 'hostile-build',
        'task-family': `hostile-build-${process.pid}`,
        'wait-for-service-stability': 'false',
      },
    });
    ok(r);
    const lines = r.stdout.split('\n');
    const firstStep = lines.findIndex((l) => l.includes('Step 1/'));
    expect(firstStep).toBeGreaterThan(0);
    expect(r.stdout).toContain('LABEL a="##[stop-commands]pwned"');
    // What the runner runs: the action's own masks (the ECR token, plain and base64), both
    // before the build's first line, and nothing the build printed.
    const commands = runnerCommands(r.stdout);
    const masks = commands.filter((c) => c.command === 'add-mask');
    expect(masks.map((c) => c.data)).not.toContain('from-the-build');
    expect(masks).toHaveLength(2);
    for (const mask of masks) expect(lines.indexOf(mask.line)).toBeLessThan(firstStep);
    expect(commands.filter((c) => c.command === 'set-output')).toEqual([]);
    expect(r.outputs.changed).toBe('true');
  });
});

describe('the post step', () => {
  test.each([
    ['a directory outside RUNNER_TEMP', () => fs.mkdtempSync(path.join(os.tmpdir(), 'precious-'))],
    [
      'a habitat-ecs-docker-<uuid> directory outside RUNNER_TEMP',
      () => {
        const dir = path.join(
          fs.mkdtempSync(path.join(os.tmpdir(), 'elsewhere-')),
          'habitat-ecs-docker-00000000-0000-4000-8000-000000000000',
        );
        fs.mkdirSync(dir);
        return dir;
      },
    ],
  ])('removes nothing a tampered state names: %s', (_what, make) => {
    const dir = make();
    fs.writeFileSync(path.join(dir, 'keep-me'), 'precious');
    const r = runAction({
      workspace: plainWorkspace('      LOG_LEVEL: info\n'),
      inputs: { mode: 'render', 'task-family': 'np' },
      postState: { registry: '123456789012.dkr.ecr.us-east-1.amazonaws.com', 'docker-config': dir },
    });
    ok(r);
    expect(r.post?.status).toBe(0);
    expect(r.post?.stdout).toContain(`::warning::Not logging out or removing ${dir}`);
    expect(fs.readFileSync(path.join(dir, 'keep-me'), 'utf8')).toBe('precious');
  });
});

describe("the runner's credentials in a compose file", () => {
  test('an AWS secret key is refused at its line, before any AWS call, unless allow-interpolation names it', () => {
    const workspace = plainWorkspace('      AWS_KEY: ${AWS_SECRET_ACCESS_KEY}\n');
    const calls = new AwsCallLog().mark();
    const r = runAction({ workspace, inputs: { cluster, service: 'np-creds' } });
    expect(r.status).toBe(1);
    expect(errorLines(r)).toEqual([
      expect.stringMatching(
        /^::error file=docker-compose\.yml,line=6,col=\d+::.*AWS_SECRET_ACCESS_KEY is a credential of this job: .*allow-interpolation: AWS_SECRET_ACCESS_KEY$/,
      ),
    ]);
    expect(calls.calls()).toEqual([]);
    expect(
      r
        .files()
        .map((f) => f.content)
        .join(''),
    ).not.toContain(process.env.AWS_SECRET_ACCESS_KEY);

    const allowed = runAction({
      workspace,
      inputs: { mode: 'render', 'task-family': 'creds', 'allow-interpolation': 'AWS_SECRET_ACCESS_KEY' },
    });
    expect(allowed.status).toBe(0);
  });

  test("a copy of github-token's value under another name is refused too", () => {
    const token = 'ghs_a_token_handed_over_by_a_step';
    const r = runAction({
      workspace: plainWorkspace('      API: ${UPSTREAM_TOKEN_COPY}\n'),
      env: { UPSTREAM_TOKEN_COPY: token },
      inputs: { mode: 'render', 'task-family': 'creds', 'github-token': token },
    });
    expect(r.status).toBe(1);
    expect(errorLines(r)).toEqual([
      expect.stringContaining(
        'the value of UPSTREAM_TOKEN_COPY is a credential of this job (or a value the action masks)',
      ),
    ]);
    expect(r.stdout).toContain(`::add-mask::${token}`);
  });
});

describe('pull requests whose code is not trusted', () => {
  const payload = JSON.parse(
    fs.readFileSync(path.join(__dirname, 'events', 'pull_request-fork-opened.json'), 'utf8'),
  ) as { number: number; pull_request: { head: { sha: string; repo: { full_name: string } } } };
  const inputs = {
    cluster,
    service: 'np-untrusted',
    preview: 'true',
    'habitat-packages': 'billmeyer/mongodb',
  };

  test.each([
    ['a fork pull request that AWS credentials reach', 'pull_request', payload],
    [
      'a pull_request_target run, even from this repository',
      'pull_request_target',
      {
        ...payload,
        pull_request: {
          ...payload.pull_request,
          head: { ...payload.pull_request.head, repo: { full_name: 'example/national-parks' } },
        },
      },
    ],
  ])('%s: the preview is refused with why, before any AWS call', (_what, name, event) => {
    const calls = new AwsCallLog().mark();
    const r = runAction({
      workspace: nationalParksWorkspace(),
      event: { name, payload: event, ref: 'refs/pull/42/merge', sha: payload.pull_request.head.sha },
      inputs,
    });
    expect(r.status).toBe(1);
    const errors = errorLines(r);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /input "allow-untrusted-pull-requests": refusing to deploy code from a pull request: /,
    );
    expect(errors[0]).toContain('see README, Security');
    expect(calls.calls()).toEqual([]);
  });
});

describe('a Supervisor --group, which becomes part of a CMD-SHELL health check', () => {
  function render(group: string): RunResult {
    const workspace = nationalParksWorkspace();
    const compose = path.join(workspace, 'docker-compose.yml');
    fs.writeFileSync(
      compose,
      fs
        .readFileSync(compose, 'utf8')
        .replace('--bind database:mongodb.default', `--bind database:mongodb.default --group ${group}`),
    );
    return runAction({
      workspace,
      inputs: {
        mode: 'render',
        'task-family': 'np-group',
        'aws-account-id': '123456789012',
        'habitat-packages': 'billmeyer/mongodb\nmattray/national-parks',
        'supervisor-health-checks': 'true',
      },
    });
  }

  test('that a shell would run is refused at its line', () => {
    const r = render("'prod;touch /tmp/pwned'");
    expect(r.status).toBe(1);
    expect(errorLines(r)).toEqual([
      expect.stringMatching(
        /^::error file=docker-compose\.yml,line=12,col=\d+::.*--group.*may contain only letters, digits, "-" and "_"/,
      ),
    ]);
    expect(r.files().some((f) => f.path.endsWith('.task-definition.json'))).toBe(false);
  });

  test('that is a name is used in the health check', () => {
    const r = render('prod');
    ok(r);
    const td = JSON.parse(fs.readFileSync(r.outputs['task-definition-file'] ?? '', 'utf8')) as {
      containerDefinitions: { name: string; healthCheck?: { command: string[] } }[];
    };
    const parks = td.containerDefinitions.find((c) => c.name === 'national-parks');
    expect(parks?.healthCheck?.command.join(' ')).toContain('/services/national-parks/prod/health');
  });
});
