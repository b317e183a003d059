import type { ContainerDefinition, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { error, warning, type Diagnostic } from '../diagnostics';
import type { OneOffTask } from '../ecs/run-task';
import type { ServiceSettings } from '../ecs/settings';
import { didYouMean } from '../suggest';

/**
 * The inputs that name containers and ports, checked against the task definition they will run
 * with, before anything is written: each target group's container and container port, each
 * one-off task's container, and what ECS Exec needs of the task.
 */
export function checkAgainstTask(
  td: RegisterTaskDefinitionCommandInput,
  settings: ServiceSettings,
  oneOffs: readonly OneOffTask[],
): { errors: Diagnostic[]; warnings: Diagnostic[] } {
  const containers = td.containerDefinitions ?? [];
  const names = containers.map((c) => c.name ?? '');
  const known = `the task's containers are the compose services: ${names.join(', ')}`;
  const find = (name: string): ContainerDefinition | undefined => containers.find((c) => c.name === name);
  const errors: Diagnostic[] = [];

  for (const lb of settings.loadBalancers) {
    const container = find(lb.containerName);
    if (!container) {
      errors.push(
        error(
          `container "${lb.containerName}" is not in the task definition (${known})${didYouMean(lb.containerName, names)}`,
          {
            input: 'load-balancer',
          },
        ),
      );
      continue;
    }
    const ports = (container.portMappings ?? []).map((p) => p.containerPort).filter((p) => p !== undefined);
    if (!ports.includes(lb.containerPort)) {
      const has = ports.length > 0 ? `its container ports are ${ports.join(', ')}` : 'it maps no ports';
      errors.push(
        error(
          `container "${lb.containerName}" has no container port ${lb.containerPort} (${has}); add it to the service's ports: in the compose file, or fix the port`,
          { input: 'load-balancer' },
        ),
      );
    }
  }

  for (const task of oneOffs) {
    const container = find(task.container);
    if (!container) {
      errors.push(
        error(
          `${JSON.stringify(task.line)}: container "${task.container}" is not in the task definition (${known})${didYouMean(task.container, names)}`,
          {
            input: 'run-before-deploy',
          },
        ),
      );
    } else if (container.essential === false) {
      // ECS ends a task when an essential container exits; this one's exit would not end it.
      errors.push(
        error(
          `${JSON.stringify(task.line)}: container "${task.container}" is not essential, so the task would not stop when it exits; name an essential container`,
          { input: 'run-before-deploy' },
        ),
      );
    }
  }

  const warnings: Diagnostic[] = [];
  if (settings.enableExecuteCommand && !td.taskRoleArn) {
    warnings.push(
      warning(
        'ECS Exec needs a task role that allows ssmmessages:CreateControlChannel, CreateDataChannel, OpenControlChannel and OpenDataChannel, and the task definition has none: set task_definition.task_role_arn in ecs-params.yml',
        { input: 'enable-execute-command' },
      ),
    );
  }
  return { errors, warnings };
}
