import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  CreatePrivateDnsNamespaceCommand,
  CreateServiceCommand,
  GetOperationCommand,
  ListNamespacesCommand,
  ListServicesCommand,
  ServiceDiscoveryClient,
} from '@aws-sdk/client-servicediscovery';
import { mockClient } from 'aws-sdk-client-mock';
import { ecsParamsDiscovery } from '../../src/stages/discovery';
import { parseEcsParams } from '../../src/translate/ecs-params';
import { RecordingLog } from '../support/recording-log';

// Every client the stage makes is one of these classes: the mocks answer for all of them.
const cloudMap = mockClient(ServiceDiscoveryClient);
const ec2 = mockClient(EC2Client);
beforeEach(() => {
  cloudMap.reset();
  ec2.reset();
});

const params = (discovery: string) =>
  parseEcsParams(
    `task_definition:\n  ecs_network_mode: awsvpc\nrun_params:\n  network_configuration:\n    awsvpc_configuration:\n      subnets: [subnet-1]\n  service_discovery:\n${discovery}`,
    'ecs-params.yml',
  ).runParams;

describe('ecs-params service_discovery, as ecs-cli made it (the task layout)', () => {
  test('a namespace by name is made in the VPC of the subnets, and the service registered under its own name', async () => {
    ec2.on(DescribeSubnetsCommand).resolves({ Subnets: [{ SubnetId: 'subnet-1', VpcId: 'vpc-1' }] });
    cloudMap
      .on(ListNamespacesCommand)
      .resolvesOnce({ Namespaces: [] })
      .resolves({ Namespaces: [{ Id: 'ns-1', Arn: 'arn:ns-1', Name: 'corp.local', Type: 'DNS_PRIVATE' }] });
    cloudMap.on(CreatePrivateDnsNamespaceCommand).resolves({ OperationId: 'op' });
    cloudMap.on(GetOperationCommand).resolves({ Operation: { Status: 'SUCCESS' } });
    cloudMap.on(ListServicesCommand).resolves({ Services: [] });
    cloudMap.on(CreateServiceCommand).resolves({ Service: { Id: 'srv-1', Arn: 'arn:srv-1', Name: 'web' } });
    const registries = await ecsParamsDiscovery({
      region: 'us-east-1',
      service: 'web',
      runParams: params(
        '    private_dns_namespace:\n      name: corp.local\n    service_discovery_service:\n      dns_config:\n        type: A\n        ttl: 60\n',
      ),
      tags: {},
      log: new RecordingLog(),
    });
    expect(registries).toEqual([{ registryArn: 'arn:srv-1' }]);
    expect(cloudMap.commandCalls(CreatePrivateDnsNamespaceCommand)[0]?.args[0].input).toMatchObject({
      Name: 'corp.local',
      Vpc: 'vpc-1',
    });
    expect(cloudMap.commandCalls(CreateServiceCommand)[0]?.args[0].input).toMatchObject({
      Name: 'web',
      NamespaceId: 'ns-1',
      DnsConfig: { RoutingPolicy: 'MULTIVALUE', DnsRecords: [{ Type: 'A', TTL: 60 }] },
    });
  });

  test('a namespace by id is used as it is; SRV records name the container and port', async () => {
    cloudMap.on(ListServicesCommand).resolves({ Services: [{ Id: 'srv-2', Arn: 'arn:srv-2', Name: 'api' }] });
    const registries = await ecsParamsDiscovery({
      region: 'us-east-1',
      service: 'web',
      runParams: params(
        '    container_name: web\n    container_port: 8080\n    private_dns_namespace:\n      id: ns-9\n    service_discovery_service:\n      name: api\n      dns_config:\n        type: SRV\n',
      ),
      tags: {},
      log: new RecordingLog(),
    });
    expect(registries).toEqual([{ registryArn: 'arn:srv-2', containerName: 'web', containerPort: 8080 }]);
    expect(cloudMap.commandCalls(ListNamespacesCommand)).toHaveLength(0);
    expect(cloudMap.commandCalls(ListServicesCommand)[0]?.args[0].input.Filters).toEqual([
      { Name: 'NAMESPACE_ID', Values: ['ns-9'], Condition: 'EQ' },
    ]);
  });
});
