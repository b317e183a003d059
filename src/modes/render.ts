import { error, formatDiagnostic, UserError } from '../diagnostics';
import type { Config } from '../inputs/parse';
import type { InputName } from '../inputs/spec';
import type { Log } from '../log';
import { baseReport, type RunReport } from './report';
import { requestRegistry, translateRequest } from '../stages/request';
import { serviceNameOf } from '../translate/services';
import { topologyOf } from '../translate/topology';

/** The render mode: the task definition(s), and nothing exported, pushed or sent to AWS. */
export function render(config: Config, log: Log): RunReport {
  // Without packages no image is named after the registry, so any well-formed one does.
  const translated = translateRequest(config, requestRegistry(config));
  for (const w of translated.warnings) {
    if (w.severity === 'notice') log.info(formatDiagnostic(w));
    else log.warning(formatDiagnostic(w), w);
  }
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
  const prefix = config.service ?? config.family;
  const notes = ['Render mode: nothing was exported, pushed, registered or deployed.'];
  const topology = topologyOf(translated, {
    title: prefix,
    serviceName: (c) => (c === undefined ? prefix : serviceNameOf(prefix, c)),
  });
  if (translated.layout === 'services') {
    return {
      ...baseReport(config),
      services: translated.services.units.map((u) => ({
        name: u.name,
        service: serviceNameOf(prefix, u.name),
        taskDefinition: u.taskDefinition,
      })),
      topology,
      notes,
    };
  }
  return { ...baseReport(config), taskDefinition: translated.taskDefinition, topology, notes };
}
