import {
  flagValues,
  isSupervisorCommand,
  lastFlagValue,
  parseBind,
  parseSupervisorArgs,
  serializeSupervisorArgs,
  splitHostPort,
  type SupervisorArgs,
} from '../../../src/translate/habitat/supervisor';

function parse(tokens: string[]): SupervisorArgs {
  const result = parseSupervisorArgs(tokens);
  if (!result.ok) throw new Error(result.problem);
  return result.args;
}

function problem(tokens: string[]): string {
  const result = parseSupervisorArgs(tokens);
  if (result.ok) throw new Error(`parsed: ${JSON.stringify(result.args)}`);
  return result.problem;
}

describe('isSupervisorCommand', () => {
  it('takes flags and the empty command (the image default) as Supervisor arguments', () => {
    expect(isSupervisorCommand(['--peer', 'mongodb'])).toBe(true);
    expect(isSupervisorCommand(['-I'])).toBe(true);
    expect(isSupervisorCommand(undefined)).toBe(true);
    expect(isSupervisorCommand([])).toBe(true);
  });
  it('leaves a program alone', () => {
    expect(isSupervisorCommand(['run', 'core/redis'])).toBe(false);
    expect(isSupervisorCommand(['sh', '-c', 'echo hi'])).toBe(false);
  });
});

describe('parseSupervisorArgs', () => {
  const roundTrips: string[][] = [
    ['--peer', 'mongodb', '--bind', 'database:mongodb.default'],
    ['--peer=mongodb', '--bind=database:mongodb.default'],
    ['--peer', 'a', 'b:9000', '--bind', 'x:y.z', 'w:v.u@acme'],
    ['-t', 'leader', '-s', 'at-once', '-r', 'ring1', '-u', 'http://builder.example:9636', '-i', '10'],
    ['-tleader', '-s=rolling', '-i5'],
    ['-I', '-D', '-A', '-v'],
    ['-IDv'],
    ['--topology', 'standalone', '--strategy', 'none', '--binding-mode', 'relaxed', '--group', 'prod'],
    ['--listen-gossip', '0.0.0.0:9648', '--listen-http=0.0.0.0:9641', '--listen-ctl', '127.0.0.1:9642'],
    ['--channel', 'stable', '--org', 'acme', '--sys-ip-address', '10.0.0.1', '--health-check-interval', '30'],
    ['--org', 'acme', '--update-condition', 'track-channel', '--config-from', '/src'],
    [
      '--auto-update',
      '--key',
      '/k.pem',
      '--certs',
      '/c.pem',
      '--ca-certs',
      '/ca.pem',
      '--no-color',
      '--json-logging',
    ],
    ['--permanent-peer', '--http-disable', '--local-gossip-mode', '--shutdown-timeout', '10'],
    ['--peer-watch-file', '/hab/peers', '-r', 'ring1'],
    ['--event-meta', 'a=b', 'c=d', '--keep-latest-packages', '2', '--cache-key-path', '/hab/cache/keys'],
    ['--ring-key', 'SYM-SEC-1', '--event-stream-application', 'app', '--event-stream-environment', 'prod'],
  ];
  it.each(roundTrips.map((t) => [t.join(' '), t]))('round-trips %s exactly', (_, tokens) => {
    expect(serializeSupervisorArgs(parse(tokens))).toEqual(tokens);
  });

  it('reads the canonical name and values of every form', () => {
    const args = parse([
      '--peer',
      'a',
      '--peer=b',
      '-tleader',
      '-s=rolling',
      '-Iv',
      '--bind',
      'x:y.z',
      'p:q.r',
    ]);
    expect(args.flags.map((f) => [f.name, f.values])).toEqual([
      ['peer', ['a']],
      ['peer', ['b']],
      ['topology', ['leader']],
      ['strategy', ['rolling']],
      ['permanent-peer', []],
      ['verbose', []],
      ['bind', ['x:y.z', 'p:q.r']],
    ]);
    expect(flagValues(args, 'peer')).toEqual(['a', 'b']);
    expect(lastFlagValue(args, 'topology')).toBe('leader');
    expect(lastFlagValue(args, 'group')).toBeUndefined();
  });

  it('serialises edited values in the form the user wrote', () => {
    const args = parse(['--peer=mongodb', '-I', '--peer', 'np']);
    for (const flag of args.flags)
      flag.values = flag.values.map((v) => (v === 'mongodb' ? '127.0.0.1:9638' : v));
    expect(serializeSupervisorArgs(args)).toEqual(['--peer=127.0.0.1:9638', '-I', '--peer', 'np']);
  });

  it.each([
    [['--pear', 'mongodb'], 'unknown Supervisor flag "--pear"; did you mean --peer?'],
    [['--verbose'], 'unknown Supervisor flag "--verbose"'],
    [['-x'], 'unknown Supervisor flag "-x"'],
    [['--peer'], '"--peer" needs a value'],
    [['--peer', '--bind', 'a:b.c'], '"--peer" needs a value'],
    [['--peer='], '"--peer" needs a value'],
    [['--bind', 'database'], '"--bind database": must be <name>:<service>.<group>'],
    [['--bind', 'database:mongodb'], 'must be <name>:<service>.<group>'],
    [['--topology', 'ring'], '"--topology ring": must be one of standalone, leader'],
    [['-s', 'sometimes'], 'must be one of none, at-once, rolling'],
    [['--binding-mode', 'lax'], 'must be one of strict, relaxed'],
    [['--listen-http', '9631'], 'must be <address>:<port>'],
    [['--listen-gossip', '0.0.0.0:70000'], 'must be <address>:<port>'],
    [['--peer', 'mongodb:0'], 'must be <host>[:<port>]'],
    [['--sys-ip-address', 'myhost'], 'must be an IP address'],
    [['--health-check-interval', 'soon'], 'must be a whole number'],
    [['--permanent-peer=true'], '"--permanent-peer" is a switch and takes no value'],
    [['-It'], '"-t" cannot be combined'],
    [['-I', 'core/redis'], 'unexpected argument "core/redis"'],
    [['--', '--peer', 'x'], 'unexpected argument "--"'],
    [['--local-gossip-mode', '--peer', 'x'], '--local-gossip-mode and --peer cannot be used together'],
    [['--peer-watch-file', '/p', '--peer', 'x'], '--peer-watch-file and --peer cannot be used together'],
  ])('rejects %j', (tokens, message) => {
    expect(problem(tokens)).toContain(message);
  });
});

describe('parseBind and splitHostPort', () => {
  it('reads binds with and without an organization', () => {
    expect(parseBind('database:mongodb.default')).toEqual({
      name: 'database',
      service: 'mongodb',
      group: 'default',
    });
    expect(parseBind('db:mongodb.prod@acme')).toEqual({
      name: 'db',
      service: 'mongodb',
      group: 'prod',
      org: 'acme',
    });
    expect(parseBind('db:mongodb')).toBeUndefined();
    expect(parseBind(':mongodb.default')).toBeUndefined();
  });
  it('reads hosts, ports and IPv6 addresses', () => {
    expect(splitHostPort('mongodb')).toEqual({ host: 'mongodb' });
    expect(splitHostPort('10.0.0.1:9638')).toEqual({ host: '10.0.0.1', port: 9638 });
    expect(splitHostPort('[::1]:9638')).toEqual({ host: '::1', port: 9638 });
    expect(splitHostPort('a b')).toBeUndefined();
    expect(splitHostPort('host:99999')).toBeUndefined();
  });
});
