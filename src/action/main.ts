import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { actionsLog, annotation } from './actions-log';
import { explainAwsFailure } from '../aws/errors';
import { formatDiagnostic, UserError } from '../diagnostics';
import type { RunContext } from '../inputs/run-context';
import { readRunContext, runnerTemp } from './github-context';
import { parseConfig, type Config } from '../inputs/parse';
import { isPullRequestEvent } from '../inputs/pull-request';
import { stopRunningProcesses } from '../process';
import { Progress } from '../progress';
import type { InputName } from '../inputs/spec';
import type { Log } from '../log';
import { baseReport, DeployFailed, outputsOf, summaryMarkdown, type RunReport } from '../modes/report';
import { maskedValues } from './masked-values';
import { saveLoginState } from './post-state';
import * as runner from './workflow-commands';

/** The action: read inputs, then render, deploy or tear down, and report. */
export async function run(): Promise<void> {
  const log = actionsLog;
  // The inputs and the run as read once, for the preview comment of a deploy that failed.
  let pending: { config: Config; runContext: RunContext } | undefined;
  const progress = new Progress();
  try {
    const runContext = readRunContext(process.env);
    const config = parseConfig(
      (name: InputName) => runner.getInput(name),
      process.env,
      runContext,
      maskedValues(),
    );
    for (const w of config.warnings) log.warning(formatDiagnostic(w), w);
    if (config.skip) {
      runner.notice(`Skipped: ${config.skip}`);
      await publish({ ...baseReport(config), state: 'skipped', notes: [config.skip] });
      return;
    }
    // Masked, and refused in interpolation: a token from a step output is not masked by the runner.
    if (config.githubToken) log.setSecret(config.githubToken);
    pending = { config, runContext };
    if (config.mode === 'deploy') exitOnCancel(config, progress);
    const report = await runMode(config, runContext, log, progress);
    await commentOnPullRequest(config, runContext, await publish(report), log);
  } catch (e) {
    // A cancelled run has said what it had to; what its stopped children report is noise.
    if (cancelled) return;
    if (e instanceof DeployFailed) {
      const markdown = await publish(e.report);
      if (pending) await commentOnPullRequest(pending.config, pending.runContext, markdown, log);
      for (const line of e.lines.slice(1)) runner.info(line);
      runner.setFailed(e.lines[0] ?? e.message);
    } else {
      if (e instanceof UserError) {
        // One annotation per problem, each on its file and line or naming its input; no stack.
        for (const d of e.diagnostics) runner.error(formatDiagnostic(d), annotation(d));
        process.exitCode = 1;
      } else {
        const err = e instanceof Error ? e : new Error(String(e));
        runner.debug(err.stack ?? '');
        runner.setFailed(
          explainAwsFailure(e) ?? `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}`,
        );
      }
      // Past the checks, say where it stopped and what state that left.
      if (pending && progress.stage) {
        const lines = [`Failed during ${progress.stage}.`, ...progress.account()];
        for (const line of lines) runner.info(line);
        await publish({
          ...baseReport(pending.config),
          state: `failed during ${progress.stage}`,
          notes: lines,
        });
      }
    }
  }
}

/** The mode's module is loaded once the inputs are good: a run that fails on them never parses the AWS SDK. */
async function runMode(config: Config, run: RunContext, log: Log, progress: Progress): Promise<RunReport> {
  if (config.mode === 'render') return (await import('../modes/render')).render(config, log);
  if (config.mode === 'plan') return (await import('../modes/plan')).plan(config, log);
  if (config.mode === 'teardown' || config.preview?.closed)
    return (await import('../modes/teardown')).tearDown(config, log);
  const runner = { tempDir: runnerTemp(), saveLoginState };
  return (await import('../modes/deploy')).deploy(config, run, runner, log, progress);
}

/** Set when the runner cancels the job: from then on only the cancellation speaks. */
let cancelled = false;

/**
 * The runner cancels a job with SIGINT, then SIGTERM, then kills it: stop the children (a docker
 * push, a hab export), say where the deploy stopped and what state that left, and exit in time.
 */
function exitOnCancel(config: Config, progress: Progress): void {
  const stop = (signal: NodeJS.Signals): void => {
    if (cancelled) return;
    cancelled = true;
    const children = stopRunningProcesses();
    const where = progress.stage ?? 'the checks before the first stage';
    const lines = [`Cancelled (${signal}) during ${where}.`, ...progress.account()];
    runner.error(lines[0] ?? '');
    if (children > 0) runner.info(`Stopped ${children} running process(es).`);
    for (const line of lines.slice(1)) runner.info(line);
    // Bounded whatever publishing does: the runner's SIGKILL comes a few seconds after SIGTERM.
    setTimeout(() => process.exit(1), 3000).unref();
    void publish({
      ...baseReport(config),
      state: `cancelled during ${where}`,
      notes: lines.slice(1),
    }).finally(() => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function publish(done: RunReport): Promise<string> {
  // The task definition a mode rendered goes to the file the task-definition-file output names.
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
  for (const [name, value] of Object.entries(outputsOf(report))) runner.setOutput(name, value);
  const markdown = summaryMarkdown(report);
  runner.appendSummary(markdown);
  return markdown;
}

/**
 * With a token, a preview's state, or a plan made on a pull request event, goes to one comment
 * on the pull request: the same comment for both, one per service.
 */
async function commentOnPullRequest(
  config: Config,
  run: RunContext,
  markdown: string,
  log: Log,
): Promise<void> {
  const number =
    config.preview?.number ??
    (config.mode === 'plan' && isPullRequestEvent(run) ? run.pullRequest : undefined);
  if (!config.githubToken || number === undefined || !run.repository) return;
  const service = config.preview?.baseService ?? config.service ?? '';
  const marker = `<!-- habitat-ecs-deploy:preview:${service} -->`;
  const { upsertComment } = await import('./pull-request-comment');
  await upsertComment(
    { token: config.githubToken, repository: run.repository, number, marker },
    markdown,
    log,
  );
}

/** Writes the task definition where the task-definition-file output points; returns the path. */
function writeTaskDefinition(td: RegisterTaskDefinitionCommandInput): string {
  const dir = path.join(runnerTemp(), 'habitat-ecs-deploy');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${td.family}.task-definition.json`);
  fs.writeFileSync(file, `${JSON.stringify(td, null, 2)}\n`);
  return file;
}
