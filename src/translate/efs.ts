import type { EFSVolumeConfiguration } from '@aws-sdk/client-ecs';
import type { KeyPath } from '../problems';
import type { Reader } from './params-reader';

/**
 * An EFS volume as ecs-cli's ecs-params.yml writes it (`task_definition.efs_volumes`), and as a
 * compose named volume marks it (`x-efs:` with the same keys): the file system, and how the task
 * mounts it. Pure.
 */
export interface EfsVolumeParams {
  name: string;
  configuration: EFSVolumeConfiguration;
  /** Where its keys were written: `[...path, 'filesystem_id']` is the file system's line. */
  path: KeyPath;
}

/** ecs-cli's keys (efs_volumes), without `name`. */
export const EFS_KEYS = [
  'filesystem_id', 'root_directory', 'transit_encryption', 'transit_encryption_port', 'access_point', 'iam',
] as const; // prettier-ignore

const FILE_SYSTEM = /^fs-[0-9a-f]{8,40}$/;
const ACCESS_POINT = /^fsap-[0-9a-f]{8,40}$/;

/**
 * The EFSVolumeConfiguration of one volume's keys, checked as ECS checks it
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EFSVolumeConfiguration.html):
 * an access point or IAM authorization needs transit encryption, an access point sets the root
 * directory itself, and a transit encryption port needs transit encryption. Undefined after an error.
 */
export function readEfsConfiguration(
  r: Reader,
  fields: Record<string, unknown>,
  path: KeyPath,
): EFSVolumeConfiguration | undefined {
  const errors = r.p.errors.length;
  const at = (key: string) => [...path, key];
  const fileSystemId = r.string(fields.filesystem_id, at('filesystem_id'), true);
  if (fileSystemId !== undefined && !FILE_SYSTEM.test(fileSystemId))
    r.p.error(
      at('filesystem_id'),
      `"${fileSystemId}" is not an EFS file system id such as fs-0123456789abcdef0`,
    );
  const accessPoint = r.string(fields.access_point, at('access_point'));
  if (accessPoint !== undefined && !ACCESS_POINT.test(accessPoint))
    r.p.error(
      at('access_point'),
      `"${accessPoint}" is not an EFS access point id such as fsap-0123456789abcdef0`,
    );
  const switches = ['ENABLED', 'DISABLED'] as const;
  const transit = r.oneOf(fields.transit_encryption, at('transit_encryption'), switches);
  const iam = r.oneOf(fields.iam, at('iam'), switches);
  const port = r.whole(fields.transit_encryption_port, at('transit_encryption_port'));
  const root = r.string(fields.root_directory, at('root_directory'));
  const encrypted = transit === 'ENABLED';
  const needsTransit = (why: string) =>
    r.p.error(
      at(transit === undefined ? 'filesystem_id' : 'transit_encryption'),
      `${why} needs transit_encryption: ENABLED (ECS refuses it without)`,
    );
  if (accessPoint !== undefined && !encrypted) needsTransit('an access point');
  else if (iam === 'ENABLED' && !encrypted) needsTransit('iam: ENABLED');
  if (port !== undefined && (!encrypted || port < 1 || port > 65535))
    r.p.error(
      at('transit_encryption_port'),
      encrypted ? 'must be a port from 1 to 65535' : 'is only used with transit_encryption: ENABLED',
    );
  if (accessPoint !== undefined && root !== undefined && root !== '/')
    r.p.error(
      at('root_directory'),
      "with an access point, the directory mounted is the access point's: remove root_directory (or set the access point's root)",
    );
  if (root !== undefined && !root.startsWith('/'))
    r.p.error(
      at('root_directory'),
      `"${root}" must be an absolute path in the file system, such as /mongodb`,
    );
  if (r.p.errors.length > errors || fileSystemId === undefined) return undefined;
  return {
    fileSystemId,
    ...(root !== undefined && { rootDirectory: root }),
    ...(transit && { transitEncryption: transit }),
    ...(port !== undefined && { transitEncryptionPort: port }),
    ...((accessPoint !== undefined || iam) && {
      authorizationConfig: {
        ...(accessPoint !== undefined && { accessPointId: accessPoint }),
        ...(iam && { iam }),
      },
    }),
  };
}
