import { isRecord } from '../json';
import type { JsonValue } from '../types';
import type { KeyPath, Problems } from '../../problems';
import type { Healthcheck, HealthTest, Located } from './types';

const WRITTEN = ['interval', 'timeout', 'start_period', 'retries'] as const;

/**
 * `healthcheck:` (of compose, or of ecs-params.yml, which takes compose's form) -> its test as
 * a CMD or CMD-SHELL list, and its timings as written. A test string is run by the shell; an
 * empty one, `NONE` or `disable: true` turns the check off. No test at all is valid compose (the
 * image's own check): whether that can be honoured is the translation's to say.
 */
export function readHealthcheck(value: unknown, path: KeyPath, problems: Problems): Healthcheck | undefined {
  if (!isRecord(value)) {
    problems.error(path, 'must be a mapping with test, interval, timeout, retries, start_period');
    return undefined;
  }
  const at = problems.place(path);
  if (value.disable === true) return { test: 'off', at };
  const out: { -readonly [K in keyof Healthcheck]: Healthcheck[K] } = { at };
  if (value.test !== undefined && value.test !== null) {
    const test = testCommand(problems, value.test, [...path, 'test']);
    if (test === undefined) return undefined;
    out.test = test;
  }
  for (const key of WRITTEN) {
    const written = asWritten(value[key]);
    if (written !== undefined) out[key] = { value: written, at: problems.place([...path, key]) };
  }
  if (value.start_interval !== undefined) out.start_interval = problems.place([...path, 'start_interval']);
  return out;
}

function testCommand(problems: Problems, test: JsonValue, path: KeyPath): HealthTest | 'off' | undefined {
  if (typeof test === 'string') return test.trim() === '' ? 'off' : ['CMD-SHELL', test];
  if (!Array.isArray(test) || test.length === 0 || !test.every((t) => typeof t === 'string')) {
    problems.error(path, 'must be a string, or a list starting with CMD, CMD-SHELL or NONE');
    return undefined;
  }
  const [kind, ...rest] = test as string[];
  if (kind === 'NONE') return 'off';
  if (kind === 'CMD' && rest.length > 0) return ['CMD', rest[0] as string, ...rest.slice(1)];
  if (kind === 'CMD-SHELL' && rest.length === 1) return ['CMD-SHELL', rest[0] as string];
  problems.error(
    path,
    kind === 'CMD-SHELL'
      ? 'CMD-SHELL takes exactly one shell command string'
      : `must start with CMD (then the command), CMD-SHELL (then one string) or NONE, not "${kind}"`,
  );
  return undefined;
}

/** A timing as written; a mapping or a list (only where no schema checked it) as its text. */
function asWritten(value: JsonValue | undefined): Located<string | number | boolean>['value'] | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'object' ? String(value) : value;
}
