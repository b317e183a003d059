import { translateTaskDefinition } from '../../src/translate/taskdef';
import { fakeProject } from './fake-project';

const habitat = { acceptLicense: true, healthChecks: false };

describe('depends_on', () => {
  test('the map form maps compose conditions to ECS conditions', () => {
    const project = fakeProject({
      db: { image: 'pg', mem_limit: '64m', healthcheck: { test: ['CMD', 'true'] } },
      migrate: { image: 'm', mem_limit: '64m', depends_on: { db: { condition: 'service_healthy' } } },
      app: {
        image: 'a',
        mem_limit: '64m',
        depends_on: {
          migrate: { condition: 'service_completed_successfully' },
          db: { condition: 'service_started' },
        },
      },
    });
    const ecsParams = {
      file: 'ecs-params.yml',
      services: new Map([['migrate', { essential: false }]]),
      dockerVolumes: new Map(),
      efsVolumes: new Map(),
      placementConstraints: [],
      runParams: {},
      warnings: [],
      locate: () => undefined,
    };
    const { taskDefinition } = translateTaskDefinition(project, {
      launchType: 'EC2',
      family: 'f',
      habitatServices: new Map(),
      ecsParams,
      habitat,
    });
    const deps = Object.fromEntries(
      (taskDefinition.containerDefinitions ?? []).map((c) => [c.name, c.dependsOn]),
    );
    expect(deps).toEqual({
      db: undefined,
      migrate: [{ containerName: 'db', condition: 'HEALTHY' }],
      app: [
        { containerName: 'migrate', condition: 'SUCCESS' },
        { containerName: 'db', condition: 'START' },
      ],
    });
  });

  test('a completed-successfully dependency on an essential container is an error', () => {
    const project = fakeProject({
      job: { image: 'j', mem_limit: '64m' },
      app: {
        image: 'a',
        mem_limit: '64m',
        depends_on: { job: { condition: 'service_completed_successfully' } },
      },
    });
    expect(() =>
      translateTaskDefinition(project, {
        launchType: 'EC2',
        family: 'f',
        habitatServices: new Map(),
        habitat,
      }),
    ).toThrow(/waits for job to complete, but an essential container stops the task when it exits/);
  });
});
