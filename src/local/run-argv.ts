import type { ContainerPlan } from './types';

/**
 * The `docker run` argv of a planned container. `addresses` holds the address of each container
 * it links to (known once they run): Docker's legacy links, which ECS uses on its bridge network,
 * write the link alias and the target's hostname into /etc/hosts; --add-host writes the same.
 */
export function runArgv(c: ContainerPlan, addresses: ReadonlyMap<string, string>): string[] {
  const hosts = c.hosts.flatMap((h) => {
    const address = addresses.get(h.container);
    return address ? h.names.flatMap((n) => ['--add-host', `${n}:${address}`]) : [];
  });
  return ['run', '--detach', ...c.options, ...hosts, c.image, ...c.args];
}
