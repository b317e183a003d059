#!/usr/bin/env node
import { main } from './cli/main';

// The entry of the `habitat-ecs` command; everything else lives in cli/main.ts so tests can call it.
void Promise.resolve(
  main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
  }),
).then((status) => (process.exitCode = status));
