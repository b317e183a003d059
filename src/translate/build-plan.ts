import * as path from 'node:path';
import type { BuildConfig } from '../compose/canonical/types';
import type { ComposeProject } from '../compose/types';
import { Problems, type Place } from '../problems';
import { holdsSecret } from './secret-names';
import { isValidRepositoryName, splitImage, type ImageTarget } from './image-name';

/** The platform a service's image is built for when neither it nor the task names one: what ECS runs by default. */
const DEFAULT_PLATFORM = 'linux/amd64';

/** One image to build with the Docker engine and push, as the plan decided. */
export interface ImageBuild {
  /** ECR repository it is pushed to: the `image:`'s repository, or `<project>/<service>`. */
  repository: string;
  /** The compose services that run it: one, or several that name the same image and build. */
  services: string[];
  /** The context directory, absolute (resolved from the project's directory). */
  context: string;
  /** The Dockerfile, absolute (resolved from the context). */
  dockerfile: string;
  args: readonly BuildArg[];
  target?: string;
  labels: readonly (readonly [string, string])[];
  /** `os/arch[/variant]`: the service's `platform:`, else the task's (runtime-platform), else linux/amd64. */
  platform: string;
  /** Where each was written, for the checks that need the files. */
  places: { context: Place; dockerfile: Place; target?: Place };
}

interface BuildArg {
  name: string;
  /** Always given: a bare `- NAME` took its value when the compose file was loaded (resolveBuildArgs). */
  value: string;
  /** Named like a secret: its value is masked in the log. */
  secret: boolean;
}

/** A compose service that runs a built image. */
export interface BuiltService {
  repository: string;
  /** The image reference the container must use (predicted `uri:tag`, or pushed `uri@sha256:...`). */
  image: string;
}

export interface BuildPlan {
  services: Map<string, BuiltService>;
  builds: ImageBuild[];
  problems: Problems;
}

const OS_ARCH = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/;
const REMOTE_CONTEXT = /^[\w+.-]+:\/\/|^git@|^github\.com\//;

/**
 * Which services are built and where their images go. A service with `build:` that does not run
 * a Habitat package (`skip`) is built from its context, and its image pushed to the repository its
 * `image:` names, or `<project>/<service>`. Pure: the files themselves are checked later
 * (docker-build/check.ts), before anything runs.
 */
export function planBuilds(
  project: ComposeProject,
  skip: ReadonlySet<string>,
  habitatRepositories: ReadonlySet<string>,
  target: ImageTarget,
  taskPlatform: string = DEFAULT_PLATFORM,
): BuildPlan {
  const problems = Problems.forProject(project);
  const services = new Map<string, BuiltService>();
  const builds = new Map<string, ImageBuild>();
  for (const [name, service] of project.services) {
    const build = service.canonical.build;
    if (!build || skip.has(name)) continue;
    const at = ['services', name];
    const image = service.definition.image;
    const imageAt = [...at, 'image'];
    const written = typeof image === 'string' && image !== '' ? splitImage(image) : undefined;
    const repository = written?.repository ?? `${project.name}/${name.toLowerCase()}`;
    if (!isValidRepositoryName(repository)) {
      problems.error(
        written ? imageAt : build.at,
        `cannot push the built image to the ECR repository "${repository}": each part must start and end with a letter or digit, with single ".", "_" or "-" between; set image: to a repository name`,
      );
      continue;
    }
    if (habitatRepositories.has(repository)) {
      problems.error(
        written ? imageAt : build.at,
        `${repository} is the repository of a Habitat package of this deploy: give the built image another image:`,
      );
      continue;
    }
    if (written?.host !== undefined && !/\.dkr\.ecr\./.test(written.host)) {
      problems.warn(
        imageAt,
        `the built image is pushed to this deploy's ECR registry as ${repository}, not to ${written.host}`,
      );
    }
    const planned = readBuild(project, name, build, taskPlatform, problems);
    if (!planned) continue;
    const earlier = builds.get(repository);
    if (earlier && !sameBuild(earlier, planned)) {
      problems.error(
        build.at,
        `builds ${repository} differently from service ${earlier.services[0]}, which pushes there too: give one of them another image:`,
      );
      continue;
    }
    if (earlier) earlier.services.push(name);
    else builds.set(repository, { ...planned, repository, services: [name] });
    services.set(name, {
      repository,
      image: target.images?.get(repository) ?? `${target.registry}/${repository}:${target.imageTag}`,
    });
  }
  return { services, builds: [...builds.values()], problems };
}

/** The build of one service, its keys checked; undefined (with errors) when it cannot be built. */
function readBuild(
  project: ComposeProject,
  name: string,
  build: BuildConfig,
  taskPlatform: string,
  problems: Problems,
): Omit<ImageBuild, 'repository' | 'services'> | undefined {
  const errors = problems.errors.length;
  const at = ['services', name];
  for (const other of build.others) {
    if (other.value === 'dockerfile_inline')
      problems.error(
        other.at,
        'is not supported: write the Dockerfile to a file and name it with dockerfile:',
      );
    else
      problems.warn(
        other.at,
        'ignored: the image is built with context, dockerfile, args, target, labels and platforms only',
      );
  }
  if (REMOTE_CONTEXT.test(build.context.value)) {
    problems.error(
      build.context.at,
      'a remote build context is not fetched here: check the sources out into the workspace (actions/checkout) and name their directory',
    );
  }
  const written = project.services.get(name)?.definition.platform;
  const platform = typeof written === 'string' && written !== '' ? written.toLowerCase() : taskPlatform;
  if (!OS_ARCH.test(platform))
    problems.error([...at, 'platform'], `"${platform}" is not a platform such as linux/amd64 or linux/arm64`);
  if (build.platforms) {
    const listed = build.platforms.map((p) => p.value.toLowerCase());
    if (!listed.includes(platform)) {
      problems.error(
        [...at, 'build', 'platforms'],
        `does not list ${platform}, the platform the service runs on (its platform:, else the task's, ${taskPlatform}): add it`,
      );
    } else if (listed.length > 1) {
      problems.warn(
        [...at, 'build', 'platforms'],
        `only ${platform} is built: an ECS task runs one platform (the service's platform:, else the task's, ${taskPlatform})`,
      );
    }
  }
  const args = build.args.flatMap((a): BuildArg[] => {
    if (a.value === null) return [];
    const secret = holdsSecret(a.key);
    if (secret) {
      problems.warn(
        a.at,
        `build arg ${a.key} looks like a secret: its value is kept in the history of the pushed image, which anyone who can pull it can read; keep secrets out of images`,
      );
    }
    return [{ name: a.key, value: a.value, secret }];
  });
  if (problems.errors.length > errors) return undefined;
  const context = path.resolve(project.workingDir, build.context.value);
  return {
    context,
    dockerfile: path.resolve(context, build.dockerfile?.value ?? 'Dockerfile'),
    args,
    ...(build.target && { target: build.target.value }),
    labels: build.labels.map((l) => [l.key, l.value ?? ''] as const),
    platform,
    places: {
      context: build.context.at,
      dockerfile: build.dockerfile?.at ?? build.at,
      ...(build.target && { target: build.target.at }),
    },
  };
}

/** Two services may share an image only if they build it alike. */
function sameBuild(a: Omit<ImageBuild, 'repository' | 'services'>, b: typeof a): boolean {
  const key = (x: typeof a) =>
    JSON.stringify([x.context, x.dockerfile, x.args, x.target ?? null, x.labels, x.platform]);
  return key(a) === key(b);
}
