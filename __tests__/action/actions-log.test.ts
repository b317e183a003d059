import * as core from '@actions/core';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { actionsLog, showText } from '../../src/action/actions-log';
import { maskedValues } from '../../src/action/masked-values';
import { readLoginState, saveLoginState } from '../../src/action/post-state';
import { publish } from '../../src/action/publish';
import type { RunReport } from '../../src/modes/report';
import { runnerCommands, runnerLines, workflowCommands } from '../support/workflow-commands';

// What the action writes for the runner, through @actions/core, read back as actions/runner reads
// it (support/workflow-commands.ts follows its parser).

let written: string[];
let dir: string;
const saved = { ...process.env };

beforeEach(() => {
  written = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hed-runner-'));
  for (const name of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY']) delete process.env[name];
  process.env.RUNNER_TEMP = dir;
});

afterEach(() => {
  jest.restoreAllMocks();
  process.env = { ...saved };
  process.exitCode = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

const stdout = (): string => written.join('');

describe("the runner's parser, as the tests model it", () => {
  it.each([
    ['a line starting with ::', '::add-mask::x', 'add-mask'],
    ['after leading spaces', '   ::error::x', 'error'],
    ['the old form anywhere in a line', 'Step 3/4 ##[set-output name=a;]b', 'set-output'],
    ['a line begun after a bare CR', 'progress 10%\r::add-mask::x', 'add-mask'],
    ['an upper-case name', '::ADD-MASK::x', 'add-mask'],
  ])('runs %s', (_what, line, command) => {
    expect(runnerCommands(line).map((c) => c.command)).toEqual([command]);
  });

  it.each([
    ['a name it does not register', '::nothing::x'],
    ['no closing ::', '::add-mask x'],
    ['the old form without ]', '##[add-mask x'],
  ])('ignores %s', (_what, line) => {
    expect(runnerCommands(line)).toEqual([]);
  });

  it('pauses at stop-commands until the token, in either form, and refuses a token that is a command', () => {
    expect(
      workflowCommands(
        ['::stop-commands::t0k3n', '::error::hidden', 'x ##[t0k3n]', '::error::seen'].join('\n'),
      ),
    ).toEqual(['::error::seen']);
    expect(() => runnerCommands('::stop-commands::add-mask')).toThrow(/fails the step/);
  });
});

describe('untrusted text in the log', () => {
  const hostile = [
    '::add-mask::x',
    '::set-output name=task-definition-arn::arn:aws:ecs:us-east-1:1:task-definition/evil:1',
    '::error::boom',
    '  ::save-state name=docker-config::/home/runner',
    'step 3/4 ##[set-env name=PATH;]/tmp/evil',
    '##[stop-commands]x',
    'Downloading 10%\r::add-mask::y',
    'Downloading 20%\r##[error]z',
    '\r',
    'Step 5/9 : RUN echo "::stop-commands::pwned"',
  ];

  it.each(hostile)('%j is shown, and is no command the runner runs', (line) => {
    showText(line);
    for (const part of runnerLines(line)) expect(runnerLines(stdout())).toContain(part);
    expect(workflowCommands(stdout())).toEqual([]);
  });

  it('leaves the runner reading commands after it, so a mask that follows still masks', () => {
    for (const line of hostile) actionsLog.output(line);
    actionsLog.setSecret('s3cr3t-password');
    actionsLog.info('::notice::a message of ours, shown');
    expect(runnerCommands(stdout()).map((c) => [c.command, c.data])).toEqual([
      ['add-mask', 's3cr3t-password'],
    ]);
    expect(maskedValues().has('s3cr3t-password')).toBe(true);
  });

  it('writes a plain line as it is, and pauses with a new token each time', () => {
    showText('Step 1/4 : FROM scratch');
    expect(stdout()).toBe(`Step 1/4 : FROM scratch${os.EOL}`);
    written = [];
    showText('::error::x');
    showText('::error::x');
    const starts = runnerLines(stdout()).filter((l) => l.startsWith('::stop-commands::'));
    expect(new Set(starts).size).toBe(2);
  });

  it('drops terminal colour codes, which a build step of docker adds to its stderr', () => {
    actionsLog.output('\u001b[91mwarning: x\u001b[0m');
    expect(written).toEqual([`warning: x${os.EOL}`]);
  });
});

describe('annotations, groups and masks', () => {
  it('a message cannot end its command or start another: %, CR and LF are escaped', () => {
    const message = '50% done\r\n::error::injected ##[add-mask]x';
    actionsLog.warning(message);
    expect(runnerCommands(stdout())).toEqual([
      expect.objectContaining({ command: 'warning', data: message, properties: {} }),
    ]);
  });

  it('annotation properties point at the compose line, with : and , escaped', () => {
    actionsLog.warning('bad port', {
      severity: 'error',
      message: 'bad port',
      location: { file: 'a,b:c.yml', line: 11, column: 5 },
    });
    expect(runnerCommands(stdout())).toEqual([
      expect.objectContaining({
        command: 'warning',
        properties: { file: 'a,b:c.yml', line: '11', col: '5' },
        data: 'bad port',
      }),
    ]);
  });

  it('groups close when their function throws; debug is a command', async () => {
    await expect(actionsLog.group('Push', async () => 42)).resolves.toBe(42);
    await expect(
      actionsLog.group('Fails', async () => {
        throw new Error('x');
      }),
    ).rejects.toThrow('x');
    actionsLog.debug('d');
    expect(runnerCommands(stdout()).map((c) => `${c.command}:${c.data}`)).toEqual([
      'group:Push',
      'endgroup:',
      'group:Fails',
      'endgroup:',
      'debug:d',
    ]);
  });
});

/** The entries of a GITHUB_OUTPUT/GITHUB_STATE file, read as the runner reads them. */
function entries(file: string): Record<string, string> {
  const lines = fs.readFileSync(file, 'utf8').split(os.EOL);
  const found: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!m) continue;
    const end = lines.indexOf(m[2] ?? '', i + 1);
    found[m[1] ?? ''] = lines.slice(i + 1, end).join(os.EOL);
    i = end;
  }
  return found;
}

describe('outputs, state and the summary', () => {
  const report: RunReport = {
    mode: 'render',
    region: 'us-east-1',
    cluster: 'c',
    imageTag: 'v1',
    images: { web: 'r/web@sha256:1' },
    changed: false,
  };

  function runnerFiles(): Record<'output' | 'state' | 'summary', string> {
    const files = {
      output: path.join(dir, 'output'),
      state: path.join(dir, 'state'),
      summary: path.join(dir, 'summary'),
    };
    for (const file of Object.values(files)) fs.writeFileSync(file, '');
    process.env.GITHUB_OUTPUT = files.output;
    process.env.GITHUB_STATE = files.state;
    process.env.GITHUB_STEP_SUMMARY = files.summary;
    return files;
  }

  it('outputs go to GITHUB_OUTPUT under a delimiter no value can contain, and the summary is appended', async () => {
    const files = runnerFiles();
    fs.writeFileSync(files.summary, '# before\n');
    const markdown = await publish(report);
    expect(entries(files.output)).toMatchObject({ images: '{"web":"r/web@sha256:1"}', changed: 'false' });
    expect(fs.readFileSync(files.output, 'utf8')).toMatch(
      /^task-definition-arn<<ghadelimiter_[0-9a-f-]{36}\n/,
    );
    expect(fs.readFileSync(files.summary, 'utf8')).toBe(`# before\n${markdown}${os.EOL}`);
    expect(written).toEqual([]);
  });

  it('a multi-line value, even one holding a line like a delimiter, reads back whole', () => {
    const files = runnerFiles();
    core.setOutput('multi', 'one\ntwo\nEOF');
    expect(entries(files.output)).toEqual({ multi: 'one\ntwo\nEOF' });
  });

  it('without a summary file (not on a runner) there is no summary, and no failure', async () => {
    await expect(publish(report)).resolves.toContain('render');
  });

  it('the login state goes to GITHUB_STATE, and the post step reads it from STATE_<name>', () => {
    const files = runnerFiles();
    saveLoginState({ registry: 'r.example', dockerConfigDir: '/tmp/x' });
    const state = entries(files.state);
    expect(state).toEqual({ registry: 'r.example', 'docker-config': '/tmp/x' });
    expect(readLoginState()).toBeUndefined();
    for (const [name, value] of Object.entries(state)) process.env[`STATE_${name}`] = value;
    expect(readLoginState()).toEqual({ registry: 'r.example', dockerConfigDir: '/tmp/x' });
  });

  it('inputs come from INPUT_<NAME>, upper-cased, trimmed', () => {
    process.env['INPUT_IMAGE-TAG'] = '  v1 \n';
    expect(core.getInput('image-tag')).toBe('v1');
    expect(core.getInput('missing')).toBe('');
  });
});
