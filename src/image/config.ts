import { createHash } from 'node:crypto';
import { LAYER_EPOCH } from './normalize';

/**
 * The image config and manifest the action pushes: the exported image's, made reproducible. Pure.
 *
 * What changes: `rootfs.diff_ids` (the normalised layers), `created` and every history entry's
 * `created` (the package's release time), and what only records how the image was built and
 * differs from one build to the next: the build container's id and config (`container`,
 * `container_config`), the parent image id (`config.Image`) and `docker_version`. What the
 * container runs with (`config`: Entrypoint, Cmd, Env, ExposedPorts, User, WorkingDir, Labels,
 * ...) and the history's commands are kept as they are. Keys are written sorted, without spaces,
 * so the bytes do not depend on which Docker wrote the config.
 */

export const MEDIA_TYPES = {
  manifest: 'application/vnd.docker.distribution.manifest.v2+json',
  config: 'application/vnd.docker.container.image.v1+json',
  layer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
} as const;

/** A blob as a manifest points at it. */
export interface Descriptor {
  mediaType: string;
  size: number;
  digest: string;
}

export function sha256(bytes: Buffer | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** JSON with object keys in sorted order at every level, no whitespace. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object)
      .filter((k) => object[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(object[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** `YYYYMMDDHHMMSS` (a Habitat release) as an RFC 3339 time; the layer epoch when there is none. */
export function releaseTime(release: string | undefined): string {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(release ?? '');
  if (m) {
    const time = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
    if (!Number.isNaN(time.getTime())) return time.toISOString().replace('.000Z', 'Z');
  }
  return new Date(LAYER_EPOCH * 1000).toISOString().replace('.000Z', 'Z');
}

/** A config that is not a JSON object, or whose history does not match its layers. */
export class ImageConfigError extends Error {}

/** The exported image's config, reproducible, with the normalised layers' digests; see above. */
export function reproducibleConfig(config: unknown, diffIds: readonly string[], created: string): Buffer {
  if (config === null || typeof config !== 'object' || Array.isArray(config))
    throw new ImageConfigError('the image config is not a JSON object');
  const {
    container: _container,
    container_config: _containerConfig,
    docker_version: _dockerVersion,
    ...rest
  } = config as Record<string, unknown>;
  const out: Record<string, unknown> = {
    ...rest,
    created,
    rootfs: { type: 'layers', diff_ids: [...diffIds] },
  };
  const runtime = rest.config;
  if (runtime !== null && typeof runtime === 'object' && !Array.isArray(runtime)) {
    const { Image: _parent, ...kept } = runtime as Record<string, unknown>;
    out.config = kept;
  }
  if (Array.isArray(rest.history)) {
    const history = rest.history as unknown[];
    const layered = history.filter((h) => !(h as { empty_layer?: unknown })?.empty_layer).length;
    if (layered !== diffIds.length)
      throw new ImageConfigError(
        `the image history lists ${layered} layers, the image has ${diffIds.length}`,
      );
    out.history = history.map((h) => (h !== null && typeof h === 'object' ? { ...h, created } : h));
  }
  return Buffer.from(canonicalJson(out));
}

/** A Docker image manifest (schema 2) for the config and layers, keys in the order Docker writes them. */
export function imageManifest(config: Descriptor, layers: readonly Descriptor[]): Buffer {
  const descriptor = (d: Descriptor) => ({ mediaType: d.mediaType, size: d.size, digest: d.digest });
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.manifest,
      config: descriptor(config),
      layers: layers.map(descriptor),
    }),
  );
}
