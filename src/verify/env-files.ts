import { error, warning } from '../diagnostics';
import type { CheckContext, Check } from './context';
import type { EnvFileCheck } from './checklist';
import { errorName } from './findings';
import { PERMISSION } from './permissions';
import { accessOf } from './policy';

/** Policies of a role read at most (IAM allows 10 managed by default, 20 at most). */
const MAX_POLICIES = 25;

/**
 * Each environment file from S3 exists (ListObjectsV2 on its key: the deploy never needs, nor
 * gets, s3:GetObject, so it cannot read the values), and the task's execution role may read it:
 * ECS fetches it with that role, which needs s3:GetObject on the object and s3:GetBucketLocation
 * on the bucket (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/use-environment-file.html).
 * The role's own policies are read; a bucket policy may grant what they do not, so their
 * silence is a warning, and only their explicit Deny an error.
 */
export function envFileChecks(files: readonly EnvFileCheck[], ctx: CheckContext): Check[] {
  if (files.length === 0) return [];
  const policies = new Map<string, Promise<string[] | undefined>>();
  return files.map((file) => async () => {
    const { S3Client, ListObjectsV2Command } = await import('../aws/sdk/s3');
    const s3 = ctx.clients.get('s3', ctx.region, (o) => new S3Client({ ...o, followRegionRedirects: true }));
    const what = `S3 object ${file.arn}`;
    try {
      const out = await s3.send(
        new ListObjectsV2Command({ Bucket: file.object.bucket, Prefix: file.object.key, MaxKeys: 1 }),
      );
      if (!(out.Contents ?? []).some((o) => o.Key === file.object.key)) {
        ctx.findings.add(error(`${what} does not exist: upload it, or fix the key`, file.place));
        return;
      }
    } catch (e) {
      if (errorName(e) === 'NoSuchBucket') {
        ctx.findings.add(error(`${what}: the bucket ${file.object.bucket} does not exist`, file.place));
        return;
      }
      ctx.findings.failed(e, { permission: PERMISSION.listBucket, what, place: file.place });
      return;
    }
    if (!file.executionRole) return; // the plan's own finding says the role is missing
    const role = file.executionRole;
    let documents = policies.get(role);
    if (!documents) {
      documents = rolePolicies(ctx, role, file.place);
      policies.set(role, documents);
    }
    const read = await documents;
    if (!read) return;
    const bucketArn = `arn:${file.object.partition}:s3:::${file.object.bucket}`;
    const needs = [
      ['s3:GetObject', file.arn],
      ['s3:GetBucketLocation', bucketArn],
    ] as const;
    for (const [action, resource] of needs) {
      const access = accessOf(read, action, resource);
      if (access === 'denied') {
        ctx.findings.add(
          error(
            `the execution role ${role} denies ${action} on ${resource}: ECS could not read the environment file when the task starts`,
            file.place,
          ),
        );
      } else if (access === 'not-allowed') {
        ctx.findings.add(
          warning(
            `no policy of the execution role ${role} allows ${action} on ${resource}, which ECS needs to read the environment file when the task starts; allow it (unless the bucket's policy does)`,
            file.place,
          ),
        );
      }
    }
  });
}

/** The documents of a role's attached and inline policies; undefined after recording why not. */
async function rolePolicies(
  ctx: CheckContext,
  role: string,
  place: EnvFileCheck['place'],
): Promise<string[] | undefined> {
  const sdk = await import('../aws/sdk/iam-policies');
  const iam = ctx.clients.get('iam', ctx.region, (o) => new sdk.IAMClient(o));
  const what = `the policies of the execution role ${role}`;
  let permission: string = PERMISSION.listAttachedRolePolicies;
  try {
    const documents: string[] = [];
    const attached = await iam.send(
      new sdk.ListAttachedRolePoliciesCommand({ RoleName: role, MaxItems: MAX_POLICIES }),
    );
    for (const policy of (attached.AttachedPolicies ?? []).slice(0, MAX_POLICIES)) {
      permission = PERMISSION.getPolicy;
      const version = (await iam.send(new sdk.GetPolicyCommand({ PolicyArn: policy.PolicyArn }))).Policy
        ?.DefaultVersionId;
      permission = PERMISSION.getPolicyVersion;
      const document = (
        await iam.send(new sdk.GetPolicyVersionCommand({ PolicyArn: policy.PolicyArn, VersionId: version }))
      ).PolicyVersion?.Document;
      if (document) documents.push(document);
    }
    permission = PERMISSION.listRolePolicies;
    const inline = await iam.send(
      new sdk.ListRolePoliciesCommand({ RoleName: role, MaxItems: MAX_POLICIES }),
    );
    for (const name of (inline.PolicyNames ?? []).slice(0, MAX_POLICIES)) {
      permission = PERMISSION.getRolePolicy;
      const document = (await iam.send(new sdk.GetRolePolicyCommand({ RoleName: role, PolicyName: name })))
        .PolicyDocument;
      if (document) documents.push(document);
    }
    return documents;
  } catch (e) {
    // A missing role is the role check's to report.
    if (/^NoSuchEntity/.test(errorName(e))) return undefined;
    ctx.findings.failed(e, { permission, what, place });
    return undefined;
  }
}
