import type { VerifyClients } from './clients';
import type { Findings } from './findings';

/** What every check runs with. */
export interface CheckContext {
  clients: VerifyClients;
  findings: Findings;
  /** The task's region. */
  region: string;
}

/** One unit of checking: a few AWS calls about one thing, run in parallel with the others. */
export type Check = () => Promise<void>;
