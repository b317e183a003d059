import { planServices, taskNameOf } from '../../src/local/up-services';
import type { ServicesTranslation } from '../../src/translate/services';

const doc: ServicesTranslation = {
  namespace: 'np.internal',
  units: [
    {
      name: 'mongo',
      after: [],
      discovery: 'mongo',
      taskDefinition: {
        family: 'np-mongo',
        networkMode: 'awsvpc',
        containerDefinitions: [{ name: 'mongo', image: 'm', memory: 64 }],
      },
    },
    {
      name: 'national-parks',
      replicas: 2,
      after: ['mongo'],
      discovery: 'national-parks',
      taskDefinition: {
        family: 'np-national-parks',
        networkMode: 'awsvpc',
        containerDefinitions: [{ name: 'national-parks', image: 'p', memory: 64 }],
      },
    },
  ],
};

describe('the services layout on the local engine', () => {
  test("each service's replicas are tasks of their own on the project's network, answering to its names", () => {
    const plan = planServices(doc, {
      project: 'np',
      secrets: new Map(),
      pauseImage: 'pause:1',
      defaultReplicas: 1,
    });
    expect(plan.network).toBe('np');
    expect(plan.services.map((s) => [s.name, s.replicas.map((r) => r.task)])).toEqual([
      ['mongo', ['np-mongo-1']],
      ['national-parks', ['np-national-parks-1', 'np-national-parks-2']],
    ]);
    const replica = plan.services[1]?.replicas[1];
    expect(replica?.joined).toBe(true);
    expect(replica?.network).toBe('np');
    const pause = replica?.pause?.options.join(' ');
    expect(pause).toContain(
      '--network np --network-alias national-parks --network-alias national-parks.np.internal',
    );
    expect(pause).toContain('--label habitat-ecs.project=np');
    expect(replica?.containers[0]?.options.join(' ')).toContain('--label habitat-ecs.project=np');
  });

  test('a task name is a Docker name of at most 63 characters', () => {
    expect(taskNameOf('np', 'National_Parks', 12)).toBe('np-national_parks-12');
    expect(taskNameOf('x'.repeat(70), 'web', 3)).toHaveLength(63);
  });
});
