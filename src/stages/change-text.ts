import { shortArn } from '../progress';
import type { ChangePlan } from './change-plan';

/** A plan in words, for the log, the CLI and the job summary. Pure. */

/** One line: what a deploy would do to the service. */
export function serviceVerdict(
  plan: Pick<ChangePlan, 'service' | 'running'> & Partial<Pick<ChangePlan, 'settings'>>,
  service: string,
): string {
  const running = plan.running ? shortArn(plan.running) : undefined;
  switch (plan.service) {
    case 'create':
      return `a deploy would create the service ${service}`;
    case 'update':
      return `a deploy would update the service ${service}${running ? ` (it runs ${running})` : ''}`;
    case 'redeploy':
      return `a deploy would start a new deployment of ${running ?? 'the revision'} on ${service} (force-new-deployment); the task definition is unchanged`;
    case 'none':
      if ((plan.settings ?? []).length > 0)
        return `a deploy would change the settings of the service ${service}; it already runs ${running ?? 'this task definition'}`;
      return `a deploy would leave the service ${service} alone: it already runs ${running ?? 'this task definition'}`;
  }
}

/** One line per image: reused, or exported and pushed, and why. */
export function imageLines(plan: Pick<ChangePlan, 'images'>): string[] {
  const verb = {
    reuse: 'reused, not exported',
    export: 'exported and pushed on deploy',
    build: 'built and pushed on deploy',
  };
  return plan.images.map((i) => `${i.repository}: ${verb[i.how]} (${i.reason})`);
}

/** The plan as the log and the CLI print it: verdict, images, then the diff given. */
export function planText(plan: ChangePlan, service: string, diff: readonly string[]): string[] {
  const lines = [`Plan: ${serviceVerdict(plan, service)}.`];
  if (plan.images.length > 0) lines.push('Images:', ...imageLines(plan).map((l) => `  ${l}`));
  if (plan.settings.length > 0)
    lines.push(
      plan.service === 'create' ? 'Service settings:' : 'Service settings that would change:',
      ...plan.settings.map((l) => `  ${l}`),
    );
  if (plan.service === 'create') lines.push('Task definition:', ...diff.map((l) => `  ${l}`));
  else if (diff.length > 0)
    lines.push(
      `Changes against ${plan.running ? shortArn(plan.running) : 'the running revision'}:`,
      ...diff.map((l) => `  ${l}`),
    );
  else lines.push('The task definition is the one the service runs.');
  return lines;
}
