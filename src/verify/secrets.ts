import { error } from '../diagnostics';
import type { CheckContext, Check } from './context';
import { errorName } from './findings';
import type { SecretCheck } from './checklist';
import { PERMISSION } from './permissions';

/**
 * Each secret exists where ECS will look for it: an SSM parameter (GetParameter without
 * decryption: a SecureString's value stays encrypted), or a Secrets Manager secret (DescribeSecret:
 * its metadata only) that is not being deleted and has the version stage or id asked for.
 * A JSON key cannot be checked without reading the value, so it is not.
 */
export function secretChecks(secrets: readonly SecretCheck[], ctx: CheckContext): Check[] {
  return secrets.map((secret) => async () => {
    const { source, place } = secret;
    if (source.kind === 'ssm') {
      const { SSMClient, GetParameterCommand } = await import('../aws/sdk/ssm');
      const ssm = ctx.clients.get('ssm', source.region, (o) => new SSMClient(o));
      try {
        await ssm.send(new GetParameterCommand({ Name: source.parameter, WithDecryption: false }));
      } catch (e) {
        if (/^ParameterNotFound|^ParameterVersionNotFound/.test(errorName(e))) {
          ctx.findings.add(
            error(`SSM parameter ${source.parameter} does not exist in region ${source.region}`, place),
          );
        } else {
          const what = `SSM parameter ${source.parameter}`;
          ctx.findings.failed(e, { permission: PERMISSION.getParameter, what, place });
        }
      }
      return;
    }
    const { SecretsManagerClient, DescribeSecretCommand } = await import('../aws/sdk/secrets-manager');
    const sm = ctx.clients.get('secretsmanager', source.region, (o) => new SecretsManagerClient(o));
    const what = `Secrets Manager secret ${source.secretId}`;
    let described;
    try {
      described = await sm.send(new DescribeSecretCommand({ SecretId: source.secretId }));
    } catch (e) {
      if (errorName(e) === 'ResourceNotFoundException') {
        ctx.findings.add(error(`${what} does not exist in region ${source.region}`, place));
      } else {
        ctx.findings.failed(e, { permission: PERMISSION.describeSecret, what, place });
      }
      return;
    }
    const versions = described.VersionIdsToStages ?? {};
    if (described.DeletedDate) {
      ctx.findings.add(
        error(`${what} is scheduled for deletion: ECS cannot read it; restore it, or name another`, place),
      );
    } else if (source.versionId && !(source.versionId in versions)) {
      ctx.findings.add(
        error(`${what} has no version ${source.versionId} (among the versions with a staging label)`, place),
      );
    } else if (
      source.versionStage &&
      !Object.values(versions).some((s) => s.includes(source.versionStage ?? ''))
    ) {
      ctx.findings.add(error(`${what} has no version with the stage ${source.versionStage}`, place));
    }
  });
}
