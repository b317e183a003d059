import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as harness from '../../scripts/run-action';
import { realHabitat } from '../support/real-habitat';

export const { ROOT } = harness;
export type { RunResult } from '../../scripts/run-action';

/** How long a step of a test may take. */
const TIMEOUT_MS = 240_000;

export interface RunOptions extends harness.RunOptions {
  /**
   * `real`: the action calls the real Habitat 2.1.78 `hab` and container exporter (first on PATH;
   * see support/real-habitat.ts), which build real images from real packages. Default: the fast
   * stand-in (test/bin/hab), which the local stack puts on PATH, for fault injection.
   * Either way the action reaches the stack's emulated Builder only through its
   * `habitat-builder-url` input, which runs get unless a test gives it.
   */
  hab?: 'real' | 'stand-in';
}

/** The shared harness (scripts/run-action.js), with the stack's Builder and the test's Habitat. */
function asTest(options: RunOptions): harness.RunOptions {
  const builderUrl = process.env.HABITAT_ECS_STACK_BUILDER_URL;
  return {
    ...options,
    inputs: { ...(builderUrl && { 'habitat-builder-url': builderUrl }), ...options.inputs },
    env: { ...(options.hab === 'real' ? realHabitat().env : {}), ...options.env },
    timeoutMs: options.timeoutMs ?? TIMEOUT_MS,
  };
}

/** Runs the bundled action the way the Actions runner does (scripts/run-action.js). */
export function runAction(options: RunOptions): harness.RunResult {
  return harness.runAction(asTest(options));
}

/** runAction, with the main step sent `signal` once its output matches `when`. */
export function runActionInterrupted(options: RunOptions & { when: RegExp; signal: NodeJS.Signals }) {
  return harness.runActionInterrupted({ ...asTest(options), when: options.when, signal: options.signal });
}

/** A workspace holding a copy of examples/national-parks. */
export function nationalParksWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hed-ws-'));
  fs.cpSync(path.join(ROOT, 'examples/national-parks'), dir, { recursive: true });
  return dir;
}

/** A recorded event of __tests__/e2e/events as the runner gives it: name, ref, sha and payload. */
export function recordedEvent(file: string) {
  const payload = JSON.parse(fs.readFileSync(path.join(__dirname, 'events', file), 'utf8'));
  if (payload.pull_request) {
    return {
      name: 'pull_request',
      ref: `refs/pull/${payload.number}/merge`,
      sha: payload.pull_request.head.sha,
      payload,
    };
  }
  return { name: 'push', ref: payload.ref, sha: payload.after, payload };
}
