import type { ContainerDefinition, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import type { ComposeProject } from '../compose/types';
import { error, notice, type Diagnostic } from '../diagnostics';
import { placeOf, type KeyPath } from '../problems';
import type { LaunchType } from '../translate/context';
import type { EcsParams, RunParams } from '../translate/ecs-params';
import { taskNeed, type TaskNeed } from './capacity';
import { parseS3ObjectArn, type S3Object } from '../compose/s3-env-file';
import { volumeName } from '../translate/volumes';
import {
  parseCredentialsReference,
  parseEcrImage,
  parseRoleReference,
  parseSecretReference,
  registryName,
  type EcrImage,
  type SecretSource,
} from './references';

/** Where a finding points: a compose or ecs-params key, or an input. */
export type Place = Pick<Diagnostic, 'location' | 'path' | 'input'>;

/** What the checks need to know about the task this run would register and run. */
export interface VerifyTarget {
  taskDefinition: RegisterTaskDefinitionCommandInput;
  runParams: RunParams;
  /** The compose services and volumes, and where their keys were written. */
  project: Pick<ComposeProject, 'locate' | 'services'> & Partial<Pick<ComposeProject, 'volumes'>>;
  /** Where ecs-params.yml keys were written, when there is one, and its EFS volumes. */
  ecsParams?: Pick<EcsParams, 'locate'> & Partial<Pick<EcsParams, 'efsVolumes'>>;
  /** Containers whose images this run exports and pushes: not looked for in a registry. */
  pushed: ReadonlySet<string>;
  /** The task's region. */
  region: string;
  cluster: string;
  launchType: LaunchType;
  /** The service the task runs in: on a full EC2 cluster its old tasks may make room. */
  service?: string;
  /** The services layout: the ports its services reach each other on, open to their security groups. */
  servicePorts?: RingPort[];
}

export interface RoleCheck {
  kind: 'task' | 'execution';
  name: string;
  reference: string;
  place: Place;
}

export interface SecretCheck {
  source: SecretSource;
  valueFrom: string;
  place: Place;
}

export interface LogGroupCheck {
  name: string;
  region: string;
  /** awslogs-create-group: "true": ECS creates it when the first task starts. */
  create: boolean;
  place: Place;
}

export interface NetworkCheck {
  subnets: { id: string; place: Place }[];
  securityGroups: { id: string; place: Place }[];
  assignPublicIp: 'ENABLED' | 'DISABLED';
  publicIpPlace: Place;
}

/** A port the services of the services layout reach each other on. */
export interface RingPort {
  protocol: 'tcp' | 'udp';
  port: number;
  /** `Habitat gossip`, `Service Connect to db:5432`, ... */
  why: string;
}

/** What the services layout needs of the tasks' security groups: each port open to the groups themselves. */
export interface RingCheck {
  ports: RingPort[];
  /** The groups ecs-params gives; none: ECS uses the VPC's default group. */
  groups: { id: string; place: Place }[];
  subnets: string[];
  /** Where to report a missing rule when no group is given. */
  place: Place;
}

export interface ImageCheck {
  image: string;
  ecr: EcrImage;
  place: Place;
}

export interface EnvFileCheck {
  /** The ARN as the task definition names it. */
  arn: string;
  object: S3Object;
  /** The execution role's name, which ECS reads it with; undefined when the task has none. */
  executionRole?: string;
  place: Place;
}

export interface EfsCheck {
  volume: string;
  fileSystemId: string;
  accessPointId?: string;
  place: Place;
}

export interface ClusterCheck {
  name: string;
  place: Place;
  /** For EC2: what one task reserves on an instance. */
  need?: TaskNeed;
  service?: string;
}

/** Every AWS lookup the task needs, each with the place to report at, and what was found without AWS. */
export interface VerifyPlan {
  roles: RoleCheck[];
  secrets: SecretCheck[];
  logGroups: LogGroupCheck[];
  network?: NetworkCheck;
  images: ImageCheck[];
  envFiles: EnvFileCheck[];
  efs: EfsCheck[];
  cluster: ClusterCheck;
  /** The services layout: the security group rules its services need between them. */
  ring?: RingCheck;
  /** Errors and notices found without asking AWS: malformed references, a missing execution role, ... */
  findings: Diagnostic[];
}

/** Reads the rendered task for what to check in the account. Pure. */
export function planVerification(target: VerifyTarget): VerifyPlan {
  const { taskDefinition: td, project, ecsParams } = target;
  const compose = (path: KeyPath): Place => placeOf((p) => project.locate(p), path);
  const params = (path: KeyPath): Place =>
    ecsParams ? placeOf((p) => ecsParams.locate(p), path) : { input: 'ecs-params' };
  const findings: Diagnostic[] = [];
  const plan: VerifyPlan = {
    roles: [],
    secrets: [],
    logGroups: [],
    images: [],
    envFiles: [],
    efs: [],
    cluster: {
      name: target.cluster,
      place: { input: 'cluster' },
      ...(target.launchType === 'EC2' && { need: taskNeed(td) }),
      ...(target.service && { service: target.service }),
    },
    findings,
  };

  for (const [kind, reference, key] of [
    ['task', td.taskRoleArn, 'task_role_arn'],
    ['execution', td.executionRoleArn, 'task_execution_role'],
  ] as const) {
    if (!reference) continue;
    const place = params(['task_definition', key]);
    const role = parseRoleReference(reference);
    if (role.ok) plan.roles.push({ kind, name: role.value.name, reference, place });
    else findings.push(error(role.problem, place));
  }

  // Why ECS needs an execution role for this task: it pulls from ECR and sends awslogs with it on
  // Fargate (EC2 uses the instance's role), and fetches secrets and registry credentials with it.
  const needsExecutionRole: { why: string; place: Place }[] = [];
  const fargate = target.launchType === 'FARGATE';
  for (const c of td.containerDefinitions ?? []) {
    const name = c.name ?? '';
    const svc = ['task_definition', 'services', name];
    (c.secrets ?? []).forEach((s, i) => {
      const place = params([...svc, 'secrets', i, 'value_from']);
      needsExecutionRole.push({ why: `container ${name} has secrets`, place });
      const source = parseSecretReference(s.valueFrom ?? '', target.region);
      if (source.ok) plan.secrets.push({ source: source.value, valueFrom: s.valueFrom ?? '', place });
      else findings.push(error(source.problem, place));
    });
    const credentials = c.repositoryCredentials?.credentialsParameter;
    if (credentials) {
      const place = params([...svc, 'repository_credentials', 'credentials_parameter']);
      needsExecutionRole.push({ why: `container ${name} pulls with registry credentials`, place });
      const source = parseCredentialsReference(credentials, target.region);
      if (source.ok) plan.secrets.push({ source: source.value, valueFrom: credentials, place });
      else findings.push(error(source.problem, place));
    }
    const executionRole = td.executionRoleArn ? parseRoleReference(td.executionRoleArn) : undefined;
    (c.environmentFiles ?? []).forEach((f, i) => {
      const object = parseS3ObjectArn(f.value ?? '');
      const place = compose(['services', name, 'env_file', i]);
      needsExecutionRole.push({ why: `container ${name} reads environment files from S3`, place });
      if (object)
        plan.envFiles.push({
          arn: f.value ?? '',
          object,
          ...(executionRole?.ok && { executionRole: executionRole.value.name }),
          place,
        });
    });
    const logGroup = awslogs(c, target.region, logOptionsPath(project, name), compose, findings);
    if (logGroup) {
      plan.logGroups.push(logGroup);
      if (fargate)
        needsExecutionRole.push({
          why: `container ${name} logs with awslogs on Fargate`,
          place: logGroup.place,
        });
    }
    const image = c.image ?? '';
    const imagePlace = compose(['services', name, 'image']);
    const ecr = parseEcrImage(image);
    if (ecr && fargate)
      needsExecutionRole.push({ why: `container ${name} pulls from ECR on Fargate`, place: imagePlace });
    if (target.pushed.has(name)) continue;
    if (ecr) plan.images.push({ image, ecr, place: imagePlace });
    else if (image) {
      const how = credentials ? ' with the registry credentials' : '';
      findings.push(
        notice(`${image} will be pulled from ${registryName(image)}${how} when the task starts`, imagePlace),
      );
    }
  }
  const first = needsExecutionRole[0];
  if (first && !td.executionRoleArn) {
    const reasons = [...new Set(needsExecutionRole.map((n) => n.why))].join('; ');
    findings.push(
      error(
        `ECS needs an execution role for this task (${reasons}): set task_definition.task_execution_role in ecs-params.yml ` +
          'to a role that trusts ecs-tasks.amazonaws.com',
        first.place,
      ),
    );
  }

  for (const v of td.volumes ?? []) {
    const efs = v.efsVolumeConfiguration;
    if (!efs?.fileSystemId) continue;
    const name = v.name ?? '';
    const declared = ecsParams?.efsVolumes?.get(name);
    const composeName = Object.keys(project.volumes ?? {}).find((n) => volumeName(n) === name) ?? name;
    const at = (key: string) =>
      declared ? params([...declared.path, key]) : compose(['volumes', composeName, 'x-efs', key]);
    const accessPointId = efs.authorizationConfig?.accessPointId;
    plan.efs.push({
      volume: name,
      fileSystemId: efs.fileSystemId,
      ...(accessPointId && { accessPointId }),
      place: at('filesystem_id'),
    });
    // ECS mounts with the task role's identity: IAM authorization without one cannot mount.
    if (efs.authorizationConfig?.iam === 'ENABLED' && !td.taskRoleArn) {
      findings.push(
        error(
          `iam: ENABLED mounts ${efs.fileSystemId} as the task role, and the task has none: set task_definition.task_role_arn in ecs-params.yml to a role the file system's policy allows`,
          at('iam'),
        ),
      );
    }
  }

  const awsvpc = target.runParams.networkConfiguration?.awsvpcConfiguration;
  if (target.servicePorts && awsvpc) {
    const net = ['run_params', 'network_configuration', 'awsvpc_configuration'];
    plan.ring = {
      ports: target.servicePorts,
      groups: (awsvpc.securityGroups ?? []).map((id, i) => ({
        id,
        place: params([...net, 'security_groups', i]),
      })),
      subnets: [...(awsvpc.subnets ?? [])],
      place: params([...net, 'subnets']),
    };
  }
  if (awsvpc) {
    const net = ['run_params', 'network_configuration', 'awsvpc_configuration'];
    const publicIpPlace = params([...net, 'assign_public_ip']);
    const assignPublicIp = awsvpc.assignPublicIp ?? 'DISABLED';
    if (assignPublicIp === 'ENABLED' && !fargate) {
      findings.push(
        error(
          'ENABLED is only for Fargate: ECS refuses a public IP for tasks on EC2 instances; remove it',
          publicIpPlace,
        ),
      );
    }
    plan.network = {
      subnets: (awsvpc.subnets ?? []).map((id, i) => ({ id, place: params([...net, 'subnets', i]) })),
      securityGroups: (awsvpc.securityGroups ?? []).map((id, i) => ({
        id,
        place: params([...net, 'security_groups', i]),
      })),
      assignPublicIp,
      publicIpPlace,
    };
  }
  return plan;
}

/** Where a service's logging options were written: compose's `logging.options`, or v1 `log_opt`. */
function logOptionsPath(project: VerifyTarget['project'], service: string): KeyPath {
  const definition = project.services.get(service)?.definition;
  return definition && 'log_opt' in definition && !('logging' in definition)
    ? ['services', service, 'log_opt']
    : ['services', service, 'logging', 'options'];
}

function awslogs(
  c: ContainerDefinition,
  taskRegion: string,
  optionsPath: KeyPath,
  compose: (path: KeyPath) => Place,
  findings: Diagnostic[],
): LogGroupCheck | undefined {
  if (c.logConfiguration?.logDriver !== 'awslogs') return undefined;
  const options = c.logConfiguration.options ?? {};
  const name = options['awslogs-group'];
  if (!name) {
    findings.push(error('the awslogs log driver needs the option awslogs-group', compose(optionsPath)));
    return undefined;
  }
  return {
    name,
    region: options['awslogs-region'] ?? taskRegion,
    create: options['awslogs-create-group'] === 'true',
    place: compose([...optionsPath, 'awslogs-group']),
  };
}
