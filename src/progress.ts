import type { Log } from './log';

/** The stage that exports each package and pushes its image while the next one exports. */
export const EXPORT_AND_PUSH = 'Export and push';

/**
 * The stage that exports each package (and builds each build: service's image) and pushes each
 * image while the next one is made, named after what it does.
 */
export function imageStage(does: { exports: boolean; builds: boolean }): string {
  if (!does.builds) return EXPORT_AND_PUSH;
  return does.exports ? 'Build, export and push' : 'Build and push';
}
const IMAGE_STAGES = new Set([EXPORT_AND_PUSH, 'Build, export and push', 'Build and push']);

/**
 * What a deploy has done so far, said when it stops before the end: a failure nobody planned
 * for, or the job being cancelled. The order of the stages guarantees the service is only
 * pointed at a task definition once every image it names is in the registry; this says where
 * in that order the run stopped.
 */
export class Progress {
  /** The stage running now; undefined until the first one starts. */
  stage: string | undefined;
  /** The revision the service ran before this run; undefined when it did not exist. */
  serviceBefore: string | undefined;
  /** The revision the service was pointed at by this run, once it has been. */
  serviceNow: string | undefined;
  /** The services layout: several ECS services, each said in the steps as it is pointed at its revision. */
  severalServices = false;
  /** How long each finished stage took, in milliseconds, in order. */
  readonly timings: [string, number][] = [];
  private readonly steps: string[] = [];

  /** The Log, with each group recorded as the stage running, and timed. */
  tracking(log: Log): Log {
    // Each method bound to `log`, which may be a class instance (a spread would drop its methods).
    return {
      info: (message) => log.info(message),
      debug: (message) => log.debug(message),
      warning: (message, diagnostic) => log.warning(message, diagnostic),
      output: (line) => log.output(line),
      setSecret: (value) => log.setSecret(value),
      group: async (name, fn) => {
        this.stage = name;
        const started = performance.now();
        try {
          return await log.group(name, fn);
        } finally {
          this.timings.push([name, Math.round(performance.now() - started)]);
        }
      },
    };
  }

  record(step: string): void {
    this.steps.push(step);
  }

  /** Lines for the log and the summary: what was done, and what state the service is in. */
  account(): string[] {
    const lines = [
      this.steps.length > 0 ? `Done before that: ${this.steps.join('; ')}.` : 'Nothing was changed.',
    ];
    if (this.stage !== undefined && IMAGE_STAGES.has(this.stage))
      lines.push('Images pushed so far are harmless: no task definition names them yet.');
    if (this.severalServices) {
      lines.push(
        this.steps.some((s) => s.includes(' pointed at '))
          ? 'The ECS services listed were pointed at their new revisions after every image was pushed; ECS carries on with those deployments, and the others were not changed.'
          : 'No ECS service was changed.',
      );
    } else if (this.serviceNow) {
      lines.push(
        `The service was pointed at ${shortArn(this.serviceNow)}` +
          `${this.serviceBefore ? ` (it ran ${shortArn(this.serviceBefore)})` : ' (it was created)'}, ` +
          'after every image it names was pushed; ECS carries on with that deployment.',
      );
    } else {
      lines.push(
        this.serviceBefore
          ? `The service was not changed: it still runs ${shortArn(this.serviceBefore)}.`
          : 'No service was created.',
      );
    }
    lines.push('Running the job again finishes it: what is already done is found and not done twice.');
    return lines;
  }
}

/** `...:task-definition/web:4` -> `web:4`: how messages name a revision (or any ARN's last part). */
export function shortArn(arn: string): string {
  return arn.split('/').pop() ?? arn;
}
