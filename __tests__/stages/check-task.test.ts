import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import type { ServiceSettings } from '../../src/ecs/settings';
import { checkAgainstTask } from '../../src/stages/check-task';

const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef';
const td: RegisterTaskDefinitionCommandInput = {
  family: 'app',
  containerDefinitions: [
    { name: 'web', image: 'web', portMappings: [{ containerPort: 8080, hostPort: 8080 }] },
    { name: 'worker', image: 'worker', essential: false },
  ],
};
const settings = (extra: Partial<ServiceSettings> = {}): ServiceSettings => ({
  loadBalancers: [],
  capacityProviderStrategy: [],
  ...extra,
});
const messages = (r: ReturnType<typeof checkAgainstTask>) => ({
  errors: r.errors.map((d) => `${d.input}: ${d.message}`),
  warnings: r.warnings.map((d) => `${d.input}: ${d.message}`),
});

describe('checkAgainstTask', () => {
  it('accepts a target group on a container port, and a one-off task on an essential container', () => {
    const r = checkAgainstTask(
      td,
      settings({ loadBalancers: [{ targetGroupArn: TG, containerName: 'web', containerPort: 8080 }] }),
      [{ container: 'web', command: ['migrate'], line: 'web: migrate' }],
    );
    expect(messages(r)).toEqual({ errors: [], warnings: [] });
  });

  it('refuses a container that is not in the task, with a did-you-mean, and a port it does not map', () => {
    const r = checkAgainstTask(
      td,
      settings({
        loadBalancers: [
          { targetGroupArn: TG, containerName: 'wbe', containerPort: 8080 },
          { targetGroupArn: TG, containerName: 'web', containerPort: 80 },
          { targetGroupArn: TG, containerName: 'worker', containerPort: 80 },
        ],
      }),
      [{ container: 'migrate', line: 'migrate' }],
    );
    expect(messages(r).errors).toEqual([
      `load-balancer: container "wbe" is not in the task definition (the task's containers are the compose services: web, worker); did you mean "web"?`,
      `load-balancer: container "web" has no container port 80 (its container ports are 8080); add it to the service's ports: in the compose file, or fix the port`,
      `load-balancer: container "worker" has no container port 80 (it maps no ports); add it to the service's ports: in the compose file, or fix the port`,
      `run-before-deploy: "migrate": container "migrate" is not in the task definition (the task's containers are the compose services: web, worker)`,
    ]);
  });

  it('refuses a one-off task on a container whose exit would not end the task', () => {
    const r = checkAgainstTask(td, settings(), [{ container: 'worker', line: 'worker' }]);
    expect(messages(r).errors).toEqual([
      'run-before-deploy: "worker": container "worker" is not essential, so the task would not stop when it exits; name an essential container',
    ]);
  });

  it('warns that ECS Exec needs a task role, and says where to set one', () => {
    expect(messages(checkAgainstTask(td, settings({ enableExecuteCommand: true }), [])).warnings).toEqual([
      'enable-execute-command: ECS Exec needs a task role that allows ssmmessages:CreateControlChannel, CreateDataChannel, OpenControlChannel and OpenDataChannel, and the task definition has none: set task_definition.task_role_arn in ecs-params.yml',
    ]);
    const withRole = { ...td, taskRoleArn: 'arn:aws:iam::123456789012:role/app' };
    expect(
      messages(checkAgainstTask(withRole, settings({ enableExecuteCommand: true }), [])).warnings,
    ).toEqual([]);
  });
});
