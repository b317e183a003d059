import { formatDiagnostic, UserError, type Diagnostic } from '../diagnostics';
import type { Log } from '../log';
import { mapLimit } from '../parallel';
import type { LaunchType } from '../translate/context';
import { containersView, type TranslatedProject } from '../translate/project';
import { servicePorts } from '../translate/services/ring-ports';
import { VerifyClients } from './clients';
import { clusterChecks } from './cluster';
import type { CheckContext } from './context';
import { Findings } from './findings';
import { imageChecks } from './images';
import { envFileChecks } from './env-files';
import { efsChecks } from './efs';
import { logGroupChecks } from './logs';
import { networkChecks } from './network';
import { ringChecks } from './ring';
import { planVerification, type VerifyTarget } from './checklist';
import { passRoleChecks } from './pass-role';
import { roleChecks } from './roles';
import { secretChecks } from './secrets';

export type { VerifyTarget } from './checklist';
export { VerifyClients } from './clients';

/** AWS calls in flight at most while verifying. */
const MAX_PARALLEL = 8;

/** Which checks run: all of them, all but the cluster's, or the cluster's alone. */
export type VerifyPart = 'all' | 'account' | 'cluster';

export interface VerifyOptions {
  log: Log;
  /** Default `all`. */
  part?: VerifyPart;
  /** Default: the run's client settings in each region a check needs. */
  clients?: VerifyClients;
}

export interface Verification {
  warnings: Diagnostic[];
  notices: Diagnostic[];
}

/**
 * Checks, with read-only AWS calls, what the rendered task and its service need from the account:
 * roles, secrets, log groups, the awsvpc network, images this run does not push, and the cluster.
 * Run after rendering and before the first side effect. Logs warnings and notices; throws a
 * UserError with every error, each at the compose or ecs-params line that caused it.
 */
export async function verifyDeployment(target: VerifyTarget, options: VerifyOptions): Promise<Verification> {
  const plan = planVerification(target);
  const part = options.part ?? 'all';
  const cluster = part !== 'account';
  // The plan's own findings are about the task, as every check but the cluster's is.
  const account = part !== 'cluster';
  const findings = new Findings();
  if (account) findings.add(...plan.findings);
  const ctx: CheckContext = {
    clients: options.clients ?? new VerifyClients(),
    findings,
    region: target.region,
  };
  const checks = [
    ...(cluster ? clusterChecks(plan.cluster, ctx) : []),
    ...(account
      ? [
          ...roleChecks(plan.roles, ctx),
          ...passRoleChecks(plan.roles, ctx),
          ...secretChecks(plan.secrets, ctx),
          ...logGroupChecks(plan.logGroups, ctx),
          ...networkChecks(plan.network, target.launchType === 'FARGATE', ctx),
          ...ringChecks(plan.ring, ctx),
          ...imageChecks(plan.images, ctx),
          ...envFileChecks(plan.envFiles, ctx),
          ...efsChecks(plan.efs, plan.network, ctx),
        ]
      : []),
  ];
  await mapLimit(checks, MAX_PARALLEL, (check) => check());
  // In the order of the files, whichever check finished first.
  const all = findings.diagnostics().sort(byPlace);
  const of = (severity: Diagnostic['severity']) => all.filter((d) => d.severity === severity);
  for (const n of of('notice')) options.log.info(formatDiagnostic(n));
  for (const w of of('warning')) options.log.warning(formatDiagnostic(w), w);
  const errors = of('error');
  if (errors.length > 0) throw new UserError(errors);
  const counted = [
    cluster ? 'the cluster' : '',
    ...(account
      ? [
          count(plan.roles.length, 'role'),
          count(plan.secrets.length, 'secret'),
          count(plan.logGroups.length, 'log group'),
          count(plan.network?.subnets.length ?? 0, 'subnet'),
          count(plan.images.length, 'image'),
          count(plan.envFiles.length, 'environment file'),
          count(new Set(plan.efs.map((e) => e.fileSystemId)).size, 'EFS file system'),
        ]
      : []),
  ].filter(Boolean);
  if (counted.length > 0) options.log.info(`Verified ${counted.join(', ')}.`);
  return { warnings: of('warning'), notices: of('notice') };
}

function byPlace(a: Diagnostic, b: Diagnostic): number {
  const [x, y] = [a.location, b.location];
  if (!x || !y) return (x ? 0 : 1) - (y ? 0 : 1);
  return x.file.localeCompare(y.file) || x.line - y.line || x.column - y.column;
}

function count(n: number, what: string): string {
  return n === 0 ? '' : `${n} ${what}${n === 1 ? '' : 's'}`;
}

/** The verify target of a translation: every Habitat and build: service's image is one this run pushes. */
export function verifyTargetOf(
  translated: TranslatedProject,
  where: { region: string; cluster: string; launchType: LaunchType; service?: string },
): VerifyTarget {
  return {
    taskDefinition: containersView(translated),
    ...(translated.layout === 'services' && {
      servicePorts: servicePorts(translated.services, new Set(translated.habitatServices.keys())),
    }),
    runParams: translated.runParams,
    project: translated.project,
    ...(translated.ecsParams && { ecsParams: translated.ecsParams }),
    pushed: new Set([...translated.habitatServices.keys(), ...translated.builtServices.keys()]),
    ...where,
  };
}
