import type { ComposeProject, JsonObject } from '../../src/compose/types';

/** A ComposeProject from plain service definitions; every key path "is" at line 1 of the file. */
export function fakeProject(
  services: Record<string, JsonObject>,
  file = 'docker-compose.yml',
): ComposeProject {
  return {
    files: [file],
    workingDir: '.',
    services: new Map(Object.entries(services).map(([name, definition]) => [name, { name, definition }])),
    volumes: {},
    warnings: [],
    locate: (p) => ({ file, line: p.length, column: 1 }),
  };
}
