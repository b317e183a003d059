import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { verifyTargetOf, type VerifyTarget } from '../../src/verify';
import { translateProject } from '../../src/translate/project';

/** Where a test's compose and ecs-params files were written. */
export interface Written {
  dir: string;
  compose: string;
  params?: string;
}

/**
 * Writes the files, translates them as the action does and returns what verify checks. The images of
 * services named in `habitat` are this run's pushes.
 */
export function verifyTarget(
  files: { compose: string; params?: string },
  options: {
    launchType?: 'EC2' | 'FARGATE';
    region?: string;
    cluster?: string;
    service?: string;
    habitat?: string[];
    /** Build the images of build: services, as the build input does. */
    build?: boolean;
    /** The services layout, in this Cloud Map namespace. */
    namespace?: string;
  } = {},
): { target: VerifyTarget; written: Written } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-'));
  const compose = path.join(dir, 'docker-compose.yml');
  fs.writeFileSync(compose, files.compose);
  const params = files.params === undefined ? undefined : path.join(dir, 'ecs-params.yml');
  if (params) fs.writeFileSync(params, files.params ?? '');
  const launchType = options.launchType ?? 'EC2';
  const region = options.region ?? 'us-east-1';
  const translated = translateProject({
    files: [compose],
    ...(params && { ecsParamsFile: params }),
    launchType,
    family: 'verify-test',
    packages: (options.habitat ?? []).map((name) => ({ kind: 'ident' as const, origin: 'acme', name })),
    registry: `123456789012.dkr.ecr.${region}.amazonaws.com`,
    imageTag: 'v1',
    habitat: { acceptLicense: true, healthChecks: false },
    environment: {},
    ...(options.build && { build: true }),
    ...(options.namespace && { layout: { kind: 'services' as const, namespace: options.namespace } }),
  });
  const target = verifyTargetOf(translated, {
    region,
    cluster: options.cluster ?? 'default',
    launchType,
    ...(options.service && { service: options.service }),
  });
  return { target, written: { dir, compose, ...(params && { params }) } };
}
