import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Edits of the national-parks example's docker-compose.yml (harness.nationalParksWorkspace) that
 * e2e tests share: each service's memory (moto's RunTask cannot size a task without it), and
 * awslogs for both.
 */
function edit(workspace: string, change: (text: string) => string): void {
  const compose = path.join(workspace, 'docker-compose.yml');
  fs.writeFileSync(compose, change(fs.readFileSync(compose, 'utf8')));
}

/** Both services get `mem_limit` (replacing one set before), so a change of it is a new revision. */
export function setMemory(workspace: string, mb: number): void {
  edit(workspace, (text) =>
    text
      .replace(/\n {4}mem_limit: \d+m/g, '')
      .replace('    hostname: "mongodb"\n', `    hostname: "mongodb"\n    mem_limit: ${mb}m\n`)
      .replace('    links:\n', `    mem_limit: ${mb}m\n    links:\n`),
  );
}

/** Both services log to `logGroup` with awslogs (stream prefixes mongo and np), with 512m each. */
export function logToAwslogs(workspace: string, logGroup: string): void {
  const logging = (prefix: string) =>
    `    mem_limit: 512m\n    logging:\n      driver: awslogs\n      options:\n        awslogs-group: ${logGroup}\n        awslogs-region: us-east-1\n        awslogs-stream-prefix: ${prefix}\n`;
  edit(workspace, (text) =>
    text
      .replace('    hostname: "mongodb"\n', `    hostname: "mongodb"\n${logging('mongo')}`)
      .replace('    links:\n', `${logging('np')}    links:\n`),
  );
}
