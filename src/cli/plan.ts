import { parseArgs } from 'node:util';
import { cliLine, stderrLog, UsageError, type CliIo } from './io';
import { parseRenderArgs, placeholderRegistry } from './render';
import { UserError } from '../diagnostics';
import { explainAwsFailure } from '../aws/errors';
import { PackageSpecError } from '../translate/habitat/package-source';
import { ecrRegistry } from '../translate/image-plan';
import { translateProject } from '../translate/project';

const HELP = `habitat-ecs plan: what the action's deploy would change on ECS, with read-only calls

Usage: habitat-ecs plan --service <name> [--cluster <name>] [-f <compose>]... [render options]

Renders the compose files as "habitat-ecs render" does (same options), reads the service and the
task definition it runs (DescribeServices, DescribeTaskDefinition) and prints: whether a deploy
would create the service, update it or leave it alone; for each Habitat package, whether its
image would be reused (a pinned release the registry already holds: ECR DescribeImages) or
exported and pushed (an unpinned package is: unlike the action, this does not ask Builder for
its latest release); and the field-level diff
against the running revision (containers, images, environment values masked where the name looks
secret, ports, cpu and memory, roles, ...). Nothing is exported, pushed, created or registered.
The AWS credentials and region come from the environment as for the AWS CLI; the registry's
account from --account-id, else $AWS_ACCOUNT_ID, else ECR.

Options:
      --service <name>           the ECS service (required)
      --cluster <name>           its cluster (default: default)
      --no-create-service        a missing service is an error, as with create-service: false
      --force-new-deployment     as the action's force-new-deployment
      --no-reuse-released-images as the action's reuse-released-images: false
  -h, --help                     show this help

Exit status: 0 planned, 1 the input has errors or an AWS call failed, 2 usage error.
`;

const OWN = {
  service: { type: 'string' },
  cluster: { type: 'string' },
  'no-create-service': { type: 'boolean' },
  'force-new-deployment': { type: 'boolean' },
  'no-reuse-released-images': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `habitat-ecs plan <args>`; the exit status. */
export async function runPlan(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await plan(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`habitat-ecs: ${e.message}\nRun "habitat-ecs plan --help" for usage.\n`);
      return 2;
    }
    if (e instanceof UserError) {
      for (const d of e.diagnostics) io.stderr(`${cliLine(d)}\n`);
      return 1;
    }
    if (e instanceof PackageSpecError) {
      io.stderr(`habitat-ecs: error: --habitat-package ${e.message}\n`);
      return 1;
    }
    const aws = explainAwsFailure(e);
    if (aws) {
      io.stderr(`habitat-ecs: error: ${aws}\n`);
      return 1;
    }
    io.stderr(`habitat-ecs: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}

async function plan(argv: readonly string[], io: CliIo): Promise<number> {
  const { own, forwarded } = splitArgs(argv);
  if (own.help) {
    io.stdout(HELP);
    return 0;
  }
  const request = parseRenderArgs(['render', ...forwarded], io);
  if (request === 'help' || request === 'version') {
    io.stdout(HELP);
    return 0;
  }
  const service = own.service;
  if (service === undefined) throw new UsageError('--service is required');
  const { accountId, region } = request;
  // As the action's build input (default true): build: services are built and pushed on deploy.
  const input = { ...request.input, build: true };
  if (!region) throw new UsageError('no region: give --region, or set AWS_REGION');
  const placeholder = placeholderRegistry(accountId, region);
  const first = translateProject({ ...input, registry: placeholder });
  for (const w of first.warnings) io.stderr(`${cliLine(w)}\n`);

  // Loaded here: render, up, down and ps never load the AWS SDK.
  const [{ awsClients }, { authorizeRegistry }, { planChange }, { planText }] = await Promise.all([
    import('../aws/clients'),
    import('../registry/login'),
    import('../stages/change-plan'),
    import('../stages/change-text'),
  ]);
  const clients = awsClients(region);
  const log = stderrLog(io);
  const planned = await planChange(clients, {
    cluster: own.cluster ?? 'default',
    service,
    createService: !own['no-create-service'],
    forceNewDeployment: own['force-new-deployment'] ?? false,
    packages: first.packages,
    builds: first.builds,
    reuseReleased: !own['no-reuse-released-images'],
    registry: async () =>
      accountId ? ecrRegistry(accountId, region) : (await authorizeRegistry(clients.ecr, log)).registry,
    render: (registry, images) => translateProject({ ...input, registry, images }).taskDefinition,
    placeholderRegistry: placeholder,
  });
  for (const line of planText(planned, service, planned.logDiff)) io.stdout(`${line}\n`);
  return 0;
}

/** The plan's own options out of argv; everything else is render's. */
function splitArgs(argv: readonly string[]) {
  const ownArgs: string[] = [];
  const forwarded: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const name = arg === '-h' ? 'help' : arg.startsWith('--') ? arg.slice(2).split('=')[0] : '';
    const spec = OWN[name as keyof typeof OWN];
    if (!spec) {
      forwarded.push(arg);
      continue;
    }
    ownArgs.push(arg);
    if (spec.type === 'string' && !arg.includes('=') && i + 1 < argv.length) ownArgs.push(argv[++i] ?? '');
  }
  return { own: parseOwn(ownArgs), forwarded };
}

function parseOwn(args: string[]) {
  try {
    return parseArgs({ args, options: OWN, strict: true }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
