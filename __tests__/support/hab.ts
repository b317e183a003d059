import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The `hab` stand-in the local stack puts on PATH. */
export const HAB = path.resolve(__dirname, '../../test/bin/hab');

/** The `key=value` entries of the report an export wrote under `dir`/results, in order. */
export function exportReport(dir: string, file = 'last_container_export.env'): Array<[string, string]> {
  return readFileSync(path.join(dir, 'results', file), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const at = line.indexOf('=');
      return [line.slice(0, at), line.slice(at + 1)] as [string, string];
    });
}
