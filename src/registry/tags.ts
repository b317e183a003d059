import type { ExportedImage } from '../habitat/export';

/** Which of the version tags the export made each image is pushed under as well. */
interface TagChoice {
  /** Also push `<version>` when the export made that tag. */
  version: boolean;
  /** Also push `<version>-<release>` when the export made that tag. */
  versionRelease: boolean;
}

/**
 * The version tags to push for one image, in order. Only those the exporter actually made, so
 * nothing is invented for a package whose version is unknown.
 */
export function imageTags(
  image: Pick<ExportedImage, 'tags' | 'version' | 'release'>,
  choice: TagChoice,
): string[] {
  const wanted: string[] = [];
  const made = new Set(image.tags);
  if (choice.version && image.version && made.has(image.version)) wanted.push(image.version);
  const versionRelease = image.version && image.release ? `${image.version}-${image.release}` : undefined;
  if (choice.versionRelease && versionRelease && made.has(versionRelease)) wanted.push(versionRelease);
  return wanted;
}

/** The manifest digest `docker push` reports (`<tag>: digest: sha256:... size: N`), if any. */
export function parsePushDigest(output: string): string | undefined {
  const matches = [...output.matchAll(/\bdigest: (sha256:[a-f0-9]{64})\b/g)];
  return matches.at(-1)?.[1];
}
