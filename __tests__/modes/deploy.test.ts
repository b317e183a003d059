import { reportRollout } from '../../src/modes/deploy';
import { DeployFailed, type RunReport } from '../../src/modes/report';
import type { RolloutOutcome } from '../../src/stages/rollout';

const ARN = (n: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/web:${n}`;
const base: RunReport = {
  mode: 'deploy',
  region: 'us-east-1',
  cluster: 'prod',
  imageTag: 'v1',
  images: {},
  changed: false,
};

type Deployed = Extract<RolloutOutcome, { deployment: object }>;

function outcome(
  end: Deployed['end'],
  deployment: Partial<Deployed['deployment']> = {},
  registeredChanged = true,
  scaled: string[] = [],
): RolloutOutcome {
  return {
    scaled,
    registered: { arn: ARN(2), revision: 2, family: 'web', changed: registeredChanged },
    diff: ['- image: old', '+ image: new'],
    ran: [],
    deployment: {
      serviceArn: 'svc',
      deploymentId: 'ecs-svc/2',
      created: false,
      updated: true,
      settingsChanged: [],
      strategy: 'ROLLING',
      ...deployment,
    },
    end,
  };
}

/** The DeployFailed a failed rollout's report throws. */
function failure(o: RolloutOutcome): DeployFailed {
  try {
    reportRollout(base, o);
  } catch (e) {
    if (e instanceof DeployFailed) return e;
    throw e;
  }
  throw new Error('reportRollout did not fail');
}

describe('reportRollout', () => {
  it('reports an update that became stable', () => {
    const report = reportRollout(base, outcome({ kind: 'stable' }));
    expect(report).toMatchObject({
      state: 'updated and stable on web:2',
      taskDefinitionArn: ARN(2),
      registered: true,
      diff: ['- image: old', '+ image: new'],
      serviceArn: 'svc',
      deploymentId: 'ecs-svc/2',
      changed: true,
    });
  });

  it('reports a service that already ran the revision as unchanged, with no deployment', () => {
    const report = reportRollout(
      base,
      outcome({ kind: 'unchanged' }, { updated: false, deploymentId: 'ecs-svc/1' }, false),
    );
    expect(report.state).toBe('unchanged: the service already runs web:2');
    expect(report.changed).toBe(false);
    expect(report.deploymentId).toBeUndefined();
    // Pushed images are a change, even when the service was not touched.
    expect(
      reportRollout({ ...base, changed: true }, outcome({ kind: 'unchanged' }, { updated: false }, false))
        .changed,
    ).toBe(true);
  });

  it('counts an autoscaling change of an unchanged service as a change, among the settings', () => {
    const report = reportRollout(
      base,
      outcome({ kind: 'unchanged' }, { updated: false }, false, ['autoscaling: 1-4 tasks']),
    );
    expect(report.changed).toBe(true);
    expect(report.settings).toEqual(['autoscaling: 1-4 tasks']);
    expect(report.state).toBe('unchanged: the service already runs web:2; its settings were updated');
  });

  it('says when the deployment was not waited for', () => {
    const report = reportRollout(base, outcome({ kind: 'not-waited' }, { created: true, updated: false }));
    expect(report.state).toBe('created; not waited for (wait-for-service-stability is false)');
  });

  it('fails with the report, the reason and what the rollback did', () => {
    const wait = {
      outcome: 'failed' as const,
      reason: 'deployment ecs-svc/2 failed: tasks failed to start',
      events: [],
      stoppedTasks: [
        { taskArn: 'arn:task/abc', stoppedReason: 'Essential container exited', containers: ['web: exit 1'] },
      ],
    };
    const rollback = { action: 'restored' as const, detail: `service web is back on ${ARN(1)} and stable` };
    const { lines, report } = failure(outcome({ kind: 'failed', wait, rollback }));
    expect(lines).toEqual([
      'Deployment failed: deployment ecs-svc/2 failed: tasks failed to start',
      'Stopped tasks:',
      '  abc: Essential container exited',
      '    web: exit 1',
      `Rollback: service web is back on ${ARN(1)} and stable`,
    ]);
    expect(report).toMatchObject({
      state: `failed; rollback: ${rollback.detail}`,
      taskDefinitionArn: ARN(2),
    });
  });

  it('says when no rollback was attempted', () => {
    const wait = {
      outcome: 'timed-out' as const,
      reason: 'not stable after 60 s',
      events: [],
      stoppedTasks: [],
    };
    const { lines, report } = failure(outcome({ kind: 'failed', wait }));
    expect(lines.at(-1)).toBe('Rollback: not attempted (rollback-on-failure is false)');
    expect(report.state).toBe('timed-out; not rolled back');
  });

  it('fails when a task run before the deploy failed, saying the service was not touched and the revision is harmless', () => {
    const failed: RolloutOutcome = {
      registered: { arn: ARN(2), revision: 2, family: 'web', changed: true },
      diff: [],
      ran: ['seed: task 1: seed exited 0'],
      end: {
        kind: 'run-failed',
        lines: ['run-before-deploy "web: migrate" failed: web: exit 3'],
        running: ARN(1),
      },
    };
    const { lines, report } = failure(failed);
    expect(lines).toEqual([
      'run-before-deploy "web: migrate" failed: web: exit 3',
      'So the service was not updated: it still runs web:1. The revision web:2 stays registered and unused, which is harmless: nothing runs it, and a rerun with the same inputs reuses it.',
    ]);
    expect(report).toMatchObject({
      state: 'a task run before the deploy failed; the service was not updated: it still runs web:1',
      taskDefinitionArn: ARN(2),
      ranBefore: ['seed: task 1: seed exited 0'],
      changed: true,
    });
    expect(report.serviceArn).toBeUndefined();
    const { end: _end, ...created } = failed;
    expect(failure({ ...created, end: { kind: 'run-failed', lines: ['x'] } }).report.state).toBe(
      'a task run before the deploy failed; the service was not created',
    );
  });

  it('reports settings changed on a service that already ran the revision as a change', () => {
    const report = reportRollout(
      base,
      outcome({ kind: 'unchanged' }, { updated: false, settingsChanged: ['ECS Exec: off -> on'] }, false),
    );
    expect(report).toMatchObject({
      state: 'unchanged: the service already runs web:2; its settings were updated',
      settings: ['ECS Exec: off -> on'],
      changed: true,
    });
  });
});
