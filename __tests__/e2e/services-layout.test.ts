import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DescribeSubnetsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  type Service,
} from '@aws-sdk/client-ecs';
import {
  ListNamespacesCommand,
  ListServicesCommand,
  ListTagsForResourceCommand,
  ServiceDiscoveryClient,
} from '@aws-sdk/client-servicediscovery';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEc2Cluster } from '../support/cluster';
import { AwsCallLog, failRollouts, requireStackEnv } from '../support/stack';
import { nationalParksWorkspace, recordedEvent, runAction, type RunResult } from './harness';

// The services layout on the stack, the reference example as two ECS services: created in order
// (mongo stable before national-parks moves), registered in Cloud Map and Service Connect (as moto
// keeps them, and the stack's front for Service Connect, which moto drops), then one of them
// updated without the other being touched, and a pull request's preview of the pair torn down.

requireStackEnv();
jest.setTimeout(240_000);

const ecs = new ECSClient({});
const ec2 = new EC2Client({});
const cloudMap = new ServiceDiscoveryClient({});
const suffix = `${process.pid}-${Date.now().toString(36)}`;
const cluster = `svc-${suffix}`;
const service = `np-${suffix}`;
const family = `np-svc-${suffix}`;
const namespace = `np-${suffix}.internal`;
const workspace = nationalParksWorkspace();

/** The inputs of every run here: the reference example in the services layout. */
function inputsOf(extra: Record<string, string>): Record<string, string> {
  return {
    'habitat-packages': 'billmeyer/mongodb\nmattray/national-parks',
    'reuse-released-images': 'false',
    'ecs-params': 'ecs-params.yml',
    layout: 'services',
    namespace,
    cluster,
    service,
    'task-family': family,
    // A tag of its own: what the registry holds from an earlier run is not this run's push.
    'image-tag': `svc-${suffix}`,
    ...extra,
  };
}

function deploy(inputs: Record<string, string> = {}, eventFile = 'push.json'): RunResult {
  const r = runAction({ workspace, event: recordedEvent(eventFile), inputs: inputsOf(inputs) });
  if (r.status !== 0) throw new Error(`exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
  return r;
}

async function describe(name: string): Promise<Service | undefined> {
  const out = await ecs.send(new DescribeServicesCommand({ cluster, services: [name] }));
  return out.services?.[0];
}

async function namespaceOf(name: string) {
  const out = await cloudMap.send(new ListNamespacesCommand({}));
  return out.Namespaces?.find((n) => n.Name === name);
}

beforeAll(async () => {
  await createEc2Cluster(cluster);
  // The tasks' subnet, and a group that lets its own members in (what verify checks).
  const subnets = await ec2.send(
    new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }),
  );
  const subnet = subnets.Subnets?.[0];
  const group = await ec2.send(
    new CreateSecurityGroupCommand({
      GroupName: `svc-${suffix}`,
      Description: 'services layout',
      VpcId: subnet?.VpcId,
    }),
  );
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: group.GroupId,
      IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: group.GroupId }] }],
    }),
  );
  fs.writeFileSync(
    path.join(workspace, 'ecs-params.yml'),
    [
      'version: 1',
      'task_definition:',
      '  ecs_network_mode: awsvpc',
      'run_params:',
      '  network_configuration:',
      '    awsvpc_configuration:',
      `      subnets: [${subnet?.SubnetId ?? ''}]`,
      `      security_groups: [${group.GroupId ?? ''}]`,
      '',
    ].join('\n'),
  );
});

afterAll(() => {
  ecs.destroy();
  ec2.destroy();
  cloudMap.destroy();
});

let first: RunResult;

test('deploys the reference example as two ECS services, mongo first, each in Cloud Map and Service Connect', async () => {
  const calls = new AwsCallLog().mark();
  first = deploy();
  const names = { mongo: `${service}-mongo`, parks: `${service}-national-parks` };
  // The outputs are maps per compose service.
  const arns = JSON.parse(first.outputs['service-arn'] ?? '{}') as Record<string, string>;
  expect(Object.keys(arns)).toEqual(['mongo', 'national-parks']);
  expect(arns['national-parks']).toMatch(new RegExp(`service/${cluster}/${names.parks}$`));
  const tds = JSON.parse(first.outputs['task-definition-arn'] ?? '{}') as Record<string, string>;
  expect(tds).toEqual({
    mongo: expect.stringMatching(new RegExp(`/${family}-mongo:1$`)),
    'national-parks': expect.stringMatching(new RegExp(`/${family}-national-parks:1$`)),
  });

  // Order: mongo created and read stable before national-parks was created.
  const order = calls.calls().filter((c) => c === 'CreateService' || c === 'CreatePrivateDnsNamespace');
  expect(order).toEqual([
    'CreatePrivateDnsNamespace',
    'CreateService',
    'CreateService',
    'CreateService',
    'CreateService',
  ]);
  const created = calls
    .requests('CreateService')
    .map((b) => JSON.parse(b) as { serviceName?: string; Name?: string })
    .map((b) => b.serviceName ?? `cloud-map ${b.Name ?? ''}`);
  expect(created).toEqual(['cloud-map mongo', names.mongo, 'cloud-map national-parks', names.parks]);

  // The namespace, made in the tasks' VPC and marked as this action's; a Cloud Map service per ECS service.
  const ns = await namespaceOf(namespace);
  expect(ns?.Type).toBe('DNS_PRIVATE');
  const tags = await cloudMap.send(new ListTagsForResourceCommand({ ResourceARN: ns?.Arn }));
  expect(tags.Tags).toContainEqual({ Key: 'habitat-ecs-deploy:managed', Value: 'true' });
  const registries = await cloudMap.send(
    new ListServicesCommand({ Filters: [{ Name: 'NAMESPACE_ID', Values: [ns?.Id ?? ''], Condition: 'EQ' }] }),
  );
  const registryArn = (name: string) => registries.Services?.find((s) => s.Name === name)?.Arn;

  const mongo = await describe(names.mongo);
  const parks = await describe(names.parks);
  expect(mongo?.serviceRegistries).toEqual([{ registryArn: registryArn('mongo') }]);
  expect(parks?.serviceRegistries).toEqual([{ registryArn: registryArn('national-parks') }]);
  const connect = (s: Service | undefined) =>
    s?.deployments?.find((d) => d.status === 'PRIMARY')?.serviceConnectConfiguration;
  expect(connect(parks)).toEqual({
    enabled: true,
    namespace: ns?.Arn,
    services: [
      {
        portName: 'national-parks-8080',
        discoveryName: 'national-parks-8080',
        clientAliases: [{ port: 8080, dnsName: 'national-parks' }],
      },
    ],
  });
  expect(connect(mongo)).toEqual({ enabled: true, namespace: ns?.Arn });

  // The ring across the services: national-parks peers with mongo's Cloud Map name.
  const td = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: tds['national-parks'] }));
  expect(td.taskDefinition?.networkMode).toBe('awsvpc');
  expect(td.taskDefinition?.containerDefinitions?.[0]?.command).toEqual([
    '--peer',
    `mongo.${namespace}`,
    '--bind',
    'database:mongodb.default',
  ]);
  // The summary draws it, above the table of services.
  const summary = first.summary;
  expect(summary).toContain('```mermaid\nflowchart LR');
  expect(summary).toContain(`--peer mongo.${namespace}`);
  expect(summary.indexOf('```mermaid')).toBeLessThan(summary.indexOf('| Compose service | ECS service |'));
});

test('a change to one service updates it alone: the other is neither registered nor updated', async () => {
  const file = path.join(workspace, 'docker-compose.yml');
  const compose = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(
    file,
    compose.replace('    command: --peer', '    environment:\n      GREETING: hello\n    command: --peer'),
  );
  const calls = new AwsCallLog().mark();
  const r = deploy();
  expect(JSON.parse(r.outputs['deployment-id'] ?? '{}')).toEqual({ 'national-parks': expect.any(String) });
  expect(JSON.parse(r.outputs['task-definition-arn'] ?? '{}')).toEqual({
    mongo: expect.stringMatching(new RegExp(`/${family}-mongo:1$`)),
    'national-parks': expect.stringMatching(new RegExp(`/${family}-national-parks:2$`)),
  });
  const writes = calls.writes();
  expect(writes.filter((w) => w === 'UpdateService')).toHaveLength(1);
  expect(calls.requests('UpdateService').map((b) => (JSON.parse(b) as { service: string }).service)).toEqual([
    `${service}-national-parks`,
  ]);
  expect(
    calls.requests('RegisterTaskDefinition').map((b) => (JSON.parse(b) as { family: string }).family),
  ).toEqual([`${family}-national-parks`]);
  expect(writes).not.toContain('CreatePrivateDnsNamespace');
  expect((await describe(`${service}-mongo`))?.taskDefinition).toMatch(new RegExp(`/${family}-mongo:1$`));
});

test('plan: with nothing changed, a deploy would leave both services alone; read-only calls only; replicas a running service does not have are a warning at the key', () => {
  // deploy.replicas sets the desired count on create: the running national-parks keeps its 1.
  const file = path.join(workspace, 'docker-compose.yml');
  const compose = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(
    file,
    compose.replace('  national-parks:\n', '  national-parks:\n    deploy:\n      replicas: 2\n'),
  );
  const calls = new AwsCallLog().mark();
  const r = runAction({
    workspace,
    event: recordedEvent('push.json'),
    inputs: inputsOf({ mode: 'plan', 'reuse-released-images': 'true' }),
  });
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('Plan: a deploy would leave 2 alone of 2 ECS services.');
  expect(r.stdout).toContain(`Cloud Map namespace ${namespace}: exists`);
  expect(r.outputs.changed).toBe('false');
  expect(calls.writes()).toEqual([]);
  expect(r.summary).toContain('```mermaid');
  expect(r.stdout).toMatch(
    new RegExp(
      `^::warning file=docker-compose\\.yml,line=\\d+,col=\\d+::.*deploy\\.replicas: is 2, but the ECS service ${service}-national-parks has a desired count of 1.*--desired-count 2$`,
      'm',
    ),
  );
  fs.writeFileSync(file, compose);
});

test("a pull request's preview is the pair in a namespace of its own, and closing it tears down the pair and the namespace", async () => {
  const opened = deploy({ preview: 'true' }, 'pull_request-opened.json');
  const number = (
    JSON.parse(fs.readFileSync(path.join(__dirname, 'events', 'pull_request-opened.json'), 'utf8')) as {
      number: number;
    }
  ).number;
  const previewNamespace = `np-${suffix}-pr-${number}.internal`;
  const names = [`${service}-pr-${number}-mongo`, `${service}-pr-${number}-national-parks`];
  expect(Object.values(JSON.parse(opened.outputs['service-arn'] ?? '{}') as Record<string, string>)).toEqual(
    names.map((n) => expect.stringMatching(new RegExp(`service/${cluster}/${n}$`))),
  );
  for (const n of names) expect((await describe(n))?.status).toBe('ACTIVE');
  expect(await namespaceOf(previewNamespace)).toBeDefined();
  const parks = await ecs.send(
    new DescribeTaskDefinitionCommand({
      taskDefinition: (JSON.parse(opened.outputs['task-definition-arn'] ?? '{}') as Record<string, string>)[
        'national-parks'
      ],
    }),
  );
  expect(parks.taskDefinition?.containerDefinitions?.[0]?.command).toContain(`mongo.${previewNamespace}`);

  const closed = deploy({ preview: 'true' }, 'pull_request-closed.json');
  expect(closed.outputs.changed).toBe('true');
  for (const n of names) expect((await describe(n))?.status).toBe('INACTIVE');
  expect(await namespaceOf(previewNamespace)).toBeUndefined();
  // The deploy's own pair and namespace are untouched.
  expect((await describe(`${service}-mongo`))?.status).toBe('ACTIVE');
  expect((await describe(`${service}-national-parks`))?.status).toBe('ACTIVE');
  const own = await namespaceOf(namespace);
  expect(own).toBeDefined();
  // Its Cloud Map services too: the preview's teardown removed those of its own namespace only.
  const left = await cloudMap.send(
    new ListServicesCommand({
      Filters: [{ Name: 'NAMESPACE_ID', Values: [own?.Id ?? ''], Condition: 'EQ' }],
    }),
  );
  expect(left.Services?.map((s) => s.Name).sort()).toEqual(['mongo', 'national-parks']);
});

test('a service that fails is rolled back, then the ones this run changed before it, in reverse order; the step fails saying so', async () => {
  const file = path.join(workspace, 'docker-compose.yml');
  const compose = fs.readFileSync(file, 'utf8');
  const names = { mongo: `${service}-mongo`, parks: `${service}-national-parks` };
  const before = {
    mongo: (await describe(names.mongo))?.taskDefinition ?? '',
    parks: (await describe(names.parks))?.taskDefinition ?? '',
  };
  expect(before.mongo).toMatch(new RegExp(`/${family}-mongo:1$`));
  expect(before.parks).toMatch(new RegExp(`/${family}-national-parks:2$`));
  // Both change; national-parks' next revision never starts (ECS's circuit breaker fails it).
  fs.writeFileSync(
    file,
    compose
      .replace('hostname: "mongodb"', 'hostname: "mongodb"\n    environment:\n      CACHE: "on"')
      .replace('GREETING: hello', 'GREETING: hi'),
  );
  await failRollouts({ cluster, service: names.parks, taskDefinition: `${family}-national-parks:3` });
  const calls = new AwsCallLog().mark();
  const r = runAction({ workspace, event: recordedEvent('push.json'), inputs: inputsOf({}) });
  fs.writeFileSync(file, compose);
  expect(r.status).toBe(1);
  // mongo moved first and was stable; national-parks failed; mongo was put back after it.
  expect(calls.requests('UpdateService').map((b) => (JSON.parse(b) as { service: string }).service)).toEqual([
    names.mongo,
    names.parks,
    names.mongo,
  ]);
  expect(r.stdout).toMatch(
    new RegExp(
      `^::error::${names.parks} failed: deployment \\S+ failed: ECS deployment circuit breaker`,
      'm',
    ),
  );
  // The failed one (ECS's circuit breaker), then mongo (the action), in that order.
  const rollbacks = r.stdout.split('\n').filter((l) => l.startsWith('Rollback of '));
  expect(rollbacks).toEqual([
    expect.stringContaining(`Rollback of ${names.parks}: ECS rolled ${names.parks} back to ${before.parks}`),
    `Rollback of ${names.mongo}: service ${names.mongo} is back on ${before.mongo} and stable`,
  ]);
  expect((await describe(names.mongo))?.taskDefinition).toBe(before.mongo);
  expect((await describe(names.parks))?.taskDefinition).toBe(before.parks);
});
