import type { RegisterTaskDefinitionCommandInput, Service, TaskDefinition } from '@aws-sdk/client-ecs';

/** What the translation stage hands to register: a Fargate web + Habitat supervisor pair. */
export function registerInput(): RegisterTaskDefinitionCommandInput {
  return {
    family: 'shop',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '0.5 vCPU',
    memory: '1 GB',
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    containerDefinitions: [
      {
        name: 'web',
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/web@sha256:aaaa',
        portMappings: [{ containerPort: 8080 }],
        environment: [
          { name: 'PORT', value: '8080' },
          { name: 'DB_PASSWORD', value: 'hunter2' },
          { name: 'LOG_LEVEL', value: 'info' },
        ],
        command: ['--peer', '127.0.0.1:9638'],
      },
      {
        name: 'db',
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/db@sha256:bbbb',
        essential: false,
        portMappings: [{ containerPort: 27017, protocol: 'tcp' }],
      },
    ],
    tags: [{ key: 'team', value: 'shop' }],
  };
}

/** The same definition as DescribeTaskDefinition returns it on AWS: defaults filled in, metadata
 * added, lists reordered, task sizes in plain units. */
export function describedTaskDefinition(): TaskDefinition {
  return {
    taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/shop:7',
    containerDefinitions: [
      {
        name: 'web',
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/web@sha256:aaaa',
        cpu: 0,
        portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
        essential: true,
        command: ['--peer', '127.0.0.1:9638'],
        environment: [
          { name: 'DB_PASSWORD', value: 'hunter2' },
          { name: 'LOG_LEVEL', value: 'info' },
          { name: 'PORT', value: '8080' },
        ],
        mountPoints: [],
        volumesFrom: [],
        systemControls: [],
        versionConsistency: 'enabled',
      },
      {
        name: 'db',
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/db@sha256:bbbb',
        cpu: 0,
        portMappings: [{ containerPort: 27017, hostPort: 27017, protocol: 'tcp' }],
        essential: false,
        environment: [],
        mountPoints: [],
        volumesFrom: [],
        systemControls: [],
      },
    ],
    family: 'shop',
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    networkMode: 'awsvpc',
    revision: 7,
    volumes: [],
    status: 'ACTIVE',
    requiresAttributes: [
      { name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18' },
      { name: 'ecs.capability.task-eni' },
    ],
    placementConstraints: [],
    compatibilities: ['EC2', 'FARGATE'],
    requiresCompatibilities: ['FARGATE'],
    cpu: '512',
    memory: '1024',
    registeredAt: new Date('2026-11-20T10:00:00Z'),
    registeredBy: 'arn:aws:sts::123456789012:assumed-role/deploy/gha',
    enableFaultInjection: false,
  };
}

const TD6 = 'arn:aws:ecs:us-east-1:123456789012:task-definition/shop:6';
const TD7 = 'arn:aws:ecs:us-east-1:123456789012:task-definition/shop:7';
export const TASK_DEFINITIONS = { previous: TD6, ours: TD7 };
export const OURS = 'ecs-svc/1111';
export const OLD = 'ecs-svc/0000';
export const START = new Date('2026-11-24T12:00:00Z');

const at = (seconds: number): Date => new Date(START.getTime() + seconds * 1000);

/** DescribeServices().services[0] shapes as ECS returns them during a rolling deployment. */
export function serviceShape(overrides: Partial<Service> = {}): Service {
  return {
    serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/shop-cluster/shop',
    serviceName: 'shop',
    clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/shop-cluster',
    status: 'ACTIVE',
    desiredCount: 2,
    runningCount: 2,
    pendingCount: 0,
    launchType: 'FARGATE',
    taskDefinition: TD7,
    deployments: [
      {
        id: OURS,
        status: 'PRIMARY',
        taskDefinition: TD7,
        desiredCount: 2,
        pendingCount: 1,
        runningCount: 1,
        failedTasks: 0,
        createdAt: at(0),
        updatedAt: at(30),
        rolloutState: 'IN_PROGRESS',
        rolloutStateReason: 'ECS deployment ecs-svc/1111 in progress.',
      },
      {
        id: OLD,
        status: 'ACTIVE',
        taskDefinition: TD6,
        desiredCount: 2,
        pendingCount: 0,
        runningCount: 2,
        failedTasks: 0,
        createdAt: at(-86400),
        updatedAt: at(0),
        rolloutState: 'COMPLETED',
        rolloutStateReason: 'ECS deployment ecs-svc/0000 completed.',
      },
    ],
    events: [
      { id: 'e3', createdAt: at(30), message: '(service shop) has started 1 tasks: (task 9f1).' },
      { id: 'e2', createdAt: at(-3600), message: '(service shop) has reached a steady state.' },
    ],
    ...overrides,
  };
}

export { at };
