import { error, formatDiagnostic, UserError } from '../diagnostics';
import type { RunContext } from '../action/github-context';
import type { Config } from '../inputs/config';
import type { InputName } from '../inputs/spec';
import type { Log } from '../log';
import { baseReport, type RunReport } from './report';
import { translateConfig, writeTaskDefinition } from '../stages/request';
import { ecrRegistry } from '../translate/image-plan';

/** The render mode: the task definition written to a file, and nothing exported, pushed or sent to AWS. */
export function render(config: Config, run: RunContext, log: Log): RunReport {
  const registry =
    config.accountId && config.region ? ecrRegistry(config.accountId, config.region) : undefined;
  // Without packages no image is named after the registry, so any well-formed one does.
  const translated = translateConfig(config, run, registry ?? ecrRegistry('000000000000', 'us-east-1'));
  for (const w of translated.warnings) log.warning(formatDiagnostic(w), w);
  if (!registry && translated.habitatServices.size + translated.builtServices.size > 0) {
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
    taskDefinitionFile: writeTaskDefinition(config.family, translated.taskDefinition),
    notes: ['Render mode: nothing was exported, pushed, registered or deployed.'],
  };
}
