import { readFileSync } from 'node:fs';
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { error, UserError } from '../diagnostics';

/**
 * A task definition from a JSON file: the RegisterTaskDefinition input (what `render` prints and
 * the action's task-definition-file holds), or `aws ecs describe-task-definition` output.
 */
export function readTaskDefinition(file: string): RegisterTaskDefinitionCommandInput {
  const fail = (message: string) => new UserError(error(message, { location: { file, line: 1, column: 1 } }));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw fail(
      `cannot read the task definition: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  return parseTaskDefinition(text, fail);
}

function parseTaskDefinition(
  text: string,
  fail: (message: string) => Error = (m) => new UserError(error(m)),
): RegisterTaskDefinitionCommandInput {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw fail(`not JSON: ${(e as Error).message}`);
  }
  if (isObject(value) && isObject(value.taskDefinition)) value = value.taskDefinition;
  if (!isObject(value) || !Array.isArray(value.containerDefinitions)) {
    throw fail(
      'not a task definition: expected an object with containerDefinitions (the RegisterTaskDefinition input)',
    );
  }
  if (!value.containerDefinitions.every(isObject))
    throw fail('containerDefinitions must be a list of objects');
  return value as unknown as RegisterTaskDefinitionCommandInput;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
