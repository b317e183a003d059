import { verifyDeployment, verifyTargetOf } from '../deploy/verify';
import type { ServiceConfig } from '../inputs';
import type { Log } from '../log';
import type { TranslatedProject } from '../translate/project';

/**
 * Verify (group `Verify`), with `verify: true`: what the task needs from the account, checked with
 * reads before the first side effect; the deploy and the plan stop alike on what it finds.
 */
export async function verifyStage(
  config: ServiceConfig,
  translated: TranslatedProject,
  log: Log,
): Promise<void> {
  if (!config.verify) return;
  const where = {
    region: config.region,
    cluster: config.cluster,
    launchType: config.launchType,
    service: config.service,
  };
  await log.group('Verify', () => verifyDeployment(verifyTargetOf(translated, where), { log }));
}
