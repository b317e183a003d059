import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HAB } from './hab';

/** `docker <args>` on the stack's engine (DOCKER_HOST), test side; throws with its output on failure. */
export function docker(args: string[], env: Record<string, string> = {}): string {
  const r = spawnSync('docker', args, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`docker ${args.join(' ')}: exit ${r.status}\n${r.stdout}${r.stderr}`);
  return r.stdout.trim();
}

export function hasImage(ref: string): boolean {
  return spawnSync('docker', ['image', 'inspect', ref], { timeout: 30_000 }).status === 0;
}

/**
 * An image with the machine's static busybox (every applet in /bin), built offline; and, under
 * `plain`, the same with an entrypoint that stands in for any application image: it prints the
 * arguments the task gave it and waits until stopped, so a task definition whose images cannot be
 * pulled here still runs its containers, with their options, as written.
 */
export const BUSYBOX = 'habitat-ecs-test/busybox:1';
const PLAIN = 'habitat-ecs-test/plain:1';

export function busyboxImages(): void {
  if (hasImage(BUSYBOX) && hasImage(PLAIN)) return;
  const dir = mkdtempSync(join(tmpdir(), 'busybox-image-'));
  try {
    copyFileSync('/bin/busybox', join(dir, 'busybox'));
    writeFileSync(
      join(dir, 'plain'),
      '#!/bin/sh\necho "stand-in image, given: $*"\ntrap "exit 0" TERM INT\nwhile :; do sleep 1; done\n',
      { mode: 0o755 },
    );
    writeFileSync(
      join(dir, 'Dockerfile'),
      'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\n',
    );
    // The classic builder: it needs no buildx, and no network for FROM scratch.
    docker(['build', '-q', '-t', BUSYBOX, dir], { DOCKER_BUILDKIT: '0' });
    writeFileSync(join(dir, 'Dockerfile'), `FROM ${BUSYBOX}\nCOPY plain /plain\nENTRYPOINT ["/plain"]\n`);
    docker(['build', '-q', '-t', PLAIN, dir], { DOCKER_BUILDKIT: '0' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Names `ref` on the engine as the plain stand-in (for images that cannot be pulled offline). */
export function plainImageAs(ref: string): void {
  busyboxImages();
  docker(['tag', PLAIN, ref]);
}

/** Exports a Habitat package with the hab stand-in and names its image `ref` too. */
export function habitatImageAs(pkg: string, ref: string): void {
  const cwd = mkdtempSync(join(tmpdir(), 'hab-export-'));
  try {
    // From the stack's emulated Builder, in the channel the stand-in's packages are in.
    const builder = process.env.HABITAT_ECS_STACK_BUILDER_URL ?? '';
    const r = spawnSync(HAB, ['pkg', 'export', 'container', '--channel', 'stable', '--url', builder, pkg], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, HAB_LICENSE: 'accept-no-persist' },
      timeout: 120_000,
    });
    if (r.status !== 0) throw new Error(`hab pkg export container ${pkg}: ${r.stdout}${r.stderr}`);
    docker(['tag', `${pkg}:latest`, ref]);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}
