import { basename, dirname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { credentialGuard } from '../compose/runner-credentials';
import { tagProblem } from '../registry/validate';
import type { Request } from '../stages/request';
import { readLayout } from '../inputs/layout';
import type { Layout } from '../translate/context';
import { parsePackageSource } from '../translate/habitat/package-source';
import { architectureOf } from '../translate/runtime-platform';
import { UsageError, type CliIo } from './io';

/** The options that say what to translate and for where: every command that translates takes them. */
const REQUEST_OPTIONS = {
  file: { type: 'string', short: 'f', multiple: true },
  'ecs-params': { type: 'string' },
  'env-file': { type: 'string' },
  'launch-type': { type: 'string' },
  platform: { type: 'string' },
  'account-id': { type: 'string' },
  region: { type: 'string' },
  'image-tag': { type: 'string' },
  family: { type: 'string' },
  layout: { type: 'string' },
  namespace: { type: 'string' },
  'habitat-package': { type: 'string', multiple: true },
  'no-hab-license': { type: 'boolean' },
  'health-checks': { type: 'boolean' },
  'allow-interpolation': { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Their help, for render's and for the commands that say "[render options]". */
export const REQUEST_HELP = `  -f, --file <path>              compose file; repeat to merge overrides (default docker-compose.yml)
      --ecs-params <path>        ecs-params.yml (ecs-cli format): network mode, roles, task size,
                                 per-container settings, run_params
      --env-file <path>          variables for interpolation (default: .env beside the first file)
      --launch-type <type>       EC2 (default) or FARGATE
      --platform <platform>      the task's runtime platform: linux/amd64 or linux/arm64
                                 (default: the services' platform:, else none: ECS runs X86_64)
      --account-id <id>          AWS account of the ECR registry Habitat images are pushed to
                                 (default: $AWS_ACCOUNT_ID). Required when a Habitat package is given.
      --region <region>          region of that registry (default: $AWS_REGION, $AWS_DEFAULT_REGION).
                                 Required when a Habitat package is given.
      --image-tag <tag>          tag the Habitat images are pushed under (default: latest)
      --family <name>            task definition family (default: the first compose file's
                                 directory name)
      --layout <layout>          task (default): one task definition, a container per service;
                                 services: a task definition per compose service (family
                                 <family>-<service>), each its own ECS service, found by name
                                 through Cloud Map and Service Connect
      --namespace <name>         the Cloud Map namespace of --layout services (default:
                                 <family>.internal)
      --habitat-package <pkg>    origin/name[/version[/release]] or a .hart file; repeatable.
                                 Services whose image: names the package's repository run it.
      --no-hab-license           do not add HAB_LICENSE=accept-no-persist to Habitat containers
      --health-checks            add Supervisor health checks to Habitat containers
      --allow-interpolation <names>
                                 variables (comma-separated; repeatable) that \${...} may take from
                                 the environment although they are credentials of this shell or
                                 job (AWS keys, GITHUB_TOKEN, ACTIONS_*, HAB_AUTH_TOKEN); refused
                                 otherwise, as they would be stored in the task definition
  -h, --help                     show this help
`;

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * A command's arguments, read with the request's options and its own: one parser for every
 * command, so each takes the render options alike. UsageError when they are wrong.
 */
export function parseCommandLine<const Own extends Options>(
  argv: readonly string[],
  own: Own,
  allowPositionals = false,
) {
  try {
    return parseArgs({
      args: [...argv],
      options: { ...REQUEST_OPTIONS, ...own },
      allowPositionals,
      strict: true,
      tokens: true,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** The request options as parsed. */
interface RequestValues {
  file?: string[];
  'ecs-params'?: string;
  'env-file'?: string;
  'launch-type'?: string;
  platform?: string;
  'account-id'?: string;
  region?: string;
  'image-tag'?: string;
  family?: string;
  layout?: string;
  namespace?: string;
  'habitat-package'?: string[];
  'no-hab-license'?: boolean;
  'health-checks'?: boolean;
  'allow-interpolation'?: string[];
}

/**
 * The request the options make, checked: the same value the action builds from its inputs. The
 * environment interpolates `${...}`, less this shell's and job's credentials unless allowed.
 */
export function requestOf(values: RequestValues, io: CliIo): Request {
  const launchType = (values['launch-type'] ?? 'EC2').toUpperCase();
  if (launchType !== 'EC2' && launchType !== 'FARGATE') {
    throw new UsageError(`--launch-type must be EC2 or FARGATE, not "${values['launch-type']}"`);
  }
  const platform = values.platform?.toLowerCase();
  if (platform !== undefined && !architectureOf(platform)) {
    throw new UsageError(`--platform must be linux/amd64 or linux/arm64, not "${values.platform}"`);
  }
  const packages = (values['habitat-package'] ?? []).map(parsePackageSource);
  const accountId = values['account-id'] ?? io.env.AWS_ACCOUNT_ID;
  const region = values.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION;
  if (accountId !== undefined && !/^\d{12}$/.test(accountId)) {
    throw new UsageError(`--account-id must be 12 digits, not "${accountId}"`);
  }
  const imageTag = values['image-tag'] ?? 'latest';
  const badTag = tagProblem(imageTag);
  if (badTag) throw new UsageError(`--image-tag ${badTag}`);
  const allow = (values['allow-interpolation'] ?? []).flatMap((v) => v.split(',')).map((n) => n.trim());
  const badName = allow.find((n) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(n));
  if (badName !== undefined)
    throw new UsageError(`--allow-interpolation: "${badName}" is not a variable name`);
  const files = values.file ?? ['docker-compose.yml'];
  const family = values.family ?? defaultFamily(files[0] as string);
  return {
    composeFiles: files,
    ...(values['env-file'] !== undefined && { envFile: values['env-file'] }),
    ...(values['ecs-params'] !== undefined && { ecsParamsFile: values['ecs-params'] }),
    launchType,
    ...(platform !== undefined && { platform }),
    layout: layoutOf(values, family),
    family,
    packages,
    // Images are built only by a deploy: plan and verify say what it would build.
    build: false,
    imageTag,
    habitat: { acceptLicense: !values['no-hab-license'], healthChecks: values['health-checks'] ?? false },
    ...(accountId !== undefined && { accountId }),
    ...(region !== undefined && { region }),
    environment: io.env,
    refuseVariable: credentialGuard({
      environment: io.env,
      masked: [],
      allow,
      howToAllow: (name) => `allow it with --allow-interpolation ${name}`,
    }),
  };
}

/**
 * The request of a command that asks AWS what a deploy would meet (plan, verify): the images of
 * build: services are what a deploy builds and pushes, as with the action's build input (default
 * true), and the region is required.
 */
export function deployRequestOf(values: RequestValues, io: CliIo): Request & { region: string } {
  const request = requestOf(values, io);
  if (!request.region) throw new UsageError('no region: give --region, or set AWS_REGION');
  return { ...request, build: true, region: request.region };
}

/** The first request option among the tokens, as it was written (`-f`); undefined when none. */
export function firstRequestOption(
  tokens: readonly { kind: string; name?: string; rawName?: string }[] | undefined,
): string | undefined {
  const found = (tokens ?? []).find(
    (t) => t.kind === 'option' && t.name !== undefined && t.name in REQUEST_OPTIONS && t.name !== 'help',
  );
  return found?.rawName;
}

/** --layout and --namespace, checked as the action checks its inputs. */
function layoutOf(values: RequestValues, family: string): Layout {
  const problems: string[] = [];
  const layout = readLayout(
    values.layout ?? 'task',
    values.namespace ?? '',
    family,
    undefined,
    (input, message) => problems.push(`--${input} ${message}`),
  );
  if (problems.length > 0) throw new UsageError(problems.join('; '));
  return layout;
}

/** The compose project name a user would expect: the directory of the first file, as a family name. */
function defaultFamily(file: string): string {
  const name = basename(dirname(resolve(file)))
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return name || 'compose';
}
