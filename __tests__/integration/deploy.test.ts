import {
  CreateClusterCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  type ECSClient,
  ListTaskDefinitionsCommand,
  type RegisterTaskDefinitionCommandInput,
} from '@aws-sdk/client-ecs';
import { UserError } from '../../src/diagnostics';
import { diffTaskDefinitions } from '../../src/ecs/diff';
import { listManagedRevisions, pruneRevisions, registerTaskDefinition } from '../../src/ecs/register';
import { rollBack } from '../../src/ecs/rollback';
import { deployService } from '../../src/ecs/service';
import { teardown } from '../../src/ecs/teardown';
import { explainFailure, waitForDeployment } from '../../src/ecs/wait';
import { RecordingLog } from '../support/recording-log';
import { stackEcsClient } from '../support/stack';

/**
 * The deploy stage against moto from test/stack/local-stack: AWS_ENDPOINT_URL answers with
 * running tasks (deployments complete), HABITAT_ECS_STACK_STUCK_ENDPOINT never runs any.
 */
const endpoint = process.env.AWS_ENDPOINT_URL;
const stuckEndpoint = process.env.HABITAT_ECS_STACK_STUCK_ENDPOINT;
const run = Math.random().toString(36).slice(2, 8);
const quick = { intervalMs: 50, timeoutMs: 5_000 };
const tags = { 'habitat-ecs-deploy:sha': 'abc123', 'habitat-ecs-deploy:ref': 'refs/pull/7/merge' };

function taskDefinition(family: string, version: string): RegisterTaskDefinitionCommandInput {
  return {
    family,
    containerDefinitions: [
      {
        name: 'web',
        image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/web@sha256:${version.padEnd(64, '0')}`,
        memory: 128,
        portMappings: [{ containerPort: 8080, hostPort: 8080 }],
        environment: [{ name: 'VERSION', value: version }],
      },
    ],
  };
}

async function activeRevisions(ecs: ECSClient, family: string): Promise<string[]> {
  const out = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: family, status: 'ACTIVE' }));
  return out.taskDefinitionArns ?? [];
}

async function describe1(ecs: ECSClient, cluster: string, service: string) {
  const out = await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }));
  const s = out.services?.[0];
  if (!s) throw new Error(`no service ${service}`);
  return s;
}

describe('deploy stage on a running stack', () => {
  let ecs: ECSClient;
  const cluster = `it-${run}`;
  const service = 'shop';
  const family = `shop-${run}`;
  let first = '';
  let second = '';

  beforeAll(async () => {
    ecs = stackEcsClient(endpoint);
    stackEcsClient(stuckEndpoint);
    await ecs.send(new CreateClusterCommand({ clusterName: cluster }));
  });

  it('creates the service on the first deploy and waits until it is stable', async () => {
    const log = new RecordingLog();
    const registered = await registerTaskDefinition(ecs, taskDefinition(family, 'a'), { tags, log });
    expect(registered).toMatchObject({ family, revision: 1, changed: true });
    expect(registered.previous).toBeUndefined();
    first = registered.arn;

    const since = new Date();
    const deployed = await deployService(ecs, {
      cluster,
      service,
      taskDefinitionArn: first,
      create: { launchType: 'EC2', desiredCount: 1 },
      log,
    });
    expect(deployed).toMatchObject({ created: true, updated: false });
    expect(deployed.deploymentId).toMatch(/^ecs-svc\//);
    const waited = await waitForDeployment(ecs, {
      cluster,
      service,
      deploymentId: deployed.deploymentId,
      taskDefinitionArn: first,
      since,
      ...quick,
      log,
    });
    expect(waited.outcome).toBe('stable');
    expect((await describe1(ecs, cluster, service)).taskDefinition).toBe(first);
  });

  it('reuses an identical revision and leaves the service alone', async () => {
    const log = new RecordingLog();
    const before = await activeRevisions(ecs, family);
    // Same content, different order of keys and an env list ECS would return sorted.
    const same = taskDefinition(family, 'a');
    const registered = await registerTaskDefinition(
      ecs,
      { containerDefinitions: same.containerDefinitions, family },
      { tags, log },
    );
    expect(registered).toMatchObject({ arn: first, changed: false });
    expect(registered.previous?.arn).toBe(first);
    expect(await activeRevisions(ecs, family)).toEqual(before);

    const deployed = await deployService(ecs, { cluster, service, taskDefinitionArn: first, log });
    expect(deployed).toMatchObject({ created: false, updated: false, previousTaskDefinition: first });
  });

  it('registers a changed definition with our tags and updates the service', async () => {
    const log = new RecordingLog();
    const registered = await registerTaskDefinition(ecs, taskDefinition(family, 'b'), { tags, log });
    expect(registered).toMatchObject({ family, revision: 2, changed: true });
    expect(registered.previous?.arn).toBe(first);
    second = registered.arn;
    expect(
      diffTaskDefinitions(registered.previous?.taskDefinition, taskDefinition(family, 'b'), 'masked'),
    ).toEqual([
      expect.stringMatching(/^web: image .*sha256:a0+ → .*sha256:b0+$/),
      'web: env ~ VERSION="a" → "b"',
    ]);
    expect((await listManagedRevisions(ecs, family)).map((r) => r.arn)).toEqual([second, first]);
    const described = await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: second, include: ['TAGS'] }),
    );
    expect(described.tags).toEqual(
      expect.arrayContaining([
        { key: 'habitat-ecs-deploy:sha', value: 'abc123' },
        { key: 'habitat-ecs-deploy:managed', value: 'true' },
      ]),
    );

    const since = new Date();
    const deployed = await deployService(ecs, { cluster, service, taskDefinitionArn: second, log });
    expect(deployed).toMatchObject({ created: false, updated: true, previousTaskDefinition: first });
    // Asserted on service.taskDefinition: moto leaves deployments[0].taskDefinition on the old revision.
    expect((await describe1(ecs, cluster, service)).taskDefinition).toBe(second);
    const waited = await waitForDeployment(ecs, {
      cluster,
      service,
      deploymentId: deployed.deploymentId,
      taskDefinitionArn: second,
      since,
      ...quick,
      log,
    });
    expect(waited.outcome).toBe('stable');
  });

  it('keeps only the newest revisions it made when asked', async () => {
    const removed = await pruneRevisions(ecs, {
      family,
      cluster,
      keep: 1,
      protect: [second],
      log: new RecordingLog(),
    });
    expect(removed).toEqual([first]);
    expect(await activeRevisions(ecs, family)).toEqual([second]);
  });

  it('names the cluster and region when the cluster does not exist', async () => {
    const attempt = deployService(ecs, {
      cluster: `missing-${run}`,
      service,
      taskDefinitionArn: second,
      log: new RecordingLog(),
    });
    await expect(attempt).rejects.toThrow(UserError);
    await expect(attempt).rejects.toThrow(`cluster "missing-${run}" was not found in region us-east-1`);
  });

  it('refuses to create a missing service unless allowed', async () => {
    const attempt = deployService(ecs, {
      cluster,
      service: 'nope',
      taskDefinitionArn: second,
      log: new RecordingLog(),
    });
    await expect(attempt).rejects.toThrow(`service "nope" does not exist in cluster "${cluster}"`);
  });

  it('tears down: no ACTIVE service, no revisions of ours left, and a second run is a no-op', async () => {
    const log = new RecordingLog();
    const result = await teardown(ecs, { cluster, service, family, ...quick, log });
    expect(result).toEqual({ deleted: true, inactive: true, deregistered: [second] });
    expect((await describe1(ecs, cluster, service)).status).toBe('INACTIVE');
    expect(await activeRevisions(ecs, family)).toEqual([]);

    const again = await teardown(ecs, { cluster, service, family, ...quick, log });
    expect(again).toEqual({ deleted: false, inactive: true, deregistered: [] });
    const noCluster = await teardown(ecs, { cluster: `missing-${run}`, service, ...quick, log });
    expect(noCluster).toEqual({ deleted: false, inactive: true, deregistered: [] });
    expect(log.lines).toContain(`info: Nothing to delete: cluster missing-${run} does not exist`);
  });
});

describe('deploy stage on a stack whose tasks never start', () => {
  let ecs: ECSClient;
  const cluster = `stuck-${run}`;
  const family = `stuck-${run}`;
  const short = { intervalMs: 50, timeoutMs: 300 };

  beforeAll(async () => {
    stackEcsClient(endpoint);
    ecs = stackEcsClient(stuckEndpoint);
    await ecs.send(new CreateClusterCommand({ clusterName: cluster }));
  });

  it('times out, rolls the service back to the previous revision and reports the failure', async () => {
    const log = new RecordingLog();
    const service = 'shop';
    const v1 = await registerTaskDefinition(ecs, taskDefinition(family, 'a'), { tags, log });
    await deployService(ecs, {
      cluster,
      service,
      taskDefinitionArn: v1.arn,
      create: { desiredCount: 1 },
      log,
    });
    const v2 = await registerTaskDefinition(ecs, taskDefinition(family, 'b'), { tags, log });

    const since = new Date();
    const deployed = await deployService(ecs, { cluster, service, taskDefinitionArn: v2.arn, log });
    expect(deployed).toMatchObject({ updated: true, previousTaskDefinition: v1.arn });
    const waited = await waitForDeployment(ecs, {
      cluster,
      service,
      deploymentId: deployed.deploymentId,
      taskDefinitionArn: v2.arn,
      since,
      ...short,
      log,
    });
    expect(waited.outcome).toBe('timed-out');
    expect(explainFailure(waited)[0]).toMatch(
      /^Deployment timed-out: not stable after 0.3 s: deployment ecs-svc\/\S+ IN_PROGRESS: 0\/1 tasks running/,
    );

    const rolled = await rollBack(ecs, {
      cluster,
      service,
      failedTaskDefinition: v2.arn,
      previousTaskDefinition: deployed.previousTaskDefinition,
      created: deployed.created,
      ...short,
      log,
    });
    expect(rolled.action).toBe('restored');
    // Asserted on service.taskDefinition (moto's deployments[0].taskDefinition is stale).
    expect((await describe1(ecs, cluster, service)).taskDefinition).toBe(v1.arn);
    // The stuck stack cannot run the old revision either, and the rollback says so.
    expect(rolled.wait?.outcome).toBe('timed-out');
    expect(rolled.detail).toContain(`was put back on ${v1.arn}, but that deployment timed-out`);
  });

  it('deletes a service this run created when its first deployment fails', async () => {
    const log = new RecordingLog();
    const service = 'fresh';
    const v = await registerTaskDefinition(ecs, taskDefinition(family, 'c'), { tags, log });
    const deployed = await deployService(ecs, {
      cluster,
      service,
      taskDefinitionArn: v.arn,
      create: { desiredCount: 1 },
      log,
    });
    expect(deployed.created).toBe(true);
    const waited = await waitForDeployment(ecs, {
      cluster,
      service,
      deploymentId: deployed.deploymentId,
      taskDefinitionArn: v.arn,
      ...short,
      log,
    });
    expect(waited.outcome).toBe('timed-out');

    const rolled = await rollBack(ecs, {
      cluster,
      service,
      failedTaskDefinition: v.arn,
      created: true,
      ...short,
      log,
    });
    expect(rolled).toEqual({
      action: 'deleted',
      detail: 'deleted service fresh, which this run had created',
    });
    expect((await describe1(ecs, cluster, service)).status).toBe('INACTIVE');
  });
});
