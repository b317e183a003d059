import { previewTaskDefinition } from '../../src/translate/preview-names';

// Issue 25, finding 2: a preview's task runs with roles and logs to groups of its own, which the
// preview role may pass and read; production's it may not.
it("gives a preview's task its own roles and awslogs groups, and leaves everything else", () => {
  const td = previewTaskDefinition(
    {
      family: 'shop-pr-7',
      taskRoleArn: 'arn:aws:iam::123456789012:role/app/shop-task',
      executionRoleArn: 'arn:aws:iam::123456789012:role/shop-exec',
      containerDefinitions: [
        {
          name: 'web',
          image: 'nginx',
          logConfiguration: {
            logDriver: 'awslogs',
            options: { 'awslogs-group': '/ecs/shop', 'awslogs-region': 'us-east-1' },
          },
        },
        {
          name: 'db',
          image: 'mongo',
          logConfiguration: { logDriver: 'json-file', options: { 'max-size': '1m' } },
        },
        { name: 'cache', image: 'redis' },
      ],
    },
    '-pr',
  );
  expect(td).toEqual({
    family: 'shop-pr-7',
    taskRoleArn: 'arn:aws:iam::123456789012:role/app/shop-task-pr',
    executionRoleArn: 'arn:aws:iam::123456789012:role/shop-exec-pr',
    containerDefinitions: [
      {
        name: 'web',
        image: 'nginx',
        logConfiguration: {
          logDriver: 'awslogs',
          options: { 'awslogs-group': '/ecs/shop-pr', 'awslogs-region': 'us-east-1' },
        },
      },
      {
        name: 'db',
        image: 'mongo',
        logConfiguration: { logDriver: 'json-file', options: { 'max-size': '1m' } },
      },
      { name: 'cache', image: 'redis' },
    ],
  });
});
