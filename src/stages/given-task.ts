import { DescribeTaskDefinitionCommand, type ECSClient } from '@aws-sdk/client-ecs';
import { error, UserError } from '../diagnostics';
import type { Request } from './request';

/**
 * The request with its given task definition read, when it names a registered revision (one
 * DescribeTaskDefinition, before anything is written); as it was otherwise.
 */
export async function readGivenRevision<R extends Request>(request: R, ecs: ECSClient): Promise<R> {
  const given = request.given;
  if (!given || given.file !== undefined || given.described) return request;
  let described;
  try {
    described = (await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: given.source })))
      .taskDefinition;
  } catch (e) {
    if ((e as { name?: string }).name !== 'ClientException') throw e;
    described = undefined;
  }
  if (!described) {
    throw new UserError(
      error(`${given.source} was not found: check the ARN, and that aws-region is its region`, {
        input: 'task-definition',
      }),
    );
  }
  return { ...request, given: { ...given, described: described as Record<string, unknown> } };
}
