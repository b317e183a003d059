import type { RunContext } from './run-context';
import type { Fail } from './files';

/** What a pull request event does to a run: a preview's names, a fork's skip, untrusted code refused. */

export interface Preview {
  number: number;
  /** The pull request was closed: tear the preview down. */
  closed: boolean;
  baseService: string;
}

export interface PullRequestRun {
  /** Set on a pull_request event when preview is on: service and family carry the -pr-<n> suffix. */
  preview?: Preview;
  service?: string;
  family: string;
  /** Why this run does nothing at all (a fork's pull request without AWS credentials). */
  skip?: string;
}

export interface PullRequestInputs {
  mode: 'deploy' | 'render' | 'teardown' | 'plan';
  service: string | undefined;
  family: string;
  previewOn: boolean;
  /** allow-untrusted-pull-requests: deploy or plan code from forks and pull_request_target runs. */
  allowUntrusted: boolean;
  run: RunContext;
  env: NodeJS.ProcessEnv;
  fail: Fail;
}

/** The image tag of a pull request's preview, and the only tag its teardown deletes. */
export function previewTag(number: number): string {
  return `pr-${number}`;
}

/** Whether the event is about a pull request (pull_request, pull_request_target, ...). */
export function isPullRequestEvent(run: RunContext): boolean {
  return run.pullRequest !== undefined && run.eventName.startsWith('pull_request');
}

export function readPullRequestRun(inputs: PullRequestInputs): PullRequestRun {
  const { mode, run, fail } = inputs;
  let { service, family } = inputs;
  const prEvent = isPullRequestEvent(run);
  const closing = prEvent && run.action === 'closed' && mode === 'deploy';

  if (mode !== 'render' && prEvent && run.fromFork && !hasAwsCredentials(inputs.env)) {
    const skip = `pull request #${run.pullRequest ?? '?'} comes from a fork, and no AWS credentials reach this job (GitHub does not pass secrets or OIDC tokens to workflows of fork pull requests), so there is nothing to deploy to. Run previews for forks from a trusted workflow, or skip this job for them with: if: github.event.pull_request.head.repo.full_name == github.repository`;
    return { ...(service !== undefined && { service }), family, skip };
  }
  // Deploying or planning reads the compose files, ecs-params and .hart files of the checkout;
  // tearing a preview down reads none of them.
  const readsCheckout = (mode === 'deploy' && !closing) || mode === 'plan';
  const target = run.eventName === 'pull_request_target';
  if (prEvent && readsCheckout && (run.fromFork || target) && !inputs.allowUntrusted) {
    const why = target
      ? "this is a pull_request_target run: it has the base repository's secrets and AWS credentials, and any checkout of the pull request's head puts its code in the workspace"
      : `pull request #${run.pullRequest ?? '?'} comes from a fork, yet AWS credentials reach this job`;
    fail(
      'allow-untrusted-pull-requests',
      `refusing to ${mode} code from a pull request: ${why}. Its compose files, ecs-params and .hart files would be deployed with those credentials (and the task's images and environment are its author's choice). Deploy previews of pull requests from this repository only (if: github.event.pull_request.head.repo.full_name == github.repository, on the pull_request event), or set allow-untrusted-pull-requests: true if this workflow only deploys code someone reviewed (see README, Security)`,
    );
  }

  let preview: Preview | undefined;
  if (inputs.previewOn && prEvent && service !== undefined && mode === 'deploy') {
    const number = run.pullRequest ?? 0;
    preview = { number, closed: run.action === 'closed', baseService: service };
    service = `${service}-pr-${number}`;
    family = `${family}-pr-${number}`;
    if (service.length > 255 || family.length > 255)
      fail('service', `${JSON.stringify(service)} is longer than 255 characters`);
  }
  return { ...(preview && { preview }), ...(service !== undefined && { service }), family };
}

/** Whether any of the AWS SDK's usual credential sources is configured for this job. */
function hasAwsCredentials(env: NodeJS.ProcessEnv): boolean {
  return [
    'AWS_ACCESS_KEY_ID',
    'AWS_WEB_IDENTITY_TOKEN_FILE',
    'AWS_PROFILE',
    'AWS_CONTAINER_CREDENTIALS_FULL_URI',
    'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  ].some((name) => (env[name] ?? '') !== '');
}
