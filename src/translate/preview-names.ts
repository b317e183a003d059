import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';

/**
 * A preview's own names (issue 25): the ECR repositories it pushes to, its task and execution
 * roles and its awslogs log groups carry the suffix, so that a preview role granted only those
 * names reaches nothing production uses. Pure.
 */

/** `origin/name` -> `origin/name-pr`. */
export function previewRepository(repository: string, suffix: string): string {
  return `${repository}${suffix}`;
}

/** The task definition with the preview's roles and log groups. */
export function previewTaskDefinition(
  td: RegisterTaskDefinitionCommandInput,
  suffix: string,
): RegisterTaskDefinitionCommandInput {
  return {
    ...td,
    // `arn:aws:iam::1:role/path/app` -> `arn:aws:iam::1:role/path/app-pr`.
    ...(td.taskRoleArn && { taskRoleArn: `${td.taskRoleArn}${suffix}` }),
    ...(td.executionRoleArn && { executionRoleArn: `${td.executionRoleArn}${suffix}` }),
    ...(td.containerDefinitions && {
      containerDefinitions: td.containerDefinitions.map((c) => {
        const options = c.logConfiguration?.options;
        const group = c.logConfiguration?.logDriver === 'awslogs' ? options?.['awslogs-group'] : undefined;
        if (!c.logConfiguration || group === undefined) return c;
        return {
          ...c,
          logConfiguration: {
            ...c.logConfiguration,
            options: { ...options, 'awslogs-group': `${group}${suffix}` },
          },
        };
      }),
    }),
  };
}
