import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CanonicalService } from '../../../src/compose/canonical/types';
import { loadComposeProject } from '../../../src/compose/load';
import { formatDiagnostic, UserError } from '../../../src/diagnostics';
import { pathText } from '../../../src/problems';

/** Loads compose text (written to a temp dir) and gives the canonical keys of one service. */
export function canonicalOf(compose: string, service = 'a'): CanonicalService {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canonical-'));
  try {
    fs.writeFileSync(path.join(dir, 'docker-compose.yml'), compose);
    const project = loadComposeProject({ files: [path.join(dir, 'docker-compose.yml')], environment: {} });
    const found = project.services.get(service);
    if (!found) throw new Error(`no service ${service}`);
    return found.canonical;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The errors loading must refuse the compose text with, as `docker-compose.yml:line:col: path: message`. */
export function refusals(compose: string): string[] {
  try {
    canonicalOf(compose);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return e.diagnostics.map((d) => formatDiagnostic(d).replace(/^.*\/canonical-[^/]+\//, ''));
  }
  throw new Error('loading did not fail');
}

/**
 * The canonical value with each place written as `line:column path`, so a test states where every
 * value was found as plainly as the value itself.
 */
export function placed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(placed);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if (Array.isArray(record.path)) {
    const location = record.location as { line: number; column: number } | undefined;
    const text = pathText(record.path as (string | number)[]);
    return location ? `${location.line}:${location.column} ${text}` : text;
  }
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, placed(v)]));
}

/** A compose file with one service `a` (image x) and these lines under it, indented 4. */
export function service(...lines: string[]): string {
  return `services:\n  a:\n    image: x\n${lines.map((l) => `    ${l}\n`).join('')}`;
}
