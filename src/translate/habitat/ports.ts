import { hasFlag, lastFlagValue, newFlag } from './supervisor-args';
import { splitHostPort } from './supervisor-values';
import { commandPath, environmentValue, type HabitatContainer, type HabitatContext } from './context';
import type { KeyPath } from '../../problems';

/**
 * The Supervisor's three listeners. In bridge mode every container has its own network namespace
 * and the defaults are fine; in a shared namespace (awsvpc, Fargate, host) each Supervisor needs
 * its own, or the second one fails to bind.
 */
export type Listener = 'gossip' | 'http' | 'ctl';
const LISTENERS: readonly Listener[] = ['gossip', 'http', 'ctl'];
export const DEFAULT_PORTS: Readonly<Record<Listener, number>> = { gossip: 9638, http: 9631, ctl: 9632 };
/** Slot k of the port scheme is the defaults plus k * PORT_STEP. */
const PORT_STEP = 10;
/** gossip and http listen for other containers; ctl only for `hab` inside the container. */
const BIND_ADDRESS: Readonly<Record<Listener, string>> = {
  gossip: '0.0.0.0',
  http: '0.0.0.0',
  ctl: '127.0.0.1',
};
const ENVIRONMENT: Readonly<Record<Listener, string>> = {
  gossip: 'HAB_LISTEN_GOSSIP',
  http: 'HAB_LISTEN_HTTP',
  ctl: 'HAB_LISTEN_CTL',
};

type Source = 'flag' | 'environment' | 'x-habitat' | 'scheme' | 'default';
export type SupervisorPorts = Record<Listener, number> & {
  /** Where a health check inside the container reaches the HTTP gateway. */
  httpHost: string;
};
interface Chosen {
  port: number;
  source: Source;
  /** The address part of an explicit --listen-* flag or HAB_LISTEN_* variable. */
  host?: string;
}

/** Decides every Habitat container's Supervisor ports, adding --listen-* flags where needed. */
export function assignPorts(context: HabitatContext): Map<string, SupervisorPorts> {
  const explicit = new Map(context.habitat.map((c) => [c.name, explicitPorts(context, c)]));
  const chosen = new Map<string, Record<Listener, Chosen>>();
  if (!context.sharedNamespace) {
    for (const c of context.habitat) chosen.set(c.name, withDefaults(explicit.get(c.name) ?? {}));
  } else {
    allocateSlots(context, explicit, chosen);
    const managed = new Set(context.habitat.filter((c) => c.args).map((c) => c.name));
    checkClashes(context, new Map([...chosen].filter(([name]) => managed.has(name))));
  }
  const result = new Map<string, SupervisorPorts>();
  for (const [name, ports] of chosen) {
    const { port: http, host } = ports.http;
    // A gateway bound to every address answers on loopback; one bound to a single address, only there.
    const httpHost = host === undefined || ['0.0.0.0', '::', '127.0.0.1'].includes(host) ? '127.0.0.1' : host;
    result.set(name, { gossip: ports.gossip.port, http, ctl: ports.ctl.port, httpHost });
  }
  return result;
}

/** Ports the user chose: --listen-* flags, HAB_LISTEN_* variables, then (shared namespace only) x-habitat. */
function explicitPorts(
  context: HabitatContext,
  container: HabitatContainer,
): Partial<Record<Listener, Chosen>> {
  const ports: Partial<Record<Listener, Chosen>> = {};
  const fromExtension = context.sharedNamespace ? validExtensionPorts(context, container) : {};
  for (const listener of LISTENERS) {
    const flag = container.args && lastFlagValue(container.args, `listen-${listener}`);
    const variable = environmentValue(container.definition, ENVIRONMENT[listener]);
    const fromFlag = flag === undefined ? undefined : splitHostPort(flag);
    const fromVariable = variable === undefined ? undefined : splitHostPort(variable);
    if (fromFlag?.port !== undefined)
      ports[listener] = { port: fromFlag.port, source: 'flag', host: fromFlag.host };
    else if (fromVariable?.port !== undefined)
      ports[listener] = { port: fromVariable.port, source: 'environment', host: fromVariable.host };
    else if (fromExtension[listener] !== undefined)
      ports[listener] = { port: fromExtension[listener], source: 'x-habitat' };
  }
  return ports;
}

function validExtensionPorts(
  context: HabitatContext,
  container: HabitatContainer,
): Partial<Record<Listener, number>> {
  const given = container.service.extension?.ports ?? {};
  const valid: Partial<Record<Listener, number>> = {};
  for (const listener of LISTENERS) {
    const port: unknown = given[listener];
    if (port === undefined) continue;
    if (typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535)
      valid[listener] = port;
    else {
      context.problems.error(
        extensionPortPath(container.name, listener),
        `x-habitat ports.${listener} of "${container.name}" is ${JSON.stringify(port)}: it must be a port number 1-65535`,
      );
    }
  }
  return valid;
}

function withDefaults(explicit: Partial<Record<Listener, Chosen>>): Record<Listener, Chosen> {
  const pick = (l: Listener): Chosen => explicit[l] ?? { port: DEFAULT_PORTS[l], source: 'default' };
  return { gossip: pick('gossip'), http: pick('http'), ctl: pick('ctl') };
}

/**
 * The port scheme: Habitat containers, in compose order, take slots 0, 1, 2, ... where slot k is
 * gossip 9638+10k, http 9631+10k, ctl 9632+10k. A slot is skipped when one of the ports it would
 * use is already another container's (a port mapping or an explicit Supervisor port), so the
 * first container keeps the defaults and the scheme never collides with published ports.
 */
function allocateSlots(
  context: HabitatContext,
  explicit: ReadonlyMap<string, Partial<Record<Listener, Chosen>>>,
  chosen: Map<string, Record<Listener, Chosen>>,
): void {
  const owner = new Map<number, string>();
  for (const c of context.containers) {
    for (const m of c.portMappings ?? [])
      if (m.containerPort !== undefined) owner.set(m.containerPort, c.name ?? '');
  }
  for (const [name, ports] of explicit) for (const p of Object.values(ports)) owner.set(p.port, name);
  const supervisors = context.habitat.filter((c) => c.args);
  // A container with a program of its own may still start a Supervisor on its (default) ports:
  // keep the scheme off them.
  const unmanaged = context.habitat.filter((c) => !c.args);
  for (const container of unmanaged) {
    const ports = withDefaults(explicit.get(container.name) ?? {});
    chosen.set(container.name, ports);
    for (const l of LISTENERS) owner.set(ports[l].port, container.name);
  }
  let slot = 0;
  for (const container of supervisors) {
    const given = explicit.get(container.name) ?? {};
    const free = (k: number): boolean =>
      LISTENERS.every(
        (l) =>
          given[l] !== undefined ||
          (owner.get(DEFAULT_PORTS[l] + PORT_STEP * k) ?? container.name) === container.name,
      );
    while (!free(slot)) slot += 1;
    const pick = (l: Listener): Chosen =>
      given[l] ?? { port: DEFAULT_PORTS[l] + PORT_STEP * slot, source: slot === 0 ? 'default' : 'scheme' };
    const ports = { gossip: pick('gossip'), http: pick('http'), ctl: pick('ctl') };
    for (const l of LISTENERS) owner.set(ports[l].port, container.name);
    chosen.set(container.name, ports);
    addListenFlags(container, ports);
    slot += 1;
  }
  if (unmanaged.length > 1) {
    context.problems.warn(
      commandPath(unmanaged[1]?.name ?? ''),
      `${unmanaged.map((c) => `"${c.name}"`).join(' and ')} run commands of their own, not Supervisor ` +
        `arguments, so the action cannot give their Supervisors (if they start one) ports of their own; in ` +
        `${context.networkMode} network mode all containers share one network namespace and a second ` +
        `Supervisor on the same ports fails to start. Write Supervisor arguments (starting with "-") or set ` +
        `HAB_LISTEN_GOSSIP, HAB_LISTEN_HTTP and HAB_LISTEN_CTL`,
    );
  }
}

/** Tells the Supervisor about ports that are not its defaults and that the user did not set. */
function addListenFlags(container: HabitatContainer, ports: Record<Listener, Chosen>): void {
  for (const listener of LISTENERS) {
    const { port, source } = ports[listener];
    if ((source !== 'scheme' && source !== 'x-habitat') || port === DEFAULT_PORTS[listener]) continue;
    // A Supervisor in local gossip mode does not gossip, and refuses --listen-gossip.
    if (listener === 'gossip' && container.args && hasFlag(container.args, 'local-gossip-mode')) continue;
    container.args?.flags.push(newFlag(`listen-${listener}`, [`${BIND_ADDRESS[listener]}:${port}`]));
  }
}

interface PortUse {
  container: string;
  what: string;
  supervisor: boolean;
  at: KeyPath;
}

/** In one network namespace a port can have one owner: say who collides with whom. */
function checkClashes(context: HabitatContext, chosen: ReadonlyMap<string, Record<Listener, Chosen>>): void {
  const uses = new Map<number, PortUse[]>();
  const add = (port: number, use: PortUse): void => {
    const list = uses.get(port) ?? [];
    uses.set(port, [...list, use]);
  };
  for (const [name, ports] of chosen) {
    for (const l of LISTENERS) {
      const { port, source } = ports[l];
      const at: KeyPath =
        source === 'x-habitat'
          ? extensionPortPath(name, l)
          : source === 'environment'
            ? ['services', name, 'environment', ENVIRONMENT[l]]
            : commandPath(name);
      add(port, {
        container: name,
        what: `Supervisor ${l} port, ${describeSource(source)}`,
        supervisor: true,
        at,
      });
    }
  }
  for (const c of context.containers) {
    const name = c.name ?? '';
    (c.portMappings ?? []).forEach((m, i) => {
      if (m.containerPort !== undefined)
        add(m.containerPort, {
          container: name,
          what: 'a port mapping',
          supervisor: false,
          at: ['services', name, 'ports', i],
        });
    });
  }
  for (const [port, list] of uses) {
    const reported = new Set<string>();
    for (const [i, first] of list.entries()) {
      for (const second of list.slice(i + 1)) {
        // A container may publish its own Supervisor port, and may list a port twice (tcp and udp).
        const sameContainer = first.container === second.container;
        if (sameContainer && !(first.supervisor && second.supervisor)) continue;
        const key = `${first.container}/${second.container}`;
        if (reported.has(key)) continue;
        reported.add(key);
        context.problems.error(
          second.at,
          `port ${port} is used twice in one network namespace: by "${first.container}" (${first.what}) and by ` +
            `"${second.container}" (${second.what}); containers in ${context.networkMode} network mode share their ports, so give ` +
            `one of them another port (for a Supervisor: x-habitat ports, or --listen-* in its command)`,
        );
      }
    }
  }
}

function describeSource(source: Source): string {
  switch (source) {
    case 'flag':
      return 'from its command';
    case 'environment':
      return `from its environment`;
    case 'x-habitat':
      return 'from x-habitat ports';
    case 'scheme':
      return 'given by the port scheme';
    case 'default':
      return 'the default';
  }
}

function extensionPortPath(name: string, listener: Listener): KeyPath {
  return ['services', name, 'x-habitat', 'ports', listener];
}
