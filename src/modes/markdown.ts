import type { ContainerDefinition } from '@aws-sdk/client-ecs';

/** A container's ports as the summary lists them: `8080/tcp`, `80:8080/tcp` when the host port differs. */
export function ports(c: ContainerDefinition): string {
  const list = (c.portMappings ?? []).map(
    (p) =>
      `${p.hostPort !== undefined && p.hostPort !== p.containerPort ? `${p.hostPort}:` : ''}${p.containerPort}/${p.protocol ?? 'tcp'}`,
  );
  return list.join(', ') || '-';
}

/** Text for a Markdown table cell: its pipes escaped, on one line. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
