import { MEDIA_TYPES, type Descriptor } from '../image/config';
import type { RawManifest } from './manifest';

/**
 * Which layers the registry already holds, by their uncompressed digest (the config's diff_id).
 * A normalised layer's diff_id is known before it is compressed, so a layer found here costs
 * neither compression nor upload; and the compressed bytes are reused exactly as the registry
 * holds them, whichever zlib made them. Filled from the images the run's tags already name in a
 * repository (their manifests and configs) and from the layers pushed so far in the run.
 */
export class KnownLayers {
  private readonly layers = new Map<string, { descriptor: Descriptor; repositories: Set<string> }>();

  learn(diffId: string, descriptor: Descriptor, repository: string): void {
    const known = this.layers.get(diffId);
    if (known) known.repositories.add(repository);
    else this.layers.set(diffId, { descriptor, repositories: new Set([repository]) });
  }

  /** The layer and where it is: in `repository` itself, or in another repository it can be mounted from. */
  find(
    diffId: string,
    repository: string,
  ):
    | { descriptor: Descriptor; here: true }
    | { descriptor: Descriptor; here: false; from: string }
    | undefined {
    const known = this.layers.get(diffId);
    if (!known) return undefined;
    if (known.repositories.has(repository)) return { descriptor: known.descriptor, here: true };
    const [from] = [...known.repositories].sort();
    return from ? { descriptor: known.descriptor, here: false, from } : undefined;
  }

  get size(): number {
    return this.layers.size;
  }
}

const IMAGE_MANIFESTS = new Set([MEDIA_TYPES.manifest, 'application/vnd.oci.image.manifest.v1+json']);
const GZIP_LAYERS = new Set([MEDIA_TYPES.layer, 'application/vnd.oci.image.layer.v1.tar+gzip']);

/** The config digest and gzip layers of a single-image manifest; undefined for anything else. Pure. */
export function manifestLayers(
  raw: Pick<RawManifest, 'bytes' | 'mediaType'>,
): { config: string; layers: (Descriptor | undefined)[] } | undefined {
  let doc: { mediaType?: unknown; config?: { digest?: unknown }; layers?: unknown };
  try {
    doc = JSON.parse(raw.bytes.toString('utf8')) as typeof doc;
  } catch {
    return undefined;
  }
  const type = typeof doc.mediaType === 'string' ? doc.mediaType : raw.mediaType;
  if (!IMAGE_MANIFESTS.has(type) || typeof doc.config?.digest !== 'string' || !Array.isArray(doc.layers))
    return undefined;
  const layers = (doc.layers as { mediaType?: unknown; size?: unknown; digest?: unknown }[]).map((l) =>
    typeof l?.mediaType === 'string' &&
    GZIP_LAYERS.has(l.mediaType) &&
    typeof l.digest === 'string' &&
    typeof l.size === 'number'
      ? { mediaType: MEDIA_TYPES.layer, size: l.size, digest: l.digest }
      : undefined,
  );
  return { config: doc.config.digest, layers };
}

/** The diff_ids of an image config's bytes; undefined when it has none. Pure. */
export function configDiffIds(config: Buffer): string[] | undefined {
  try {
    const ids = (JSON.parse(config.toString('utf8')) as { rootfs?: { diff_ids?: unknown } }).rootfs?.diff_ids;
    return Array.isArray(ids) && ids.every((d) => typeof d === 'string') ? (ids as string[]) : undefined;
  } catch {
    return undefined;
  }
}

/** Learns the layers of an image in `repository` from its manifest and config, when they pair up. */
export function learnImage(
  known: KnownLayers,
  repository: string,
  layers: readonly (Descriptor | undefined)[],
  diffIds: readonly string[],
): void {
  if (layers.length !== diffIds.length) return;
  layers.forEach((descriptor, i) => {
    if (descriptor) known.learn(diffIds[i] as string, descriptor, repository);
  });
}
