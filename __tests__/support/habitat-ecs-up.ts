import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from './run';

/** The bundled CLI, run on the machine's Node, as a user's `npx habitat-ecs` would. */
const CLI = path.resolve(__dirname, '../../dist/cli/index.js');

export interface Finished {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `habitat-ecs up --task-definition <td> --name <name>` without blocking the event loop, so other
 * proofs run meanwhile; killed after 280 s (up itself gives up after 240 s).
 */
export function habitatEcsUp(td: RegisterTaskDefinitionCommandInput, name: string): Promise<Finished> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hed-up-')), 'task-definition.json');
  fs.writeFileSync(file, JSON.stringify(td));
  return habitatEcs(['up', '--task-definition', file, '--name', name, '--timeout', '240']);
}

/** `habitat-ecs <args>` without blocking the event loop; killed after 280 s. */
export function habitatEcs(args: readonly string[]): Promise<Finished> {
  const child = spawn(process.execPath, [CLI, ...args]);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 280_000);
  const done = new Promise<Finished>((resolve) =>
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    }),
  );
  done.catch(() => undefined);
  return done;
}

/** `habitat-ecs down --name <name>`: removes what that up made. */
export function habitatEcsDown(name: string): void {
  run(process.execPath, [CLI, 'down', '--name', name], { timeout: 120_000 });
}
