/**
 * The shape of a compose file, compact: which type each key takes and how to say what is right.
 * Written by hand from the compose specification rather than using its JSON schema, because that
 * schema refuses unknown service keys (we warn and ignore them) and its `oneOf` failures cannot be
 * turned into one clear sentence. Only what the loader and translation rely on is checked deeply.
 */
export type Spec =
  | { type: 'string' | 'number' | 'boolean' | 'scalar' | 'any'; label?: string }
  | { type: 'list'; items: Spec; label?: string }
  | { type: 'map'; values?: Spec; keys?: Record<string, Spec>; label?: string }
  | { type: 'either'; options: Spec[]; label: string };

const str: Spec = { type: 'string' };
const num: Spec = { type: 'number' };
const bool: Spec = { type: 'boolean' };
const scalarValue: Spec = { type: 'scalar' };
const any: Spec = { type: 'any' };
const strList: Spec = { type: 'list', items: str, label: 'a list of strings' };
const strOrList = (label: string): Spec => ({ type: 'either', options: [str, strList], label });
const strOrNum: Spec = { type: 'either', options: [str, num], label: 'a string or a number' };
const anyMap: Spec = { type: 'map' };
const listOrMap = (label: string): Spec => ({
  type: 'either',
  options: [
    { type: 'list', items: str },
    {
      type: 'map',
      values: { type: 'either', options: [scalarValue], label: 'a string, number, boolean or null' },
    },
  ],
  label,
});

/** A list of names, or a mapping of name to a mapping of settings (depends_on, networks). */
const namesOrSettings = (label: string, settings: Spec): Spec => ({
  type: 'either',
  options: [
    { type: 'list', items: str },
    {
      type: 'map',
      values: { type: 'either', options: [settings, { type: 'scalar' }], label: 'a mapping of settings' },
    },
  ],
  label,
});

const port: Spec = {
  type: 'either',
  options: [
    str,
    num,
    {
      type: 'map',
      keys: {
        target: strOrNum,
        published: strOrNum,
        host_ip: str,
        protocol: str,
        mode: str,
        name: str,
        app_protocol: str,
      },
    },
  ],
  label: 'a port such as "8080:80", 80 or {target: 80, published: 8080}',
};
const longSource = (label: string): Spec => ({ type: 'either', options: [str, anyMap], label });

export const SERVICE_KEYS: Record<string, Spec> = {
  annotations: listOrMap('a mapping of annotations or a list of "key=value"'),
  attach: bool,
  blkio_config: anyMap,
  build: { type: 'either', options: [str, anyMap], label: 'a build context path or a mapping with context:' },
  cap_add: strList,
  cap_drop: strList,
  cgroup: str,
  cgroup_parent: str,
  command: strOrList('a string or a list of arguments, e.g. ["--peer", "db"]'),
  configs: {
    type: 'list',
    items: longSource('a config name or a mapping with source:'),
    label: 'a list of configs',
  },
  container_name: str,
  cpu_count: strOrNum,
  cpu_percent: strOrNum,
  cpu_period: strOrNum,
  cpu_quota: strOrNum,
  cpu_rt_period: strOrNum,
  cpu_rt_runtime: strOrNum,
  cpu_shares: strOrNum,
  cpus: strOrNum,
  cpuset: str,
  credential_spec: anyMap,
  depends_on: namesOrSettings('a list of service names or a mapping of service: {condition: ...}', {
    type: 'map',
    keys: { condition: str, restart: bool, required: bool },
  }),
  deploy: anyMap,
  develop: anyMap,
  device_cgroup_rules: strList,
  devices: { type: 'list', items: longSource('a device string or mapping') },
  dns: strOrList('an address or a list of addresses'),
  dns_opt: strList,
  dns_search: strOrList('a domain or a list of domains'),
  domainname: str,
  entrypoint: strOrList('a string or a list of arguments, e.g. ["/init.sh"]'),
  env_file: {
    type: 'either',
    options: [
      str,
      {
        type: 'list',
        items: {
          type: 'either',
          options: [str, { type: 'map', keys: { path: str, required: bool, format: str } }],
          label: 'a path or {path: ..., required: false}',
        },
      },
    ],
    label: 'a path or a list of paths',
  },
  environment: listOrMap('a mapping of NAME: value or a list of "NAME=value"'),
  expose: { type: 'list', items: strOrNum, label: 'a list of ports, e.g. ["9631"]' },
  extends: {
    type: 'either',
    options: [str, { type: 'map', keys: { service: str, file: str } }],
    label: 'a service name or {service: name, file: other.yml}',
  },
  external_links: strList,
  extra_hosts: listOrMap('a list of "host:ip" or a mapping of host: ip'),
  gpus: any,
  group_add: { type: 'list', items: strOrNum },
  healthcheck: {
    type: 'map',
    keys: {
      test: strOrList('a command string or a list such as ["CMD", "curl", "-f", "http://localhost"]'),
      interval: str,
      timeout: str,
      start_period: str,
      start_interval: str,
      retries: num,
      disable: bool,
    },
  },
  hostname: str,
  image: str,
  init: bool,
  ipc: str,
  isolation: str,
  label_file: strOrList('a path or a list of paths'),
  labels: listOrMap('a mapping of labels or a list of "key=value"'),
  links: strList,
  log_driver: str,
  log_opt: anyMap,
  logging: { type: 'map', keys: { driver: str, options: anyMap } },
  mac_address: str,
  mem_limit: strOrNum,
  mem_reservation: strOrNum,
  mem_swappiness: strOrNum,
  memswap_limit: strOrNum,
  models: any,
  network_mode: str,
  networks: namesOrSettings('a list of network names or a mapping of network: {...}', anyMap),
  oom_kill_disable: bool,
  oom_score_adj: strOrNum,
  pid: str,
  pids_limit: strOrNum,
  platform: str,
  ports: { type: 'list', items: port, label: 'a list of ports, e.g. ["8080:80"]' },
  post_start: { type: 'list', items: anyMap },
  pre_stop: { type: 'list', items: anyMap },
  privileged: bool,
  profiles: strList,
  provider: anyMap,
  pull_policy: str,
  pull_refresh_after: str,
  read_only: bool,
  restart: str,
  runtime: str,
  scale: strOrNum,
  secrets: {
    type: 'list',
    items: longSource('a secret name or a mapping with source:'),
    label: 'a list of secrets',
  },
  security_opt: strList,
  shm_size: strOrNum,
  stdin_open: bool,
  stop_grace_period: str,
  stop_signal: str,
  storage_opt: anyMap,
  sysctls: listOrMap('a mapping of sysctls or a list of "name=value"'),
  tmpfs: strOrList('a path or a list of paths'),
  tty: bool,
  ulimits: {
    type: 'map',
    values: { type: 'either', options: [strOrNum, anyMap], label: 'a number or {soft: ..., hard: ...}' },
  },
  use_api_socket: bool,
  user: strOrNum,
  userns_mode: str,
  uts: str,
  volume_driver: str,
  volumes: {
    type: 'list',
    items: longSource(
      'a volume string such as "data:/var/lib/data" or a mapping with type:, source:, target:',
    ),
    label: 'a list of volumes',
  },
  volumes_from: strList,
  working_dir: str,
};

/** Top-level sections that hold named resources: each entry a mapping, or empty. */
export const RESOURCE_SECTIONS = ['volumes', 'networks', 'secrets', 'configs', 'models'];

export const SERVICE_NAME = /^[a-zA-Z0-9._-]+$/;
