import { DescribeImagesCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { CreateClusterCommand, ECSClient, RegisterContainerInstanceCommand } from '@aws-sdk/client-ecs';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';

/**
 * An ECS cluster with one registered EC2 container instance, as a real EC2 cluster has before a
 * task can be placed (moto's instance offers 4096 CPU units and 7482 MiB), on the moto server at
 * `endpoint` (default: AWS_ENDPOINT_URL).
 */
export async function createEc2Cluster(
  name: string,
  endpoint?: string,
  credentials?: { accessKeyId: string; secretAccessKey: string },
): Promise<void> {
  const options = { ...(endpoint && { endpoint }), ...(credentials && { credentials }) };
  await new ECSClient(options).send(new CreateClusterCommand({ clusterName: name }));
  await addContainerInstance(name, endpoint, credentials);
}

/** One more EC2 container instance in the cluster (moto's: 4096 CPU units, 7482 MiB). */
export async function addContainerInstance(
  name: string,
  endpoint?: string,
  credentials?: { accessKeyId: string; secretAccessKey: string },
): Promise<void> {
  const options = { ...(endpoint && { endpoint }), ...(credentials && { credentials }) };
  const ecs = new ECSClient(options);
  const ec2 = new EC2Client(options);
  const images = await ec2.send(new DescribeImagesCommand({ Owners: ['amazon'], MaxResults: 5 }));
  const imageId = images.Images?.[0]?.ImageId;
  if (!imageId) throw new Error('moto offers no AMI to start a container instance from');
  const started = await ec2.send(
    new RunInstancesCommand({ ImageId: imageId, InstanceType: 'm5.large', MinCount: 1, MaxCount: 1 }),
  );
  const instanceId = started.Instances?.[0]?.InstanceId;
  if (!instanceId) throw new Error('moto started no instance');
  await ecs.send(
    new RegisterContainerInstanceCommand({
      cluster: name,
      instanceIdentityDocument: JSON.stringify({ instanceId, region: await ecs.config.region() }),
    }),
  );
}

/**
 * A role ECS tasks can assume, as verify requires of task and execution roles, on the stack's moto
 * (IAM is global, so one made by another test file is fine).
 */
export async function createTaskRole(name: string, client: IAMClient = new IAMClient({})): Promise<void> {
  try {
    await client.send(
      new CreateRoleCommand({
        RoleName: name,
        AssumeRolePolicyDocument: JSON.stringify({
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ],
        }),
      }),
    );
  } catch (e) {
    if ((e as Error).name !== 'EntityAlreadyExistsException' && (e as Error).name !== 'EntityAlreadyExists')
      throw e;
  }
}
