import { DescribeServicesCommand, type ECSClient } from '@aws-sdk/client-ecs';
import { deleteService } from '../../src/ecs/teardown';
import { RecordingLog } from '../support/recording-log';
import { serviceShape } from './fixtures';

// Issue 25, finding 7: a teardown that scaled to 0 and then deleted, interrupted between the two,
// left an ACTIVE service with no task, which a later deploy took as stable.
it('deletes a running service in one forced call, with no scale to 0 before it', async () => {
  const sent: { name: string; input: object }[] = [];
  let deleted = false;
  const send = async (command: { input: object }): Promise<unknown> => {
    const name = command.constructor.name;
    sent.push({ name, input: command.input });
    if (command instanceof DescribeServicesCommand)
      return { services: [serviceShape({ status: deleted ? 'INACTIVE' : 'ACTIVE', desiredCount: 2 })] };
    if (name === 'DeleteServiceCommand') deleted = true;
    return {};
  };
  const ecs = { send } as unknown as ECSClient;
  const result = await deleteService(ecs, {
    cluster: 'c',
    service: 'shop',
    timeoutMs: 1_000,
    sleep: async () => undefined,
    log: new RecordingLog(),
  });
  expect(result).toEqual({ deleted: true, inactive: true });
  expect(sent.map((c) => c.name)).toEqual([
    'DescribeServicesCommand',
    'DeleteServiceCommand',
    'DescribeServicesCommand',
  ]);
  expect(sent[1]?.input).toEqual({ cluster: 'c', service: 'shop', force: true });
});
