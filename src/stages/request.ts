import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runnerTemp, type RunContext } from '../action/github-context';
import type { Config } from '../inputs/config';
import { credentialGuard } from '../compose/runner-credentials';
import { maskedValues } from '../action/masked-values';
import { translateProject, type TranslatedProject } from '../translate/project';

/**
 * The translation as the action runs it: the inputs' files and options, the process environment
 * for interpolation (less the job's credentials, see runner-credentials.ts), and the workspace as the root that files the compose files name (env_file,
 * extends, .env) must stay in. Images are named after `registry`, or pinned by `images`.
 */
export function translateConfig(
  config: Config,
  run: RunContext,
  registry: string,
  images?: ReadonlyMap<string, string>,
): TranslatedProject {
  return translateProject({
    files: config.composeFiles,
    root: run.workspace,
    ...(config.envFile !== undefined && { envFile: config.envFile }),
    ...(config.ecsParamsFile !== undefined && { ecsParamsFile: config.ecsParamsFile }),
    launchType: config.launchType,
    family: config.family,
    packages: config.packages,
    registry,
    imageTag: config.imageTag,
    habitat: config.habitat,
    build: config.build,
    environment: process.env,
    // Asked at each translation: the second one (pinning digests) knows the ECR password too.
    refuseVariable: credentialGuard({
      environment: process.env,
      masked: maskedValues(),
      allow: config.allowInterpolation,
      howToAllow: (name) => `allow it with the input allow-interpolation: ${name}`,
    }),
    ...(images && { images }),
  });
}

/** Writes the task definition where the task-definition-file output points; returns the path. */
export function writeTaskDefinition(family: string, td: RegisterTaskDefinitionCommandInput): string {
  const dir = path.join(runnerTemp(), 'habitat-ecs-deploy');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${family}.task-definition.json`);
  fs.writeFileSync(file, `${JSON.stringify(td, null, 2)}\n`);
  return file;
}
