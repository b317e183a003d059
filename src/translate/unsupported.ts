import { isRecord } from '../compose/json';
import type { ServiceInput, TranslateContext } from './context';
import type { ContainerParams } from './ecs-params';

/** Keys the container translation reads. */
const TRANSLATED = new Set([
  'image', 'command', 'entrypoint', 'environment', 'env_file', 'ports', 'links', 'hostname', 'mem_limit',
  'mem_reservation', 'cpu_shares', 'cpus', 'working_dir', 'user', 'privileged', 'read_only', 'extra_hosts', 'dns',
  'dns_search', 'labels', 'ulimits', 'logging', 'log_driver', 'log_opt', 'healthcheck', 'tmpfs', 'shm_size',
  'cap_add', 'cap_drop', 'devices', 'init', 'stop_grace_period', 'volumes', 'volumes_from', 'depends_on',
  'security_opt', 'sysctls', 'stdin_open', 'tty', 'deploy', 'network_mode', 'networks', 'secrets', 'platform',
]); // prettier-ignore

/** Why a key that ECS cannot honour is ignored: said once, where it is written. */
const IGNORED: Record<string, string> = {
  build: 'ECS runs images; build is ignored (the image: is used)',
  container_name: 'ECS names the container after the service',
  restart: 'the ECS service replaces stopped tasks; essential containers stop their task',
  expose: 'ECS has no expose; containers of a task reach each other as the network mode allows',
  external_links: 'ECS cannot link to containers outside the task',
  pid: 'set task_definition.pid_mode in ecs-params.yml instead',
  ipc: 'set task_definition.ipc_mode in ecs-params.yml instead',
  scale: "set the ECS service's desired count instead",
  profiles: 'every service of the file becomes a container of the task',
  domainname: 'ECS has no domain name setting',
  mem_swappiness: 'not translated to ECS',
  memswap_limit: 'not translated to ECS',
  cpu_quota: 'ECS limits CPU with cpu (shares) and the task size',
  cpu_period: 'ECS limits CPU with cpu (shares) and the task size',
  cpuset: 'ECS does not pin CPUs',
  stop_signal: 'ECS always stops with SIGTERM, then SIGKILL',
  pull_policy: 'ECS pulls images as its agent is configured',
  pull_refresh_after: 'ECS pulls images as its agent is configured',
};

const DEPLOY_TRANSLATED = new Set(['resources']);
/** Keys only the services layout reads (services/index.ts, ports.ts). */
const SERVICES_TRANSLATED = new Set(['scale', 'expose']);

/**
 * A warning for each key of a service that the translation cannot honour, and an error where
 * dropping it would change behaviour dangerously: a network mode other than the task's (the
 * app expects to see the host, or no network), and compose secrets with nothing to replace them.
 */
export function reportUnsupportedKeys(
  ctx: TranslateContext,
  service: ServiceInput,
  params?: ContainerParams,
): void {
  const d = service.definition;
  const at = (...path: (string | number)[]) => [...service.path, ...path];
  const built = ctx.builtServices.has(service.name);
  // The services layout makes an ECS service of each compose service: its replicas, and the
  // ports it exposes to the others, mean something there.
  const services = ctx.services !== undefined;
  for (const key of Object.keys(d)) {
    if (TRANSLATED.has(key) || key.startsWith('x-')) continue;
    if (services && SERVICES_TRANSLATED.has(key)) continue;
    if (built && key === 'build') continue;
    ctx.problems.warn(at(key), `ignored on ECS: ${IGNORED[key] ?? 'ECS has no equivalent'}`);
  }
  if (isRecord(d.deploy)) {
    for (const key of Object.keys(d.deploy)) {
      if (services && key === 'replicas') continue;
      if (!DEPLOY_TRANSLATED.has(key))
        ctx.problems.warn(
          at('deploy', key),
          services
            ? 'ignored on ECS: only deploy.resources and deploy.replicas are translated'
            : 'ignored on ECS: only deploy.resources is translated',
        );
    }
  }
  for (const { value: name, at: place } of service.canonical.networks ?? []) {
    if (name !== 'default') {
      ctx.problems.warn(
        place,
        `network "${name}" ignored: the containers of an ECS task share the task's ${ctx.networkMode} network`,
      );
    }
  }
  const mode = d.network_mode;
  if (typeof mode === 'string' && mode !== ctx.networkMode) {
    if (/^(service|container):/.test(mode) && ctx.networkMode === 'awsvpc') {
      ctx.problems.warn(
        at('network_mode'),
        'the containers of an awsvpc task already share one network namespace',
      );
    } else {
      ctx.problems.error(
        at('network_mode'),
        `network_mode "${mode}" differs from the task's network mode "${ctx.networkMode}"` +
          (['bridge', 'host', 'awsvpc', 'none'].includes(mode)
            ? `: set task_definition.ecs_network_mode: ${mode} in ecs-params.yml, or remove network_mode`
            : ': ECS cannot share a network namespace with a container outside awsvpc mode'),
      );
    }
  }
  if (d.secrets !== undefined && !params?.secrets) {
    ctx.problems.error(
      at('secrets'),
      `compose secrets are files on your machine and do not reach ECS: give them under task_definition.services.${service.name}.secrets in ecs-params.yml (value_from: a Secrets Manager or SSM ARN)`,
    );
  } else if (d.secrets !== undefined) {
    ctx.problems.warn(at('secrets'), 'replaced by the secrets of ecs-params.yml');
  }
}
