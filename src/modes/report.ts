import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import type { ChangePlan } from '../stages/change-plan';
import { imageLines } from '../stages/change-text';
import type { Config } from '../inputs/parse';
import type { OutputName } from '../inputs/spec';
import { codeBlock, inlineCode, markdownText } from '../markdown';
import { shortArn } from '../progress';
import { cellCode, ports } from './markdown';
import { serviceRows, type ServiceReport } from './services-report';

/** What one run did, as the outputs and the job summary tell it. */
export interface RunReport {
  mode: 'deploy' | 'render' | 'teardown' | 'plan';
  region: string;
  cluster: string;
  service?: string;
  imageTag: string;
  taskDefinition?: RegisterTaskDefinitionCommandInput;
  taskDefinitionFile?: string;
  taskDefinitionArn?: string;
  /** Whether the revision was newly registered (false: an identical one was reused). */
  registered?: boolean;
  /** Lines describing the change against the previous revision: environment names, never values. */
  diff?: string[];
  /** Plan mode: what a deploy would do to the service, and how it would get each image. */
  plan?: Pick<ChangePlan, 'service' | 'running' | 'images'>;
  /** Compose service -> pushed `uri@sha256:...`. */
  images: Record<string, string>;
  /** Repository -> whether this run pushed it (false: the registry already had it), and what moved. */
  pushes?: {
    repository: string;
    reference: string;
    pushed: boolean;
    layers?: { total: number; pushed: number; present: number; bytes: number };
  }[];
  serviceArn?: string;
  deploymentId?: string;
  /** Where the service answers: its load balancer listener's URL (the url output). */
  url?: string;
  /** e.g. "stable", "created and stable", "not waited for", "failed, rolled back to :3", "deleted" */
  state?: string;
  changed: boolean;
  /** Things the run did not do, said plainly: Markdown, every value in it escaped (src/markdown.ts). */
  notes?: string[];
  /** The tasks run before the deploy that passed (run-before-deploy), one line each. */
  ranBefore?: string[];
  /** The service settings set on create or changed on update, one line each. */
  settings?: string[];
  /** BLUE_GREEN, LINEAR, CANARY: the lifecycle stages the deployment went through, in order. */
  stages?: string[];
  /** How long each stage took, in order, e.g. [['Export', 3120], ['Push', 2980]]. */
  timings?: [string, number][];
  /** The services layout: what happened to each compose service's ECS service, in rollout order. */
  services?: ServiceReport[];
  /** The topology as a Mermaid flowchart (translate/topology.ts). */
  topology?: string;
}

export function outputsOf(report: RunReport): Record<OutputName, string> {
  const units = report.services;
  if (units) {
    // A JSON object per output, keyed by compose service.
    const map = (value: (u: ServiceReport) => string | undefined) =>
      JSON.stringify(Object.fromEntries(units.flatMap((u) => { const v = value(u); return v ? [[u.name, v]] : []; }))); // prettier-ignore
    return {
      'task-definition-arn': map((u) => u.taskDefinitionArn),
      'task-definition-file': map((u) => u.taskDefinitionFile),
      images: JSON.stringify(report.images),
      'service-arn': map((u) => u.serviceArn),
      'deployment-id': map((u) => u.deploymentId),
      url: report.url ?? '',
      changed: String(report.changed),
    };
  }
  return {
    'task-definition-arn': report.taskDefinitionArn ?? '',
    'task-definition-file': report.taskDefinitionFile ?? '',
    images: JSON.stringify(report.images),
    'service-arn': report.serviceArn ?? '',
    'deployment-id': report.deploymentId ?? '',
    url: report.url ?? '',
    changed: String(report.changed),
  };
}

/** The ECS console page of a service. */
function consoleUrl(region: string, cluster: string, service: string): string {
  const c = encodeURIComponent(cluster);
  const s = encodeURIComponent(service);
  return `https://${region}.console.aws.amazon.com/ecs/v2/clusters/${c}/services/${s}/health?region=${region}`;
}

/** The job summary in Markdown. Pure, so its content is tested directly. */
export function summaryMarkdown(report: RunReport): string {
  const out: string[] = [];
  const title = report.service
    ? `${report.service} on ${report.cluster}`
    : (report.taskDefinition?.family ?? '');
  out.push(`## habitat-ecs-deploy: ${report.mode} ${markdownText(title)}`.trimEnd(), '');
  if (report.state) out.push(`**State:** ${markdownText(report.state)}`, '');
  const facts: [string, string | undefined][] = [
    ['Image tag', inlineCode(report.imageTag)],
    [
      'Task definition',
      report.taskDefinitionArn &&
        `${inlineCode(report.taskDefinitionArn)}${report.registered === false ? ' (identical revision reused)' : ''}`,
    ],
    ['Service', report.serviceArn && inlineCode(report.serviceArn)],
    ['URL', report.url && `<${encodeURI(report.url)}>`],
    ['Deployment', report.deploymentId && inlineCode(report.deploymentId)],
    ['Lifecycle stages', report.stages?.map((s) => inlineCode(s)).join(' → ')],
    ['Run before deploy', report.ranBefore?.map(markdownText).join('; ')],
    ['Service settings', report.settings?.map(markdownText).join('; ')],
    [
      'Console',
      report.service && report.mode !== 'render'
        ? consoleUrl(report.region, report.cluster, report.service)
        : undefined,
    ],
    ['Rendered file', report.taskDefinitionFile && inlineCode(report.taskDefinitionFile)],
    [
      'Time',
      report.timings?.length
        ? report.timings.map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(1)} s`).join(' · ')
        : undefined,
    ],
  ];
  for (const [k, v] of facts) if (v) out.push(`- **${k}:** ${v}`);
  out.push('');

  // The picture first, the tables of what it shows below it.
  if (report.topology) out.push('```mermaid', report.topology, '```', '');
  if (report.services) out.push(...serviceRows(report.services, report.mode), '');
  const containers = report.taskDefinition?.containerDefinitions ?? [];
  if (containers.length > 0) {
    out.push('| Container | Image | Ports |', '| --- | --- | --- |');
    for (const c of containers)
      out.push(`| ${markdownText(c.name ?? '')} | ${cellCode(c.image ?? '')} | ${markdownText(ports(c))} |`);
    out.push('');
  }
  if (report.pushes && report.pushes.length > 0) {
    out.push('| Repository | Pushed |', '| --- | --- |');
    for (const p of report.pushes) {
      const what = p.pushed
        ? `yes${p.layers ? `: ${layerCounts(p.layers)}` : ''}`
        : 'no, the registry already had this image';
      out.push(`| ${markdownText(p.repository)} | ${what} |`);
    }
    out.push('');
  }
  if (report.plan && report.plan.images.length > 0) {
    out.push('| Image on deploy |', '| --- |');
    for (const line of imageLines(report.plan)) out.push(`| ${markdownText(line)} |`);
    out.push('');
  }
  if (report.plan && report.diff && report.diff.length > 0) {
    const against = report.plan.running
      ? `Changes against ${inlineCode(shortArn(report.plan.running))}`
      : 'Task definition';
    out.push(`**${against}:**`, '', ...codeBlock(report.diff, 'diff'), '');
  } else if (report.diff && report.diff.length > 0) {
    out.push(
      '<details><summary>Changes against the previous revision</summary>',
      '',
      ...codeBlock(report.diff, 'diff'),
      '',
      '</details>',
      '',
    );
  }
  // Notes are Markdown the action composed, each value in it escaped where it was put in.
  for (const note of report.notes ?? []) out.push(`> ${note}`, '');
  return out.join('\n');
}

/** A deploy that failed after it started: the report still goes out, then the step fails. */
export class DeployFailed extends Error {
  constructor(
    readonly lines: string[],
    readonly report: RunReport,
  ) {
    super(lines[0] ?? 'deployment failed');
  }
}

/** What every report starts from: the inputs that name where the run went. */
export function baseReport(config: Config): RunReport {
  return {
    mode: config.mode,
    region: config.region,
    cluster: config.cluster,
    ...(config.service && { service: config.service }),
    imageTag: config.imageTag,
    images: {},
    changed: false,
  };
}

/** "2 of 12 layers pushed (15.2 MB), 10 already in the registry". */
function layerCounts(l: { total: number; pushed: number; present: number; bytes: number }): string {
  return `${l.pushed} of ${l.total} layers pushed (${(l.bytes / 1024 / 1024).toFixed(1)} MB), ${l.present} already in the registry`;
}
