import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildImages, type BuildOptions } from '../../src/docker-build/docker';
import { UserError } from '../../src/diagnostics';
import type { ProcessRunner, RunOptions, RunResult } from '../../src/process';
import type { ImageBuild } from '../../src/translate/build-plan';
import { RecordingLog } from '../support/recording-log';

const place = { path: ['services', 'web', 'build'] };
function imageBuild(service: string, extra: Partial<ImageBuild> = {}): ImageBuild {
  return {
    repository: `shop/${service}`,
    services: [service],
    context: `/ws/${service}`,
    dockerfile: `/ws/${service}/Dockerfile`,
    args: [],
    labels: [],
    platform: 'linux/amd64',
    places: { context: place, dockerfile: place },
    ...extra,
  };
}

const result = (exitCode: number, stdout = '', tail: string[] = []): RunResult => ({
  exitCode,
  signal: null,
  timedOut: false,
  stdout,
  stderr: '',
  tail,
});

interface Engine {
  buildx?: boolean;
  api?: string;
  /** What `docker image inspect` says the built image is. */
  builtFor?: string;
  /** The build of this context fails, printing these lines. */
  failing?: { context: string; lines: string[] };
}

/** A docker CLI that records its calls: `buildx version`, `version`, `build`, `image inspect`. */
function fakeDocker(engine: Engine = {}) {
  const calls: { args: readonly string[]; env: NodeJS.ProcessEnv | undefined }[] = [];
  const run: ProcessRunner = async (command, args, options?: RunOptions) => {
    expect(command).toBe('docker');
    calls.push({ args, env: options?.env });
    if (args[0] === 'buildx' && args[1] === 'version')
      return engine.buildx
        ? result(0, 'github.com/docker/buildx v0.17.1 abc\n')
        : result(1, '', ['unknown command']);
    if (args[0] === 'version') return result(0, `${engine.api ?? '1.41'} linux/amd64\n`);
    if (args[0] === 'image') return result(0, `${engine.builtFor ?? 'linux/amd64'}\n`);
    const context = args.at(-1) ?? '';
    if (engine.failing?.context === context) {
      for (const line of engine.failing.lines) options?.onLine?.(line, 'stdout');
      return result(1, '', engine.failing.lines.slice(-25));
    }
    options?.onLine?.('Step 1/2 : FROM scratch', 'stdout');
    const iid = args[args.indexOf('--iidfile') + 1] ?? '';
    writeFileSync(iid, `sha256:${createHash('sha256').update(context).digest('hex')}`);
    return result(0);
  };
  return { run, calls, builds: () => calls.filter((c) => c.args.includes('--iidfile')) };
}

function options(docker: ReturnType<typeof fakeDocker>, extra: Partial<BuildOptions> = {}) {
  const log = new RecordingLog();
  return {
    log,
    options: {
      workDir: mkdtempSync(path.join(tmpdir(), 'builds-')),
      log,
      maxParallel: 2,
      run: docker.run,
      env: { PATH: '/usr/bin', DOCKER_BUILDKIT: '1' },
      ...extra,
    } satisfies BuildOptions,
  };
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof UserError) return e.diagnostics.map((d) => d.message).join('\n');
    throw e;
  }
  throw new Error('did not fail');
}

describe('buildImages', () => {
  test('the legacy builder: --platform passed when the engine takes it, BuildKit off, each image handed on', async () => {
    const docker = fakeDocker();
    const { log, options: o } = options(docker);
    const handed: string[] = [];
    const images = await buildImages([imageBuild('web'), imageBuild('api')], {
      ...o,
      onBuilt: (image) => handed.push(image.repository),
    });
    expect(images.map((i) => [i.repository, i.imageId.slice(0, 7)])).toEqual([
      ['shop/web', 'sha256:'],
      ['shop/api', 'sha256:'],
    ]);
    expect(handed.sort()).toEqual(['shop/api', 'shop/web']);
    const builds = docker.builds();
    expect(builds.map((b) => b.args.slice(0, 3))).toEqual([
      ['build', '--platform', 'linux/amd64'],
      ['build', '--platform', 'linux/amd64'],
    ]);
    // DOCKER_BUILDKIT=1 without buildx would make docker refuse to build.
    expect(builds.every((b) => b.env?.DOCKER_BUILDKIT === '0')).toBe(true);
    expect(log.text()).toContain(
      'info: Building with the legacy builder (no docker buildx) on a linux/amd64 engine, API 1.41: --platform is passed',
    );
    expect(log.text()).toContain('output: [web] Step 1/2 : FROM scratch');
  });

  test('buildx when docker has it: --load, and the environment as given', async () => {
    const docker = fakeDocker({ buildx: true });
    const { log, options: o } = options(docker);
    await buildImages([imageBuild('web')], o);
    const [build] = docker.builds();
    expect(build?.args.slice(0, 5)).toEqual(['buildx', 'build', '--load', '--platform', 'linux/amd64']);
    expect(build?.env?.DOCKER_BUILDKIT).toBe('1');
    expect(log.text()).toContain('info: Building with github.com/docker/buildx v0.17.1 abc');
  });

  test('an engine too old for --platform builds its own platform without it, and refuses another before building', async () => {
    const docker = fakeDocker({ api: '1.37' });
    const { options: o } = options(docker);
    await buildImages([imageBuild('web')], o);
    expect(docker.builds()[0]?.args.slice(0, 2)).toEqual(['build', '--file']);

    const again = fakeDocker({ api: '1.37' });
    const message = await failure(
      buildImages(
        [imageBuild('web'), imageBuild('arm', { platform: 'linux/arm64' })],
        options(again).options,
      ),
    );
    expect(message).toBe(
      'cannot build shop/arm (service arm) for linux/arm64: the engine builds for linux/amd64 and is too old to take --platform (API < 1.38); install buildx or build on a linux/arm64 runner',
    );
    expect(again.builds()).toEqual([]);
  });

  test('a failed build names the service and shows the last lines of its output', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);
    lines.push('COPY failed: file not found in build context: missing.txt');
    const docker = fakeDocker({ failing: { context: '/ws/web', lines } });
    const message = await failure(buildImages([imageBuild('web')], options(docker).options));
    expect(message).toMatch(
      /^building shop\/web \(service web\) failed: docker exited with code 1\. Last lines of its output:\n/,
    );
    expect(message).toContain('COPY failed: file not found in build context: missing.txt');
    expect(message).not.toContain('line 6\n');
  });

  test('an image built for another platform than asked is refused before it is pushed', async () => {
    const docker = fakeDocker({ builtFor: 'linux/amd64' });
    const message = await failure(
      buildImages([imageBuild('web', { platform: 'linux/arm64/v8' })], options(docker).options),
    );
    expect(message).toBe(
      "shop/web (service web) was built for linux/amd64, not linux/arm64/v8: the legacy builder takes the platform from the base image (FROM scratch: the engine's own); build with buildx, or on a runner of that platform",
    );
  });

  test('every secret-looking build arg is masked before the first docker command, so no output can show it', async () => {
    const docker = fakeDocker();
    const { log, options: o } = options(docker);
    // What the log had been told when each docker command started.
    const maskedAtStart: string[][] = [];
    const run: ProcessRunner = async (command, args, opts) => {
      maskedAtStart.push([...log.secrets]);
      return docker.run(command, args, opts);
    };
    await buildImages(
      [
        imageBuild('web', { args: [{ name: 'NPM_TOKEN', value: 'tok-123', secret: true }] }),
        imageBuild('api', { args: [{ name: 'PIP_PASSWORD', value: 'pw-456', secret: true }] }),
      ],
      { ...o, run, maxParallel: 1 },
    );
    expect(maskedAtStart.length).toBeGreaterThan(2);
    for (const masked of maskedAtStart) expect(masked.sort()).toEqual(['pw-456', 'tok-123']);
    expect(log.raw.join('\n')).not.toContain('tok-123');
    expect(docker.builds()[0]?.args).toContain('NPM_TOKEN=tok-123');
  });

  test('docker missing from PATH is said plainly', async () => {
    const { options: o } = options(fakeDocker(), {
      run: async () => {
        const { CommandNotFoundError } = await import('../../src/process');
        throw new CommandNotFoundError('docker');
      },
    });
    expect(await failure(buildImages([imageBuild('web')], o))).toBe(
      '`docker` is not on PATH: it is needed to build the images of build: services',
    );
  });
});
