import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import type { ChangePlan } from '../stages/change-plan';
import { shortArn } from '../progress';
import { codeBlock, markdownText } from '../markdown';
import { cellCode, ports } from './markdown';

/** What one run did to one compose service's ECS service (the services layout). */
export interface ServiceReport {
  /** The compose service. */
  name: string;
  /** Its ECS service, `<service>-<name>`. */
  service: string;
  taskDefinition: RegisterTaskDefinitionCommandInput;
  taskDefinitionFile?: string;
  taskDefinitionArn?: string;
  /** false: an identical revision was reused. */
  registered?: boolean;
  serviceArn?: string;
  deploymentId?: string;
  /** `created and stable on :3`, `unchanged`, `rolled back`, `not reached: mongo failed`, ... */
  state?: string;
  /** The task definition's changes against the revision it ran (environment names only). */
  diff?: string[];
  /** Plan mode: what a deploy would do to it. */
  plan?: Pick<ChangePlan, 'service' | 'running'>;
  /** Its settings set on create or changed on update. */
  settings?: string[];
}

/** The services table of the job summary, then each service's containers and changes. Pure. */
export function serviceRows(services: readonly ServiceReport[], mode: string): string[] {
  const out = ['| Compose service | ECS service | Task definition | State |', '| --- | --- | --- | --- |'];
  for (const s of services) {
    const td = s.taskDefinitionArn
      ? `${cellCode(shortArn(s.taskDefinitionArn))}${s.registered === false ? ' (reused)' : ''}`
      : cellCode(s.taskDefinition.family ?? '');
    out.push(
      `| ${markdownText(s.name)} | ${markdownText(s.service)} | ${td} | ${markdownText(s.state ?? '-')} |`,
    );
  }
  out.push('', '| Service | Container | Image | Ports |', '| --- | --- | --- | --- |');
  for (const s of services) {
    for (const c of s.taskDefinition.containerDefinitions ?? [])
      out.push(
        `| ${markdownText(s.name)} | ${markdownText(c.name ?? '')} | ${cellCode(c.image ?? '')} | ${markdownText(ports(c))} |`,
      );
  }
  for (const s of services) {
    if (!s.diff || s.diff.length === 0) continue;
    const against = s.plan?.running ? ` against ${shortArn(s.plan.running)}` : '';
    const title =
      mode === 'plan' ? `${s.name}: changes${against}` : `${s.name}: changes against the previous revision`;
    out.push(
      '',
      `<details><summary>${markdownText(title)}</summary>`,
      '',
      ...codeBlock(s.diff, 'diff'),
      '',
      '</details>',
    );
  }
  return out;
}
