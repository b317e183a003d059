import { stderrLog, UsageError, type CliIo } from './io';
import { deployRequestOf, parseCommandLine } from './request';
import { awsClients } from '../aws/clients';
import { planDeployChange, type DeployChangeInput } from '../stages/change-plan';
import { planText } from '../stages/change-text';
import { preflight } from '../stages/preflight';
import { planServicesChange } from '../stages/services-plan';
import { servicesPlanText } from '../stages/services-text';

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
account from --account-id, else $AWS_ACCOUNT_ID, else ECR. With --layout services, the same for
each compose service's ECS service (<service>-<compose service>), in rollout order, and whether
the Cloud Map namespace exists.

Options:
      --service <name>           the ECS service (required)
      --cluster <name>           its cluster (default: default)
      --no-create-service        a missing service is an error, as with create-service: false
      --force-new-deployment     as the action's force-new-deployment
      --no-reuse-released-images as the action's reuse-released-images: false
  -h, --help                     show this help
  (and the render options: see habitat-ecs render --help)

Exit status: 0 planned, 1 the input has errors or an AWS call failed, 2 usage error.
`;

const OWN = {
  service: { type: 'string' },
  cluster: { type: 'string' },
  'no-create-service': { type: 'boolean' },
  'force-new-deployment': { type: 'boolean' },
  'no-reuse-released-images': { type: 'boolean' },
} as const;

/** `habitat-ecs plan <args>` (the arguments after plan): the plan of the action's plan mode, on stdout. */
export async function planCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandLine(argv, OWN);
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  const service = values.service;
  if (service === undefined) throw new UsageError('--service is required');
  const request = deployRequestOf(values, io);
  const log = stderrLog(io);
  const checked = preflight(request, log);
  const input: DeployChangeInput = {
    cluster: values.cluster ?? 'default',
    service,
    createService: !values['no-create-service'],
    forceNewDeployment: values['force-new-deployment'] ?? false,
    reuseReleased: !values['no-reuse-released-images'],
    log,
  };
  if (checked.translated.layout === 'services') {
    const plan = await planServicesChange(awsClients(request.region), request, checked, input);
    for (const line of servicesPlanText(plan)) io.stdout(`${line}\n`);
    return 0;
  }
  const planned = await planDeployChange(awsClients(request.region), request, checked, input);
  for (const line of planText(planned, service, planned.logDiff)) io.stdout(`${line}\n`);
  return 0;
}
