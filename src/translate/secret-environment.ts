import type { KeyValuePair } from '@aws-sdk/client-ecs';
import type { ServiceInput, TranslateContext } from './context';
import { holdsSecret } from './secret-names';

/**
 * A warning for each variable with a value whose name says it is a secret: a task definition
 * keeps its environment in plain text, for anyone allowed to describe it. ECS secrets
 * (ecs-params.yml) keep only a reference. The value itself is never repeated.
 */
export function warnPlainTextSecrets(
  ctx: TranslateContext,
  service: ServiceInput,
  environment: readonly KeyValuePair[],
): void {
  for (const { name = '', value = '' } of environment) {
    if (value === '' || !holdsSecret(name)) continue;
    ctx.problems.warn(
      [...service.path, 'environment', name],
      `${name} looks like a secret: its value would be stored in plain text in the task definition. ` +
        `Remove it here and add {name: ${name}, value_from: <Secrets Manager or SSM parameter ARN>} ` +
        `under task_definition.services.${service.name}.secrets in ecs-params.yml`,
    );
  }
}
