import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import YAML from 'yaml';
import { actionNode } from '../../scripts/action-node';
import { realHabitat } from '../support/real-habitat';

export const ROOT = path.resolve(__dirname, '../..');
const ACTION = YAML.parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  runs: { main: string; post?: string };
};

export interface RunOptions {
  inputs: Record<string, string>;
  /** Workspace (checked-out repository); defaults to a fresh temp copy of nothing. */
  workspace: string;
  event?: { name: string; payload: unknown; ref?: string; sha?: string };
  env?: Record<string, string | undefined>;
  /** Run the post step afterwards, as the runner does (default true). */
  post?: boolean;
  timeoutMs?: number;
  /**
   * `real`: the action calls the real Habitat 2.1.78 `hab` and container exporter (first on PATH;
   * see support/real-habitat.ts), which build real images from real packages. Default: the fast
   * stand-in (test/bin/hab), which the local stack puts on PATH, for fault injection.
   * Either way the action reaches the stack's emulated Builder only through its
   * `habitat-builder-url` input, which runs get unless a test gives it.
   */
  hab?: 'real' | 'stand-in';
}

export interface StepResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunResult extends StepResult {
  outputs: Record<string, string>;
  summary: string;
  post?: StepResult;
  runnerTemp: string;
  /** What the main step saved for the post step (GITHUB_STATE). */
  state: Record<string, string>;
  /** Every file the run left under RUNNER_TEMP, with its contents. */
  files(): { path: string; content: string }[];
}

/**
 * Runs the bundled action the way the Actions runner does: on the Node action.yml names
 * (scripts/action-node.js), INPUT_* for every input (defaults from action.yml), GITHUB_OUTPUT,
 * GITHUB_STEP_SUMMARY, GITHUB_STATE, GITHUB_EVENT_PATH, then the post step with STATE_* from what
 * the main step saved.
 */
export function runAction(options: RunOptions): RunResult {
  const run = prepare(options);
  return run.finish(run.step(ACTION.runs.main, {}));
}

/**
 * runAction, with the main step sent `signal` (as the runner does when a job is cancelled) as
 * soon as its output matches `when`; then the post step runs, as the runner runs it after a
 * cancellation. `signalledAfterMs` says when the signal went (undefined: the pattern never came).
 */
export async function runActionInterrupted(
  options: RunOptions & { when: RegExp; signal: NodeJS.Signals },
): Promise<RunResult & { signalledAt?: number; exitedAt: number }> {
  const run = prepare(options);
  const child = spawn(actionNode(), [path.join(ROOT, ACTION.runs.main)], {
    cwd: options.workspace,
    env: run.env({}),
  });
  let stdout = '';
  let stderr = '';
  let signalledAt: number | undefined;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (signalledAt === undefined && options.when.test(stdout)) {
      signalledAt = Date.now();
      child.kill(options.signal);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 240_000);
  const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  clearTimeout(timer);
  const exitedAt = Date.now();
  return { ...run.finish({ status, stdout, stderr }), exitedAt, ...(signalledAt && { signalledAt }) };
}

function prepare(options: RunOptions) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hed-run-'));
  const runnerTemp = path.join(scratch, 'runner-temp');
  fs.mkdirSync(runnerTemp);
  const files = {
    output: path.join(scratch, 'output'),
    summary: path.join(scratch, 'summary'),
    state: path.join(scratch, 'state'),
    envFile: path.join(scratch, 'env'),
    event: path.join(scratch, 'event.json'),
  };
  for (const f of [files.output, files.summary, files.state, files.envFile]) fs.writeFileSync(f, '');
  const event = options.event ?? { name: 'push', payload: { ref: 'refs/heads/main' } };
  fs.writeFileSync(files.event, JSON.stringify(event.payload));

  const real = options.hab === 'real' ? realHabitat() : undefined;
  const builderUrl = process.env.HABITAT_ECS_STACK_BUILDER_URL;
  const given: Record<string, string> = {
    ...(builderUrl && 'habitat-builder-url' in ACTION.inputs && { 'habitat-builder-url': builderUrl }),
    ...options.inputs,
  };
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(ACTION.inputs)) {
    const value = given[name] ?? spec.default;
    if (value !== undefined) inputs[`INPUT_${name.toUpperCase()}`] = value;
  }
  for (const name of Object.keys(options.inputs)) {
    if (!(name in ACTION.inputs))
      throw new Error(`test uses input "${name}", which action.yml does not declare`);
  }
  const base: Record<string, string | undefined> = {
    ...process.env,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REF: event.ref ?? 'refs/heads/main',
    GITHUB_SHA: event.sha ?? '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REPOSITORY: 'example/national-parks',
    GITHUB_RUN_ID: '4242',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.envFile,
    RUNNER_TEMP: runnerTemp,
    ...real?.env,
    ...options.env,
  };
  const env = (extra: Record<string, string>) => ({ ...base, ...inputs, ...extra }) as NodeJS.ProcessEnv;
  const step = (script: string, extra: Record<string, string>): StepResult => {
    const r = spawnSync(actionNode(), [path.join(ROOT, script)], {
      cwd: options.workspace,
      env: env(extra),
      encoding: 'utf8',
      timeout: options.timeoutMs ?? 240_000,
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  /** After the main step: the post step with what main saved, then everything the run left. */
  const finish = (main: StepResult): RunResult => {
    let post: StepResult | undefined;
    if (options.post !== false && ACTION.runs.post) {
      const state = parseFileCommands(fs.readFileSync(files.state, 'utf8'));
      post = step(
        ACTION.runs.post,
        Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v])),
      );
    }
    return {
      ...main,
      outputs: parseFileCommands(fs.readFileSync(files.output, 'utf8')),
      summary: fs.readFileSync(files.summary, 'utf8'),
      ...(post && { post }),
      runnerTemp,
      state: parseFileCommands(fs.readFileSync(files.state, 'utf8')),
      files: () => listFiles(runnerTemp),
    };
  };
  return { env, step, finish };
}

/** Parses the `name<<DELIMITER` / `name=value` format of GITHUB_OUTPUT and GITHUB_STATE. */
export function parseFileCommands(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) body.push(lines[i] ?? '');
      result[name ?? ''] = body.join('\n');
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      result[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return result;
}

function listFiles(dir: string): { path: string; content: string }[] {
  const found: { path: string; content: string }[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listFiles(full));
    else if (entry.isFile()) found.push({ path: full, content: fs.readFileSync(full, 'latin1') });
  }
  return found;
}

/** A workspace holding a copy of examples/national-parks. */
export function nationalParksWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hed-ws-'));
  fs.cpSync(path.join(ROOT, 'examples/national-parks'), dir, { recursive: true });
  return dir;
}
