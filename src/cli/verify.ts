import { stderrLog, type CliIo } from './io';
import { deployRequestOf, parseCommandLine } from './request';
import { preflight } from '../stages/preflight';
import { verifyStage } from '../stages/verify';

const HELP = `habitat-ecs verify: check in the AWS account what a compose file's task needs

Usage: habitat-ecs verify -f <compose> [-f <override>]... [--cluster <name>] [render options]

Translates the task definition as \`habitat-ecs render\` does (same options), then checks with
read-only AWS calls, in the account the credentials reach, what the task and its service need:
the task and execution roles exist and trust ecs-tasks.amazonaws.com, every secret and awslogs
log group exists, the awsvpc subnets and security groups exist in one VPC (and, on Fargate, let
the task out), the ECR images it names exist, and the cluster exists with room for one task
(EC2). The images of Habitat packages (--habitat-package) and of build: services are what a
deploy pushes, so they are not looked for. With --layout services, every service's task, and
that the security groups let the tasks in from each other: the Supervisors' gossip (TCP and UDP
9638) and HTTP (TCP 9631), and Service Connect's ports. Credentials, region and AWS_ENDPOINT_URL
come from the environment, as for the AWS CLI.

Options:
      --cluster <name>           ECS cluster (default: default)
      --service <name>           the service the task will run in: on a full EC2 cluster, its
                                 running tasks may make room as they are replaced
  -h, --help                     show this help
  (and the render options: see habitat-ecs render --help)

Exit status: 0 nothing wrong (warnings may be printed), 1 problems found, 2 usage error.
`;

const OWN = {
  cluster: { type: 'string' },
  service: { type: 'string' },
} as const;

/** `habitat-ecs verify <args>` (the arguments after verify): the action's verify, findings on stderr. */
export async function verifyCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandLine(argv, OWN);
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  const request = deployRequestOf(values, io);
  const log = stderrLog(io);
  const checked = preflight(request, log);
  const where = {
    verify: true,
    region: request.region,
    cluster: values.cluster ?? 'default',
    launchType: request.launchType,
    ...(values.service && { service: values.service }),
  };
  await verifyStage(where, checked.translated, log);
  return 0;
}
