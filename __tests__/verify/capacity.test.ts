import type { ContainerInstance } from '@aws-sdk/client-ecs';
import { needText, roomOf, shortfalls, taskNeed } from '../../src/verify/capacity';

describe('taskNeed', () => {
  test('sums the containers, reservations before limits, and lists fixed host ports (bridge)', () => {
    const need = taskNeed({
      family: 'f',
      networkMode: 'bridge',
      containerDefinitions: [
        { name: 'a', cpu: 256, memory: 512, portMappings: [{ containerPort: 80, hostPort: 8080 }] },
        {
          name: 'b',
          memory: 1024,
          memoryReservation: 256,
          portMappings: [
            { containerPort: 53, hostPort: 53, protocol: 'udp' },
            { containerPort: 9000 }, // dynamic
            { containerPort: 9001, hostPort: 0 }, // dynamic
          ],
        },
      ],
    });
    expect(need).toEqual({ cpu: 256, memory: 768, tcpPorts: ['8080'], udpPorts: ['53'] });
    expect(needText(need)).toBe('256 CPU units, 768 MiB, host port 8080, 53/udp');
  });

  test('takes the task size when there is one; host mode binds the container port', () => {
    expect(
      taskNeed({
        family: 'f',
        networkMode: 'host',
        cpu: '1024',
        memory: '2048',
        containerDefinitions: [{ name: 'a', memory: 128, portMappings: [{ containerPort: 8080 }] }],
      }),
    ).toEqual({ cpu: 1024, memory: 2048, tcpPorts: ['8080'], udpPorts: [] });
  });

  test('awsvpc tasks bind no host port of the instance', () => {
    const need = taskNeed({
      family: 'f',
      networkMode: 'awsvpc',
      containerDefinitions: [{ name: 'a', memory: 128, portMappings: [{ containerPort: 80, hostPort: 80 }] }],
    });
    expect(need.tcpPorts).toEqual([]);
  });
});

function instance(cpu: number, memory: number, ports: string[] = [], extra: Partial<ContainerInstance> = {}) {
  return roomOf({
    containerInstanceArn: 'arn:aws:ecs:us-east-1:123456789012:container-instance/c/1',
    status: 'ACTIVE',
    agentConnected: true,
    remainingResources: [
      { name: 'CPU', type: 'INTEGER', integerValue: cpu },
      { name: 'MEMORY', type: 'INTEGER', integerValue: memory },
      { name: 'PORTS', type: 'STRINGSET', stringSetValue: ['22', ...ports] },
      { name: 'PORTS_UDP', type: 'STRINGSET', stringSetValue: [] },
    ],
    ...extra,
  });
}

describe('shortfalls', () => {
  const need = { cpu: 512, memory: 1024, tcpPorts: ['8080'], udpPorts: [] };
  test('none when the task fits', () => {
    expect(shortfalls(need, instance(512, 1024))).toEqual([]);
  });
  test('names what is missing', () => {
    expect(shortfalls(need, instance(256, 512, ['8080']))).toEqual([
      '256 of 512 CPU units free',
      '512 of 1024 MiB free',
      'host port 8080 in use',
    ]);
  });
  test('an instance that is draining or disconnected takes no task', () => {
    expect(shortfalls(need, instance(4096, 8192, [], { status: 'DRAINING' }))).toHaveLength(1);
    expect(shortfalls(need, instance(4096, 8192, [], { agentConnected: false }))).toHaveLength(1);
  });
});
