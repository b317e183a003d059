#!/usr/bin/env node
// Small ECS helper for the demo: create-cluster NAME | describe-service CLUSTER SERVICE.
// Talks to whatever AWS_ENDPOINT_URL / AWS_REGION point at (the local stack in the demo).
const {
  ECSClient,
  CreateClusterCommand,
  DescribeServicesCommand,
  RegisterContainerInstanceCommand,
} = require('@aws-sdk/client-ecs');
const { EC2Client, DescribeImagesCommand, RunInstancesCommand } = require('@aws-sdk/client-ec2');

async function main([command, ...args]) {
  const ecs = new ECSClient({});
  if (command === 'create-cluster') {
    const out = await ecs.send(new CreateClusterCommand({ clusterName: args[0] }));
    // One container instance, as a real EC2 cluster has: the action's verify looks for room on one.
    const ec2 = new EC2Client({});
    const images = await ec2.send(new DescribeImagesCommand({ Owners: ['amazon'], MaxResults: 5 }));
    const started = await ec2.send(
      new RunInstancesCommand({ ImageId: images.Images[0].ImageId, MinCount: 1, MaxCount: 1 }),
    );
    const instanceId = started.Instances[0].InstanceId;
    await ecs.send(
      new RegisterContainerInstanceCommand({
        cluster: args[0],
        instanceIdentityDocument: JSON.stringify({ instanceId }),
      }),
    );
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
