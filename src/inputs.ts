import { error, UserError, type Diagnostic } from './diagnostics';
import type { RunContext } from './github-context';
import type { HabitatOptions, PackageSource } from './translate/habitat/types';
import { ECS_NAME, type LaunchType } from './translate/context';
import { containerEngineProblem, type ExportSettings } from './habitat/export-command';
import { checkFile, optionalFile, readPackages } from './inputs-files';
import { readExportSettings } from './inputs-habitat';
import { readImageTag, readImageTags, readRepositorySettings } from './inputs-images';
import { bool, int, lines, oneOf } from './inputs-values';
import type { RepositorySettings } from './registry/ecr';
import { INPUTS, type InputName } from './inputs-spec';

/** Everything the action was asked to do, validated. Built once, before any side effect. */
export type Config = RenderConfig | ServiceConfig;

/** Render mode: the service is optional (without task-family, it names the family). */
interface RenderConfig extends CommonConfig {
  mode: 'render';
  service?: string;
}

/** Deploy and teardown act on a service, so they always have one. */
export interface ServiceConfig extends CommonConfig {
  mode: 'deploy' | 'teardown';
  service: string;
}

interface CommonConfig {
  composeFiles: string[];
  ecsParamsFile?: string;
  envFile?: string;
  packages: PackageSource[];
  /** Build and push the images of `build:` services (the `build` input). */
  build: boolean;
  region: string;
  accountId?: string;
  cluster: string;
  family: string;
  launchType: LaunchType;
  /** The main image tag: the task definition is rendered with it before the push pins digests. */
  imageTag: string;
  /** More tags each image is pushed under (image-tags, latest), without imageTag. */
  extraTags: string[];
  /** Set on a pull_request event when preview is on: service and family carry the -pr-<n> suffix. */
  preview?: Preview;
  removePreviewImages: boolean;
  githubToken?: string;
  /** Why this run does nothing at all (a fork's pull request without AWS credentials). */
  skip?: string;
  createRepositories: boolean;
  createService: boolean;
  desiredCount: number;
  waitForStability: boolean;
  waitTimeoutMinutes: number;
  forceNewDeployment: boolean;
  rollbackOnFailure: boolean;
  maxParallel: number;
  pushVersionTags: boolean;
  /** Pin a released package's image already in the registry instead of exporting it again. */
  reuseReleasedImages: boolean;
  repository: RepositorySettings;
  habitat: HabitatOptions;
  /** Where `hab pkg export` installs packages from. */
  habitatExport: ExportSettings;
  keepRevisions: number;
  /** Non-fatal observations made while reading inputs (e.g. an image tag that had to be adjusted). */
  warnings: Diagnostic[];
}

interface Preview {
  number: number;
  /** The pull request was closed: tear the preview down. */
  closed: boolean;
  baseService: string;
}

/** Reads one input as the runner passes it (`INPUT_<NAME>`); empty string when unset. */
export type InputReader = (name: InputName) => string;

const CLUSTER_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:cluster\/[A-Za-z0-9_-]{1,255}$/;
const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/;

/**
 * Parses and checks every input. Collects all problems and throws one UserError naming each
 * input that is wrong; nothing else has happened yet when it throws.
 */
export function parseConfig(read: InputReader, env: NodeJS.ProcessEnv, run: RunContext): Config {
  const problems: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const get = (name: InputName): string => {
    const value = read(name).trim();
    const fallback = (INPUTS[name] as { default?: string }).default;
    return value === '' && fallback !== undefined ? fallback : value;
  };
  const fail = (name: InputName, message: string) => problems.push(error(message, { input: name }));

  const mode = oneOf(get('mode'), ['deploy', 'render', 'teardown'] as const, 'mode', fail) ?? 'deploy';
  const launchType =
    oneOf(get('launch-type').toUpperCase(), ['EC2', 'FARGATE'] as const, 'launch-type', fail) ?? 'EC2';

  const previewOn = bool(get('preview'), 'preview', fail);
  const prEvent = run.pullRequest !== undefined && run.eventName.startsWith('pull_request');
  const closing = previewOn && prEvent && run.action === 'closed' && mode === 'deploy';

  const composeFiles = lines(get('compose-file'));
  if (composeFiles.length === 0) fail('compose-file', 'give at least one compose file');
  if (mode !== 'teardown' && !closing) {
    for (const file of composeFiles) checkFile(file, 'compose-file', run.workspace, fail);
  }
  const ecsParamsFile = optionalFile(get('ecs-params'), 'ecs-params', run.workspace, fail);
  const envFile = optionalFile(get('env-file'), 'env-file', run.workspace, fail);

  // Tearing down needs only repository names (to remove preview images), not .hart files.
  const packages = readPackages(
    lines(get('habitat-packages')),
    run.workspace,
    mode === 'teardown' || closing,
    fail,
  );
  const habitatExport = readExportSettings(get, env, fail);
  if (mode === 'deploy' && !closing && packages.length > 0) {
    const engine = containerEngineProblem(env);
    if (engine) problems.push(error(engine));
  }

  const region = get('aws-region') || env.AWS_REGION || env.AWS_DEFAULT_REGION || '';
  if (mode !== 'render' && region === '') {
    fail(
      'aws-region',
      'no region: set aws-region, or AWS_REGION (aws-actions/configure-aws-credentials does)',
    );
  } else if (region !== '' && !REGION.test(region)) {
    fail('aws-region', `${JSON.stringify(region)} is not an AWS region name such as us-east-1`);
  }
  const accountId = get('aws-account-id') || undefined;
  if (accountId !== undefined && !ACCOUNT.test(accountId)) {
    fail('aws-account-id', `${JSON.stringify(accountId)} is not a 12-digit AWS account id`);
  }

  const cluster = get('cluster');
  if (!ECS_NAME.test(cluster) && !CLUSTER_ARN.test(cluster)) {
    fail(
      'cluster',
      `${JSON.stringify(cluster)} is not a cluster name (up to 255 letters, digits, "-", "_") or a cluster ARN (arn:aws:ecs:<region>:<account>:cluster/<name>)`,
    );
  }
  let service = get('service') || undefined;
  if (service === undefined && mode !== 'render') fail('service', `is required when mode is ${mode}`);
  if (service !== undefined && !ECS_NAME.test(service)) {
    fail(
      'service',
      `${JSON.stringify(service)} is not a service name: up to 255 letters, digits, "-" and "_"`,
    );
  }
  const explicitFamily = get('task-family');
  let family = explicitFamily || service || '';
  if (family === '' && mode === 'render')
    fail('task-family', 'is required when mode is render and no service is given');
  else if (explicitFamily !== '' && !ECS_NAME.test(family)) {
    fail(
      'task-family',
      `${JSON.stringify(family)} is not a family name: up to 255 letters, digits, "-" and "_"`,
    );
  }

  let preview: Preview | undefined;
  if (previewOn && prEvent && service !== undefined && mode === 'deploy') {
    const number = run.pullRequest ?? 0;
    preview = { number, closed: run.action === 'closed', baseService: service };
    service = `${service}-pr-${number}`;
    family = `${family}-pr-${number}`;
    if (service.length > 255 || family.length > 255)
      fail('service', `${JSON.stringify(service)} is longer than 255 characters`);
  }

  const repository = readRepositorySettings(get, fail);
  const moreTags = readImageTags(get('image-tags'), fail);
  const explicitTag = get('image-tag');
  const imageTag =
    explicitTag === '' && moreTags[0] !== undefined && !preview
      ? moreTags[0]
      : readImageTag(explicitTag, run, fail, warnings);
  const tagLatest = bool(get('tag-latest'), 'tag-latest', fail);
  if (tagLatest && repository.tagMutability === 'IMMUTABLE') {
    fail(
      'tag-latest',
      'cannot be used with image-tag-mutability: IMMUTABLE, where ECR refuses to move "latest" to a new image',
    );
  }
  const extraTags = [...new Set([...moreTags, ...(tagLatest ? ['latest'] : [])])].filter(
    (t) => t !== imageTag,
  );

  const githubToken = get('github-token') || undefined;
  const skip =
    mode !== 'render' && prEvent && run.fromFork && !hasAwsCredentials(env)
      ? `pull request #${run.pullRequest ?? '?'} comes from a fork, and no AWS credentials reach this job (GitHub does not pass secrets or OIDC tokens to workflows of fork pull requests), so there is nothing to deploy to. Run previews for forks from a trusted workflow, or skip this job for them with: if: github.event.pull_request.head.repo.full_name == github.repository`
      : undefined;

  const common: CommonConfig = {
    composeFiles,
    ...(ecsParamsFile !== undefined && { ecsParamsFile }),
    ...(envFile !== undefined && { envFile }),
    packages,
    build: bool(get('build'), 'build', fail),
    region,
    ...(accountId !== undefined && { accountId }),
    cluster,
    family,
    launchType,
    imageTag,
    extraTags,
    ...(preview && { preview }),
    removePreviewImages: bool(get('preview-remove-images'), 'preview-remove-images', fail),
    ...(githubToken !== undefined && { githubToken }),
    ...(skip !== undefined && { skip }),
    createRepositories: bool(get('create-repositories'), 'create-repositories', fail),
    createService: bool(get('create-service'), 'create-service', fail),
    desiredCount: int(get('desired-count'), 'desired-count', 0, 1000, fail),
    waitForStability: bool(get('wait-for-service-stability'), 'wait-for-service-stability', fail),
    waitTimeoutMinutes: int(get('wait-timeout-minutes'), 'wait-timeout-minutes', 1, 360, fail),
    forceNewDeployment: bool(get('force-new-deployment'), 'force-new-deployment', fail),
    rollbackOnFailure: bool(get('rollback-on-failure'), 'rollback-on-failure', fail),
    maxParallel: int(get('max-parallel'), 'max-parallel', 1, 16, fail),
    pushVersionTags: bool(get('push-version-tags'), 'push-version-tags', fail),
    reuseReleasedImages: bool(get('reuse-released-images'), 'reuse-released-images', fail),
    repository,
    habitatExport,
    habitat: {
      acceptLicense: bool(get('accept-habitat-license'), 'accept-habitat-license', fail),
      healthChecks: bool(get('supervisor-health-checks'), 'supervisor-health-checks', fail),
    },
    keepRevisions: int(get('keep-revisions'), 'keep-revisions', 0, 1000, fail),
    warnings,
  };
  // A deploy or teardown without a service is among the problems.
  if (problems.length === 0 && mode === 'render') return { ...common, mode, ...(service && { service }) };
  if (problems.length === 0 && mode !== 'render' && service !== undefined)
    return { ...common, mode, service };
  throw new UserError(problems);
}

/** Whether any of the AWS SDK's usual credential sources is configured for this job. */
function hasAwsCredentials(env: NodeJS.ProcessEnv): boolean {
  return [
    'AWS_ACCESS_KEY_ID',
    'AWS_WEB_IDENTITY_TOKEN_FILE',
    'AWS_PROFILE',
    'AWS_CONTAINER_CREDENTIALS_FULL_URI',
    'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  ].some((name) => (env[name] ?? '') !== '');
}
