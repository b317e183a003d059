import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { error, UserError } from '../diagnostics';
import type { Log } from '../log';
import {
  CommandNotFoundError,
  describeExit,
  runProcess,
  type ProcessRunner,
  type RunResult,
} from '../process';
import type { LocalImage } from '../registry/docker-push';
import { mapLimit } from '../parallel';
import type { ImageBuild } from '../translate/build-plan';
import { apiAtLeast, buildCommand, osArch, type Builder } from './command';

/** A built image in the local engine, to push to its repository. */
export interface BuiltImage extends LocalImage {
  build: ImageBuild;
}

export interface BuildOptions {
  /** Parent of the builds' private directories (the image id files). */
  workDir: string;
  log: Log;
  /** Builds at once. */
  maxParallel: number;
  /** Called with each image as soon as it is built; if it throws, no further build starts. */
  onBuilt?: (image: BuiltImage) => void;
  /** Environment for docker (default process.env): the job's own docker logins pull base images. */
  env?: NodeJS.ProcessEnv;
  run?: ProcessRunner;
  /** Kill a build that runs longer than this. Default 30 minutes. */
  timeoutMs?: number;
}

/** How long `docker buildx version` and `docker version` may take. */
const QUERY_TIMEOUT_MS = 2 * 60 * 1000;
/** The engine API from which `docker build` takes `--platform`. */
const PLATFORM_API = '1.38';

/**
 * Builds every image with the Docker engine, at most `maxParallel` at once, each handed to
 * `onBuilt` as soon as it is there. Nothing is tagged or pushed here: the push does that.
 */
export async function buildImages(
  builds: readonly ImageBuild[],
  options: BuildOptions,
): Promise<BuiltImage[]> {
  const run = options.run ?? runProcess;
  const env = options.env ?? process.env;
  // Before the first docker command: a build's output (or docker's) cannot show what is masked later.
  for (const build of builds) for (const arg of build.args) if (arg.secret) options.log.setSecret(arg.value);
  const builder = await detectBuilder(run, env, options.log);
  // A platform the legacy builder cannot be asked for fails here, before any build starts.
  if (builder.kind === 'legacy' && !builder.platformFlag) {
    const foreign = builds.filter((b) => osArch(b.platform) !== builder.engine);
    if (foreign.length > 0) {
      throw new UserError(
        foreign.map((b) =>
          error(
            `cannot build ${b.repository} (service ${b.services.join(', ')}) for ${b.platform}: the engine builds for ${builder.engine} and is too old to take --platform (API < ${PLATFORM_API}); install buildx or build on a ${b.platform} runner`,
          ),
        ),
      );
    }
  }
  await mkdir(options.workDir, { recursive: true });
  return mapLimit(builds, options.maxParallel, async (build) => {
    const image = await buildOne(build, builder, { ...options, run, env });
    options.onBuilt?.(image);
    return image;
  });
}

/** buildx when `docker buildx` answers; else the legacy builder, and what its engine takes. */
async function detectBuilder(run: ProcessRunner, env: NodeJS.ProcessEnv, log: Log): Promise<Builder> {
  const buildx = await runDocker(run, ['buildx', 'version'], { env, timeoutMs: QUERY_TIMEOUT_MS });
  if (buildx.exitCode === 0) {
    log.info(`Building with ${buildx.stdout.trim() || 'docker buildx'}`);
    return { kind: 'buildx' };
  }
  const version = await runDocker(
    run,
    ['version', '--format', '{{.Server.APIVersion}} {{.Server.Os}}/{{.Server.Arch}}'],
    { env: legacyEnvironment(env), timeoutMs: QUERY_TIMEOUT_MS },
  );
  const [api = '', engine = ''] = version.stdout.trim().split(' ');
  if (version.exitCode !== 0 || !/^\d+\.\d+$/.test(api) || !engine.includes('/')) {
    throw new UserError(
      error(
        `the Docker engine does not answer \`docker version\` (${describeExit(version)}):\n${version.tail.join('\n')}`,
      ),
    );
  }
  const platformFlag = apiAtLeast(api, PLATFORM_API);
  log.info(
    `Building with the legacy builder (no docker buildx) on a ${engine} engine, API ${api}: ` +
      (platformFlag
        ? '--platform is passed'
        : `--platform is not taken before API ${PLATFORM_API}, so it is left out`),
  );
  return { kind: 'legacy', platformFlag, engine };
}

async function buildOne(
  build: ImageBuild,
  builder: Builder,
  options: BuildOptions & { run: ProcessRunner; env: NodeJS.ProcessEnv },
): Promise<BuiltImage> {
  const { log } = options;
  const who = `${build.repository} (service ${build.services.join(', ')})`;
  const dir = await mkdtemp(path.join(options.workDir, 'build-'));
  const iidFile = path.join(dir, 'image-id');
  const command = buildCommand(build, builder, iidFile);
  log.info(`Building ${who}: ${command.shown}`);
  const prefix = `[${build.services[0]}] `;
  const result = await runDocker(options.run, command.argv, {
    env: builder.kind === 'legacy' ? legacyEnvironment(options.env) : options.env,
    timeoutMs: options.timeoutMs,
    tailLines: 25,
    // What a build prints is the Dockerfile's (and its packages'): text, never a command.
    onLine: (line) => log.output(prefix + line),
  });
  if (result.exitCode !== 0 || result.timedOut) {
    throw new UserError(
      error(
        `building ${who} failed: docker ${describeExit(result)}. Last lines of its output:\n${result.tail.join('\n')}`,
      ),
    );
  }
  const id = (await readFile(iidFile, 'utf8').catch(() => '')).trim();
  if (!/^sha256:[a-f0-9]{64}$/.test(id))
    throw new UserError(error(`docker built ${who} but wrote no image id to ${iidFile}`));
  const inspected = await runDocker(
    options.run,
    ['image', 'inspect', '--format', '{{.Os}}/{{.Architecture}}', id],
    {
      env: options.env,
      timeoutMs: QUERY_TIMEOUT_MS,
    },
  );
  const platform = inspected.stdout.trim();
  if (inspected.exitCode !== 0)
    throw new UserError(
      error(`the image docker built for ${who} (${id}) is not in the engine: ${inspected.tail.join(' ')}`),
    );
  // ECS would pull an image it cannot run and fail only when the task starts: stop here instead.
  if (platform !== osArch(build.platform)) {
    throw new UserError(
      error(
        `${who} was built for ${platform}, not ${build.platform}` +
          (builder.kind === 'legacy'
            ? ": the legacy builder takes the platform from the base image (FROM scratch: the engine's own); build with buildx, or on a runner of that platform"
            : ''),
      ),
    );
  }
  log.info(`Built ${who}: ${id}`);
  return { repository: build.repository, imageId: id, name: `${build.repository} (built)`, build };
}

/**
 * The legacy builder's environment: DOCKER_BUILDKIT=1 without buildx would make docker refuse to
 * build at all.
 */
function legacyEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, DOCKER_BUILDKIT: '0' };
}

async function runDocker(
  run: ProcessRunner,
  args: string[],
  options: Parameters<ProcessRunner>[2],
): Promise<RunResult> {
  try {
    return await run('docker', args, options);
  } catch (e) {
    if (e instanceof CommandNotFoundError)
      throw new UserError(
        error('`docker` is not on PATH: it is needed to build the images of build: services'),
      );
    throw e;
  }
}
