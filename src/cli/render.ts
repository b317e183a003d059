import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cliLine, UsageError, type CliIo } from './io';
import { credentialGuard } from '../compose/runner-credentials';
import { tagProblem } from '../registry/validate';
import { parsePackageSource } from '../translate/habitat/package-source';
import { ecrRegistry } from '../translate/image-plan';
import { translateProject, type TranslateProjectInput } from '../translate/project';
import { version } from '../../package.json';

const HELP = `habitat-ecs render: print the ECS task definition a compose file becomes

Usage: habitat-ecs render -f <compose> [-f <override>]... [options]

Reads the compose files (merged in order, like docker compose -f), decides which services run
the given Habitat packages, and prints the RegisterTaskDefinition input as JSON on stdout.
Warnings and errors go to stderr as file:line:column: lines. Nothing is exported, pushed or
sent to AWS; no network is used.

Options:
  -f, --file <path>              compose file; repeat to merge overrides (default docker-compose.yml)
      --ecs-params <path>        ecs-params.yml (ecs-cli format): network mode, roles, task size,
                                 per-container settings, run_params
      --env-file <path>          variables for interpolation (default: .env beside the first file)
      --launch-type <type>       EC2 (default) or FARGATE
      --account-id <id>          AWS account of the ECR registry Habitat images are pushed to
                                 (default: $AWS_ACCOUNT_ID). Required when a Habitat package is given.
      --region <region>          region of that registry (default: $AWS_REGION, $AWS_DEFAULT_REGION).
                                 Required when a Habitat package is given.
      --image-tag <tag>          tag the Habitat images are pushed under (default: latest)
      --family <name>            task definition family (default: the first compose file's
                                 directory name)
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
  -V, --version                  print the version

Exit status: 0 rendered, 1 the input has errors, 2 usage error.

habitat-ecs plan says what the action's deploy would change on ECS: see habitat-ecs plan --help.
habitat-ecs up | down | ps run the rendered task on the local Docker engine: see habitat-ecs up --help.
`;

const OPTIONS = {
  file: { type: 'string', short: 'f', multiple: true },
  'ecs-params': { type: 'string' },
  'env-file': { type: 'string' },
  'launch-type': { type: 'string' },
  'account-id': { type: 'string' },
  region: { type: 'string' },
  'image-tag': { type: 'string' },
  family: { type: 'string' },
  'habitat-package': { type: 'string', multiple: true },
  'no-hab-license': { type: 'boolean' },
  'health-checks': { type: 'boolean' },
  'allow-interpolation': { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

/** `habitat-ecs render ...`: the task definition on stdout, warnings on stderr. */
export function renderCommand(argv: readonly string[], io: CliIo): number {
  const parsed = parseRenderArgs(argv, io);
  if (parsed === 'version') {
    io.stdout(`${version}\n`);
    return 0;
  }
  if (parsed === 'help') {
    io.stdout(HELP);
    return 0;
  }
  const { input, accountId, region } = parsed;
  if (input.packages.length > 0 && (!accountId || !region)) {
    throw new UsageError(
      'Habitat images are named after their ECR registry: give --account-id and --region (or set AWS_ACCOUNT_ID and AWS_REGION)',
    );
  }
  // Without packages no image is named after the registry, so any well-formed value does.
  const rendered = translateProject({ ...input, registry: placeholderRegistry(accountId, region) });
  for (const w of rendered.warnings) io.stderr(`${cliLine(w)}\n`);
  io.stdout(`${JSON.stringify(rendered.taskDefinition, null, 2)}\n`);
  return 0;
}

/** What the render options ask for: the translation, less the registry its images are named after. */
export interface RenderRequest {
  input: Omit<TranslateProjectInput, 'registry'>;
  accountId?: string;
  region?: string;
}

/** `render <options>` read and checked; UsageError when they are wrong. */
export function parseRenderArgs(argv: readonly string[], io: CliIo): RenderRequest | 'help' | 'version' {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.version) return 'version';
  if (values.help) return 'help';
  const [command, ...extra] = positionals;
  if (command !== 'render') {
    throw new UsageError(command === undefined ? 'missing command: render' : `unknown command "${command}"`);
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const launchType = (values['launch-type'] ?? 'EC2').toUpperCase();
  if (launchType !== 'EC2' && launchType !== 'FARGATE') {
    throw new UsageError(`--launch-type must be EC2 or FARGATE, not "${values['launch-type']}"`);
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
  const input: RenderRequest['input'] = {
    files,
    ...(values['env-file'] !== undefined && { envFile: values['env-file'] }),
    ...(values['ecs-params'] !== undefined && { ecsParamsFile: values['ecs-params'] }),
    launchType,
    family: values.family ?? defaultFamily(files[0] as string),
    packages,
    imageTag,
    habitat: { acceptLicense: !values['no-hab-license'], healthChecks: values['health-checks'] ?? false },
    environment: io.env,
    refuseVariable: credentialGuard({
      environment: io.env,
      masked: [],
      allow,
      howToAllow: (name) => `allow it with --allow-interpolation ${name}`,
    }),
  };
  return { input, ...(accountId !== undefined && { accountId }), ...(region !== undefined && { region }) };
}

/** The registry images are named after when no image depends on it (no packages). */
export function placeholderRegistry(accountId?: string, region?: string): string {
  return ecrRegistry(accountId ?? '000000000000', region ?? 'us-east-1');
}

/** The compose project name a user would expect: the directory of the first file, as a family name. */
function defaultFamily(file: string): string {
  const name = basename(dirname(resolve(file)))
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return name || 'compose';
}
