import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DeregisterTaskDefinitionCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTaskDefinitionsCommand,
  ListServicesCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type RegisterTaskDefinitionCommandInput,
  type Service,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { Progress } from '../../src/progress';
import { rollout, type RolloutInput } from '../../src/stages/rollout';
import { RecordingLog } from '../support/recording-log';

const ARN = (n: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/web:${n}`;
const SERVICE_ARN = 'arn:aws:ecs:us-east-1:123456789012:service/prod/web';

function taskDefinition(image: string): RegisterTaskDefinitionCommandInput {
  return {
    family: 'web',
    networkMode: 'bridge',
    containerDefinitions: [{ name: 'web', image, memory: 256 }],
  };
}

/**
 * ECS behind aws-sdk-client-mock, with just enough state to be a service: revisions of the
 * family (tagged as this action's), and one service whose deployments end as `ends` says.
 */
function fakeEcs(options: { running?: string; ends?: Record<string, 'COMPLETED' | 'FAILED'> } = {}) {
  const client = new ECSClient({ region: 'us-east-1' });
  const mock = mockClient(client);
  const revisions = new Map<string, TaskDefinition>();
  let service: Service | undefined;
  let deployments = 0;
  const deploy = (td: string): Service => {
    const id = `ecs-svc/${++deployments}`;
    const rolloutState = options.ends?.[td] ?? 'COMPLETED';
    service = {
      ...service,
      serviceArn: SERVICE_ARN,
      serviceName: 'web',
      status: 'ACTIVE',
      desiredCount: 1,
      taskDefinition: td,
      deployments: [
        { id, status: 'PRIMARY', taskDefinition: td, rolloutState, desiredCount: 1, runningCount: 1 },
      ],
      events: [],
    };
    return service;
  };
  const register = (input: RegisterTaskDefinitionCommandInput): TaskDefinition => {
    const arn = ARN(revisions.size + 1);
    const td = { ...input, taskDefinitionArn: arn, revision: revisions.size + 1 } as TaskDefinition;
    revisions.set(arn, td);
    return td;
  };
  if (options.running) {
    register(taskDefinition(options.running));
    deploy(ARN(1));
  }
  mock.on(DescribeTaskDefinitionCommand).callsFake(({ taskDefinition: arn }) => ({
    taskDefinition: revisions.get(arn),
    tags: [{ key: 'habitat-ecs-deploy:managed', value: 'true' }],
  }));
  mock.on(ListTaskDefinitionsCommand).callsFake(() => ({ taskDefinitionArns: [...revisions.keys()] }));
  mock.on(RegisterTaskDefinitionCommand).callsFake((input) => ({ taskDefinition: register(input) }));
  mock.on(DeregisterTaskDefinitionCommand).resolves({});
  mock.on(DescribeServicesCommand).callsFake(() => ({ services: service ? [service] : [] }));
  mock.on(CreateServiceCommand).callsFake(({ taskDefinition: td }) => ({ service: deploy(td) }));
  mock.on(UpdateServiceCommand).callsFake(({ taskDefinition: td, desiredCount }) => {
    if (td) return { service: deploy(td) };
    service = { ...service, desiredCount };
    return { service };
  });
  mock.on(DeleteServiceCommand).callsFake(() => {
    service = { ...service, status: 'INACTIVE' };
    return { service };
  });
  mock.on(ListTasksCommand).resolves({ taskArns: [] });
  mock.on(ListServicesCommand).resolves({ serviceArns: [SERVICE_ARN] });
  mock.on(DescribeTasksCommand).resolves({ tasks: [] });
  return { client, mock, service: () => service };
}

function input(ecs: ReturnType<typeof fakeEcs>, extra: Partial<RolloutInput> = {}) {
  const log = new RecordingLog();
  const progress = new Progress();
  const checked = ecs.service();
  const value: RolloutInput = {
    cluster: 'prod',
    service: 'web',
    taskDefinition: taskDefinition('web@sha256:new'),
    checked,
    pushed: false,
    tags: { 'habitat-ecs-deploy:commit': 'abc' },
    forceNewDeployment: false,
    waitTimeoutMs: 60_000,
    rollbackOnFailure: true,
    keepRevisions: 0,
    log: progress.tracking(log),
    progress,
    poll: { intervalMs: 1, sleep: async () => undefined },
    ...extra,
  };
  return { value, log, progress };
}

const updates = (ecs: ReturnType<typeof fakeEcs>) =>
  ecs.mock.commandCalls(UpdateServiceCommand).map((c) => c.args[0].input.taskDefinition);

describe('rollout', () => {
  it('registers, updates the service, waits until stable, then prunes old revisions', async () => {
    const ecs = fakeEcs({ running: 'web@sha256:old' });
    const { value, log, progress } = input(ecs, { keepRevisions: 1 });
    const outcome = await rollout(ecs.client, value);
    expect(outcome.end).toEqual({ kind: 'stable' });
    expect(outcome.registered).toMatchObject({ arn: ARN(2), changed: true });
    expect(outcome.deployment).toMatchObject({
      updated: true,
      created: false,
      previousTaskDefinition: ARN(1),
    });
    expect(outcome.diff.join('\n')).toContain('sha256:new');
    expect(updates(ecs)).toEqual([ARN(2)]);
    const registered = ecs.mock.commandCalls(RegisterTaskDefinitionCommand)[0]?.args[0].input;
    expect(registered?.tags).toContainEqual({ key: 'habitat-ecs-deploy:commit', value: 'abc' });
    // Only once stable does the old revision go.
    expect(
      ecs.mock.commandCalls(DeregisterTaskDefinitionCommand).map((c) => c.args[0].input.taskDefinition),
    ).toEqual([ARN(1)]);
    expect(log.of('group')).toEqual(['group: Register', 'group: Deploy', 'group: Wait']);
    expect(progress.serviceNow).toBe(ARN(2));
    expect(progress.account()[0]).toBe('Done before that: web:2 registered.');
  });

  it('changes nothing when the service already runs the same task definition', async () => {
    const ecs = fakeEcs({ running: 'web@sha256:same' });
    const { value, log, progress } = input(ecs, { taskDefinition: taskDefinition('web@sha256:same') });
    const outcome = await rollout(ecs.client, value);
    expect(outcome.end).toEqual({ kind: 'unchanged' });
    expect(outcome.registered).toMatchObject({ arn: ARN(1), changed: false });
    expect(ecs.mock.commandCalls(RegisterTaskDefinitionCommand)).toHaveLength(0);
    expect(ecs.mock.commandCalls(UpdateServiceCommand)).toHaveLength(0);
    // The service as checked before the first side effect still holds: not described again.
    expect(ecs.mock.commandCalls(DescribeServicesCommand)).toHaveLength(0);
    expect(log.of('group')).toEqual(['group: Register', 'group: Deploy']);
    expect(progress.serviceNow).toBeUndefined();
  });

  describe('the deferred checks (beforeChange)', () => {
    /** A gate that records the ECS writes made before it was called, and can refuse. */
    function gate(ecs: ReturnType<typeof fakeEcs>, refuse = false) {
      const writes = () =>
        ecs.mock.commandCalls(RegisterTaskDefinitionCommand).length +
        ecs.mock.commandCalls(UpdateServiceCommand).length +
        ecs.mock.commandCalls(CreateServiceCommand).length;
      const seen: number[] = [];
      const beforeChange = async () => {
        seen.push(writes());
        if (refuse) throw new Error('no room for the task');
      };
      return { beforeChange, seen };
    }

    it('are never run by a rollout that changes nothing', async () => {
      const ecs = fakeEcs({ running: 'web@sha256:same' });
      const g = gate(ecs);
      const { value } = input(ecs, { taskDefinition: taskDefinition('web@sha256:same'), ...g });
      expect((await rollout(ecs.client, value)).end).toEqual({ kind: 'unchanged' });
      expect(g.seen).toEqual([]);
    });

    it('run before the new revision is registered, and a refusal leaves ECS untouched', async () => {
      const ecs = fakeEcs({ running: 'web@sha256:old' });
      const passing = gate(ecs);
      await rollout(ecs.client, input(ecs, passing).value);
      expect(passing.seen[0]).toBe(0);
      const other = fakeEcs({ running: 'web@sha256:old' });
      const refusing = gate(other, true);
      await expect(rollout(other.client, input(other, refusing).value)).rejects.toThrow('no room');
      expect(other.mock.commandCalls(RegisterTaskDefinitionCommand)).toHaveLength(0);
      expect(other.mock.commandCalls(UpdateServiceCommand)).toHaveLength(0);
    });

    it('run before anything is registered for a service to be created', async () => {
      const ecs = fakeEcs();
      const g = gate(ecs, true);
      const { value } = input(ecs, {
        checked: undefined,
        create: { launchType: 'EC2', desiredCount: 1 },
        ...g,
      });
      await expect(rollout(ecs.client, value)).rejects.toThrow('no room');
      expect(ecs.mock.commandCalls(CreateServiceCommand)).toHaveLength(0);
    });

    it('run before a service is pointed at a revision registered earlier', async () => {
      const ecs = fakeEcs({ running: 'web@sha256:old' });
      await rollout(ecs.client, input(ecs, { waitTimeoutMs: undefined }).value);
      // The service runs revision 2; roll it back to the content of revision 1, which exists.
      const g = gate(ecs, true);
      const { value } = input(ecs, { taskDefinition: taskDefinition('web@sha256:old'), ...g });
      await expect(rollout(ecs.client, value)).rejects.toThrow('no room');
      expect(g.seen).toEqual([2]);
      expect(ecs.service()?.taskDefinition).toBe(ARN(2));
    });
  });

  it('describes the service again when images were pushed since it was checked', async () => {
    const ecs = fakeEcs({ running: 'web@sha256:same' });
    const { value } = input(ecs, { taskDefinition: taskDefinition('web@sha256:same'), pushed: true });
    const outcome = await rollout(ecs.client, value);
    expect(outcome.end).toEqual({ kind: 'unchanged' });
    expect(ecs.mock.commandCalls(DescribeServicesCommand)).toHaveLength(1);
  });

  it('does not wait when asked not to', async () => {
    const ecs = fakeEcs({ running: 'web@sha256:old' });
    const { value, log } = input(ecs, { waitTimeoutMs: undefined, keepRevisions: 1 });
    const outcome = await rollout(ecs.client, value);
    expect(outcome.end).toEqual({ kind: 'not-waited' });
    expect(updates(ecs)).toEqual([ARN(2)]);
    expect(ecs.mock.commandCalls(DeregisterTaskDefinitionCommand)).toHaveLength(0);
    expect(log.of('group')).toEqual(['group: Register', 'group: Deploy']);
  });

  it('rolls the service back to what it ran when the wait fails', async () => {
    const ecs = fakeEcs({ running: 'web@sha256:old', ends: { [ARN(2)]: 'FAILED' } });
    const { value, log } = input(ecs, { keepRevisions: 1 });
    const outcome = await rollout(ecs.client, value);
    expect(outcome.end).toMatchObject({
      kind: 'failed',
      wait: { outcome: 'failed' },
      rollback: { action: 'restored', detail: `service web is back on ${ARN(1)} and stable` },
    });
    expect(updates(ecs)).toEqual([ARN(2), ARN(1)]);
    expect(ecs.service()?.taskDefinition).toBe(ARN(1));
    // Nothing is pruned after a failure: the revision rolled back to must stay ACTIVE.
    expect(ecs.mock.commandCalls(DeregisterTaskDefinitionCommand)).toHaveLength(0);
    expect(log.of('group')).toEqual(['group: Register', 'group: Deploy', 'group: Wait', 'group: Rollback']);
  });

  it('leaves a failed deployment alone when rollback-on-failure is off', async () => {
    const ecs = fakeEcs({ running: 'web@sha256:old', ends: { [ARN(2)]: 'FAILED' } });
    const { value } = input(ecs, { rollbackOnFailure: false });
    const outcome = await rollout(ecs.client, value);
    expect(outcome.end.kind).toBe('failed');
    expect(outcome.end.kind === 'failed' && outcome.end.rollback).toBeUndefined();
    expect(updates(ecs)).toEqual([ARN(2)]);
  });

  it('creates a missing service, and deletes it again when its first deployment fails', async () => {
    const ecs = fakeEcs({ ends: { [ARN(1)]: 'FAILED' } });
    const { value, progress } = input(ecs, {
      create: {
        launchType: 'FARGATE',
        desiredCount: 2,
        network: { subnets: ['subnet-1'], assignPublicIp: 'ENABLED' },
      },
    });
    const outcome = await rollout(ecs.client, value);
    const created = ecs.mock.commandCalls(CreateServiceCommand)[0]?.args[0].input;
    expect(created).toMatchObject({
      serviceName: 'web',
      taskDefinition: ARN(1),
      desiredCount: 2,
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], assignPublicIp: 'ENABLED' } },
      tags: [{ key: 'habitat-ecs-deploy:commit', value: 'abc' }],
    });
    expect(outcome.end).toMatchObject({ kind: 'failed', rollback: { action: 'deleted' } });
    expect(ecs.mock.commandCalls(DeleteServiceCommand)).toHaveLength(1);
    expect(ecs.service()?.status).toBe('INACTIVE');
    expect(progress.serviceNow).toBe(ARN(1));
  });

  it('runs the one-off tasks between registering and deploying; a failure leaves the service alone', async () => {
    const ecs = fakeEcs({ running: 'web@sha256:old' });
    const order: string[] = [];
    const { value, log } = input(ecs, {
      runBefore: async (arn) => {
        order.push(`run ${arn} (service on ${ecs.service()?.taskDefinition ?? '?'})`);
        return { ran: [], failure: ['run-before-deploy "web: migrate" failed: web: exit 3'] };
      },
    });
    const outcome = await rollout(ecs.client, value);
    expect(order).toEqual([`run ${ARN(2)} (service on ${ARN(1)})`]);
    expect(outcome).toMatchObject({
      registered: { arn: ARN(2), changed: true },
      end: {
        kind: 'run-failed',
        lines: ['run-before-deploy "web: migrate" failed: web: exit 3'],
        running: ARN(1),
      },
    });
    expect(outcome.deployment).toBeUndefined();
    expect(ecs.mock.commandCalls(UpdateServiceCommand)).toHaveLength(0);
    expect(log.of('group')).toEqual(['group: Register', 'group: Run before deploy']);
  });

  it('deploys after one-off tasks that pass, describing the service again since time has passed', async () => {
    const ecs = fakeEcs({ running: 'web@sha256:old' });
    const { value } = input(ecs, {
      runBefore: async () => ({ ran: ['web: migrate: task 1: web exited 0'] }),
    });
    const outcome = await rollout(ecs.client, value);
    expect(outcome).toMatchObject({ ran: ['web: migrate: task 1: web exited 0'], end: { kind: 'stable' } });
    expect(updates(ecs)).toEqual([ARN(2)]);
    expect(ecs.mock.commandCalls(DescribeServicesCommand).length).toBeGreaterThan(1);
  });

  it('does not run the one-off tasks when the service already runs the revision', async () => {
    const ecs = fakeEcs({ running: 'web@sha256:same' });
    const runBefore = jest.fn(async () => ({ ran: [] }));
    const { value, log } = input(ecs, { taskDefinition: taskDefinition('web@sha256:same'), runBefore });
    const outcome = await rollout(ecs.client, value);
    expect(runBefore).not.toHaveBeenCalled();
    expect(outcome.end).toEqual({ kind: 'unchanged' });
    expect(log.lines).toContain(`info: run-before-deploy: not run, the service already runs web:1`);
  });

  it('changes only the settings that differ on a service that already runs the revision', async () => {
    const ecs = fakeEcs({ running: 'web@sha256:same' });
    const { value } = input(ecs, {
      taskDefinition: taskDefinition('web@sha256:same'),
      settings: { loadBalancers: [], capacityProviderStrategy: [], healthCheckGracePeriodSeconds: 90 },
    });
    const outcome = await rollout(ecs.client, value);
    expect(ecs.mock.commandCalls(UpdateServiceCommand).map((c) => c.args[0].input)).toEqual([
      { cluster: 'prod', service: 'web', forceNewDeployment: false, healthCheckGracePeriodSeconds: 90 },
    ]);
    expect(outcome.end).toEqual({ kind: 'unchanged' });
    expect(outcome.deployment?.settingsChanged).toEqual(['health check grace period: 0 s -> 90 s']);
  });
});
