import { isRecord } from '../json';
import type { JsonValue } from '../types';
import type { KeyPath, Problems } from '../../problems';
import type { Dependency, DependsCondition } from './types';

const CONDITIONS: readonly DependsCondition[] = [
  'service_started',
  'service_healthy',
  'service_completed_successfully',
];

/** `depends_on:` -> one dependency per service: a list of names, or a mapping of name to `{ condition }`. */
export function readDependsOn(value: JsonValue, path: KeyPath, problems: Problems): Dependency[] {
  if (Array.isArray(value)) {
    return value.map((service, i) => ({
      service: String(service),
      condition: 'service_started',
      at: problems.place([...path, i]),
    }));
  }
  if (!isRecord(value)) {
    problems.error(path, 'must be a list of services or a mapping of service to { condition }');
    return [];
  }
  return Object.entries(value).flatMap(([service, settings]) => {
    const written =
      isRecord(settings) && typeof settings.condition === 'string' ? settings.condition : 'service_started';
    const condition = CONDITIONS.find((c) => c === written);
    if (!condition) {
      problems.error([...path, service, 'condition'], `"${written}" must be one of ${CONDITIONS.join(', ')}`);
      return [];
    }
    return [{ service, condition, at: problems.place([...path, service]) }];
  });
}
