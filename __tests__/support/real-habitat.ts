import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/** test/habitat/real-packages: real Habitat 2.1.78 packages, made once and published to the Builder. */
const REAL_PACKAGES = path.resolve(__dirname, '../../test/habitat/real-packages');

export interface RealHabitat {
  /** The packages' cache directory (harts/, keys/, bin/). */
  dir: string;
  harts: string;
  /** The stack's emulated Builder. */
  builderUrl: string;
  /**
   * What a process needs to run the real `hab` (real-packages --json says why): it first on PATH,
   * HAB_PKG_EXPORT_CONTAINER_BINARY, and FS_ROOT, hab's caches of the stack's own.
   */
  env: Record<string, string>;
}

let cached: RealHabitat | undefined;

/**
 * The real Habitat for a test: needs HAB_TEST_BINARIES (the archives of Habitat 2.1.78) and the
 * local stack. Fails, saying how to fix it, when either is missing.
 */
export function realHabitat(): RealHabitat {
  if (cached) return cached;
  const builderUrl = process.env.HABITAT_ECS_STACK_BUILDER_URL;
  if (!builderUrl || !process.env.HABITAT_ECS_STACK_DIR)
    throw new Error(
      'the local stack is not loaded: test/stack/local-stack up && eval "$(test/stack/local-stack env)"',
    );
  if (!process.env.HAB_TEST_BINARIES)
    throw new Error(
      'HAB_TEST_BINARIES is not set: these tests run the real Habitat 2.1.78. Point it at the directory ' +
        'holding habitat-2.1.78-x86_64-linux-rootfs.tar.xz and habitat-2.1.78-x86_64-linux-exporter.tar.xz ' +
        '(see .github/workflows/ci.yml for how CI makes them), e.g. HAB_TEST_BINARIES=/path/to/habitat npm test',
    );
  const r = spawnSync(REAL_PACKAGES, ['--json'], { encoding: 'utf8', timeout: 15 * 60_000 });
  if (r.status !== 0)
    throw new Error(`test/habitat/real-packages failed (${r.status}):\n${r.stdout}${r.stderr}`);
  const made = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as {
    dir: string;
    env: Record<string, string>;
  };
  cached = { dir: made.dir, harts: path.join(made.dir, 'harts'), builderUrl, env: made.env };
  return cached;
}

/** The .hart of a package made by real-packages, e.g. hart('billmeyer/mongodb/3.2.10/20171016003652'). */
export function hart(ident: string): string {
  const [origin, name, version, release] = ident.split('/');
  return path.join(realHabitat().harts, `${origin}-${name}-${version}-${release}-x86_64-linux.hart`);
}
