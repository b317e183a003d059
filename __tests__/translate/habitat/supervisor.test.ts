import {
  isSupervisorCommand,
  parseSupervisorArgs,
  type SupervisorEnvironment,
} from '../../../src/translate/habitat/supervisor';
import {
  flagValues,
  lastFlagValue,
  serializeSupervisorArgs,
  type SupervisorArgs,
} from '../../../src/translate/habitat/supervisor-args';
import { parseBind, splitHostPort } from '../../../src/translate/habitat/supervisor-values';

function parse(tokens: string[], environment: SupervisorEnvironment = {}): SupervisorArgs {
  const result = parseSupervisorArgs(tokens, environment);
  if (!result.ok) throw new Error(result.problem);
  return result.args;
}

function problem(tokens: string[], environment: SupervisorEnvironment = {}): string {
  const result = parseSupervisorArgs(tokens, environment);
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
    ['-t', 'leader', '-s', 'at-once', '-r', 'ring1', '-u', 'http://builder.example:9636'],
    ['-tleader', '-s=rolling', '--health-check-interval=5'],
    ['-Dtleader', '-Is', 'none'],
    ['--peer', 'a b', 'c', '--bind=x:y.z w:v.u'],
    ['--ctl-server-certificate', '--ctl-server-key', '/k', '--ctl-client-ca-certificate=/ca'],
    ['--config-files', '/etc/a.toml', '/etc/b.toml', '--generate-config'],
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
    [
      '--event-stream-url',
      'nats://a:4222',
      '--event-stream-token',
      't',
      '--event-stream-application',
      'a',
      '--event-stream-environment',
      'e',
    ],
    ['--event-meta', 'a=b', 'c=d', '--keep-latest-packages', '2', '--cache-key-path', '/hab/cache/keys'],
    ['--ring-key', 'SYM-SEC-1', '--event-stream-application', 'app', '--event-stream-environment', 'prod'],
    ['-'.concat('v'), '--url', 'http://b', '--channel', ''],
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
      '-Du',
      'http://b',
      '--peer',
      'c d',
    ]);
    expect(args.flags.map((f) => [f.name, f.values])).toEqual([
      ['peer', ['a']],
      ['peer', ['b']],
      ['topology', ['leader']],
      ['strategy', ['rolling']],
      ['permanent-peer', []],
      ['verbose', []],
      ['bind', ['x:y.z', 'p:q.r']],
      ['http-disable', []],
      ['url', ['http://b']],
      ['peer', ['c', 'd']],
    ]);
    expect(flagValues(args, 'peer')).toEqual(['a', 'b', 'c', 'd']);
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
    [['-Ix'], 'unknown Supervisor flag "-x" (in "-Ix")'],
    [['--peer'], '"--peer" needs a value (one or more)'],
    [['--peer', '--bind', 'a:b.c'], '"--peer" needs a value'],
    [['--group'], '"--group" needs a value'],
    [['-t'], '"-t" needs a value'],
    [['--health-check-interval', '-1'], '"--health-check-interval" needs a value'],
    [['--peer='], '"--peer ": must be <host>[:<port>]'],
    [['--peer', 'a  b'], '"--peer ": must be <host>[:<port>]'],
    [['--bind', 'database'], '"--bind database": must be <name>:<service>.<group>[@<org>]'],
    [['--bind', 'database:mongodb'], 'must be <name>:<service>.<group>'],
    [['--bind', 'database:mongodb.default.x'], 'must be <name>:<service>.<group>'],
    [['--topology', 'ring'], '"--topology ring": must be one of leader, standalone'],
    [['--topology', 'Leader'], 'must be one of leader, standalone'],
    [['-s', 'sometimes'], 'must be one of none, at-once, rolling'],
    [['--binding-mode', 'lax'], 'must be one of strict, relaxed'],
    [['--listen-http', '9631'], 'must be an IP address and port'],
    [['--listen-gossip', '0.0.0.0:70000'], 'must be an IP address and port'],
    [['--listen-gossip', 'localhost:9648'], 'the Supervisor does not resolve host names here'],
    [['--listen-http', 'mongodb:9631'], 'the Supervisor does not resolve host names here'],
    [['--listen-gossip', '01.0.0.0:9638'], 'must be an IP address and port'],
    [['--peer', '[::1]:9638'], 'the Supervisor refuses IPv6 here'],
    [['--peer', '::1'], 'the Supervisor refuses IPv6 here'],
    [['--peer', 'mongodb:70000'], 'a port is a number from 0 to 65535'],
    [['--listen-ctl', '[::1]:9632'], 'the Supervisor refuses IPv6 here'],
    [['--peer', 'mongodb', 'core/redis'], 'a package ident after it is read as one'],
    [['--sys-ip-address', 'myhost'], 'must be an IP address'],
    [['--health-check-interval', 'soon'], 'must be a whole number'],
    [['--health-check-interval', '1.5'], 'must be a whole number'],
    [['--health-check-interval', '18446744073709551616'], 'must be a whole number'],
    [['--shutdown-timeout', '5000000000'], 'from 0 to 4294967295'],
    [['--url', 'builder.example'], 'must be an absolute URL'],
    [['--event-meta', 'k='], 'must be <key>=<value>'],
    [['--event-stream-site', ''], 'must not be empty'],
    [['--cache-key-path', ''], 'must be a path, not empty'],
    [['--config-files', '/etc/sup.conf'], 'must be a path to a TOML file'],
    [['--config-files', '/etc/.toml'], 'must be a path to a TOML file'],
    [['--group', 'prod.eu'], 'may contain only letters, digits, "-" and "_"'],
    [['--org', 'my org'], 'may contain only letters, digits'],
    [['--permanent-peer=true'], '"--permanent-peer" is a switch and takes no value'],
    [['-I=x'], '"-I" is a switch and takes no value'],
    [['-I', 'core/redis'], 'unexpected argument "core/redis"'],
    [['--group', 'a', 'b'], 'unexpected argument "b"'],
    [['--', '--peer', 'x'], 'unexpected argument "--"'],
    [['-i', '10'], '-i is no longer short for --health-check-interval'],
    [['-i10'], '-i is no longer short for --health-check-interval'],
    [['--svc-config-paths', '/x'], '--svc-config-paths is no longer a flag of hab sup run'],
    [['--help'], 'prints the help of hab sup run and exits'],
    [['--group', 'a', '--group', 'b'], '--group is given twice'],
    [['-I', '--permanent-peer'], '--permanent-peer is given twice'],
    [['-vv'], '-v is given twice'],
    [['--listen-http=0.0.0.0:1', '--listen-http', '0.0.0.0:2'], '--listen-http is given twice'],
    [['--ctl-server-key', '--ctl-server-key'], '--ctl-server-key is given twice'],
    [['--local-gossip-mode', '--peer', 'x'], '--local-gossip-mode and --peer cannot be used together'],
    [['--local-gossip-mode', '--listen-gossip', '0.0.0.0:1'], '--local-gossip-mode and --listen-gossip'],
    [['--peer-watch-file', '/p', '--peer', 'x'], '--peer-watch-file and --peer cannot be used together'],
    [['--ring', 'r', '--ring-key', 'k'], '--ring and --ring-key cannot be used together'],
    [['--certs', '/c'], '--certs needs --key too'],
    [['--key', '/k'], '--key needs --certs too'],
    [['--ca-certs', '/ca', '--key', '/k'], '--ca-certs needs --certs too'],
    [['--event-stream-url', 'nats://a:4222'], '--event-stream-url needs --event-stream-application and'],
  ])('rejects %j', (tokens, message) => {
    expect(problem(tokens)).toContain(message);
  });

  it.each([
    [['--peer', '127.0.0.1', '127.0.0.2', '--peer', 'mongodb:9638']],
    [['--peer', '127.0.0.1:0', '--peer', 'localhost', '--listen-ctl', 'localhost']],
    [['--listen-gossip', '[::]:9638', '--listen-http', '0.0.0.0:09631']],
    [['--health-check-interval', '+5', '--health-check-interval=0'.replace('=0', '')].slice(0, 2)],
    [['--sys-ip-address', '::1']],
    [['--bind', 'database:mongodb.default@acme', 'cache:redis.default']],
    [['--channel', '', '--event-meta', 'a=1 b=2', '--event-meta', 'c=3']],
    [['--ctl-server-certificate', '/a', '/b']],
    [['-DI', '-v', '-Dtleader'.replace('D', 'A')]],
    [['--key', '/k', '--certs', '/c', '--ca-certs', '/ca']],
    [['--peer-watch-file', '/nonexistent', '--ring', 'r']],
    [['-t=leader', '-u=http://x', '-s', 'rolling']],
  ])('accepts %j', (tokens) => {
    expect(() => parse(tokens)).not.toThrow();
  });

  describe('environment variables the Supervisor reads in place of flags', () => {
    it('checks them like the flag, and names the variable', () => {
      const result = parseSupervisorArgs([], { HAB_LISTEN_HTTP: 'localhost:9631' });
      expect(result).toEqual({
        ok: false,
        problem: expect.stringContaining(
          'HAB_LISTEN_HTTP="localhost:9631", which the Supervisor reads as --listen-http',
        ),
        variable: 'HAB_LISTEN_HTTP',
      });
      expect(problem([], { HAB_LISTEN_GOSSIP: '' })).toContain('must be an IP address and port');
      expect(problem([], { HAB_KEEP_LATEST_PACKAGES: 'x' })).toContain('must be a whole number');
      expect(problem([], { HAB_EVENT_STREAM_CONNECT_TIMEOUT: '-1' })).toContain('must be a whole number');
    });
    it('ignores a variable when the flag is given, as the Supervisor does', () => {
      expect(() =>
        parse(['--listen-http', '0.0.0.0:9641'], { HAB_LISTEN_HTTP: 'localhost:9631' }),
      ).not.toThrow();
    });
    it('counts a variable as the flag for conflicts and requirements', () => {
      expect(problem(['--local-gossip-mode'], { HAB_LISTEN_GOSSIP: '0.0.0.0:9648' })).toBe(
        '--local-gossip-mode and --listen-gossip cannot be used together (--listen-gossip comes from HAB_LISTEN_GOSSIP)',
      );
      expect(() =>
        parse(
          [
            '--event-stream-url',
            'nats://a:4222',
            '--event-stream-application',
            'a',
            '--event-stream-environment',
            'e',
          ],
          { HAB_AUTOMATE_AUTH_TOKEN: 'token' },
        ),
      ).not.toThrow();
    });
  });

  it('warns about what only the running container can tell', () => {
    const result = parseSupervisorArgs([
      '--ctl-server-certificate',
      '--config-files',
      '/etc/sup.toml',
      '--generate-config',
    ]);
    expect(result.ok && result.warnings).toEqual([
      expect.stringContaining('--ctl-server-certificate without a value reads /hab/cache/keys/ctl'),
      expect.stringContaining('--config-files names files the Supervisor reads at start'),
      expect.stringContaining('--generate-config prints the Supervisor configuration and exits'),
    ]);
    const withValue = parseSupervisorArgs(['--ctl-server-certificate', '/etc/ctl']);
    expect(withValue.ok && withValue.warnings).toEqual([]);
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
    expect(parseBind('db:national-parks.default')).toEqual({
      name: 'db',
      service: 'national-parks',
      group: 'default',
    });
    expect(parseBind('db:mongodb.default@')).toBeUndefined();
    expect(parseBind('a:b:mongodb.default')).toBeUndefined();
  });
  it('reads hosts, ports and IPv6 addresses', () => {
    expect(splitHostPort('mongodb')).toEqual({ host: 'mongodb' });
    expect(splitHostPort('10.0.0.1:9638')).toEqual({ host: '10.0.0.1', port: 9638 });
    expect(splitHostPort('[::1]:9638')).toEqual({ host: '::1', port: 9638 });
    expect(splitHostPort('a b')).toBeUndefined();
    expect(splitHostPort('host:99999')).toBeUndefined();
  });
});
