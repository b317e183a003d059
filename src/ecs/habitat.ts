import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import type { ComposeProject } from '../compose/types';
import type { Diagnostic } from '../diagnostics';
import type { HabitatOptions, HabitatService } from '../habitat/types';

export interface HabitatPassInput {
  /** The translated task definition; networkMode already decided. */
  taskDefinition: RegisterTaskDefinitionCommandInput;
  project: ComposeProject;
  /** Compose service name (= container name) to what it runs. */
  habitatServices: ReadonlyMap<string, HabitatService>;
  options: HabitatOptions;
}

/**
 * Makes the containers that run the Habitat Supervisor work on ECS (issue #5).
 * PLACEHOLDER while issue #5 is built: returns the task definition unchanged.
 */
export function applyHabitat(input: HabitatPassInput): {
  taskDefinition: RegisterTaskDefinitionCommandInput;
  warnings: Diagnostic[];
} {
  return { taskDefinition: input.taskDefinition, warnings: [] };
}
