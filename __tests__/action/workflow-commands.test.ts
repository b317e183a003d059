import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as runner from '../../src/action/workflow-commands';

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
});

afterEach(() => {
  jest.restoreAllMocks();
  process.env = { ...saved };
  process.exitCode = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The entries of a GITHUB_OUTPUT/GITHUB_STATE file, read as the runner reads them. */
function entries(file: string): Record<string, string> {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const found: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!m) continue;
    const end = lines.indexOf(m[2] ?? '', i + 1);
    found[m[1] ?? ''] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return found;
}

test('inputs come from INPUT_<NAME>, upper-cased, spaces as underscores, trimmed', () => {
  const env = { INPUT_CLUSTER: '  prod \n', 'INPUT_IMAGE-TAG': 'v1', INPUT_A_B: 'x' };
  expect(runner.getInput('cluster', env)).toBe('prod');
  expect(runner.getInput('image-tag', env)).toBe('v1');
  expect(runner.getInput('a b', env)).toBe('x');
  expect(runner.getInput('missing', env)).toBe('');
});

test('state comes from STATE_<name>, as the runner passes it to the post step', () => {
  expect(runner.getState('docker-config', { 'STATE_docker-config': '/tmp/x' })).toBe('/tmp/x');
  expect(runner.getState('registry', {})).toBe('');
});

test('a message cannot end its command or start another: %, CR and LF are escaped', () => {
  runner.warning('50% done\r\n::error::injected');
  expect(written).toEqual(['::warning::50%25 done%0D%0A::error::injected' + os.EOL]);
});

test('annotation properties use the runner names, in order, with : and , escaped', () => {
  runner.error('bad port', { file: 'a,b:c.yml', startLine: 11, startColumn: 5, title: 'input x' });
  expect(written).toEqual(['::error title=input x,file=a%2Cb%3Ac.yml,line=11,col=5::bad port' + os.EOL]);
  written = [];
  runner.notice('Skipped');
  expect(written).toEqual(['::notice::Skipped' + os.EOL]);
});

test('info is a plain line; debug, add-mask and groups are commands', async () => {
  runner.info('::not a command');
  runner.debug('d');
  runner.setSecret('s3cr3t');
  await expect(runner.group('Push', async () => 42)).resolves.toBe(42);
  await expect(
    runner.group('Fails', async () => {
      throw new Error('x');
    }),
  ).rejects.toThrow('x');
  expect(written.join('')).toBe(
    [
      '::not a command',
      '::debug::d',
      '::add-mask::s3cr3t',
      '::group::Push',
      '::endgroup::',
      '::group::Fails',
      '::endgroup::',
      '',
    ].join(os.EOL),
  );
});

test('setFailed sets the exit code and writes an error annotation', () => {
  runner.setFailed('it broke');
  expect(process.exitCode).toBe(1);
  expect(written).toEqual(['::error::it broke' + os.EOL]);
});

test('outputs and state go to the runner files with a delimiter no value can contain', () => {
  process.env.GITHUB_OUTPUT = path.join(dir, 'output');
  process.env.GITHUB_STATE = path.join(dir, 'state');
  fs.writeFileSync(process.env.GITHUB_OUTPUT, '');
  fs.writeFileSync(process.env.GITHUB_STATE, '');
  runner.setOutput('images', '{"web":"x"}');
  runner.setOutput('multi', 'one\ntwo\nEOF');
  runner.saveState('registry', 'r.example');
  expect(entries(process.env.GITHUB_OUTPUT)).toEqual({ images: '{"web":"x"}', multi: 'one\ntwo\nEOF' });
  expect(entries(process.env.GITHUB_STATE)).toEqual({ registry: 'r.example' });
  expect(fs.readFileSync(process.env.GITHUB_OUTPUT, 'utf8')).toMatch(/^images<<ghadelimiter_[0-9a-f-]{36}\n/);
  expect(written).toEqual([]);
});

test('without the runner files, outputs and state are commands', () => {
  runner.setOutput('changed', 'true');
  runner.saveState('registry', 'a,b');
  expect(written).toEqual([
    '::set-output name=changed::true' + os.EOL,
    '::save-state name=registry::a,b' + os.EOL,
  ]);
});

test('the summary is appended to GITHUB_STEP_SUMMARY, and skipped without one', () => {
  runner.appendSummary('## nowhere');
  const file = path.join(dir, 'summary');
  fs.writeFileSync(file, '# before\n');
  process.env.GITHUB_STEP_SUMMARY = file;
  runner.appendSummary('## one');
  runner.appendSummary('## two');
  expect(fs.readFileSync(file, 'utf8')).toBe(`# before\n## one${os.EOL}## two${os.EOL}`);
});
