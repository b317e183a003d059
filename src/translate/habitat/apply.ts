import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import type { ComposeProject } from '../../compose/types';
import { UserError, type Diagnostic } from '../../diagnostics';
import type { HabitatOptions, HabitatService } from './types';
import { buildContext, writeBackCommands } from './context';
import { acceptLicense, addHealthChecks, checkServiceConfig } from './environment';
import { addStartOrder } from './order';
import { checkBinds, resolvePeers, type PeerEdge } from './peers';
import type { ServicesPart } from '../context';
import { assignPorts } from './ports';

export interface HabitatPassInput {
  /** The translated task definition; networkMode already decided. */
  taskDefinition: RegisterTaskDefinitionCommandInput;
  project: ComposeProject;
  /** Compose service name (= container name) to what it runs. */
  habitatServices: ReadonlyMap<string, HabitatService>;
  options: HabitatOptions;
  /** The services layout: this task runs one compose service of several. */
  services?: ServicesPart;
}

/**
 * Makes the containers that run the Habitat Supervisor work on ECS (issue #5): understands their
 * Supervisor arguments, keeps several Supervisors from clashing in a shared network namespace,
 * makes every --peer resolve, orders start-up along the ring, accepts the license and adds health
 * checks from the Supervisor's HTTP API. The input is not modified.
 *
 * Throws a UserError carrying every error found; returns warnings with their compose locations.
 */
export function applyHabitat(input: HabitatPassInput): {
  taskDefinition: RegisterTaskDefinitionCommandInput;
  warnings: Diagnostic[];
  /** Peers in other compose services (services layout): they must run first. */
  remotePeers: PeerEdge[];
} {
  const taskDefinition = structuredClone(input.taskDefinition);
  const context = buildContext(
    taskDefinition,
    input.project,
    input.habitatServices,
    input.options,
    input.services,
  );
  const ports = assignPorts(context);
  const edges = resolvePeers(context, ports);
  // In the services layout the ring spans the services: its binds are checked across them all.
  if (!input.services) checkBinds(context);
  acceptLicense(context);
  checkServiceConfig(context);
  addHealthChecks(context, ports);
  addStartOrder(context, edges);
  if (context.problems.errors.length > 0) throw new UserError(context.problems.errors);
  writeBackCommands(context);
  const local = new Set(context.byName.keys());
  return {
    taskDefinition,
    warnings: context.problems.warnings,
    remotePeers: edges.filter((e) => !local.has(e.to)),
  };
}
