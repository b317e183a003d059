import { parseArgs } from 'node:util';
import { cliLine, stderrLog, type CliIo } from './io';
import { UserError } from '../diagnostics';
import { explainAwsFailure } from '../aws/errors';
import { verifyDeployment, verifyTargetOf } from '../verify';
import { PackageSpecError, parsePackageSource } from '../translate/habitat/package-source';
import { ecrRegistry } from '../translate/image-plan';
import { translateProject } from '../translate/project';

const HELP = `habitat-ecs verify: check in the AWS account what a compose file's task needs

Usage: habitat-ecs verify -f <compose> [-f <override>]... [options]

Translates the task definition as \`habitat-ecs render\` does, then checks with read-only AWS calls,
in the account the credentials reach, what the task and its service need: the task and execution
roles exist and trust ecs-tasks.amazonaws.com, every secret and awslogs log group exists, the awsvpc
subnets and security groups exist in one VPC (and, on Fargate, let the task out), the ECR images
it names exist, and the cluster exists with room for one task (EC2). Credentials, region and
AWS_ENDPOINT_URL come from the environment, as for the AWS CLI.

Options:
  -f, --file <path>              compose file; repeat to merge overrides (default docker-compose.yml)
      --ecs-params <path>        ecs-params.yml (ecs-cli format)
      --env-file <path>          variables for interpolation (default: .env beside the first file)
      --launch-type <type>       EC2 (default) or FARGATE
      --cluster <name>           ECS cluster (default: default)
      --service <name>           the service the task will run in: on a full EC2 cluster, its
                                 running tasks may make room as they are replaced
      --region <region>          the task's region (default: $AWS_REGION, $AWS_DEFAULT_REGION)
      --habitat-package <pkg>    a Habitat package a deploy would export and push; repeatable.
                                 The images of its services are not looked for.
  -h, --help                     show this help

Exit status: 0 nothing wrong (warnings may be printed), 1 problems found, 2 usage error.
`;

const OPTIONS = {
  file: { type: 'string', short: 'f', multiple: true },
  'ecs-params': { type: 'string' },
  'env-file': { type: 'string' },
  'launch-type': { type: 'string' },
  cluster: { type: 'string' },
  service: { type: 'string' },
  region: { type: 'string' },
  'habitat-package': { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `habitat-ecs verify <args>` (the arguments after `verify`); returns the exit status. */
export async function verifyCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true }));
  } catch (e) {
    return usage(io, (e as Error).message);
  }
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  const launchType = (values['launch-type'] ?? 'EC2').toUpperCase();
  if (launchType !== 'EC2' && launchType !== 'FARGATE') {
    return usage(io, `--launch-type must be EC2 or FARGATE, not "${values['launch-type']}"`);
  }
  const region = values.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION;
  if (!region) return usage(io, 'give --region (or set AWS_REGION)');
  const log = stderrLog(io);
  try {
    const translated = translateProject({
      files: values.file ?? ['docker-compose.yml'],
      ...(values['env-file'] !== undefined && { envFile: values['env-file'] }),
      ...(values['ecs-params'] !== undefined && { ecsParamsFile: values['ecs-params'] }),
      launchType,
      // The family is not checked in the account; any valid name renders the same task.
      family: 'verify',
      packages: (values['habitat-package'] ?? []).map(parsePackageSource),
      // Habitat images are what a deploy pushes: named, never looked for.
      registry: ecrRegistry('000000000000', region),
      imageTag: 'latest',
      habitat: { acceptLicense: true, healthChecks: false },
      // As the action's build input (default true): build: services' images are what a deploy
      // builds and pushes, so they are not looked for either.
      build: true,
      environment: io.env,
    });
    for (const w of translated.warnings) io.stderr(`${cliLine(w)}\n`);
    const where = {
      region,
      cluster: values.cluster ?? 'default',
      launchType,
      ...(values.service && { service: values.service }),
    } as const;
    await verifyDeployment(verifyTargetOf(translated, where), { log });
    return 0;
  } catch (e) {
    if (e instanceof UserError) {
      for (const d of e.diagnostics) io.stderr(`${cliLine(d)}\n`);
      return 1;
    }
    if (e instanceof PackageSpecError) {
      io.stderr(`habitat-ecs: error: --habitat-package ${e.message}\n`);
      return 1;
    }
    const explained = explainAwsFailure(e);
    if (explained) io.stderr(`habitat-ecs: error: ${explained}\n`);
    else
      io.stderr(`habitat-ecs: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}

function usage(io: CliIo, message: string): number {
  io.stderr(`habitat-ecs: ${message}\nRun "habitat-ecs verify --help" for usage.\n`);
  return 2;
}
