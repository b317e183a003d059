import * as core from '@actions/core';
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { outputsOf, summaryMarkdown, type RunReport } from '../modes/report';
import { runnerTemp } from './github-context';

/**
 * A run's report as the runner takes it: the outputs, the job summary (when the runner gives a
 * summary file; not outside a runner), and the rendered task definition in the file the
 * task-definition-file output names. Returns the summary's Markdown, which the PR comment reuses.
 */
export async function publish(done: RunReport): Promise<string> {
  const written = done.taskDefinition
    ? { ...done, taskDefinitionFile: writeTaskDefinition(done.taskDefinition) }
    : done;
  // The services layout: a file per service's task definition, the output a map of them.
  const report = written.services
    ? {
        ...written,
        services: written.services.map((u) => ({
          ...u,
          taskDefinitionFile: writeTaskDefinition(u.taskDefinition),
        })),
      }
    : written;
  for (const [name, value] of Object.entries(outputsOf(report))) core.setOutput(name, value);
  const markdown = summaryMarkdown(report);
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown, true).write();
  return markdown;
}

/** Writes the task definition where the task-definition-file output points; returns the path. */
function writeTaskDefinition(td: RegisterTaskDefinitionCommandInput): string {
  const dir = path.join(runnerTemp(), 'habitat-ecs-deploy');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${td.family}.task-definition.json`);
  fs.writeFileSync(file, `${JSON.stringify(td, null, 2)}\n`);
  return file;
}
