/**
 * An `env_file:` that names an S3 object (`arn:aws:s3:::bucket/key.env`) is not read here: ECS
 * fetches it when the task starts, with the task's execution role, and sets its variables
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/use-environment-file.html), so
 * its values never reach the task definition, the log or the runner.
 */
const S3_OBJECT_ARN = /^arn:(aws[a-z-]*):s3:::([^/]+)\/(.+)$/;

export interface S3Object {
  partition: string;
  bucket: string;
  key: string;
}

/** The bucket and key of an S3 object ARN; undefined when `text` is not one. */
export function parseS3ObjectArn(text: string): S3Object | undefined {
  const m = S3_OBJECT_ARN.exec(text);
  return m ? { partition: m[1] ?? 'aws', bucket: m[2] ?? '', key: m[3] ?? '' } : undefined;
}

/** An env_file entry that is an S3 reference rather than a path: anything starting `arn:`. */
export function isArnReference(path: string): boolean {
  return path.startsWith('arn:');
}
