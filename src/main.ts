import * as core from '@actions/core';
import { actionsLog, annotation } from './actions-log';
import { formatDiagnostic, UserError } from './diagnostics';
import { readRunContext, type RunContext } from './github-context';
import { parseConfig, type Config } from './inputs';
import type { InputName } from './inputs-spec';
import type { Log } from './log';
import { baseReport, DeployFailed, outputsOf, summaryMarkdown, type RunReport } from './report';

/** The action: read inputs, then render, deploy or tear down, and report. */
export async function run(): Promise<void> {
  const log = actionsLog;
  // The inputs and the run as read once, for the preview comment of a deploy that failed.
  let pending: { config: Config; runContext: RunContext } | undefined;
  try {
    const runContext = readRunContext(process.env);
    const config = parseConfig((name: InputName) => core.getInput(name), process.env, runContext);
    for (const w of config.warnings) log.warning(formatDiagnostic(w), w);
    if (config.skip) {
      core.notice(`Skipped: ${config.skip}`);
      await publish({ ...baseReport(config), state: 'skipped', notes: [config.skip] });
      return;
    }
    pending = { config, runContext };
    // Loaded once the inputs are good: a run that fails on them never parses the AWS SDK.
    const modes = await import('./modes');
    const report =
      config.mode === 'render'
        ? modes.renderOnly(config, runContext, log)
        : config.mode === 'teardown' || config.preview?.closed
          ? await modes.tearDown(config, log)
          : await modes.deploy(config, runContext, log);
    await commentOnPreview(config, runContext, await publish(report), log);
  } catch (e) {
    if (e instanceof DeployFailed) {
      const markdown = await publish(e.report);
      if (pending) await commentOnPreview(pending.config, pending.runContext, markdown, log);
      for (const line of e.lines.slice(1)) core.info(line);
      core.setFailed(e.lines[0] ?? e.message);
    } else if (e instanceof UserError) {
      // One annotation per problem, each on its file and line or naming its input; no stack.
      for (const d of e.diagnostics) core.error(formatDiagnostic(d), annotation(d));
      process.exitCode = 1;
    } else {
      const err = e instanceof Error ? e : new Error(String(e));
      core.debug(err.stack ?? '');
      core.setFailed(`${err.name === 'Error' ? '' : `${err.name}: `}${err.message}`);
    }
  }
}

async function publish(report: RunReport): Promise<string> {
  for (const [name, value] of Object.entries(outputsOf(report))) core.setOutput(name, value);
  const markdown = summaryMarkdown(report);
  await core.summary.addRaw(markdown, true).write();
  return markdown;
}

/** With a token, the preview's state goes to one comment on its pull request. */
async function commentOnPreview(config: Config, run: RunContext, markdown: string, log: Log): Promise<void> {
  if (!config.githubToken || !config.preview || !run.repository) return;
  const marker = `<!-- habitat-ecs-deploy:preview:${config.preview.baseService} -->`;
  const { upsertComment } = await import('./github/comment');
  await upsertComment(
    { token: config.githubToken, repository: run.repository, number: config.preview.number, marker },
    markdown,
    log,
  );
}
