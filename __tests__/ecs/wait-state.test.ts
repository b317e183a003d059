import type { Service } from '@aws-sdk/client-ecs';
import { evaluateDeployment, takeNewEvents } from '../../src/ecs/wait';
import { OLD, OURS, START, TASK_DEFINITIONS, at, serviceShape } from './fixtures';

const target = { deploymentId: OURS, taskDefinitionArn: TASK_DEFINITIONS.ours, since: START };

function withOurs(patch: object, rest: Partial<Service> = {}): Service {
  const base = serviceShape(rest);
  const [ours, ...others] = base.deployments!;
  return { ...base, deployments: [{ ...ours, ...patch }, ...others] };
}

describe('evaluateDeployment', () => {
  it('is in progress while our PRIMARY deployment rolls out', () => {
    const s = evaluateDeployment(serviceShape(), target);
    expect(s).toEqual({
      state: 'in-progress',
      reason: 'deployment ecs-svc/1111 IN_PROGRESS: 1/2 tasks running, 1 pending',
    });
  });

  it('is stable when our deployment is PRIMARY and COMPLETED', () => {
    const service = withOurs({ rolloutState: 'COMPLETED', runningCount: 2, pendingCount: 0 });
    expect(
      evaluateDeployment({ ...service, deployments: service.deployments!.slice(0, 1) }, target).state,
    ).toBe('stable');
  });

  it('is stable without a rollout state when one deployment runs every desired task', () => {
    const base = withOurs({ rolloutState: undefined, runningCount: 2, pendingCount: 0 });
    const single = { ...base, deployments: base.deployments!.slice(0, 1) };
    expect(evaluateDeployment(single, target).state).toBe('stable');
    // ...but not while the old deployment is still there.
    expect(evaluateDeployment(base, target).state).toBe('in-progress');
  });

  it('fails when the rollout state is FAILED', () => {
    const service = withOurs({
      rolloutState: 'FAILED',
      rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
      failedTasks: 3,
    });
    expect(evaluateDeployment(service, target)).toEqual({
      state: 'failed',
      reason: 'deployment ecs-svc/1111 failed: ECS deployment circuit breaker: tasks failed to start.',
    });
  });

  it('fails when the circuit breaker rolled back: a newer PRIMARY on the previous task definition', () => {
    const service = serviceShape({
      taskDefinition: TASK_DEFINITIONS.previous,
      deployments: [
        {
          id: 'ecs-svc/2222',
          status: 'PRIMARY',
          taskDefinition: TASK_DEFINITIONS.previous,
          desiredCount: 2,
          runningCount: 0,
          rolloutState: 'IN_PROGRESS',
          createdAt: at(300),
        },
        {
          id: OURS,
          status: 'ACTIVE',
          taskDefinition: TASK_DEFINITIONS.ours,
          desiredCount: 0,
          runningCount: 0,
          rolloutState: 'IN_PROGRESS',
          createdAt: at(0),
        },
      ],
    });
    const s = evaluateDeployment(service, target);
    expect(s.state).toBe('failed');
    expect(s.reason).toContain('rolled back');
    expect(s.reason).toContain(TASK_DEFINITIONS.previous);
  });

  it('fails on a circuit breaker event about our deployment, even before the deployments list shows it', () => {
    const service = serviceShape();
    service.events = [
      {
        id: 'e9',
        createdAt: at(200),
        message: `(service shop) (deployment ${OURS}) deployment failed: tasks failed to start.`,
      },
      ...service.events!,
    ];
    expect(evaluateDeployment(service, target)).toEqual({
      state: 'failed',
      reason: `(service shop) (deployment ${OURS}) deployment failed: tasks failed to start.`,
    });
  });

  it('ignores circuit breaker events from before this deployment', () => {
    const service = serviceShape();
    service.events = [
      {
        id: 'old',
        createdAt: at(-7200),
        message: `(service shop) (deployment ${OURS}) deployment failed: tasks failed to start.`,
      },
    ];
    expect(evaluateDeployment(service, target).state).toBe('in-progress');
  });

  it('says "unseen" when our deployment is not listed (a read from before our write; wait decides when to believe it)', () => {
    const service = serviceShape({
      taskDefinition: TASK_DEFINITIONS.previous,
      deployments: [
        { id: OLD, status: 'PRIMARY', taskDefinition: TASK_DEFINITIONS.previous, rolloutState: 'COMPLETED' },
      ],
    });
    expect(evaluateDeployment(service, target).state).toBe('unseen');
  });

  it('says "unseen" when our PRIMARY deployment is listed but the service still names the old revision (a stale read)', () => {
    const stale = serviceShape({ taskDefinition: TASK_DEFINITIONS.previous });
    expect(evaluateDeployment(stale, target).state).toBe('unseen');
  });

  it('fails when the service is being deleted', () => {
    expect(evaluateDeployment(serviceShape({ status: 'DRAINING' }), target)).toEqual({
      state: 'failed',
      reason: 'service shop is DRAINING',
    });
  });

  // moto: UpdateService keeps the old deployment (same id) and its stale taskDefinition, while
  // service.taskDefinition names the new revision. Our id is that deployment's, so it is judged on its own state.
  it("judges moto's stale deployment by id, not by its taskDefinition", () => {
    const moto = serviceShape({
      desiredCount: 1,
      runningCount: 1,
      deployments: [
        {
          id: OURS,
          status: 'PRIMARY',
          taskDefinition: TASK_DEFINITIONS.previous,
          desiredCount: 1,
          runningCount: 1,
          rolloutState: 'COMPLETED',
          createdAt: at(-60),
        },
      ],
      events: [],
    });
    expect(evaluateDeployment(moto, target).state).toBe('stable');
  });
});

describe('takeNewEvents', () => {
  it('returns each recent event once, oldest first', () => {
    const seen = new Set<string>();
    const first = serviceShape().events!;
    expect(takeNewEvents(first, seen, START).map((e) => e.id)).toEqual(['e3']);
    const later = [
      { id: 'e5', createdAt: at(90), message: 'b' },
      { id: 'e4', createdAt: at(60), message: 'a' },
      ...first,
    ];
    expect(takeNewEvents(later, seen, START).map((e) => e.id)).toEqual(['e4', 'e5']);
    expect(takeNewEvents(later, seen, START)).toEqual([]);
  });
});
