// The jest environment of every test file: Node's, plus a docker config of the file's own.
//
// A test's child processes (docker, the CLI, the bundled action) read DOCKER_CONFIG from the
// jest process's real environment: jest gives each test file a copy of process.env, and what a
// test sets there never reaches a child spawned without an explicit `env`. So the directory is set
// here, outside the sandbox, for the time the file runs: a login one test file makes is gone for
// the next, and no test reads or writes ~/.docker, whatever the machine's HOME holds. A test that
// pulls from the stack's registry logs in itself (support/stack.ts dockerLogin).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { TestEnvironment } = require('jest-environment-node');

class IsolatedDockerEnvironment extends TestEnvironment {
  async setup() {
    await super.setup();
    this.dockerConfig = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-docker-config-'));
    this.previous = process.env.DOCKER_CONFIG;
    process.env.DOCKER_CONFIG = this.dockerConfig;
    this.global.process.env.DOCKER_CONFIG = this.dockerConfig;
  }

  async teardown() {
    if (this.previous === undefined) delete process.env.DOCKER_CONFIG;
    else process.env.DOCKER_CONFIG = this.previous;
    fs.rmSync(this.dockerConfig, { recursive: true, force: true });
    await super.teardown();
  }
}

module.exports = IsolatedDockerEnvironment;
