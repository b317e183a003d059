import type { ContainerDefinition, Task } from '@aws-sdk/client-ecs';
import { awsClientOptions, withCallContext } from '../aws/clients';
import { taskId } from './run-task';

/** Where a container of a task sends its output with the awslogs driver (pure). */
export interface LogStream {
  region: string;
  group: string;
  stream: string;
}

/**
 * The awslogs stream of one container of a task: `<prefix>/<container>/<task id>` with
 * awslogs-stream-prefix; without one (EC2 only), the Docker container id, which ECS gives as the
 * container's runtimeId. A string: why there is none.
 */
export function logStreamOf(
  definition: ContainerDefinition,
  task: Task,
  defaultRegion: string,
): LogStream | string {
  const config = definition.logConfiguration;
  if (!config) return 'it has no log configuration';
  if (config.logDriver !== 'awslogs') return `it logs with ${config.logDriver ?? '?'}, not awslogs`;
  const options = config.options ?? {};
  const group = options['awslogs-group'];
  if (!group) return 'its awslogs options name no awslogs-group';
  const region = options['awslogs-region'] ?? defaultRegion;
  const prefix = options['awslogs-stream-prefix'];
  const name = definition.name ?? '';
  if (prefix) return { region, group, stream: `${prefix}/${name}/${taskId(task.taskArn ?? '')}` };
  const runtimeId = task.containers?.find((c) => c.name === name)?.runtimeId;
  if (runtimeId) return { region, group, stream: runtimeId };
  return 'it has no awslogs-stream-prefix, and ECS gave no container id to find its stream by';
}

/**
 * The last lines the container logged (GetLogEvents, newest last), or a line saying why they
 * could not be read. Never fails the caller: the logs only explain a failure already known.
 */
export async function lastLogLines(where: LogStream, limit: number): Promise<string[] | string> {
  try {
    const { CloudWatchLogsClient, GetLogEventsCommand } = await import('../aws/sdk/log-events');
    const logs = withCallContext(new CloudWatchLogsClient(awsClientOptions(where.region)));
    const out = await logs.send(
      new GetLogEventsCommand({
        logGroupName: where.group,
        logStreamName: where.stream,
        limit,
        startFromHead: false,
      }),
    );
    return (out.events ?? []).map((e) => (e.message ?? '').trimEnd());
  } catch (e) {
    return `could not read it (logs:GetLogEvents): ${(e as Error).name}: ${(e as Error).message}`;
  }
}
