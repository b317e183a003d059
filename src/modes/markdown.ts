import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import { inlineCode } from '../markdown';

/** A container's ports as the summary lists them: `8080/tcp`, `80:8080/tcp` when the host port differs. */
export function ports(c: ContainerDefinition): string {
  const list = (c.portMappings ?? []).map(
    (p) =>
      `${p.hostPort !== undefined && p.hostPort !== p.containerPort ? `${p.hostPort}:` : ''}${p.containerPort}/${p.protocol ?? 'tcp'}`,
  );
  return list.join(', ') || '-';
}

/** A code span in a table cell: a `|` inside would still end the cell (GFM tables, 4.10). */
export function cellCode(text: string): string {
  return inlineCode(text).replace(/\|/g, '\\|');
}
