import { parse as parseToml } from 'smol-toml';
import { hasFlag } from './supervisor-args';
import { environmentValue, setsVariable, type HabitatContainer, type HabitatContext } from './context';
import type { SupervisorPorts } from './ports';

/** The image does not accept the Chef license for the user; without it the Supervisor exits at once. */
export function acceptLicense(context: HabitatContext): void {
  if (!context.options.acceptLicense) return;
  for (const { definition } of context.habitat) {
    if (setsVariable(definition, 'HAB_LICENSE')) continue;
    const environment = [
      ...(definition.environment ?? []),
      { name: 'HAB_LICENSE', value: 'accept-no-persist' },
    ];
    definition.environment = environment.sort((a, b) =>
      (a.name ?? '') < (b.name ?? '') ? -1 : a.name === b.name ? 0 : 1,
    );
  }
}

/** `HAB_MONGODB` for `mongodb`: the variable the Supervisor reads service configuration from. */
function configVariable(packageName: string): string {
  return `HAB_${packageName.toUpperCase().replace(/-/g, '_')}`;
}

/**
 * Service configuration passes through unchanged, but a value the Supervisor cannot read (neither
 * TOML nor JSON) is ignored by it with only a log line, so say so before deploying.
 */
export function checkServiceConfig(context: HabitatContext): void {
  for (const { name, definition, packageName } of context.habitat) {
    const variable = configVariable(packageName);
    const value = environmentValue(definition, variable);
    if (value === undefined) continue;
    const problem = configProblem(value);
    if (problem === undefined) continue;
    context.problems.warn(
      ['services', name, 'environment', variable],
      `${variable} of "${name}" is neither TOML nor a JSON object (${problem}); the Supervisor ignores ` +
        `configuration it cannot parse and ${packageName} runs with its defaults`,
    );
  }
}

function configProblem(value: string): string | undefined {
  try {
    parseToml(value);
    return undefined;
  } catch (tomlError) {
    try {
      const json: unknown = JSON.parse(value);
      if (typeof json === 'object' && json !== null && !Array.isArray(json)) return undefined;
    } catch {
      // Report the TOML error: TOML is what Habitat documents first.
    }
    return `TOML: ${firstLine(tomlError)}`;
  }
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
}

/**
 * The gateway's health route of a container's service. The service group is the package name as
 * written (the Supervisor keeps its case) and the group, plus the organization with --org, which
 * has a route of its own.
 */
function healthPath(container: Pick<HabitatContainer, 'packageName' | 'group' | 'org'>): string {
  const org = container.org === undefined ? '' : `/${container.org}`;
  return `/services/${container.packageName}/${container.group}${org}/health`;
}

/** Container health check settings: the Supervisor runs a service's health hook every 30 s by default. */
const HEALTH_CHECK = { interval: 30, timeout: 5, retries: 3, startPeriod: 120 } as const;

/**
 * Adds a health check that asks the Supervisor's HTTP gateway for the service's health, where
 * the options or x-habitat ask for one. A health check the user wrote always wins.
 */
export function addHealthChecks(context: HabitatContext, ports: ReadonlyMap<string, SupervisorPorts>): void {
  for (const container of context.habitat) {
    const { name, definition, args } = container;
    const wanted = container.service.extension?.healthCheck ?? context.options.healthChecks;
    if (!wanted || !args) continue;
    const written = context.project.services.get(name)?.definition.healthcheck;
    if (definition.healthCheck || written !== undefined) continue;
    if (hasFlag(args, 'http-disable')) {
      context.problems.warn(
        ['services', name, 'command'],
        `no health check added to "${name}": its Supervisor runs with --http-disable, so there is no HTTP API to ask`,
      );
      continue;
    }
    const { http: port = 9631, httpHost = '127.0.0.1' } = ports.get(name) ?? {};
    // With a gateway token the API answers 401 without it; the shell expands it inside the container.
    const auth = setsVariable(definition, 'HAB_SUP_GATEWAY_AUTH_TOKEN')
      ? `--header "Authorization: Bearer $HAB_SUP_GATEWAY_AUTH_TOKEN" `
      : '';
    const host = httpHost.includes(':') ? `[${httpHost}]` : httpHost;
    const url = `http://${host}:${port}${healthPath(container)}`;
    definition.healthCheck = { command: ['CMD-SHELL', `wget -qO- ${auth}${url} || exit 1`], ...HEALTH_CHECK };
  }
}
