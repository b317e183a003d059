import { warning, type Diagnostic } from '../diagnostics';
import type { RunContext } from './run-context';
import type { Fail } from './files';
import type { InputName } from './spec';
import { bool, lines, oneOf } from './values';
import type { RepositorySettings } from '../registry/ecr';
import { isValidTag } from '../translate/image-name';

/** The inputs that tag the images and set up their ECR repositories. */

/** What AWS accepts in resource tags (keys up to 128, values up to 256 characters). */
const AWS_TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+@-]*$/u;
/** A KMS key id, key ARN, alias name or alias ARN. */
const KMS_KEY = /^[A-Za-z0-9:/_-]{1,2048}$/;

/** The image tag: given, or derived from the event (tag push, pull request, commit). */
export function readImageTag(value: string, run: RunContext, fail: Fail, warnings: Diagnostic[]): string {
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

export function readRepositorySettings(get: (name: InputName) => string, fail: Fail): RepositorySettings {
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
export function readImageTags(value: string, fail: Fail): string[] {
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
