import { letsNfsIn } from '../../src/verify/efs';

describe('letsNfsIn: an inbound rule that admits NFS from the task', () => {
  const task = ['sg-task'];
  test('TCP 2049 (or a range holding it, or all traffic) from the task security group', () => {
    expect(
      letsNfsIn(
        { IpProtocol: 'tcp', FromPort: 2049, ToPort: 2049, UserIdGroupPairs: [{ GroupId: 'sg-task' }] },
        task,
        undefined,
      ),
    ).toBe(true);
    expect(
      letsNfsIn(
        { IpProtocol: 'tcp', FromPort: 0, ToPort: 65535, UserIdGroupPairs: [{ GroupId: 'sg-task' }] },
        task,
        undefined,
      ),
    ).toBe(true);
    expect(letsNfsIn({ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-task' }] }, task, undefined)).toBe(
      true,
    );
  });

  test('from an address range that holds the subnet', () => {
    const rule = (CidrIp: string) => ({
      IpProtocol: 'tcp',
      FromPort: 2049,
      ToPort: 2049,
      IpRanges: [{ CidrIp }],
    });
    expect(letsNfsIn(rule('172.31.0.0/16'), task, '172.31.16.0/20')).toBe(true);
    expect(letsNfsIn(rule('0.0.0.0/0'), task, '10.0.1.0/24')).toBe(true);
    expect(letsNfsIn(rule('172.31.0.0/20'), task, '172.31.16.0/20')).toBe(false);
    expect(letsNfsIn(rule('10.0.1.0/25'), task, '10.0.1.0/24')).toBe(false);
  });

  test('not another port, protocol or group', () => {
    expect(
      letsNfsIn(
        { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, UserIdGroupPairs: [{ GroupId: 'sg-task' }] },
        task,
        undefined,
      ),
    ).toBe(false);
    expect(
      letsNfsIn(
        { IpProtocol: 'udp', FromPort: 2049, ToPort: 2049, UserIdGroupPairs: [{ GroupId: 'sg-task' }] },
        task,
        undefined,
      ),
    ).toBe(false);
    expect(
      letsNfsIn(
        { IpProtocol: 'tcp', FromPort: 2049, ToPort: 2049, UserIdGroupPairs: [{ GroupId: 'sg-other' }] },
        task,
        undefined,
      ),
    ).toBe(false);
  });
});
