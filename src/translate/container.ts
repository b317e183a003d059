import type { ContainerDefinition, EnvironmentFile, LinuxParameters } from '@aws-sdk/client-ecs';
import { parseS3ObjectArn } from '../compose/s3-env-file';
import { scalarText } from '../compose/json';
import type { JsonValue } from '../compose/types';
import { ECS_NAME, type ServiceInput, type TranslateContext } from './context';
import { splitImage } from './image-name';
import * as keys from './container-keys';
import type { ContainerParams } from './ecs-params';
import { translateHealthcheck } from './healthcheck';
import { translatePorts } from './ports';
import { translateResources } from './resources';
import { warnPlainTextSecrets } from './secret-environment';
import { reportUnsupportedKeys } from './unsupported';
import { parseDuration, bytesToMiB, parseBytes } from './units';
import { translateMounts, translateVolumesFrom, type TaskVolumes } from './volumes';

/** The characters ECS takes in an image reference (and `@` of a digest). */
const IMAGE = /^[A-Za-z0-9_.:/#@-]{1,255}$/;
/**
 * Docker's reference grammar (distribution's `reference` package), which the agent and Fargate
 * parse an image with: a registry host (with a port), lower-case path components, a tag, a digest.
 */
const HOST =
  '(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::[0-9]+)?)';
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REFERENCE = new RegExp(
  `^(?:${HOST}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?` +
    '(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$',
);

/** Why an image reference is not one Docker can parse; undefined when it is. Pure. */
function imageReferenceProblem(image: string): string | undefined {
  if (REFERENCE.test(image)) return undefined;
  const { host, repository } = splitImage(image);
  const path =
    image
      .split('@')[0]
      ?.slice(host ? host.length + 1 : 0)
      .replace(/:[^/]*$/, '') ?? '';
  if (path !== path.toLowerCase()) return `repository names are lower case (${repository})`;
  return 'write [registry/]name[:tag][@sha256:digest], the name in lower-case letters, digits and . _ - /';
}

/** Docker security options ECS passes on (on EC2); others (seccomp, ...) have no ECS field. */
const SECURITY_OPTIONS = /^(no-new-privileges(:true)?|apparmor:.+|label:.+|credentialspec:.+)$/;

/**
 * One compose service -> one ECS container definition (named after the service). dependsOn is
 * filled later, when every service is known. Problems go to ctx.problems.
 */
export function translateContainer(
  ctx: TranslateContext,
  service: ServiceInput,
  volumes: TaskVolumes,
  params: ContainerParams | undefined,
  taskMemory: boolean,
): ContainerDefinition {
  const d = service.definition;
  const s = service.canonical;
  const at = (...path: (string | number)[]) => [...service.path, ...path];
  const has = (key: string): boolean => d[key] !== undefined && d[key] !== null;
  const fargate = ctx.launchType === 'FARGATE';
  const habitat = ctx.habitatServices.get(service.name);
  const built = ctx.builtServices.get(service.name);
  reportUnsupportedKeys(ctx, service, params);

  const c: ContainerDefinition = { name: service.name };
  // Compose service names may also have ".", ECS container names not.
  if (!ECS_NAME.test(service.name)) {
    ctx.problems.error(
      service.path,
      `"${service.name}" cannot name an ECS container, which takes up to 255 letters, digits, "-" and "_": rename the service`,
    );
  }
  if (habitat) c.image = habitat.image;
  else if (built) c.image = built.image;
  else if (typeof d.image === 'string' && d.image !== '') {
    const reference = imageReferenceProblem(d.image);
    if (IMAGE.test(d.image) && reference) {
      ctx.problems.error(
        at('image'),
        `${JSON.stringify(d.image)} is not a valid image reference: ${reference}`,
      );
    } else if (!IMAGE.test(d.image)) {
      ctx.problems.error(
        at('image'),
        `${JSON.stringify(d.image)} is not an image ECS accepts: up to 255 letters, digits and . _ - : / # @`,
      );
    }
    c.image = d.image;
  } else {
    ctx.problems.error(
      at(has('build') ? 'build' : 'image'),
      "ECS runs images, not builds: set image: to a pushed image, or name this service's Habitat package (x-habitat.package)",
    );
  }
  if (params?.repositoryCredentials) c.repositoryCredentials = params.repositoryCredentials;
  Object.assign(c, translateResources(ctx, service, params, taskMemory));
  c.essential = params?.essential ?? true;

  if (s.command) c.command = [...s.command.value];
  if (s.entrypoint) c.entryPoint = [...s.entrypoint.value];
  if (s.environment) {
    const env = keys.environment(ctx, s.environment);
    warnPlainTextSecrets(ctx, service, env);
    if (env.length > 0) c.environment = env;
  }
  const files = environmentFiles(ctx, d.env_file, at('env_file'));
  if (files.length > 0) c.environmentFiles = files;
  if (s.ports || (ctx.services && s.expose)) {
    const ports = translatePorts(ctx, s.ports ?? [], at('ports'), s.expose);
    if (ports.length > 0) c.portMappings = ports;
  }
  const mounts = translateMounts(ctx, volumes, service);
  if (mounts.mountPoints.length > 0) c.mountPoints = mounts.mountPoints;
  if (s.volumes_from) c.volumesFrom = translateVolumesFrom(ctx, s.volumes_from);

  // Hostnames and links only mean something with a network of their own per container.
  // Habitat containers keep them here: the Habitat pass rewrites their peers and drops them.
  if (ctx.services) dropNames(ctx, service);
  else if (s.links) {
    for (const link of s.links) {
      if (!ctx.project.services.has(link.service))
        ctx.problems.error(link.at, `unknown service "${link.service}"`);
    }
    if (ctx.networkMode === 'bridge' || (habitat && ctx.networkMode === 'awsvpc')) {
      c.links = s.links.map((l) => (l.alias === undefined ? l.service : `${l.service}:${l.alias}`));
    } else {
      ctx.problems.error(
        at('links'),
        `links work only in bridge mode, and this task uses ${ctx.networkMode}: containers of the task reach each other on localhost; remove links and connect to localhost:<port>`,
      );
    }
  }
  if (typeof d.hostname === 'string' && !ctx.services) {
    if (ctx.networkMode !== 'awsvpc' || habitat) c.hostname = d.hostname;
    else {
      ctx.problems.error(
        at('hostname'),
        'ECS does not allow a container hostname in awsvpc mode: remove hostname; other containers of the task reach this one on localhost',
      );
    }
  }
  if (has('user')) c.user = scalarText(d.user as JsonValue);
  if (typeof d.working_dir === 'string') c.workingDirectory = d.working_dir;
  if (d.privileged === true) {
    if (fargate)
      ctx.problems.error(at('privileged'), 'Fargate does not run privileged containers; remove privileged');
    else c.privileged = true;
  }
  if (typeof d.read_only === 'boolean') c.readonlyRootFilesystem = d.read_only;
  if (ctx.networkMode === 'awsvpc') {
    for (const key of ['dns', 'dns_search', 'extra_hosts'] as const) {
      if (!s[key]) continue;
      ctx.problems.error(
        at(key),
        `ECS does not allow ${key} in awsvpc mode (the VPC's DNS settings apply); remove it`,
      );
    }
  } else {
    if (s.dns) c.dnsServers = s.dns.map((v) => v.value);
    if (s.dns_search) c.dnsSearchDomains = s.dns_search.map((v) => v.value);
    if (s.extra_hosts) c.extraHosts = keys.extraHosts(s.extra_hosts);
  }
  if (s.security_opt) {
    const options = s.security_opt.map((o) => o.value);
    const kept = options.filter((o) => SECURITY_OPTIONS.test(o));
    for (const { value: o, at: place } of s.security_opt) {
      if (!kept.includes(o)) ctx.problems.warn(place, `"${o}" ignored: ECS does not support it`);
    }
    if (kept.length > 0 && fargate)
      ctx.problems.error(at('security_opt'), 'Fargate does not support security_opt');
    else if (kept.length > 0) c.dockerSecurityOptions = kept;
  }
  if (typeof d.stdin_open === 'boolean') c.interactive = d.stdin_open;
  if (typeof d.tty === 'boolean') c.pseudoTerminal = d.tty;
  if (s.labels) {
    const labels = keys.keyValues(ctx, s.labels, 'label');
    if (labels.length > 0) c.dockerLabels = Object.fromEntries(labels);
  }
  if (s.ulimits) c.ulimits = keys.ulimits(ctx, s.ulimits);
  if (s.logging) {
    const log = keys.logConfiguration(ctx, s.logging);
    if (log) c.logConfiguration = log;
  }
  const healthCheck =
    params?.healthCheck ?? (s.healthcheck ? translateHealthcheck(ctx.problems, s.healthcheck) : undefined);
  if (healthCheck) c.healthCheck = healthCheck;
  if (s.sysctls) {
    if (fargate) ctx.problems.error(at('sysctls'), 'Fargate does not support sysctls');
    else c.systemControls = keys.systemControls(ctx, s.sysctls);
  }
  if (has('stop_grace_period')) {
    const seconds = parseDuration(d.stop_grace_period);
    const max = fargate ? 120 : Infinity;
    if (seconds === undefined)
      ctx.problems.error(at('stop_grace_period'), 'must be a duration like 30s or 1m30s');
    else if (Math.ceil(seconds) > max)
      ctx.problems.error(at('stop_grace_period'), `Fargate allows at most ${max}s`);
    else c.stopTimeout = Math.ceil(seconds);
  }
  if (params?.secrets) c.secrets = params.secrets;
  if (params?.firelensConfiguration) c.firelensConfiguration = params.firelensConfiguration;
  if (params?.gpu) c.resourceRequirements = [{ type: 'GPU', value: params.gpu }];
  const linux = linuxParameters(ctx, service, params, mounts.tmpfs);
  if (Object.keys(linux).length > 0) c.linuxParameters = linux;
  return c;
}

/** ECS takes at most this many environment files per container. */
const MAX_ENVIRONMENT_FILES = 10;

/**
 * The S3 objects the compose loader left in `env_file` (every local file was read into the
 * environment) -> environmentFiles, which ECS reads with the execution role when the task starts.
 * ECS's rules: an S3 object ARN, the `.env` extension, at most 10 a container
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/use-environment-file.html).
 */
function environmentFiles(
  ctx: TranslateContext,
  value: JsonValue | undefined,
  path: (string | number)[],
): EnvironmentFile[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  const files: EnvironmentFile[] = [];
  list.forEach((arn, i) => {
    const at = Array.isArray(value) ? [...path, i] : path;
    const object = typeof arn === 'string' ? parseS3ObjectArn(arn) : undefined;
    if (!object) {
      ctx.problems.error(
        at,
        `${JSON.stringify(arn)} is not an S3 object: ECS reads environment files from S3, as arn:aws:s3:::bucket/key.env`,
      );
    } else if (!object.key.endsWith('.env')) {
      ctx.problems.error(at, `ECS reads only files named *.env; rename ${object.key}`);
    } else files.push({ value: String(arn), type: 's3' });
  });
  if (files.length > MAX_ENVIRONMENT_FILES) {
    ctx.problems.error(
      path,
      `${files.length} environment files from S3: ECS takes at most ${MAX_ENVIRONMENT_FILES} a container`,
    );
  }
  return files;
}

/**
 * The services layout: each service is a task of its own in awsvpc, where ECS takes neither links
 * nor a hostname; the other services reach this one by its Cloud Map name (or through Service
 * Connect by its compose name), and names that point at it are rewritten (services/names.ts).
 */
function dropNames(ctx: TranslateContext, service: ServiceInput): void {
  const s = service.canonical;
  const d = service.definition;
  const at = (key: string) => [...service.path, key];
  for (const link of s.links ?? []) {
    if (!ctx.project.services.has(link.service))
      ctx.problems.error(link.at, `unknown service "${link.service}"`);
  }
  const reach = ctx.services?.reach;
  if (s.links && s.links.length > 0 && reach) {
    const names = s.links.map((l) => `${l.service} (${reach.get(l.service)?.host ?? '?'})`).join(', ');
    ctx.problems.warn(
      at('links'),
      `not needed with layout: services: the other services are reached by their Cloud Map names, ${names}; links are dropped (awsvpc takes none)`,
    );
  }
  if (typeof d.hostname === 'string' && reach) {
    ctx.problems.warn(
      at('hostname'),
      `dropped: ECS takes no hostname in awsvpc; the other services reach "${service.name}" as ${reach.get(service.name)?.host ?? '?'}, and "${d.hostname}" where they name it is rewritten to that`,
    );
  }
}

function linuxParameters(
  ctx: TranslateContext,
  service: ServiceInput,
  params: ContainerParams | undefined,
  tmpfs: NonNullable<LinuxParameters['tmpfs']>,
): LinuxParameters {
  const d = service.definition;
  const s = service.canonical;
  const at = (key: string) => [...service.path, key];
  const fargate = ctx.launchType === 'FARGATE';
  const linux: LinuxParameters = {};
  const add = keys.capabilities(s.cap_add);
  const drop = keys.capabilities(s.cap_drop);
  if (fargate && add.some((c) => c !== 'SYS_PTRACE')) {
    ctx.problems.error(at('cap_add'), 'Fargate can only add the SYS_PTRACE capability');
  }
  if (add.length > 0 || drop.length > 0) {
    linux.capabilities = { ...(add.length > 0 && { add }), ...(drop.length > 0 && { drop }) };
  }
  if (s.devices) {
    if (fargate)
      ctx.problems.error(at('devices'), 'Fargate does not give containers host devices; remove devices');
    else linux.devices = keys.devices(s.devices);
  }
  const init = params?.initProcessEnabled ?? (typeof d.init === 'boolean' ? d.init : undefined);
  if (init !== undefined) linux.initProcessEnabled = init;
  if (d.shm_size !== undefined && d.shm_size !== null) {
    const bytes = parseBytes(d.shm_size);
    if (bytes === undefined || bytesToMiB(bytes) < 1) {
      ctx.problems.error(
        at('shm_size'),
        `"${String(d.shm_size)}" is not a size of at least 1m (units b, k, m, g)`,
      );
    } else if (fargate) ctx.problems.error(at('shm_size'), 'Fargate does not support shm_size');
    else linux.sharedMemorySize = bytesToMiB(bytes);
  }
  if (tmpfs.length > 0) linux.tmpfs = tmpfs;
  return linux;
}
