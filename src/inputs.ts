import { error, UserError, warning, type Diagnostic } from './diagnostics';
import type { RunContext } from './github-context';
import type { HabitatOptions, PackageSource } from './translate/habitat/types';
import { checkFile, optionalFile, readPackages, type Fail } from './inputs-files';
import type { RepositorySettings } from './registry/ecr';
import { isValidTag } from './registry/validate';
import { INPUTS, type InputName } from './inputs-spec';

export type Mode = 'deploy' | 'render' | 'teardown';
export type LaunchType = 'EC2' | 'FARGATE';

/** Everything the action was asked to do, validated. Built once, before any side effect. */
export interface Config {
  mode: Mode;
  composeFiles: string[];
  ecsParamsFile?: string;
  envFile?: string;
  packages: PackageSource[];
  region: string;
  accountId?: string;
  cluster: string;
  /** Always set unless mode is render (where it is optional). */
  service?: string;
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
  habitat: HabitatOptions;
  keepRevisions: number;
  /** Non-fatal observations made while reading inputs (e.g. an image tag that had to be adjusted). */
  warnings: Diagnostic[];
}

export interface Preview {
  number: number;
  /** The pull request was closed: tear the preview down. */
  closed: boolean;
  baseService: string;
}

/** Reads one input as the runner passes it (`INPUT_<NAME>`); empty string when unset. */
export type InputReader = (name: InputName) => string;

const ECS_NAME = /^[A-Za-z0-9_-]{1,255}$/;
const CLUSTER_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:cluster\/[A-Za-z0-9_-]{1,255}$/;
/** What AWS accepts in resource tags (keys up to 128, values up to 256 characters). */
const AWS_TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+@-]*$/u;
/** A KMS key id, key ARN, alias name or alias ARN. */
const KMS_KEY = /^[A-Za-z0-9:/_-]{1,2048}$/;
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

  const config: Config = {
    mode,
    composeFiles,
    ...(ecsParamsFile !== undefined && { ecsParamsFile }),
    ...(envFile !== undefined && { envFile }),
    packages,
    region,
    ...(accountId !== undefined && { accountId }),
    cluster,
    ...(service !== undefined && { service }),
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
    verify: bool(get('verify'), 'verify', fail),
    waitForStability: bool(get('wait-for-service-stability'), 'wait-for-service-stability', fail),
    waitTimeoutMinutes: int(get('wait-timeout-minutes'), 'wait-timeout-minutes', 1, 360, fail),
    forceNewDeployment: bool(get('force-new-deployment'), 'force-new-deployment', fail),
    rollbackOnFailure: bool(get('rollback-on-failure'), 'rollback-on-failure', fail),
    maxParallel: int(get('max-parallel'), 'max-parallel', 1, 16, fail),
    pushVersionTags: bool(get('push-version-tags'), 'push-version-tags', fail),
    reuseReleasedImages: bool(get('reuse-released-images'), 'reuse-released-images', fail),
    repository,
    habitat: {
      acceptLicense: bool(get('accept-habitat-license'), 'accept-habitat-license', fail),
      healthChecks: bool(get('supervisor-health-checks'), 'supervisor-health-checks', fail),
    },
    keepRevisions: int(get('keep-revisions'), 'keep-revisions', 0, 1000, fail),
    warnings,
  };
  if (problems.length > 0) throw new UserError(problems);
  return config;
}

function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

function oneOf<T extends string>(
  value: string,
  allowed: readonly T[],
  name: InputName,
  fail: Fail,
): T | undefined {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  fail(name, `${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
  return undefined;
}

function bool(value: string, name: InputName, fail: Fail): boolean {
  // The YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them.
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  fail(name, `${JSON.stringify(value)} is not a boolean: use true or false`);
  return false;
}

function int(value: string, name: InputName, min: number, max: number, fail: Fail): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    fail(name, `${JSON.stringify(value)} is not a whole number from ${min} to ${max}`);
    return min;
  }
  return n;
}

/** The image tag: given, or derived from the event (tag push, pull request, commit). */
function readImageTag(value: string, run: RunContext, fail: Fail, warnings: Diagnostic[]): string {
  if (value !== '') {
    if (!isValidTag(value)) {
      fail(
        'image-tag',
        `${JSON.stringify(value)} is not a valid image tag: letters, digits, "_", "." and "-", at most 128, not starting with "." or "-"`,
      );
    }
    return value;
  }
  let derived: string;
  if (run.ref.startsWith('refs/tags/')) derived = run.ref.slice('refs/tags/'.length);
  else if (run.pullRequest !== undefined && run.eventName.startsWith('pull_request'))
    derived = `pr-${run.pullRequest}`;
  else if (run.sha !== '') derived = run.sha.slice(0, 12);
  else {
    fail(
      'image-tag',
      'no tag, pull request or commit sha to derive it from (GITHUB_SHA is unset): set image-tag',
    );
    return '';
  }
  if (!isValidTag(derived)) {
    const fixed = derived
      .replace(/[^A-Za-z0-9_.-]/g, '-')
      .replace(/^[.-]+/, '')
      .slice(0, 128);
    if (fixed === '') {
      fail('image-tag', `${JSON.stringify(derived)} has nothing an image tag can keep: set image-tag`);
      return '';
    }
    warnings.push(
      warning(`${JSON.stringify(derived)} is not a valid image tag; using "${fixed}"`, {
        input: 'image-tag',
      }),
    );
    derived = fixed;
  }
  return derived;
}

function readRepositorySettings(get: (name: InputName) => string, fail: Fail): RepositorySettings {
  const tagMutability =
    oneOf(
      get('image-tag-mutability').toUpperCase(),
      ['MUTABLE', 'IMMUTABLE'] as const,
      'image-tag-mutability',
      fail,
    ) ?? 'MUTABLE';
  const encryptionType =
    oneOf(
      get('repository-encryption').toUpperCase(),
      ['AES256', 'KMS'] as const,
      'repository-encryption',
      fail,
    ) ?? 'AES256';
  const kmsKey = get('repository-kms-key');
  if (kmsKey !== '' && encryptionType !== 'KMS')
    fail('repository-kms-key', 'is only used with repository-encryption: KMS');
  else if (kmsKey !== '' && !KMS_KEY.test(kmsKey))
    fail(
      'repository-kms-key',
      `${JSON.stringify(kmsKey)} is not a KMS key id, key ARN or alias (alias/<name>)`,
    );
  const tags: Record<string, string> = {};
  for (const line of lines(get('repository-tags'))) {
    const at = line.indexOf('=');
    const [key, value] = [line.slice(0, at).trim(), line.slice(at + 1).trim()];
    if (at <= 0) fail('repository-tags', `${JSON.stringify(line)} is not key=value`);
    else if (!isAwsTag(key, value)) {
      fail(
        'repository-tags',
        `${JSON.stringify(line)} is not a tag AWS accepts: a key of 1-128 and a value of up to 256 letters, digits, spaces and _ . : / = + - @, the key not starting with aws:`,
      );
    } else tags[key] = value;
  }
  return {
    tagMutability,
    scanOnPush: bool(get('scan-on-push'), 'scan-on-push', fail),
    encryption:
      encryptionType === 'KMS' ? { type: 'KMS', ...(kmsKey !== '' && { kmsKey }) } : { type: 'AES256' },
    tags,
  };
}

function isAwsTag(key: string, value: string): boolean {
  return (
    key.length <= 128 &&
    value.length <= 256 &&
    AWS_TAG_TEXT.test(key) &&
    AWS_TAG_TEXT.test(value) &&
    !/^aws:/i.test(key)
  );
}

/** Tags from image-tags: bare tags, or `image:tag` references such as docker/metadata-action's output. */
function readImageTags(value: string, fail: Fail): string[] {
  const tags: string[] = [];
  for (const line of lines(value)) {
    const lastSegment = line.slice(line.lastIndexOf('/') + 1);
    const tag = lastSegment.includes(':')
      ? lastSegment.slice(lastSegment.lastIndexOf(':') + 1)
      : line.includes('/')
        ? ''
        : line;
    if (tag === '' || !isValidTag(tag)) {
      fail(
        'image-tags',
        `${JSON.stringify(line)} has no valid tag: give a tag (v1.2.0) or an image:tag reference`,
      );
    } else {
      tags.push(tag);
    }
  }
  return [...new Set(tags)];
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
