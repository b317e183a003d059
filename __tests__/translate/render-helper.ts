import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatDiagnostic, UserError } from '../../src/diagnostics';
import type { LaunchType } from '../../src/translate/context';
import { parsePackageSource } from '../../src/translate/habitat/package-source';
import {
  translateProject,
  type TranslatedServicesLayout,
  type TranslatedTaskLayout,
  type TranslateProjectInput,
} from '../../src/translate/project';

export interface RenderYamlOptions {
  launchType?: LaunchType;
  ecsParams?: string;
  family?: string;
  /** Build the build: services (the action's build input). */
  build?: boolean;
  environment?: Record<string, string>;
  packages?: string[];
  /** The runtime-platform input. */
  platform?: string;
  /** Render in the services layout, in this Cloud Map namespace. */
  namespace?: string;
  /** Writes more files beside the compose file before the render. */
  before?: (dir: string) => void;
}

/** Renders compose text written to a temp dir (task layout); diagnostics are given with paths relative to it. */
export function renderYaml(
  compose: string,
  options: RenderYamlOptions = {},
): TranslatedTaskLayout & { dir: string } {
  const { input, dir } = inputOf(compose, options);
  return { ...translateProject(input), dir };
}

/** The same in the services layout, in the namespace of the options (default app.internal). */
export function renderServices(
  compose: string,
  options: RenderYamlOptions = {},
): TranslatedServicesLayout & { dir: string } {
  const { input, dir } = inputOf(compose, options);
  const result = translateProject({
    ...input,
    layout: { kind: 'services', namespace: options.namespace ?? 'app.internal' },
  });
  if (result.layout !== 'services') throw new Error('not rendered in the services layout');
  return { ...result, dir };
}

function inputOf(
  compose: string,
  options: RenderYamlOptions,
): { input: TranslateProjectInput & { layout?: { kind: 'task' } }; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'render-'));
  writeFileSync(join(dir, 'docker-compose.yml'), compose);
  if (options.ecsParams !== undefined) writeFileSync(join(dir, 'ecs-params.yml'), options.ecsParams);
  options.before?.(dir);
  const input = {
    files: [join(dir, 'docker-compose.yml')],
    ...(options.ecsParams !== undefined && { ecsParamsFile: join(dir, 'ecs-params.yml') }),
    launchType: options.launchType ?? 'EC2',
    family: options.family ?? 'test',
    packages: (options.packages ?? []).map(parsePackageSource),
    registry: '123456789012.dkr.ecr.us-east-1.amazonaws.com',
    imageTag: 'v1',
    habitat: { acceptLicense: true, healthChecks: false },
    environment: options.environment ?? {},
    ...(options.build !== undefined && { build: options.build }),
    ...(options.platform !== undefined && { platform: options.platform }),
  };
  return { input, dir };
}

const render = (compose: string, options: RenderYamlOptions) =>
  options.namespace === undefined ? renderYaml(compose, options) : renderServices(compose, options);

/** The formatted errors of a render that must fail (file names relative to the temp dir). */
export function renderErrors(compose: string, options: RenderYamlOptions = {}): string[] {
  let dir = '';
  try {
    dir = render(compose, options).dir;
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return e.diagnostics.map((d) => formatDiagnostic(d).replace(/^\/.*\/render-[^/]+\//, ''));
  }
  throw new Error(`render did not fail (${dir})`);
}

/** The formatted warnings of a render that must succeed (file names relative to the temp dir). */
export function renderWarnings(compose: string, options: RenderYamlOptions = {}): string[] {
  const { warnings, dir } = render(compose, options);
  return warnings.map((d) => formatDiagnostic(d).split(`${dir}/`).join(''));
}
