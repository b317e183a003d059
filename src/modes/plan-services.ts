import { awsClients } from '../aws/clients';
import type { ServiceConfig } from '../inputs/parse';
import type { Log } from '../log';
import type { DeployChangeInput, ServiceChange } from '../stages/change-plan';
import { serviceVerdict } from '../stages/change-text';
import { servicesPlanText, servicesVerdict } from '../stages/services-text';
import type { Preflight } from '../stages/preflight';
import { planServicesChange } from '../stages/services-plan';
import { serviceNameOf } from '../translate/services';
import { topologyOf } from '../translate/topology';
import { baseReport, type RunReport } from './report';

/**
 * The plan mode in the services layout: for each compose service's ECS service, in rollout order,
 * what a deploy would do (create, update, leave alone), its diff and settings; the images; the
 * Cloud Map namespace. Reads only; plan() has checked the network and target groups and resolved
 * the releases, and gives the input it would give the task layout's plan.
 */
export async function planServicesMode(
  config: ServiceConfig,
  log: Log,
  checked: Preflight,
  input: DeployChangeInput,
): Promise<RunReport> {
  if (checked.translated.layout !== 'services') throw new Error('planServicesMode: not the services layout');
  const plan = await log.group('Plan', async () => {
    const planned = await planServicesChange(awsClients(config.region), config, checked, input);
    for (const line of servicesPlanText(planned)) log.info(line);
    return planned;
  });
  return {
    ...baseReport(config),
    services: plan.units.map((u) => ({
      name: u.unit.name,
      service: u.service,
      taskDefinition: u.unit.taskDefinition,
      ...(u.serviceArn && { serviceArn: u.serviceArn }),
      state: serviceVerdict(
        { service: u.change, ...(u.running && { running: u.running }), settings: u.settings },
        u.service,
      ),
      diff: u.diff,
      plan: { service: u.change, ...(u.running && { running: u.running }) },
      ...(u.settings.length > 0 && { settings: u.settings }),
    })),
    topology: topologyOf(checked.translated, {
      title: config.service,
      serviceName: (c) => (c === undefined ? config.service : serviceNameOf(config.service, c)),
    }),
    plan: { service: overall(plan.units.map((u) => u.change)), images: plan.images },
    changed: plan.changed,
    state: servicesVerdict(plan),
    notes: ['Plan mode: nothing was exported, pushed, registered or deployed.'],
  };
}

function overall(changes: readonly ServiceChange[]): ServiceChange {
  for (const c of ['create', 'update', 'redeploy'] as const) if (changes.includes(c)) return c;
  return 'none';
}
