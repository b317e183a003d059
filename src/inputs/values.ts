import type { Fail } from './files';
import type { InputName } from './spec';

/** How the text of an input becomes a value: lists, choices, booleans and bounded numbers. */

/** The lines of a multi-line input, trimmed, without blank lines and `#` comments. */
export function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

export function oneOf<T extends string>(
  value: string,
  allowed: readonly T[],
  name: InputName,
  fail: Fail,
): T | undefined {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  fail(name, `${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
  return undefined;
}

export function bool(value: string, name: InputName, fail: Fail): boolean {
  // The YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them.
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  fail(name, `${JSON.stringify(value)} is not a boolean: use true or false`);
  return false;
}

export function int(value: string, name: InputName, min: number, max: number, fail: Fail): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    fail(name, `${JSON.stringify(value)} is not a whole number from ${min} to ${max}`);
    return min;
  }
  return n;
}
