import { cliLine, UsageError, type CliIo } from './io';
import { parseCommandLine, REQUEST_HELP, requestOf } from './request';
import { requestRegistry, translateRequest, type Request } from '../stages/request';
import { renderedDocument, type TranslatedProject } from '../translate/project';
import { topologyOf } from '../translate/topology';
import { version } from '../../package.json';

const HELP = `habitat-ecs render: print the ECS task definition a compose file becomes

Usage: habitat-ecs render -f <compose> [-f <override>]... [options]

Reads the compose files (merged in order, like docker compose -f), decides which services run
the given Habitat packages, and prints the RegisterTaskDefinition input as JSON on stdout; with
--layout services, {"layout", "namespace", "units": [...]}: each compose service's task
definition, replicas, the services it waits for, its Cloud Map name and Service Connect
configuration, in rollout order. Warnings and errors go to stderr as file:line:column: lines.
Nothing is exported, pushed or sent to AWS; no network is used.

Options:
${REQUEST_HELP}      --graph                    print the topology as a Mermaid diagram instead (tasks, containers,
                                 ports, links or Service Connect names, the Habitat ring and binds)
  -V, --version                  print the version

Exit status: 0 rendered, 1 the input has errors, 2 usage error.

habitat-ecs plan says what the action's deploy would change on ECS: see habitat-ecs plan --help.
habitat-ecs up | down | ps run the rendered task on the local Docker engine: see habitat-ecs up --help.
`;

/** `habitat-ecs render ...` (argv with the word render in it): the task definition on stdout. */
export function renderCommand(argv: readonly string[], io: CliIo): number {
  const { values, positionals } = parseCommandLine(
    argv,
    { version: { type: 'boolean', short: 'V' }, graph: { type: 'boolean' } },
    true,
  );
  if (values.version) {
    io.stdout(`${version}\n`);
    return 0;
  }
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  const [command, ...extra] = positionals;
  if (command !== 'render') {
    throw new UsageError(command === undefined ? 'missing command: render' : `unknown command "${command}"`);
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const request = requestOf(values, io);
  const rendered = renderTask(request, io);
  if (values.graph) io.stdout(`${topologyOf(rendered, { title: request.family })}\n`);
  else io.stdout(`${JSON.stringify(renderedDocument(rendered), null, 2)}\n`);
  return 0;
}

/** The translation of the request, its warnings on stderr: what render prints and up runs. */
export function renderTask(request: Request, io: CliIo): TranslatedProject {
  if (request.packages.length > 0 && (!request.accountId || !request.region)) {
    throw new UsageError(
      'Habitat images are named after their ECR registry: give --account-id and --region (or set AWS_ACCOUNT_ID and AWS_REGION)',
    );
  }
  // Without packages no image is named after the registry, so any well-formed value does.
  const rendered = translateRequest(request, requestRegistry(request));
  for (const w of rendered.warnings) io.stderr(`${cliLine(w)}\n`);
  return rendered;
}
