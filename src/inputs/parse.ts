import { error, UserError, warning, type Diagnostic } from '../diagnostics';
import type { RunContext } from './run-context';
import { ECS_NAME } from '../translate/context';
import { containerEngineProblem, type ExportSettings } from '../habitat/export-command';
import { checkFile, optionalFile, readPackages, type Fail } from './files';
import { readExportSettings } from './habitat';
import { readImageTag, readImageTags, readRepositorySettings } from './images';
import { isPullRequestEvent, previewTag, readPullRequestRun, type Preview } from './pull-request';
import { bool, int, lines, oneOf } from './values';
import type { RepositorySettings } from '../registry/ecr';
import type { OneOffTask } from '../ecs/run-task';
import { readOneOffTasks, readRunTimeout } from './run';
import type { ServiceSettings } from '../ecs/settings';
import { readServiceSettings } from './service';
import { readLayout } from './layout';
import { INPUTS, type InputName } from './spec';
import { credentialGuard } from '../compose/runner-credentials';
import type { Request } from '../stages/request';
import { architectureOf } from '../translate/runtime-platform';
import type { GivenTaskDefinition } from '../translate/given-task';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Everything the action was asked to do, validated. Built once, before any side effect. */
/** What may end a repository, role and log group name alike (ECR's grammar is the narrowest). */
const PREVIEW_SUFFIX = /^[._-][a-z0-9]+(?:[._-][a-z0-9]+)*$/;

export type Config = RenderConfig | ServiceConfig;

/** Render mode: the service is optional (without task-family, it names the family). */
interface RenderConfig extends CommonConfig {
  mode: 'render';
  service?: string;
}

/** Deploy, plan and teardown act on a service, so they always have one. */
export interface ServiceConfig extends CommonConfig {
  mode: 'deploy' | 'teardown' | 'plan';
  service: string;
}

/**
 * The request (what to translate, for which account, region and launch type: the stages' input),
 * and what the modes do with it.
 */
interface CommonConfig extends Request {
  /** From aws-region or the environment; empty only in render mode. */
  region: string;
  cluster: string;
  /** More tags each image is pushed under (image-tags, latest), without imageTag; none for a preview. */
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
  /** Check in the account what the task needs before the first side effect. */
  verify: boolean;
  waitForStability: boolean;
  waitTimeoutMinutes: number;
  forceNewDeployment: boolean;
  rollbackOnFailure: boolean;
  maxParallel: number;
  pushVersionTags: boolean;
  /** Pin a released package's image already in the registry instead of exporting it again. */
  reuseReleasedImages: boolean;
  repository: RepositorySettings;
  /** Where `hab pkg export` installs packages from. */
  habitatExport: ExportSettings;
  keepRevisions: number;
  /** Settings of the service: on create, and on update where they differ. */
  serviceSettings: ServiceSettings;
  /** Tasks to run on the new revision before the service is updated, in order. */
  runBeforeDeploy: OneOffTask[];
  /** How long each of them may run. */
  runTimeoutMs: number;
  /** Non-fatal observations made while reading inputs (e.g. an image tag that had to be adjusted). */
  warnings: Diagnostic[];
}

/** Reads one input as the runner passes it (`INPUT_<NAME>`); empty string when unset. */
export type InputReader = (name: InputName) => string;

const CLUSTER_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:cluster\/[A-Za-z0-9_-]{1,255}$/;
const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/;

/**
 * Parses and checks every input. Collects all problems and throws one UserError naming each
 * input that is wrong; nothing else has happened yet when it throws. `masked`: the values the
 * action masks in its log, which interpolation refuses as it refuses the job's credentials.
 */
export function parseConfig(
  read: InputReader,
  env: NodeJS.ProcessEnv,
  run: RunContext,
  masked: Iterable<string> = [],
): Config {
  const problems: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const get = (name: InputName): string => {
    const value = read(name).trim();
    const fallback = (INPUTS[name] as { default?: string }).default;
    return value === '' && fallback !== undefined ? fallback : value;
  };
  const fail = (name: InputName, message: string) => problems.push(error(message, { input: name }));

  const mode =
    oneOf(get('mode'), ['deploy', 'render', 'teardown', 'plan'] as const, 'mode', fail) ?? 'deploy';
  const launchType =
    oneOf(get('launch-type').toUpperCase(), ['EC2', 'FARGATE'] as const, 'launch-type', fail) ?? 'EC2';

  const previewOn = bool(get('preview'), 'preview', fail);
  const prEvent = isPullRequestEvent(run);
  const closing = previewOn && prEvent && run.action === 'closed' && mode === 'deploy';

  const givenText = get('task-definition');
  // With a task definition of their own, the default compose file is read only when it is there
  // (the runner passes an input's default as if it were given).
  const composeDefault = INPUTS['compose-file'].default;
  const composeFiles =
    givenText !== '' &&
    get('compose-file') === composeDefault &&
    !fs.existsSync(path.resolve(run.workspace, composeDefault))
      ? []
      : lines(get('compose-file'));
  if (composeFiles.length === 0 && givenText === '') fail('compose-file', 'give at least one compose file');
  const given =
    givenText === '' || mode === 'teardown' || closing
      ? undefined
      : readGivenInput(givenText, mode, run.workspace, fail);
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
  const service = get('service') || undefined;
  if (service === undefined && mode !== 'render') fail('service', `is required when mode is ${mode}`);
  if (service !== undefined && !ECS_NAME.test(service)) {
    fail(
      'service',
      `${JSON.stringify(service)} is not a service name: up to 255 letters, digits, "-" and "_"`,
    );
  }
  const explicitFamily = get('task-family');
  const family = explicitFamily || service || '';
  if (family === '' && mode === 'render')
    fail('task-family', 'is required when mode is render and no service is given');
  else if (explicitFamily !== '' && !ECS_NAME.test(family)) {
    fail(
      'task-family',
      `${JSON.stringify(family)} is not a family name: up to 255 letters, digits, "-" and "_"`,
    );
  }

  const pr = readPullRequestRun({
    mode,
    service,
    family,
    previewOn,
    allowUntrusted: bool(get('allow-untrusted-pull-requests'), 'allow-untrusted-pull-requests', fail),
    run,
    env,
    fail,
  });
  const { preview, skip } = pr;
  const layout = readLayout(get('layout'), get('namespace'), pr.service, preview, fail);

  const repository = readRepositorySettings(get, fail);
  const moreTags = readImageTags(get('image-tags'), fail);
  const explicitTag = get('image-tag');
  let imageTag =
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
  let extraTags = [...new Set([...moreTags, ...(tagLatest ? ['latest'] : [])])].filter((t) => t !== imageTag);
  if (preview) {
    // Closing the pull request deletes the preview's tag from every repository: it must be
    // the pull request's own, never a tag such as latest that other deploys use.
    const own = previewTag(preview.number);
    if (explicitTag !== '' && explicitTag !== own)
      warnings.push(previewTagWarning('image-tag', `image-tag ${JSON.stringify(explicitTag)} is`, own));
    const dropped = [...new Set([...moreTags, ...(tagLatest ? ['latest'] : [])])].filter((t) => t !== own);
    if (dropped.length > 0) {
      const which = tagLatest && moreTags.length === 0 ? 'tag-latest' : 'image-tags';
      const what = `${dropped.map((t) => JSON.stringify(t)).join(', ')} ${dropped.length === 1 ? 'is' : 'are'}`;
      warnings.push(previewTagWarning(which, what, own));
    }
    imageTag = own;
    extraTags = [];
  }

  const suffix = get('preview-suffix');
  if (!PREVIEW_SUFFIX.test(suffix)) {
    fail(
      'preview-suffix',
      `${JSON.stringify(suffix)} cannot end an ECR repository, role or log group name: a separator ("-", "_" or ".") then lower-case letters and digits, such as "-pr"`,
    );
  }
  const githubToken = get('github-token') || undefined;
  const platform = get('runtime-platform') || undefined;
  if (platform !== undefined && !architectureOf(platform))
    fail('runtime-platform', `${JSON.stringify(platform)} is not linux/amd64 or linux/arm64`);
  const runBeforeDeploy = readOneOffTasks(get('run-before-deploy'), fail);
  if (layout.kind === 'services' && runBeforeDeploy.length > 0) {
    fail(
      'run-before-deploy',
      'is for layout: task: with layout: services each compose service is an ECS service, which runs until stopped; run one-off work in a workflow step, or use layout: task',
    );
  }
  if (layout.kind === 'services' && given) {
    fail(
      'task-definition',
      'is for layout: task: with layout: services each compose service gets a task definition of its own, translated from the compose file; leave out task-definition, or use layout: task',
    );
  }

  const serviceSettings = readServiceSettings(get, launchType, fail);
  if (layout.kind === 'services') {
    // Each compose service is an ECS service there: which one a strategy's target groups, or a
    // scalable target, would belong to is not said by these inputs.
    if (serviceSettings.strategy && serviceSettings.strategy.strategy !== 'ROLLING')
      fail(
        'deployment-strategy',
        'is for layout: task: with layout: services the services roll out one by one, each ROLLING',
      );
    if (serviceSettings.autoscaling)
      fail(
        'autoscaling-max-capacity',
        'is for layout: task: with layout: services scale each ECS service on its own (Application Auto Scaling)',
      );
  }

  const common: CommonConfig = {
    composeFiles,
    ...(ecsParamsFile !== undefined && { ecsParamsFile }),
    ...(envFile !== undefined && { envFile }),
    packages,
    build: bool(get('build'), 'build', fail),
    region,
    ...(accountId !== undefined && { accountId }),
    cluster,
    family: pr.family,
    launchType,
    ...(platform !== undefined && { platform: platform.toLowerCase() }),
    ...(given && { given }),
    layout,
    imageTag,
    extraTags,
    ...(preview && { preview, previewSuffix: suffix }),
    removePreviewImages: bool(get('preview-remove-images'), 'preview-remove-images', fail),
    ...(githubToken !== undefined && { githubToken }),
    environment: env,
    // Refused: the job's credentials, and what the action masks (see runner-credentials.ts).
    refuseVariable: credentialGuard({
      environment: env,
      masked,
      allow: readVariableNames(get('allow-interpolation'), fail),
      howToAllow: (name) => `allow it with the input allow-interpolation: ${name}`,
    }),
    root: run.workspace,
    ...(skip !== undefined && { skip }),
    createRepositories: bool(get('create-repositories'), 'create-repositories', fail),
    createService: bool(get('create-service'), 'create-service', fail),
    desiredCount: int(get('desired-count'), 'desired-count', 0, 1000, fail),
    verify: bool(get('verify'), 'verify', fail),
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
    serviceSettings,
    runBeforeDeploy,
    runTimeoutMs: readRunTimeout(get('run-timeout-minutes'), fail),
    warnings,
  };
  // A deploy or teardown without a service is among the problems.
  if (problems.length === 0 && mode === 'render')
    return { ...common, mode, ...(pr.service && { service: pr.service }) };
  if (problems.length === 0 && mode !== 'render' && pr.service !== undefined)
    return { ...common, mode, service: pr.service };
  throw new UserError(problems);
}

const TASK_DEFINITION_ARN =
  /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/[A-Za-z0-9_-]{1,255}:\d+$/;

/** The task-definition input: a registered revision's ARN (read later), or a JSON file, read now. */
function readGivenInput(
  value: string,
  mode: Config['mode'],
  workspace: string,
  fail: Fail,
): GivenTaskDefinition | undefined {
  if (value.startsWith('arn:')) {
    if (!TASK_DEFINITION_ARN.test(value)) {
      fail(
        'task-definition',
        `${JSON.stringify(value)} is not a task definition revision ARN (arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>)`,
      );
      return undefined;
    }
    if (mode === 'render') {
      fail(
        'task-definition',
        'a registered revision is read from ECS, and mode render makes no AWS call: give a JSON file',
      );
      return undefined;
    }
    return { source: value };
  }
  let missing = false;
  checkFile(value, 'task-definition', workspace, (name, message) => {
    missing = true;
    fail(name, message);
  });
  if (missing) return undefined;
  return { source: value, file: path.resolve(workspace, value) };
}

function previewTagWarning(input: InputName, what: string, own: string): Diagnostic {
  return warning(
    `${what} not used for a preview: its images are tagged ${own} only, so that closing the pull request deletes its own images and nothing else`,
    { input },
  );
}

/** Variable names, separated by commas, spaces or lines. */
function readVariableNames(value: string, fail: Fail): string[] {
  const names = value.split(/[\s,]+/).filter((n) => n !== '');
  for (const n of names) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(n))
      fail('allow-interpolation', `${JSON.stringify(n)} is not a variable name`);
  }
  return [...new Set(names)];
}
