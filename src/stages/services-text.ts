import { shortArn } from '../progress';
import type { ServiceChange } from './change-plan';
import { imageLines, serviceVerdict } from './change-text';
import type { ServicesChangePlan } from './services-plan';

/** The plan in lines: the namespace, each service in rollout order, the images. */
export function servicesPlanText(plan: ServicesChangePlan): string[] {
  const lines = [
    `Plan: ${servicesVerdict(plan)}.`,
    plan.namespace.exists
      ? `Cloud Map namespace ${plan.namespace.name}: exists`
      : `Cloud Map namespace ${plan.namespace.name}: a deploy would create it`,
    'Services, in rollout order:',
  ];
  for (const u of plan.units) {
    lines.push(
      `  ${u.unit.name}: ${serviceVerdict({ service: u.change, ...(u.running && { running: u.running }), settings: u.settings }, u.service)}`,
    );
    for (const s of u.settings) lines.push(`    ${s}`);
    if (u.change === 'create') lines.push(...u.logDiff.map((l) => `    ${l}`));
    else if (u.logDiff.length > 0)
      lines.push(
        `    changes against ${u.running ? shortArn(u.running) : 'the running revision'}:`,
        ...u.logDiff.map((l) => `      ${l}`),
      );
  }
  if (plan.images.length > 0) lines.push('Images:', ...imageLines(plan).map((l) => `  ${l}`));
  return lines;
}

export function servicesVerdict(plan: ServicesChangePlan): string {
  const count = (c: ServiceChange) => plan.units.filter((u) => u.change === c).length;
  const parts = [
    count('create') && `create ${count('create')}`,
    count('update') + count('redeploy') && `update ${count('update') + count('redeploy')}`,
    count('none') && `leave ${count('none')} alone`,
  ].filter(Boolean);
  return `a deploy would ${parts.join(', ')} of ${plan.units.length} ECS service${plan.units.length === 1 ? '' : 's'}`;
}
