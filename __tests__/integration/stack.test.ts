// The local stack is whole: the hab stand-in exports a real image, docker logs in to the registry at
// the ECR host name with the token moto's ECR hands out, a push lands in the registry, injected
// registry faults bite and clear, and moto answers ECS (stable and stuck endpoints).
//
// Needs the stack: test/stack/local-stack up && eval "$(test/stack/local-stack env)".
// Injected faults are global to the stack: do not run this next to other tests that use the registry.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ECRClient, GetAuthorizationTokenCommand, CreateRepositoryCommand } from '@aws-sdk/client-ecr';
import { ECSClient, CreateClusterCommand, ListClustersCommand } from '@aws-sdk/client-ecs';
import { exportReport, HAB } from '../support/hab';
import { ok, run, type Run } from '../support/run';
import { fault, requireStackEnv, STACK } from '../support/stack';

jest.setTimeout(120_000);

describe('local stack', () => {
  const registry = process.env.HABITAT_ECS_STACK_REGISTRY ?? '';
  const region = process.env.AWS_REGION ?? 'us-east-1';
  let work = '';
  let dockerConfig = '';
  let password = '';
  const env = (): NodeJS.ProcessEnv => ({
    ...process.env,
    DOCKER_CONFIG: dockerConfig,
    HAB_LICENSE: 'accept-no-persist',
  });

  beforeAll(async () => {
    requireStackEnv();
    work = mkdtempSync(join(tmpdir(), 'stack-test-'));
    dockerConfig = mkdtempSync(join(tmpdir(), 'stack-test-docker-'));
    fault('clear');
    const ecr = new ECRClient({ region });
    const auth = await ecr.send(new GetAuthorizationTokenCommand({}));
    const data = auth.authorizationData?.[0];
    expect(data?.proxyEndpoint).toBe(`https://${registry}`);
    const [user, secret] = Buffer.from(data?.authorizationToken ?? '', 'base64')
      .toString('utf8')
      .split(':');
    expect(user).toBe('AWS');
    password = secret ?? '';
    expect(password).toBe('123456789012-auth-token');
  });

  afterAll(() => {
    if (process.env.HABITAT_ECS_STACK_DIR) fault('clear');
    if (work) rmSync(work, { recursive: true, force: true });
    if (dockerConfig) rmSync(dockerConfig, { recursive: true, force: true });
  });

  function login(): Run {
    return run('docker', ['login', '-u', 'AWS', '--password-stdin', `https://${registry}`], {
      env: env(),
      input: password,
    });
  }

  async function registryGet(path: string, init: RequestInit = {}): Promise<Response> {
    const basic = Buffer.from(`AWS:${password}`).toString('base64');
    return fetch(`https://${registry}${path}`, {
      ...init,
      headers: { Authorization: `Basic ${basic}`, ...(init.headers ?? {}) },
    });
  }

  test('hab on PATH is the stand-in', () => {
    const which = ok('sh', ['-c', 'command -v hab']);
    expect(which.stdout.trim()).toBe(HAB);
  });

  test('export, log in with the ECR token, push: the registry serves the pushed digest', async () => {
    const builder = process.env.HABITAT_ECS_STACK_BUILDER_URL ?? '';
    ok(HAB, ['pkg', 'export', 'container', '--url', builder, '--channel', 'stable', 'billmeyer/mongodb'], {
      cwd: work,
      env: env(),
    });
    const report = Object.fromEntries(exportReport(work));
    expect(report.name).toBe('billmeyer/mongodb');

    const loginRun = login();
    expect(loginRun.stderr + loginRun.stdout).toContain('Login Succeeded');
    expect(loginRun.status).toBe(0);

    const repository = 'stack-test/mongodb';
    const tag = `t${Date.now()}`;
    const target = `${registry}/${repository}:${tag}`;
    ok('docker', ['tag', 'billmeyer/mongodb:latest', target], { env: env() });
    const push = ok('docker', ['push', target], { env: env() });
    const digest = /digest: (sha256:[0-9a-f]{64})/.exec(push.stdout)?.[1];
    expect(digest).toBeDefined();

    const head = await registryGet(`/v2/${repository}/manifests/${tag}`, {
      method: 'HEAD',
      headers: {
        Accept:
          'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json',
      },
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('docker-content-digest')).toBe(digest);

    const tags = await registryGet(`/v2/${repository}/tags/list`);
    expect(((await tags.json()) as { tags: string[] }).tags).toContain(tag);
  });

  test('fault 500 N: the next N requests fail, then the registry recovers', async () => {
    fault('500', '2');
    try {
      expect(
        readFileSync(join(process.env.HABITAT_ECS_STACK_DIR ?? '', 'registry-faults'), 'utf8').trim(),
      ).toBe('500 2');
      expect((await registryGet('/v2/')).status).toBe(500);
      const second = await registryGet('/v2/');
      expect(second.status).toBe(500);
      expect(await second.text()).toContain('fault injected by the local stack');
      expect((await registryGet('/v2/')).status).toBe(200);
    } finally {
      fault('clear');
    }
    fault('500', '5');
    fault('clear');
    expect((await registryGet('/v2/')).status).toBe(200);
  });

  test('fault 500 N MATCH: only matching requests fail', async () => {
    const path = `/v2/stack-test/match-${Date.now()}/tags/list`;
    fault('500', '1', `GET ${path}`);
    try {
      expect((await registryGet('/v2/')).status).toBe(200);
      expect((await registryGet(path)).status).toBe(500);
      expect((await registryGet(path)).status).toBe(404);
    } finally {
      fault('clear');
    }
  });

  test('fault 401: the registry refuses the credentials until cleared', async () => {
    fault('401');
    try {
      const refused = await registryGet('/v2/');
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toMatch(/^Basic /);
      const loginRun = login();
      expect(loginRun.status).not.toBe(0);
      expect(loginRun.stderr).toMatch(/401|unauthorized/i);
    } finally {
      fault('clear');
    }
    expect((await registryGet('/v2/')).status).toBe(200);
    expect(login().status).toBe(0);
  });

  test('uplink MBPS: what clients send to the registry is paced to the cap; off lifts it', async () => {
    const upload = async (bytes: Buffer): Promise<number> => {
      const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
      const session = await registryGet('/v2/stack-test/uplink/blobs/uploads/', { method: 'POST' });
      expect(session.status).toBe(202);
      const location = new URL(session.headers.get('location') ?? '', `https://${registry}`);
      location.searchParams.set('digest', digest);
      const started = Date.now();
      const r = await registryGet(`${location.pathname}${location.search}`, {
        method: 'PUT',
        body: bytes,
        headers: { 'Content-Type': 'application/octet-stream' },
      });
      expect(r.status).toBe(201);
      return Date.now() - started;
    };
    run(STACK, ['uplink', '2']);
    try {
      expect(run(STACK, ['uplink']).stdout.trim()).toBe('2 MB/s');
      // 3 MiB at 2 MiB/s: at least 1.5 s less the first chunk, however fast the machine is.
      expect(await upload(randomBytes(3 * 2 ** 20))).toBeGreaterThanOrEqual(1300);
    } finally {
      run(STACK, ['uplink', 'off']);
    }
    expect(run(STACK, ['uplink']).stdout.trim()).toBe('off');
    await upload(randomBytes(3 * 2 ** 20));
    expect(run(STACK, ['uplink', '0']).status).not.toBe(0);
  });

  test('the request log records what reached the registry', async () => {
    const marker = `/v2/stack-test/log-marker-${Date.now()}/tags/list`;
    await registryGet(marker);
    const log = readFileSync(
      join(process.env.HABITAT_ECS_STACK_DIR ?? '', 'logs/registry-requests.log'),
      'utf8',
    );
    expect(log).toMatch(new RegExp(`GET ${marker} 404`));
  });

  test('moto answers ECR and ECS; the stuck endpoint is a separate moto', async () => {
    const ecr = new ECRClient({ region });
    const name = `stack-test-${Date.now()}`;
    const repo = await ecr.send(new CreateRepositoryCommand({ repositoryName: name }));
    expect(repo.repository?.repositoryUri).toBe(`${registry}/${name}`);

    const ecs = new ECSClient({ region });
    await ecs.send(new CreateClusterCommand({ clusterName: name }));
    const clusters = await ecs.send(new ListClustersCommand({}));
    expect(clusters.clusterArns?.some((arn) => arn.endsWith(`/${name}`))).toBe(true);

    const stuck = new ECSClient({ region, endpoint: process.env.HABITAT_ECS_STACK_STUCK_ENDPOINT });
    const stuckClusters = await stuck.send(new ListClustersCommand({}));
    expect(stuckClusters.clusterArns?.some((arn) => arn.endsWith(`/${name}`))).toBe(false);
  });

  test('the emulated Builder answers per channel, as the real one does', async () => {
    const builder = process.env.HABITAT_ECS_STACK_BUILDER_URL ?? '';
    expect(builder).toBe('http://127.0.0.1:5058');
    const get = (route: string) => fetch(`${builder}/v1/depot/channels/${route}`);
    const latest = await get('mattray/stable/pkgs/national-parks/latest?target=x86_64-linux');
    expect(latest.status).toBe(200);
    expect(latest.headers.get('connection')).toBe('close');
    expect(await latest.json()).toMatchObject({
      ident: { origin: 'mattray', name: 'national-parks', version: '6.3.0', release: '20190522195009' },
      exposes: [8080],
      target: 'x86_64-linux',
    });
    expect((await get('mattray/base/pkgs/national-parks/latest')).status).toBe(404);
    expect((await get('mattray/stable/pkgs/national-parks/9.9.9/latest')).status).toBe(404);
    expect((await get('billmeyer/unstable/pkgs/mongodb/latest')).status).toBe(200);
    expect(await (await get('billmeyer')).json()).toEqual([{ name: 'stable' }, { name: 'unstable' }]);
    // base takes only the packages Habitat is built from
    const refused = run(STACK, [
      'builder',
      'publish',
      '--channel',
      'base',
      'mattray/web/1.0.0/20200101000000',
    ]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('the base channel holds only core/* and chef/*');
  });

  test('status reports every part running and up is idempotent', () => {
    const status = ok(STACK, ['status']);
    for (const part of [
      'dockerd',
      'moto',
      'moto-stuck',
      'aws-fault-proxy',
      'registry',
      'registry-front',
      'builder',
    ]) {
      expect(status.stdout).toMatch(new RegExp(`^${part}\\s+running`, 'm'));
    }
    if (process.getuid?.() === 0) {
      expect(ok(STACK, ['up']).stderr).toContain('already running');
    }
  });
});
