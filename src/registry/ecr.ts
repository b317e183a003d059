import {
  BatchDeleteImageCommand,
  CreateRepositoryCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  GetAuthorizationTokenCommand,
  type CreateRepositoryCommandInput,
  type ECRClient,
} from '@aws-sdk/client-ecr';
import { explainAwsFailure } from '../aws/errors';
import { error, UserError } from '../diagnostics';
import type { Log } from '../log';

/** How new repositories are made (existing ones are left as they are). */
export interface RepositorySettings {
  tagMutability: 'MUTABLE' | 'IMMUTABLE';
  scanOnPush: boolean;
  encryption: { type: 'AES256' } | { type: 'KMS'; kmsKey?: string };
  /** Resource tags for new repositories. */
  tags: Readonly<Record<string, string>>;
}

/** What the registry needs for `docker login` and its HTTP API. Keep in memory only. */
export interface RegistryAuthorization {
  /** Host (and port, if any) of the registry, from the authorization's proxyEndpoint. */
  registry: string;
  username: string;
  password: string;
  expiresAt?: Date;
}

interface AwsError {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

function isAccessDenied(e: unknown): boolean {
  const err = e as AwsError;
  return (
    err.name === 'AccessDeniedException' ||
    err.name === 'AccessDenied' ||
    err.$metadata?.httpStatusCode === 403
  );
}

function awsFailure(e: unknown, action: string, what: string): Error {
  const err = e as AwsError;
  if (isAccessDenied(e)) {
    return new UserError(
      error(
        `${what}: access denied. The role the workflow runs as needs the IAM permission ${action} ` +
          `(AWS said: ${err.message ?? err.name})`,
      ),
    );
  }
  const explained = explainAwsFailure(e);
  return new UserError(
    error(`${what}: ${explained ?? `${err.name ?? 'error'}: ${err.message ?? String(e)}`}`),
  );
}

export function createRepositoryInput(
  name: string,
  settings: RepositorySettings,
): CreateRepositoryCommandInput {
  const tags = Object.entries(settings.tags).map(([Key, Value]) => ({ Key, Value }));
  return {
    repositoryName: name,
    imageTagMutability: settings.tagMutability,
    imageScanningConfiguration: { scanOnPush: settings.scanOnPush },
    encryptionConfiguration:
      settings.encryption.type === 'KMS'
        ? {
            encryptionType: 'KMS',
            ...(settings.encryption.kmsKey ? { kmsKey: settings.encryption.kmsKey } : {}),
          }
        : { encryptionType: 'AES256' },
    ...(tags.length > 0 ? { tags } : {}),
  };
}

async function repositoryExists(client: ECRClient, name: string): Promise<boolean> {
  try {
    await client.send(new DescribeRepositoriesCommand({ repositoryNames: [name] }));
    return true;
  } catch (e) {
    if ((e as AwsError).name === 'RepositoryNotFoundException') return false;
    throw awsFailure(e, 'ecr:DescribeRepositories', `looking up ECR repository ${name}`);
  }
}

/**
 * Makes every repository that does not exist yet; existing ones are not changed. One call each:
 * CreateRepository, where "already exists" means there is nothing to do. Only when creating is
 * not allowed does DescribeRepositories say whether the repository is there anyway.
 */
export async function ensureRepositories(
  client: ECRClient,
  names: readonly string[],
  settings: RepositorySettings,
  log: Log,
): Promise<{ created: string[]; existing: string[] }> {
  const created: string[] = [];
  const existing: string[] = [];
  for (const name of [...new Set(names)]) {
    try {
      await client.send(new CreateRepositoryCommand(createRepositoryInput(name, settings)));
      created.push(name);
      log.info(`Created ECR repository ${name}`);
    } catch (e) {
      const denied = isAccessDenied(e);
      if (
        (e as AwsError).name === 'RepositoryAlreadyExistsException' ||
        (denied && (await repositoryExists(client, name)))
      ) {
        existing.push(name);
        log.info(`ECR repository ${name} exists`);
        continue;
      }
      const extra =
        settings.encryption.type === 'KMS' ? ' (and kms:CreateGrant, kms:DescribeKey for the key)' : '';
      const tagging = Object.keys(settings.tags).length > 0 ? ' and ecr:TagResource' : '';
      throw awsFailure(e, `ecr:CreateRepository${tagging}${extra}`, `creating ECR repository ${name}`);
    }
  }
  return { created, existing };
}

/** GetAuthorizationToken: the registry host and the docker credentials for it. */
export async function getRegistryAuthorization(client: ECRClient): Promise<RegistryAuthorization> {
  let data;
  try {
    const response = await client.send(new GetAuthorizationTokenCommand({}));
    data = response.authorizationData?.[0];
  } catch (e) {
    throw awsFailure(e, 'ecr:GetAuthorizationToken', 'getting an ECR login token');
  }
  if (!data?.authorizationToken || !data.proxyEndpoint) {
    throw new UserError(error('ECR GetAuthorizationToken answered without a token or proxyEndpoint'));
  }
  const decoded = Buffer.from(data.authorizationToken, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0)
    throw new UserError(
      error('ECR GetAuthorizationToken answered with a token not of the form user:password'),
    );
  return {
    registry: registryHost(data.proxyEndpoint),
    username: decoded.slice(0, colon),
    password: decoded.slice(colon + 1),
    ...(data.expiresAt ? { expiresAt: data.expiresAt } : {}),
  };
}

/** `https://123.dkr.ecr.us-east-1.amazonaws.com` -> `123.dkr.ecr.us-east-1.amazonaws.com`. */
export function registryHost(proxyEndpoint: string): string {
  const withScheme = /^[a-z]+:\/\//i.test(proxyEndpoint) ? proxyEndpoint : `https://${proxyEndpoint}`;
  return new URL(withScheme).host;
}

/**
 * Removes one tag from each repository (a torn-down preview's `pr-<n>` images). An image that is
 * not there, or a repository that is gone, counts as removed. Returns the repositories that still
 * had the tag.
 */
export async function deleteImageTag(
  client: ECRClient,
  repositories: readonly string[],
  tag: string,
  log: Log,
): Promise<string[]> {
  const removed: string[] = [];
  for (const repositoryName of [...new Set(repositories)]) {
    try {
      const out = await client.send(
        new BatchDeleteImageCommand({ repositoryName, imageIds: [{ imageTag: tag }] }),
      );
      if ((out.imageIds ?? []).length > 0) {
        removed.push(repositoryName);
        log.info(`Deleted ${repositoryName}:${tag}`);
      } else {
        log.info(`${repositoryName}:${tag} was not there`);
      }
    } catch (e) {
      if ((e as AwsError).name === 'RepositoryNotFoundException') {
        log.info(`${repositoryName} does not exist; nothing to delete`);
        continue;
      }
      throw awsFailure(e, 'ecr:BatchDeleteImage', `deleting ${repositoryName}:${tag}`);
    }
  }
  return removed;
}

/** What the registry holds under one tag, asked read-only (DescribeImages). */
export type TaggedImage =
  { found: true; digest: string } | { found: false; why: 'no-repository' | 'no-image' };

export async function describeTaggedImage(
  client: ECRClient,
  repositoryName: string,
  tag: string,
): Promise<TaggedImage> {
  try {
    const out = await client.send(
      new DescribeImagesCommand({ repositoryName, imageIds: [{ imageTag: tag }] }),
    );
    const digest = out.imageDetails?.[0]?.imageDigest;
    return digest ? { found: true, digest } : { found: false, why: 'no-image' };
  } catch (e) {
    const name = (e as AwsError).name;
    if (name === 'RepositoryNotFoundException') return { found: false, why: 'no-repository' };
    if (name === 'ImageNotFoundException') return { found: false, why: 'no-image' };
    throw awsFailure(e, 'ecr:DescribeImages', `looking up ${repositoryName}:${tag}`);
  }
}
