import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic } from '../../src/diagnostics';
import type { LaunchType } from '../../src/translate/context';
import { parsePackageSource } from '../../src/translate/habitat/package-source';
import type { HabitatOptions } from '../../src/translate/habitat/types';
import { ecrRegistry } from '../../src/translate/image-plan';
import { renderedDocument, translateProject } from '../../src/translate/project';

/**
 * Golden tests: every directory under __tests__/fixtures/golden is one feature, rendered through
 * translateProject and compared with its expected.json (and expected-warnings.txt).
 * `UPDATE_GOLDEN=1 npx jest --selectProjects unit __tests__/translate/golden.test.ts` rewrites them.
 */
const ROOT = join(__dirname, '..', 'fixtures', 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface FixtureOptions {
  files?: string[];
  launchType: LaunchType;
  accountId: string;
  region: string;
  imageTag: string;
  family: string;
  packages: string[];
  habitat?: Partial<HabitatOptions>;
  /** Render in the services layout, in this Cloud Map namespace. */
  namespace?: string;
}

export function renderFixture(dir: string): { json: string; warnings: string } {
  const options = JSON.parse(readFileSync(join(dir, 'options.json'), 'utf8')) as FixtureOptions;
  const ecsParams = join(dir, 'ecs-params.yml');
  const rendered = translateProject({
    files: (options.files ?? ['docker-compose.yml']).map((f) => join(dir, f)),
    ...(existsSync(ecsParams) && { ecsParamsFile: ecsParams }),
    launchType: options.launchType,
    family: options.family,
    packages: options.packages.map(parsePackageSource),
    registry: ecrRegistry(options.accountId, options.region),
    imageTag: options.imageTag,
    habitat: { acceptLicense: true, healthChecks: false, ...options.habitat },
    environment: {},
    ...(options.namespace !== undefined && {
      layout: { kind: 'services' as const, namespace: options.namespace },
    }),
  });
  const relative = (text: string) => text.split(`${dir}/`).join('');
  return {
    json: `${JSON.stringify(renderedDocument(rendered), null, 2)}\n`,
    warnings: rendered.warnings.map((w) => `${relative(formatDiagnostic(w))}\n`).join(''),
  };
}

export const goldenDirs = readdirSync(ROOT, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe('golden task definitions', () => {
  test.each(goldenDirs)('%s', (name) => {
    const dir = join(ROOT, name);
    const { json, warnings } = renderFixture(dir);
    const jsonFile = join(dir, 'expected.json');
    const warningsFile = join(dir, 'expected-warnings.txt');
    if (UPDATE) {
      writeFileSync(jsonFile, json);
      if (warnings) writeFileSync(warningsFile, warnings);
      else rmSync(warningsFile, { force: true });
    }
    expect(json).toBe(readFileSync(jsonFile, 'utf8'));
    expect(warnings).toBe(existsSync(warningsFile) ? readFileSync(warningsFile, 'utf8') : '');
    // Rendering twice gives byte-identical output.
    expect(renderFixture(dir).json).toBe(json);
  });
});
