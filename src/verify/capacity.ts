import type { ContainerInstance, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';

/** What one task reserves on an EC2 container instance. Pure. */
export interface TaskNeed {
  /** CPU units. */
  cpu: number;
  /** MiB. */
  memory: number;
  /** Static host ports (bridge and host network modes), as ECS lists them: `"8080"`. */
  tcpPorts: string[];
  udpPorts: string[];
}

/**
 * The task-level size when it has one, else the sum of its containers (memoryReservation where set,
 * as ECS reserves it), and the fixed host ports it binds.
 */
export function taskNeed(td: RegisterTaskDefinitionCommandInput): TaskNeed {
  const containers = td.containerDefinitions ?? [];
  const sum = (f: (c: (typeof containers)[number]) => number | undefined) =>
    containers.reduce((n, c) => n + (f(c) ?? 0), 0);
  const cpu = td.cpu !== undefined ? Number(td.cpu) : sum((c) => c.cpu);
  const memory = td.memory !== undefined ? Number(td.memory) : sum((c) => c.memoryReservation ?? c.memory);
  const tcpPorts: string[] = [];
  const udpPorts: string[] = [];
  if (td.networkMode !== 'awsvpc') {
    for (const c of containers) {
      for (const p of c.portMappings ?? []) {
        const port = td.networkMode === 'host' ? (p.hostPort ?? p.containerPort) : p.hostPort;
        if (!port) continue; // 0 or unset in bridge mode: a dynamic port
        (p.protocol === 'udp' ? udpPorts : tcpPorts).push(String(port));
      }
    }
  }
  return { cpu, memory, tcpPorts, udpPorts };
}

/** What an instance has left: ECS's remainingResources (its PORTS list the ports in use). */
export interface InstanceRoom {
  arn: string;
  cpu: number;
  memory: number;
  usedTcp: ReadonlySet<string>;
  usedUdp: ReadonlySet<string>;
  /** ECS places tasks only on ACTIVE instances whose agent is connected. */
  usable: boolean;
}

export function roomOf(instance: ContainerInstance): InstanceRoom {
  const resource = (name: string) => instance.remainingResources?.find((r) => r.name === name);
  return {
    arn: instance.containerInstanceArn ?? '',
    cpu: resource('CPU')?.integerValue ?? 0,
    memory: resource('MEMORY')?.integerValue ?? 0,
    usedTcp: new Set(resource('PORTS')?.stringSetValue ?? []),
    usedUdp: new Set(resource('PORTS_UDP')?.stringSetValue ?? []),
    usable: instance.status === 'ACTIVE' && instance.agentConnected !== false,
  };
}

/** Why the task does not fit on the instance; empty when it does. */
export function shortfalls(need: TaskNeed, room: InstanceRoom): string[] {
  if (!room.usable) return ['not ACTIVE or its agent is not connected'];
  const out: string[] = [];
  if (need.cpu > room.cpu) out.push(`${room.cpu} of ${need.cpu} CPU units free`);
  if (need.memory > room.memory) out.push(`${room.memory} of ${need.memory} MiB free`);
  const taken = [
    ...need.tcpPorts.filter((p) => room.usedTcp.has(p)),
    ...need.udpPorts.filter((p) => room.usedUdp.has(p)).map((p) => `${p}/udp`),
  ];
  if (taken.length > 0) out.push(`host port ${taken.join(', ')} in use`);
  return out;
}

/** `cpu 512, 1024 MiB, host ports 8080`: a task's need in a message. */
export function needText(need: TaskNeed): string {
  const ports = [...need.tcpPorts, ...need.udpPorts.map((p) => `${p}/udp`)];
  return `${need.cpu} CPU units, ${need.memory} MiB${ports.length > 0 ? `, host port ${ports.join(', ')}` : ''}`;
}
