/**
 * What the action needs to know about the workflow run, besides its inputs: read from the runner's
 * environment by action/github-context.ts.
 */
export interface RunContext {
  eventName: string;
  /** e.g. refs/heads/main, refs/tags/v1.2.0, refs/pull/7/merge */
  ref: string;
  sha: string;
  /** pull_request number, when the event is about one */
  pullRequest?: number;
  /** The event payload's `action` (opened, synchronize, reopened, closed, ...). */
  action?: string;
  /** The pull request comes from another repository (a fork). */
  fromFork?: boolean;
  /** owner/repo */
  repository?: string;
  /** https://github.com/owner/repo/actions/runs/123, when known */
  runUrl?: string;
  workspace: string;
}
