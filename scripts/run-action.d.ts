import type { StdioOptions } from 'node:child_process';

export interface RunOptions {
  /** Input name -> value; the others get action.yml's defaults. */
  inputs: Record<string, string>;
  /** The workspace (the checked-out repository): GITHUB_WORKSPACE, and the steps' directory. */
  workspace: string;
  /** The event (default: a push to main). */
  event?: { name: string; payload: unknown; ref?: string; sha?: string };
  /** On top of this process's environment and the runner's variables. */
  env?: Record<string, string | undefined>;
  /** Run the post step afterwards, as the runner does (default true). */
  post?: boolean;
  /** State the post step gets on top of what the main step saved (as a `::save-state` could add). */
  postState?: Record<string, string>;
  /** Per step (default 30 minutes). */
  timeoutMs?: number;
  /** The steps' stdio (default: piped, and returned). */
  stdio?: StdioOptions;
}

export interface StepResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunResult extends StepResult {
  post?: StepResult;
  outputs: Record<string, string>;
  summary: string;
  /** What the main step saved for the post step (GITHUB_STATE). */
  state: Record<string, string>;
  runnerTemp: string;
  /** How long both steps took. */
  ms: number;
  /** Every file the run left under RUNNER_TEMP, with its contents. */
  files(): { path: string; content: string }[];
  /** Removes the run's scratch directory (RUNNER_TEMP and the runner's files). */
  remove(): void;
}

export const ROOT: string;
export const ACTION: { inputs: Record<string, { default?: string }>; runs: { main: string; post?: string } };

/** Parses the `name<<DELIMITER` / `name=value` format of GITHUB_OUTPUT and GITHUB_STATE. */
export function parseFileCommands(text: string): Record<string, string>;

/** One step of the action, main then post, as the Actions runner runs it. */
export function runAction(options: RunOptions): RunResult;

/**
 * runAction, with the main step sent `signal` as soon as its output matches `when` (as the runner
 * does when a job is cancelled); `signalledAt` says when (undefined: the pattern never came).
 */
export function runActionInterrupted(
  options: RunOptions & { when: RegExp; signal: NodeJS.Signals },
): Promise<RunResult & { signalledAt?: number; exitedAt: number }>;
