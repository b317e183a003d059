import { previewTaskDefinition } from '../../src/translate/preview-names';

// Issue 25, finding 2: a preview's task runs with roles and logs to groups of its own, which the
// preview role may pass and read; production's it may not.
const role = (name: string) => `arn:aws:iam::123456789012:role/${name}`;
const web = (group: string) => ({
  name: 'web',
  image: 'nginx',
  logConfiguration: {
    logDriver: 'awslogs' as const,
    options: { 'awslogs-group': group, 'awslogs-region': 'us-east-1' },
  },
});
const others = [
  {
    name: 'db',
    image: 'mongo',
    logConfiguration: { logDriver: 'json-file' as const, options: { 'max-size': '1m' } },
  },
  { name: 'cache', image: 'redis' },
];

it("gives a preview's task its own roles and awslogs groups, and leaves everything else", () => {
  const production = {
    family: 'shop-pr-7',
    taskRoleArn: role('app/shop-task'),
    executionRoleArn: role('shop-exec'),
    containerDefinitions: [web('/ecs/shop'), ...others],
  };
  expect(previewTaskDefinition(production, '-pr')).toEqual({
    family: 'shop-pr-7',
    taskRoleArn: role('app/shop-task-pr'),
    executionRoleArn: role('shop-exec-pr'),
    containerDefinitions: [web('/ecs/shop-pr'), ...others],
  });
});
