import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Diagnostic } from '../../src/diagnostics';
import { UserError } from '../../src/diagnostics';
import { renderedDocument } from '../../src/translate/project';
import { renderServices, renderYaml, type RenderYamlOptions } from './render-helper';

/**
 * No compose key is dropped without a word: every service key of the compose specification is,
 * in both layouts, carried into what is rendered (the output differs from the same file without
 * it), refused (an error at it), or warned about (a warning at it).
 *
 * The keys: the compose specification's JSON schema, `definitions.service.properties`, and the
 * long-syntax port's `definitions.service.properties.ports.items.oneOf[2].properties`, as of
 * https://github.com/compose-spec/compose-spec/blob/170098ba07d9f53c383a41bfd4c5166b0a4529a6/schema/compose-spec.json
 * (listed here, not copied: a new key there is a new entry here, with a value to try it with).
 */
const SPEC_SERVICE_KEYS = [
  'annotations', 'attach', 'blkio_config', 'build', 'cap_add', 'cap_drop', 'cgroup', 'cgroup_parent', 'command',
  'configs', 'container_name', 'cpu_count', 'cpu_percent', 'cpu_period', 'cpu_quota', 'cpu_rt_period',
  'cpu_rt_runtime', 'cpu_shares', 'cpus', 'cpuset', 'credential_spec', 'depends_on', 'deploy', 'develop',
  'device_cgroup_rules', 'devices', 'dns', 'dns_opt', 'dns_search', 'domainname', 'entrypoint', 'env_file',
  'environment', 'expose', 'extends', 'external_links', 'extra_hosts', 'gpus', 'group_add', 'healthcheck',
  'hostname', 'image', 'init', 'ipc', 'isolation', 'label_file', 'labels', 'links', 'logging', 'mac_address',
  'mem_limit', 'mem_reservation', 'mem_swappiness', 'memswap_limit', 'models', 'network_mode', 'networks',
  'oom_kill_disable', 'oom_score_adj', 'pid', 'pids_limit', 'platform', 'ports', 'post_start', 'pre_stop',
  'privileged', 'profiles', 'provider', 'pull_policy', 'pull_refresh_after', 'read_only', 'restart', 'runtime',
  'scale', 'secrets', 'security_opt', 'shm_size', 'stdin_open', 'stop_grace_period', 'stop_signal', 'storage_opt',
  'sysctls', 'tmpfs', 'tty', 'ulimits', 'use_api_socket', 'user', 'userns_mode', 'uts', 'volumes',
  'volumes_from', 'working_dir',
]; // prettier-ignore
const SPEC_PORT_KEYS = ['name', 'mode', 'host_ip', 'target', 'published', 'protocol', 'app_protocol'];

/** A value to try each key with: one a user would write, and not one ECS's default equals. */
const SAMPLES: Record<string, unknown> = {
  annotations: { 'com.example.team': 'web' },
  attach: false,
  blkio_config: { weight: 300 },
  build: '.',
  cap_add: ['NET_ADMIN'],
  cap_drop: ['MKNOD'],
  cgroup: 'host',
  cgroup_parent: 'm-executor',
  command: ['serve', '--port', '80'],
  configs: ['app-config'],
  container_name: 'my-web',
  cpu_count: 2,
  cpu_percent: 50,
  cpu_period: '100ms',
  cpu_quota: '50ms',
  cpu_rt_period: '1400us',
  cpu_rt_runtime: '400ms',
  cpu_shares: 512,
  cpus: 0.5,
  cpuset: '0-1',
  credential_spec: { file: 'spec.json' },
  depends_on: ['other'],
  deploy: { replicas: 2 },
  develop: { watch: [{ path: '.', action: 'sync', target: '/app' }] },
  device_cgroup_rules: ['c 1:3 mr'],
  devices: ['/dev/fuse:/dev/fuse'],
  dns: ['10.0.0.2'],
  dns_opt: ['use-vc'],
  dns_search: ['example.com'],
  domainname: 'example.com',
  entrypoint: ['/docker-entrypoint.sh'],
  env_file: ['web.env'],
  environment: { MODE: 'production' },
  expose: ['9000'],
  extends: { service: 'base' },
  external_links: ['redis_1'],
  extra_hosts: ['somehost:10.0.0.9'],
  gpus: 'all',
  group_add: ['mail'],
  healthcheck: { test: ['CMD', 'true'], interval: '10s' },
  hostname: 'webhost',
  image: 'httpd:2.4',
  init: true,
  ipc: 'shareable',
  isolation: 'default',
  label_file: ['labels.txt'],
  labels: { 'com.example.role': 'web' },
  links: ['other'],
  logging: { driver: 'syslog' },
  mac_address: '02:42:ac:11:65:43',
  mem_limit: '256m',
  mem_reservation: '128m',
  mem_swappiness: 10,
  memswap_limit: '1g',
  models: ['llm'],
  network_mode: 'host',
  networks: ['backend'],
  oom_kill_disable: true,
  oom_score_adj: 500,
  pid: 'host',
  pids_limit: 100,
  platform: 'linux/arm64',
  ports: ['8080:80'],
  post_start: [{ command: ['echo', 'up'] }],
  pre_stop: [{ command: ['echo', 'down'] }],
  privileged: true,
  profiles: ['debug'],
  provider: { type: 'awesomecloud', options: { type: 'mysql' } },
  pull_policy: 'always',
  pull_refresh_after: '1h',
  read_only: true,
  restart: 'always',
  runtime: 'runc',
  scale: 2,
  secrets: ['token'],
  security_opt: ['no-new-privileges'],
  shm_size: '128m',
  stdin_open: true,
  stop_grace_period: '20s',
  stop_signal: 'SIGINT',
  storage_opt: { size: '1G' },
  sysctls: { 'net.core.somaxconn': '1024' },
  tmpfs: ['/run:size=64m'],
  tty: true,
  ulimits: { nofile: 20000 },
  use_api_socket: true,
  user: '1000',
  userns_mode: 'host',
  uts: 'host',
  volumes: ['data:/var/lib/data'],
  volumes_from: ['other'],
  working_dir: '/app',
};

const PORT_SAMPLES: Record<string, unknown> = {
  name: 'http',
  // `host` is what ECS does anyway (a port of the instance, or the task's own address in awsvpc).
  mode: 'ingress',
  host_ip: '127.0.0.1',
  target: 81,
  published: 8081,
  protocol: 'udp',
  app_protocol: 'http',
};

/** The rest of the project: what some keys name, and files others read. */
function project(web: Record<string, unknown>): Record<string, unknown> {
  return {
    services: {
      web: { image: 'nginx:1.27', mem_limit: '64m', ...web },
      other: { image: 'busybox:1.36', mem_limit: '64m' },
      base: { image: 'busybox:1.36', mem_limit: '64m', environment: { FROM_BASE: 'yes' } },
    },
    volumes: { data: {} },
    networks: { backend: {} },
    secrets: { token: { file: './token.txt' } },
    configs: { 'app-config': { file: './config.txt' } },
    models: { llm: { model: 'ai/smollm2' } },
  };
}

type Outcome = { output: string; diagnostics: Diagnostic[] };

function render(web: Record<string, unknown>, options: RenderYamlOptions): Outcome {
  const compose = stringify(project(web));
  const files = (dir: string) => {
    writeFileSync(join(dir, 'web.env'), 'FROM_FILE=yes\n');
    writeFileSync(join(dir, 'labels.txt'), 'com.example.file=yes\n');
    writeFileSync(join(dir, 'token.txt'), 'secret\n');
    writeFileSync(join(dir, 'config.txt'), 'config\n');
  };
  try {
    const r =
      options.namespace === undefined
        ? renderYaml(compose, { ...options, before: files })
        : renderServices(compose, { ...options, before: files });
    return { output: JSON.stringify(renderedDocument(r)), diagnostics: r.warnings };
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return { output: '', diagnostics: [...e.diagnostics] };
  }
}

/** Carried, refused or warned: how the key fared, or undefined when it vanished without a word. */
function fate(
  key: string,
  value: unknown,
  options: RenderYamlOptions,
  within?: (v: unknown) => Record<string, unknown>,
) {
  const web = within ? within(value) : { [key]: value };
  const without = render(within ? within(undefined) : {}, options);
  const withKey = render(web, options);
  const path = within
    ? /^services\.web\.ports\[0\](\.|$)/
    : new RegExp(`^services\\.web\\.${key}(\\.|\\[|$)`);
  const at = (severity: Diagnostic['severity']) =>
    withKey.diagnostics.some((d) => d.severity === severity && path.test(d.path ?? ''));
  if (at('error')) return 'refused';
  if (withKey.output !== '' && withKey.output !== without.output) return 'carried';
  if (at('warning') || at('notice')) return 'warned';
  return undefined;
}

const layouts: [string, RenderYamlOptions][] = [
  ['task layout', {}],
  [
    'services layout',
    { namespace: 'app.internal', ecsParams: 'task_definition:\n  ecs_network_mode: awsvpc\n' },
  ],
];

describe('every service key of the compose specification is carried, refused or warned', () => {
  test('the samples cover the specification, key for key', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...SPEC_SERVICE_KEYS].sort());
    expect(Object.keys(PORT_SAMPLES).sort()).toEqual([...SPEC_PORT_KEYS].sort());
  });

  describe.each(layouts)('%s', (_name, options) => {
    test.each(SPEC_SERVICE_KEYS)('%s', (key) => {
      expect(fate(key, SAMPLES[key], options)).toMatch(/^(carried|refused|warned)$/);
    });

    test.each(SPEC_PORT_KEYS)('ports[].%s', (key) => {
      const base = { target: 80, published: 80 };
      const within = (v: unknown) => ({ ports: [v === undefined ? base : { ...base, [key]: v }] });
      expect(fate(key, PORT_SAMPLES[key], options, within)).toMatch(/^(carried|refused|warned)$/);
    });
  });
});
