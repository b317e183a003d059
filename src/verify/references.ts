/**
 * What the names in a task definition refer to: role ARNs, secret `valueFrom`s, ECR images.
 * Pure: read from text, no AWS call.
 */

export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the account, colons included (`secret:name:key::`). */
  resource: string;
}

/** `arn:partition:service:region:account:resource`, or undefined for anything else. */
export function parseArn(text: string): Arn | undefined {
  const parts = text.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition = '', service = '', region = '', account = ''] = parts;
  if (!/^aws[a-z-]*$/.test(partition) || !/^[a-z0-9-]+$/.test(service)) return undefined;
  return { partition, service, region, account, resource: parts.slice(5).join(':') };
}

export type Reference<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): Reference<T> => ({ ok: true, value });
const bad = <T>(problem: string): Reference<T> => ({ ok: false, problem });

/** An IAM role as ECS takes it: a role ARN (any path) or a bare role name. */
export function parseRoleReference(text: string): Reference<{ name: string }> {
  const arn = parseArn(text);
  if (arn) {
    const name = arn.resource.startsWith('role/') ? arn.resource.split('/').pop() : undefined;
    if (arn.service !== 'iam' || !name)
      return bad(`"${text}" is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)`);
    return ok({ name });
  }
  if (/^[\w+=,.@-]{1,64}$/.test(text)) return ok({ name: text });
  return bad(`"${text}" is neither an IAM role ARN nor a role name`);
}

/** Where ECS reads a secret from. */
export type SecretSource =
  | {
      kind: 'ssm';
      /** The name or ARN as written: GetParameter takes either (an ARN reaches other regions and shared parameters). */
      parameter: string;
      region: string;
    }
  | {
      kind: 'secretsmanager';
      /** The secret's own ARN, without the json-key and version fields ECS adds after it. */
      secretId: string;
      region: string;
      jsonKey?: string;
      versionStage?: string;
      versionId?: string;
    };

/**
 * A `secrets[].valueFrom` (or `repositoryCredentials.credentialsParameter`) as ECS reads it: an SSM
 * parameter name (in the task's region) or ARN, or a Secrets Manager ARN, which may go on with
 * `:json-key:version-stage:version-id` (each may be empty).
 */
export function parseSecretReference(text: string, taskRegion: string): Reference<SecretSource> {
  const arn = parseArn(text);
  if (!arn) {
    if (text.startsWith('arn:')) return bad(`"${text}" is not a well-formed ARN`);
    if (!/^[\w.\-/]{1,2048}$/.test(text)) {
      return bad(
        `"${text}" is not an SSM parameter name (letters, digits, _ . - /), and a Secrets Manager secret needs its full ARN`,
      );
    }
    return ok({ kind: 'ssm', parameter: text, region: taskRegion });
  }
  if (!arn.region) return bad(`"${text}" has no region`);
  if (arn.service === 'ssm') {
    if (!/^parameter\/./.test(arn.resource))
      return bad(`"${text}" is not an SSM parameter ARN (…:parameter/<name>)`);
    return ok({ kind: 'ssm', parameter: text, region: arn.region });
  }
  if (arn.service === 'secretsmanager') {
    const [kind, name, jsonKey, versionStage, versionId, ...rest] = arn.resource.split(':');
    if (kind !== 'secret' || !name)
      return bad(`"${text}" is not a Secrets Manager secret ARN (…:secret:<name>)`);
    if (rest.length > 0) {
      return bad(
        `"${text}" has too many fields: a Secrets Manager valueFrom is <secret-arn>[:json-key[:version-stage[:version-id]]]`,
      );
    }
    return ok({
      kind: 'secretsmanager',
      secretId: `arn:${arn.partition}:secretsmanager:${arn.region}:${arn.account}:secret:${name}`,
      region: arn.region,
      ...(jsonKey && { jsonKey }),
      ...(versionStage && { versionStage }),
      ...(versionId && { versionId }),
    });
  }
  return bad(
    `"${text}" is neither an SSM parameter nor a Secrets Manager secret (its ARN is of ${arn.service})`,
  );
}

/** The Secrets Manager secret of a private registry's credentials: an ARN, or a name in the task's region. */
export function parseCredentialsReference(text: string, taskRegion: string): Reference<SecretSource> {
  if (!text.startsWith('arn:')) return ok({ kind: 'secretsmanager', secretId: text, region: taskRegion });
  const parsed = parseSecretReference(text, taskRegion);
  if (parsed.ok && parsed.value.kind !== 'secretsmanager') {
    return bad(`"${text}" is not a Secrets Manager secret: registry credentials must be one`);
  }
  return parsed;
}

export interface EcrImage {
  registryId: string;
  region: string;
  repository: string;
  /** What DescribeImages looks for: the digest when there is one (ECS pulls by it), else the tag. */
  id: { imageDigest: string } | { imageTag: string };
}

const ECR_IMAGE =
  /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([a-z0-9][a-z0-9._/-]*)(?::([\w][\w.-]{0,127}))?(?:@(sha256:[0-9a-f]{64}))?$/;

/** An image in a private ECR registry, or undefined for any other registry. */
export function parseEcrImage(image: string): EcrImage | undefined {
  const m = ECR_IMAGE.exec(image);
  if (!m) return undefined;
  const [, registryId = '', region = '', repository = '', tag, digest] = m;
  return {
    registryId,
    region,
    repository,
    id: digest ? { imageDigest: digest } : { imageTag: tag ?? 'latest' },
  };
}

/** The registry a non-ECR image is pulled from, as people call it. */
export function registryName(image: string): string {
  const first = image.split('/')[0] ?? '';
  const isHost = image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (!isHost) return 'Docker Hub';
  if (first === 'public.ecr.aws') return 'ECR Public';
  return first;
}
