import { error, formatDiagnostic, UserError } from '../diagnostics';
import type { Config } from '../inputs/parse';
import type { InputName } from '../inputs/spec';
import type { Log } from '../log';
import { baseReport, type RunReport } from './report';
import { requestRegistry, translateRequest } from '../stages/request';

/** The render mode: the task definition, and nothing exported, pushed or sent to AWS. */
export function render(config: Config, log: Log): RunReport {
  // Without packages no image is named after the registry, so any well-formed one does.
  const translated = translateRequest(config, requestRegistry(config));
  for (const w of translated.warnings) log.warning(formatDiagnostic(w), w);
  if (
    !(config.accountId && config.region) &&
    translated.habitatServices.size + translated.builtServices.size > 0
  ) {
    const missing: InputName = config.accountId ? 'aws-region' : 'aws-account-id';
    throw new UserError(
      error(`is needed to name the ECR images of the Habitat packages and builds in render mode`, {
        input: missing,
      }),
    );
  }
  return {
    ...baseReport(config),
    taskDefinition: translated.taskDefinition,
    notes: ['Render mode: nothing was exported, pushed, registered or deployed.'],
  };
}
