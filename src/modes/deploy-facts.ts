import type { RunContext } from '../inputs/run-context';
import type { ServiceConfig } from '../inputs/parse';
import type { LoginState } from '../registry/login';

/** What only the Actions runner gives a deploy, passed in so that no stage reads the runner. */
export interface RunnerSide {
  /** The runner's temp directory (RUNNER_TEMP): the private docker config and the exports go there. */
  tempDir: string;
  /** Records a docker login for the post step, which undoes it. */
  saveLoginState: (state: LoginState) => void;
}

/** Tags of what a deploy registers or creates: where it came from. */
export function runTags(run: RunContext): Record<string, string> {
  return {
    'habitat-ecs-deploy:commit': run.sha,
    'habitat-ecs-deploy:ref': run.ref,
    ...(run.runUrl && { 'habitat-ecs-deploy:run': run.runUrl }),
  };
}

export function deployNotes(config: ServiceConfig, run: RunContext): string[] {
  const tags = [config.imageTag, ...config.extraTags].map((t) => `\`${t}\``).join(', ');
  if (config.preview) {
    return [
      `Preview of pull request #${config.preview.number}: service \`${config.service}\`, images tagged ${tags}.`,
    ];
  }
  if (run.ref.startsWith('refs/tags/'))
    return [`Release ${run.ref.slice('refs/tags/'.length)}: images pushed as ${tags}.`];
  return [];
}
