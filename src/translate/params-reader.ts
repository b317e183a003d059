import { isRecord } from '../compose/json';
import type { KeyPath, Problems } from '../problems';

/** Typed reads of the parsed YAML that report, at the key's line, what was expected. */
export class Reader {
  constructor(readonly p: Problems) {}

  map(value: unknown, path: KeyPath, known?: readonly string[]): Record<string, unknown> {
    if (value === undefined || value === null) return {};
    if (!isRecord(value)) {
      this.p.error(path, known ? `must be a mapping with ${known.join(', ')}` : 'must be a mapping');
      return {};
    }
    for (const key of Object.keys(value)) {
      if (known && !known.includes(key))
        this.p.warn([...path, key], `unknown key ignored; known keys: ${known.join(', ')}`);
    }
    return value;
  }

  list(value: unknown, path: KeyPath): unknown[] {
    if (value === undefined || value === null) return [];
    if (Array.isArray(value)) return value;
    this.p.error(path, 'must be a list');
    return [];
  }

  string(value: unknown, path: KeyPath, required = false): string | undefined {
    if (value === undefined || value === null) {
      if (required) this.p.error(path, 'is required');
      return undefined;
    }
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    this.p.error(path, 'must be a string');
    return undefined;
  }

  strings<K extends string>(
    m: Record<string, unknown>,
    path: KeyPath,
    keys: readonly K[],
  ): Partial<Record<K, string>> {
    const out: Partial<Record<K, string>> = {};
    for (const key of keys) {
      const s = this.string(m[key], [...path, key]);
      if (s !== undefined) out[key] = s;
    }
    return out;
  }

  stringMap(value: unknown, path: KeyPath): Record<string, string> | undefined {
    if (value === undefined || value === null) return undefined;
    const m = this.map(value, path);
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(m)) out[k] = typeof v === 'object' ? JSON.stringify(v) : String(v);
    return out;
  }

  bool(value: unknown, path: KeyPath): boolean | undefined {
    if (value === undefined || value === null || typeof value === 'boolean') return value ?? undefined;
    this.p.error(path, 'must be true or false');
    return undefined;
  }

  whole(value: unknown, path: KeyPath): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
    this.p.error(path, 'must be a whole number');
    return undefined;
  }

  oneOf<T extends string>(
    value: unknown,
    path: KeyPath,
    allowed: readonly T[],
    required = false,
  ): T | undefined {
    if (value === undefined || value === null) {
      if (required) this.p.error(path, `is required: one of ${allowed.join(', ')}`);
      return undefined;
    }
    if (allowed.includes(value as T)) return value as T;
    this.p.error(path, `"${String(value)}" must be one of ${allowed.join(', ')}`);
    return undefined;
  }
}
