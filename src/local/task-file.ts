import { readFileSync } from 'node:fs';
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { error, UserError } from '../diagnostics';
import type { ServicesTranslation } from '../translate/services';

/**
 * A task definition from a JSON file: the RegisterTaskDefinition input (what `render` prints and
 * the action's task-definition-file holds), `aws ecs describe-task-definition` output, or what
 * `render --layout services` prints (`{"layout": "services", "namespace", "services": [...]}`).
 */
export function readTaskDefinition(
  file: string,
): RegisterTaskDefinitionCommandInput | ({ layout: 'services' } & ServicesTranslation) {
  const fail = (message: string) => new UserError(error(message, { location: { file, line: 1, column: 1 } }));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw fail(
      `cannot read the task definition: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  const services = parseServices(text);
  return services ?? parseTaskDefinition(text, fail);
}

/** The services layout's document, when the text is one: each unit's task definition checked. */
function parseServices(text: string): ({ layout: 'services' } & ServicesTranslation) | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(value) || value.layout !== 'services') return undefined;
  const units = Array.isArray(value.units) ? value.units : [];
  for (const u of units) {
    if (!isObject(u) || typeof u.name !== 'string' || typeof u.discovery !== 'string')
      throw new UserError(
        error('not a services layout: each of units needs name, discovery and taskDefinition'),
      );
    parseTaskDefinition(JSON.stringify(u.taskDefinition));
  }
  if (typeof value.namespace !== 'string') throw new UserError(error('not a services layout: no namespace'));
  return value as unknown as { layout: 'services' } & ServicesTranslation;
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
