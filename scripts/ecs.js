#!/usr/bin/env node
// Small ECS helper for the demo: create-cluster NAME | describe-service CLUSTER SERVICE.
// Talks to whatever AWS_ENDPOINT_URL / AWS_REGION point at (the local stack in the demo).
const { ECSClient, CreateClusterCommand, DescribeServicesCommand } = require('@aws-sdk/client-ecs');

async function main([command, ...args]) {
  const ecs = new ECSClient({});
  if (command === 'create-cluster') {
    const out = await ecs.send(new CreateClusterCommand({ clusterName: args[0] }));
    console.log(out.cluster.clusterArn);
  } else if (command === 'describe-service') {
    const out = await ecs.send(new DescribeServicesCommand({ cluster: args[0], services: [args[1]] }));
    const s = out.services[0];
    if (!s) return console.log(`no service ${args[1]} in ${args[0]}`);
    const { serviceName, status, taskDefinition, desiredCount, runningCount, launchType } = s;
    console.log(
      JSON.stringify(
        {
          serviceName,
          status,
          launchType,
          taskDefinition,
          desiredCount,
          runningCount,
          deployments: s.deployments.map((d) => ({
            id: d.id,
            status: d.status,
            rolloutState: d.rolloutState,
            taskDefinition: d.taskDefinition,
          })),
        },
        null,
        2,
      ),
    );
  } else {
    throw new Error('usage: ecs.js create-cluster NAME | describe-service CLUSTER SERVICE');
  }
}
main(process.argv.slice(2)).catch((e) => {
  console.error(`${e.name}: ${e.message}`);
  process.exit(1);
});
