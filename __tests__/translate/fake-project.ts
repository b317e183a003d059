import { canonicalServices } from '../../src/compose/canonical/service';
import type { ComposeProject, JsonObject } from '../../src/compose/types';

/**
 * A ComposeProject from plain service definitions, through the canonical pass (which throws a
 * UserError for a short syntax it cannot read); every key path "is" at the line its length says.
 */
export function fakeProject(
  services: Record<string, JsonObject>,
  file = 'docker-compose.yml',
): ComposeProject {
  const locate = (p: readonly (string | number)[]) => ({ file, line: p.length, column: 1 });
  return {
    files: [file],
    workingDir: '.',
    name: 'project',
    services: canonicalServices(Object.entries(services), locate),
    volumes: {},
    warnings: [],
    locate,
  };
}
