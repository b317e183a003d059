import { isRecord } from '../json';
import type { JsonValue } from '../types';
import type { KeyPath, Problems } from '../../problems';
import { readKeyValues, readStrings } from './lists';
import type { BuildConfig, Located } from './types';

const READ = new Set(['context', 'dockerfile', 'args', 'target', 'labels', 'platforms']);

/** `build:` -> its long form; a string is the context. The keys read are typed, the rest listed. */
export function readBuild(value: JsonValue, path: KeyPath, problems: Problems): BuildConfig | undefined {
  if (typeof value === 'string') {
    const at = problems.place(path);
    return { context: { value, at }, args: [], labels: [], others: [], at };
  }
  if (!isRecord(value)) {
    problems.error(path, 'must be a build context path or a mapping with context:');
    return undefined;
  }
  const text = (key: string): Located<string> | undefined => {
    const v = value[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string' && v !== '') return { value: v, at: problems.place([...path, key]) };
    problems.error([...path, key], 'must be a non-empty string');
    return undefined;
  };
  const list = <T>(key: string, read: (v: JsonValue, p: KeyPath, problems: Problems) => T[]): T[] => {
    const v = value[key];
    return v === undefined || v === null ? [] : read(v, [...path, key], problems);
  };
  const context = text('context');
  const dockerfile = text('dockerfile');
  const target = text('target');
  const platforms =
    value.platforms === undefined || value.platforms === null ? undefined : list('platforms', readStrings);
  return {
    context: context ?? { value: '.', at: problems.place(path) },
    ...(dockerfile && { dockerfile }),
    args: list('args', readKeyValues),
    ...(target && { target }),
    labels: list('labels', readKeyValues),
    ...(platforms && { platforms }),
    others: Object.keys(value)
      .filter((key) => !READ.has(key))
      .map((key) => ({ value: key, at: problems.place([...path, key]) })),
    at: problems.place(path),
  };
}
