import { DescribeImagesCommand, ECRClient } from '@aws-sdk/client-ecr';
import { error } from '../diagnostics';
import type { CheckContext, Check } from './context';
import { errorName } from './findings';
import type { ImageCheck } from './checklist';
import { PERMISSION } from './permissions';

/** Each ECR image this run does not push is in its repository, by the tag or digest the task names. */
export function imageChecks(images: readonly ImageCheck[], ctx: CheckContext): Check[] {
  return images.map(({ image, ecr, place }) => async () => {
    const client = ctx.clients.get('ecr', ecr.region, (o) => new ECRClient(o));
    try {
      await client.send(
        new DescribeImagesCommand({
          registryId: ecr.registryId,
          repositoryName: ecr.repository,
          imageIds: [ecr.id],
        }),
      );
    } catch (e) {
      const name = errorName(e);
      const where = `registry ${ecr.registryId} (${ecr.region})`;
      if (name === 'RepositoryNotFoundException') {
        ctx.findings.add(error(`${image}: repository ${ecr.repository} does not exist in ${where}`, place));
      } else if (name === 'ImageNotFoundException') {
        const id = 'imageDigest' in ecr.id ? ecr.id.imageDigest : `tag ${ecr.id.imageTag}`;
        ctx.findings.add(error(`${image}: repository ${ecr.repository} has no image ${id}`, place));
      } else {
        ctx.findings.failed(e, { permission: PERMISSION.describeImages, what: `image ${image}`, place });
      }
    }
  });
}
