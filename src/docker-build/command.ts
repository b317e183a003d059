import type { ImageBuild } from '../translate/build-plan';

/** How this machine's docker builds: BuildKit through buildx, or the legacy builder. */
export type Builder =
  | { kind: 'buildx' }
  | {
      kind: 'legacy';
      /** The engine's API takes `--platform` (1.38 and later). */
      platformFlag: boolean;
      /** The engine's own `os/arch`: what the legacy builder builds for without `--platform`. */
      engine: string;
    };

/** A docker command line, and the same as the log shows it (secret build arg values as ***). */
export interface BuildCommand {
  argv: string[];
  shown: string;
}

/**
 * The `docker build` of one image, writing its id to `iidFile`. buildx loads the image into the
 * engine (`--load`), where the push finds it. The legacy builder gets `--platform` only when the
 * engine takes it; the image's platform is checked after the build either way.
 */
export function buildCommand(build: ImageBuild, builder: Builder, iidFile: string): BuildCommand {
  const argv: string[] = builder.kind === 'buildx' ? ['buildx', 'build', '--load'] : ['build'];
  if (builder.kind === 'buildx' || builder.platformFlag) argv.push('--platform', build.platform);
  argv.push('--file', build.dockerfile, '--iidfile', iidFile);
  if (build.target !== undefined) argv.push('--target', build.target);
  const shown = [...argv];
  // Always NAME=value: a bare NAME would make docker read its own environment.
  for (const arg of build.args) {
    argv.push('--build-arg', `${arg.name}=${arg.value}`);
    shown.push('--build-arg', `${arg.name}=${arg.secret ? '***' : arg.value}`);
  }
  for (const [key, value] of build.labels) {
    argv.push('--label', `${key}=${value}`);
    shown.push('--label', `${key}=${value}`);
  }
  argv.push(build.context);
  shown.push(build.context);
  return { argv, shown: ['docker', ...shown].map(quote).join(' ') };
}

/** An argument as a shell would need it, for reading only: nothing runs through a shell. */
function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** `1.41` >= `1.38`, numerically per part. */
export function apiAtLeast(version: string, minimum: string): boolean {
  const a = version.split('.').map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (Number.isNaN(x)) return false;
    if (x !== y) return x > y;
  }
  return true;
}

/** `linux/arm64/v8` -> `linux/arm64`: what an image's Os and Architecture say. */
export function osArch(platform: string): string {
  return platform.split('/').slice(0, 2).join('/');
}
