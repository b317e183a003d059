import {
  CreatePrivateDnsNamespaceCommand,
  CreateServiceCommand,
  DeleteNamespaceCommand,
  DeleteServiceCommand,
  GetOperationCommand,
  ListNamespacesCommand,
  ListServicesCommand,
  ListTagsForResourceCommand,
  ServiceDiscoveryClient,
} from '@aws-sdk/client-servicediscovery';
import { mockClient } from 'aws-sdk-client-mock';
import { ensureNamespace } from '../../src/cloud-map/namespace';
import { ensureRegistry } from '../../src/cloud-map/registry';
import { removeDiscovery } from '../../src/cloud-map/teardown';
import { RecordingLog } from '../support/recording-log';

const NS = {
  Id: 'ns-1',
  Arn: 'arn:aws:servicediscovery:us-east-1:1:namespace/ns-1',
  Name: 'app.internal',
  Type: 'DNS_PRIVATE' as const,
};
const managed = [{ Key: 'habitat-ecs-deploy:managed', Value: 'true' }];
const wait = { timeoutMs: 60_000, intervalMs: 1, sleep: async () => undefined };

function cloudMap() {
  const client = new ServiceDiscoveryClient({ region: 'us-east-1' });
  return { client, mock: mockClient(client) };
}

describe('the namespace', () => {
  test('one that exists is used as it is: no write', async () => {
    const { client, mock } = cloudMap();
    mock.on(ListNamespacesCommand).resolves({ Namespaces: [NS] });
    const ns = await ensureNamespace(client, {
      name: 'app.internal',
      vpc: 'vpc-1',
      tags: {},
      log: new RecordingLog(),
      ...wait,
    });
    expect(ns).toEqual({ id: 'ns-1', arn: NS.Arn, name: 'app.internal', created: false });
    expect(mock.commandCalls(CreatePrivateDnsNamespaceCommand)).toHaveLength(0);
  });

  test('a missing one is created in the VPC, tagged as ours, with the same request id on a rerun, and waited for', async () => {
    const { client, mock } = cloudMap();
    mock
      .on(ListNamespacesCommand)
      .resolvesOnce({ Namespaces: [] })
      .resolves({ Namespaces: [NS] });
    mock.on(CreatePrivateDnsNamespaceCommand).resolves({ OperationId: 'op-1' });
    mock
      .on(GetOperationCommand)
      .resolvesOnce({ Operation: { Id: 'op-1', Status: 'PENDING' } })
      .resolves({ Operation: { Id: 'op-1', Status: 'SUCCESS', Targets: { NAMESPACE: 'ns-1' } } });
    let checked = 0;
    const ns = await ensureNamespace(client, {
      name: 'app.internal',
      vpc: 'vpc-1',
      tags: { 'habitat-ecs-deploy:commit': 'abc' },
      log: new RecordingLog(),
      beforeCreate: async () => {
        checked++;
      },
      ...wait,
    });
    expect(ns.created).toBe(true);
    expect(checked).toBe(1);
    expect(mock.commandCalls(CreatePrivateDnsNamespaceCommand)[0]?.args[0].input).toEqual({
      Name: 'app.internal',
      Vpc: 'vpc-1',
      CreatorRequestId: 'habitat-ecs-deploy-app.internal',
      Description: 'Made by habitat-ecs-deploy (layout: services)',
      Tags: [...managed, { Key: 'habitat-ecs-deploy:commit', Value: 'abc' }],
    });
    expect(mock.commandCalls(GetOperationCommand)).toHaveLength(2);
  });

  test("Cloud Map's failure to create it is said with its reason", async () => {
    const { client, mock } = cloudMap();
    mock.on(ListNamespacesCommand).resolves({ Namespaces: [] });
    mock.on(CreatePrivateDnsNamespaceCommand).resolves({ OperationId: 'op-1' });
    mock.on(GetOperationCommand).resolves({
      Operation: { Status: 'FAIL', ErrorCode: 'CANNOT_CREATE_HOSTED_ZONE', ErrorMessage: 'quota' },
    });
    await expect(
      ensureNamespace(client, {
        name: 'app.internal',
        vpc: 'vpc-1',
        tags: {},
        log: new RecordingLog(),
        ...wait,
      }),
    ).rejects.toThrow('Cloud Map failed creating namespace app.internal: CANNOT_CREATE_HOSTED_ZONE: quota');
  });
});

describe('the registry of an ECS service', () => {
  test('is found by name in the namespace, else created with A records, multivalue answers and ECS as its health check', async () => {
    const { client, mock } = cloudMap();
    mock.on(ListServicesCommand).resolves({ Services: [{ Id: 'srv-db', Arn: 'arn:srv-db', Name: 'db' }] });
    mock.on(CreateServiceCommand).resolves({ Service: { Id: 'srv-web', Arn: 'arn:srv-web', Name: 'web' } });
    const log = new RecordingLog();
    expect(await ensureRegistry(client, { namespaceId: 'ns-1', name: 'db', tags: {}, log })).toMatchObject({
      arn: 'arn:srv-db',
      created: false,
    });
    expect(await ensureRegistry(client, { namespaceId: 'ns-1', name: 'web', tags: {}, log })).toMatchObject({
      arn: 'arn:srv-web',
      created: true,
    });
    expect(mock.commandCalls(CreateServiceCommand).map((c) => c.args[0].input)).toEqual([
      {
        Name: 'web',
        NamespaceId: 'ns-1',
        CreatorRequestId: 'habitat-ecs-deploy-ns-1-web',
        DnsConfig: { RoutingPolicy: 'MULTIVALUE', DnsRecords: [{ Type: 'A', TTL: 10 }] },
        HealthCheckCustomConfig: { FailureThreshold: 1 },
        Tags: managed,
      },
    ]);
  });
});

describe('teardown', () => {
  test('in a namespace this action made: every service in it, then the namespace', async () => {
    const { client, mock } = cloudMap();
    mock.on(ListNamespacesCommand).resolves({ Namespaces: [NS] });
    mock.on(ListTagsForResourceCommand).resolves({ Tags: managed });
    mock.on(ListServicesCommand).resolves({
      Services: [
        { Id: 'srv-db', Arn: 'arn:srv-db', Name: 'db' },
        { Id: 'srv-sc', Arn: 'arn:srv-sc', Name: 'db-5432' },
      ],
    });
    mock.on(DeleteServiceCommand).resolves({});
    mock.on(DeleteNamespaceCommand).resolves({ OperationId: 'op-2' });
    mock.on(GetOperationCommand).resolves({ Operation: { Status: 'SUCCESS' } });
    const out = await removeDiscovery(client, {
      namespace: 'app.internal',
      names: ['db'],
      log: new RecordingLog(),
      ...wait,
    });
    expect(out).toEqual({ services: ['db', 'db-5432'], namespace: true });
    expect(mock.commandCalls(DeleteNamespaceCommand)[0]?.args[0].input).toEqual({ Id: 'ns-1' });
  });

  test("in someone else's namespace: only the named services this action made; one still in use stays, with a warning", async () => {
    const { client, mock } = cloudMap();
    mock.on(ListNamespacesCommand).resolves({ Namespaces: [NS] });
    mock.on(ListTagsForResourceCommand, { ResourceARN: NS.Arn }).resolves({ Tags: [] });
    mock.on(ListTagsForResourceCommand, { ResourceARN: 'arn:srv-db' }).resolves({ Tags: managed });
    mock.on(ListTagsForResourceCommand, { ResourceARN: 'arn:srv-web' }).resolves({ Tags: managed });
    mock.on(ListTagsForResourceCommand, { ResourceARN: 'arn:srv-other' }).resolves({ Tags: [] });
    mock.on(ListServicesCommand).resolves({
      Services: [
        { Id: 'srv-db', Arn: 'arn:srv-db', Name: 'db' },
        { Id: 'srv-web', Arn: 'arn:srv-web', Name: 'web' },
        { Id: 'srv-other', Arn: 'arn:srv-other', Name: 'other' },
      ],
    });
    mock.on(DeleteServiceCommand, { Id: 'srv-db' }).resolves({});
    mock
      .on(DeleteServiceCommand, { Id: 'srv-web' })
      .rejects(Object.assign(new Error('instances'), { name: 'ResourceInUse' }));
    const log = new RecordingLog();
    const out = await removeDiscovery(client, {
      namespace: 'app.internal',
      names: ['db', 'web', 'other'],
      log,
      ...wait,
    });
    expect(out).toEqual({ services: ['db'], namespace: false });
    expect(mock.commandCalls(DeleteNamespaceCommand)).toHaveLength(0);
    expect(mock.commandCalls(DeleteServiceCommand, { Id: 'srv-other' })).toHaveLength(0);
    expect(mock.commandCalls(DeleteServiceCommand, { Id: 'srv-web' })).toHaveLength(6);
    expect(log.of('warning').join('\n')).toContain('Cloud Map service web still has instances');
  });
});
