import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import type { Problems } from '../../problems';
import type { Reach } from '../context';
import { replaceName, type NameReference } from '../name-references';

/**
 * The names a service uses for the others, made to resolve in the services layout: a compose
 * name whose service has TCP ports resolves as it is, through Service Connect's alias; any other
 * (a service without ports, a hostname) is rewritten to the Cloud Map name, `<service>.<namespace>`,
 * with a notice at the line. Edits the container.
 */
export function rewriteNames(
  container: ContainerDefinition,
  references: readonly NameReference[],
  reach: ReadonlyMap<string, Reach>,
  problems: Problems,
): void {
  for (const r of references) {
    const target = reach.get(r.to);
    if (!target) continue;
    if (r.name === r.to && target.endpoints.length > 0) continue;
    const to = target.host;
    if (r.kind.key === 'environment') {
      const variable = r.kind.variable;
      for (const e of container.environment ?? []) {
        if (e.name === variable && e.value !== undefined) e.value = replaceName(e.value, r.name, to);
      }
    } else {
      const key = r.kind.key === 'command' ? 'command' : 'entryPoint';
      container[key] = container[key]?.map((word) => replaceName(word, r.name, to));
    }
    const why =
      r.name === r.to
        ? `${r.to} has no TCP port for Service Connect to give it by name`
        : r.name === target.hostname
          ? `"${r.name}" is the hostname of ${r.to}, which only Cloud Map gives the other services`
          : `"${r.name}" is a link's alias for ${r.to}, which only Cloud Map gives the other services`;
    problems.note(r.place, `"${r.name}" in ${r.where} is rewritten to ${to}: ${why}`);
  }
}
