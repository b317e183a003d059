import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadComposeProject } from '../../src/compose/load';
import { UserError, type Diagnostic } from '../../src/diagnostics';

const BAD = path.join(__dirname, '..', 'fixtures', 'compose', 'bad');
const bad = (name: string): string => path.join(BAD, name);

/** Loads and returns the diagnostics of the UserError it must throw, as `line:column path: message`. */
function problems(files: string | string[], environment: Record<string, string> = {}): string[] {
  return diagnostics(files, environment).map((d) => {
    const where = d.location
      ? `${path.basename(d.location.file)}:${d.location.line}:${d.location.column}`
      : '-';
    return `${where}${d.path ? ` ${d.path}` : ''}: ${d.message}`;
  });
}

function diagnostics(
  files: string | string[],
  environment: Record<string, string> = {},
): readonly Diagnostic[] {
  let caught: unknown;
  try {
    loadComposeProject({ files: Array.isArray(files) ? files : [files], environment });
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(UserError);
  const err = caught as UserError;
  // The message users see never carries a stack or a parser's code excerpt.
  expect(err.message).not.toMatch(/\n\s+at |\^\^/);
  return err.diagnostics;
}

describe('what loading refuses', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-bad-'));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('malformed YAML (an unclosed quote)', () => {
    expect(problems(bad('unclosed-quote.yml'))).toEqual([
      'unclosed-quote.yml:3:18: missing closing double quote: close the quote, bracket or brace that was opened',
    ]);
  });

  it('tab indentation', () => {
    expect(problems(bad('tab-indent.yml'))).toEqual([
      'tab-indent.yml:3:1: tabs are not allowed as indentation: indent with spaces, not tabs',
    ]);
  });

  it('ports: 8080 instead of a list', () => {
    expect(problems(bad('ports-not-list.yml'))).toEqual([
      'ports-not-list.yml:4:12 services.web.ports: expected a list of ports, e.g. ["8080:80"], found the number 8080',
    ]);
  });

  it('environment: 5', () => {
    expect(problems(bad('environment-number.yml'))).toEqual([
      'environment-number.yml:4:18 services.web.environment: expected a mapping of NAME: value or a list of "NAME=value", found the number 5',
    ]);
  });

  it('${VAR:?message} unset, with its message', () => {
    expect(problems(bad('required-colon.yml'))).toEqual([
      'required-colon.yml:3:19 services.web.image: required variable TAG is not set: set TAG to the release tag (set it in the environment or the env file)',
    ]);
    expect(problems(bad('required-colon.yml'), { TAG: '' })).toEqual([
      'required-colon.yml:3:19 services.web.image: required variable TAG is empty: set TAG to the release tag (set it in the environment or the env file)',
    ]);
  });

  it('${VAR?} unset', () => {
    expect(problems(bad('required-plain.yml'))).toEqual([
      'required-plain.yml:4:15 services.web.hostname: required variable HOST is not set (set it in the environment or the env file)',
    ]);
  });

  it('an unterminated ${', () => {
    expect(problems(bad('unterminated.yml'))).toEqual([
      'unterminated.yml:3:18 services.web.image: unterminated "${" in "nginx:${TAG": close it with "}", or write $$ for a literal "$"',
    ]);
  });

  it('a lone $', () => {
    expect(problems(bad('lone-dollar.yml'))).toEqual([
      'lone-dollar.yml:4:19 services.web.command: invalid interpolation "$ ": write $$ for a literal "$", or $NAME / ${NAME} for a variable',
    ]);
  });

  it('an alias bomb', () => {
    expect(problems(bad('alias-bomb.yml'))).toEqual([
      'alias-bomb.yml:1:40: aliases expand to more than 10000 nodes (a "billion laughs" file?): write the values out or use fewer nested aliases',
    ]);
  });

  it('an alias to an anchor that does not exist', () => {
    expect(problems(bad('unknown-alias.yml'))).toEqual([
      'unknown-alias.yml:3:9: unknown alias *base: define the anchor &base before using it',
    ]);
  });

  it('an 11 MB file, before parsing it', () => {
    const file = path.join(tmp, 'huge.yml');
    fs.writeFileSync(
      file,
      'services:\n  web:\n    image: nginx\n' + `# ${'x'.repeat(1023)}\n`.repeat(11 * 1024),
    );
    expect(problems(file)).toEqual([
      'huge.yml:1:1: ' + `${file} is 11.0 MiB; compose, env and ecs-params files are limited to 1 MiB`,
    ]);
  });

  it('an env_file over 1 MiB, before parsing it', () => {
    const file = path.join(tmp, 'big-env.yml');
    fs.writeFileSync(path.join(tmp, 'big.env'), 'A=1\n'.repeat(300_000));
    fs.writeFileSync(file, 'services:\n  web:\n    image: nginx\n    env_file: big.env\n');
    expect(problems(file)).toEqual([
      `big.env:1:1 services.web.env_file: ${path.join(tmp, 'big.env')} is 1.1 MiB; compose, env and ecs-params files are limited to 1 MiB`,
    ]);
  });

  it('invalid UTF-8, with its byte offset and line', () => {
    const file = path.join(tmp, 'latin1.yml');
    fs.writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('services:\n  web:\n    image: caf'),
        Buffer.from([0xe9]),
        Buffer.from('\n'),
      ]),
    );
    expect(problems(file)).toEqual([
      'latin1.yml:3:15: invalid UTF-8 at byte offset 31: save the file as UTF-8 text',
    ]);
  });

  it('a service name with shell metacharacters: web;rm -rf /', () => {
    expect(problems(bad('name-semicolon.yml'))).toEqual([
      'name-semicolon.yml:2:3 services["web;rm -rf /"]: invalid service name "web;rm -rf /": use only letters, digits, ".", "_" and "-"',
    ]);
  });

  it('a service name with shell metacharacters: $(x)', () => {
    expect(problems(bad('name-subshell.yml'))).toEqual([
      'name-subshell.yml:2:3 services["$(x)"]: invalid service name "$(x)": use only letters, digits, ".", "_" and "-"',
    ]);
  });

  it('an unknown top-level key', () => {
    expect(problems(bad('unknown-top-level.yml'))).toEqual([
      'unknown-top-level.yml:4:1 service: unknown top-level key "service"; did you mean "services"? (allowed: version, name, services, volumes, networks, secrets, configs, include, models, or x-* for extensions)',
    ]);
  });

  it('a duplicate key', () => {
    expect(problems(bad('duplicate-key.yml'))).toEqual([
      'duplicate-key.yml:5:5: duplicate key "image": each key may appear once in a mapping: remove or rename one of them',
    ]);
  });

  it('two documents in one file', () => {
    expect(problems(bad('two-documents.yml'))).toEqual([
      'two-documents.yml:4:1: a compose file holds one YAML document; found a second one: remove the "---" or split the files',
    ]);
  });

  it('a missing env_file', () => {
    const [d] = diagnostics(bad('missing-env-file.yml'));
    expect(d).toEqual({
      severity: 'error',
      message: `env file ${path.join(BAD, 'missing.env')} not found: create it, fix the path (relative to ${BAD}), or write {path: missing.env, required: false}`,
      location: { file: bad('missing-env-file.yml'), line: 6, column: 9 },
      path: 'services.web.env_file',
    });
  });

  it('a malformed line in an env_file, at its own place', () => {
    expect(problems(bad('bad-env-file.yml'))).toEqual([
      'bad.env:2:1: expected KEY=value, found a line without "=" (not shown: env files hold secrets): a key has letters, digits, "_", "." or "-" and does not start with a digit',
    ]);
  });

  it('a missing compose file', () => {
    const d = diagnostics(path.join(tmp, 'docker-compose.yml'));
    expect(d).toEqual([
      {
        severity: 'error',
        message: `cannot read compose file ${path.join(tmp, 'docker-compose.yml')}: no such file`,
      },
    ]);
  });

  it('an empty file', () => {
    expect(problems(bad('empty.yml'))).toEqual([
      'empty.yml:1:1: the file is empty: a compose file needs at least services: with one service',
    ]);
  });

  it('services: that is not a mapping', () => {
    expect(problems(bad('services-list.yml'))).toEqual([
      'services-list.yml:2:3 services: expected a mapping of service names to their definitions (e.g. web: {image: nginx}), found a list',
    ]);
  });

  it('a project without services', () => {
    expect(problems(bad('no-services.yml'))).toEqual([
      `no-services.yml:1:1 services: no services defined in ${bad('no-services.yml')}: add services: with at least one service`,
    ]);
  });

  it('no compose file at all', () => {
    expect(() => loadComposeProject({ files: [], environment: {} })).toThrow(
      'input "compose-file": no compose file given: name at least one, e.g. docker-compose.yml',
    );
  });

  it('collects the problems of every file at once, each in its own file', () => {
    expect(
      problems([
        bad('good-base.yml'),
        bad('bad-override.yml'),
        bad('tab-indent.yml'),
        path.join(tmp, 'nope.yml'),
      ]),
    ).toEqual([
      'bad-override.yml:3:12 services.web.ports: expected a list of ports, e.g. ["8080:80"], found the string "443:443"',
      'bad-override.yml:5:16 services.web.healthcheck.retries: expected a number, found the string "often"',
      'tab-indent.yml:3:1: tabs are not allowed as indentation: indent with spaces, not tabs',
      `-: cannot read compose file ${path.join(tmp, 'nope.yml')}: no such file`,
    ]);
  });
});

describe('where an interpolation error points', () => {
  it('at the faulty $ when the value is written out as is, else at the value', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-at-'));
    const file = path.join(dir, 'c.yml');
    fs.writeFileSync(
      file,
      'services:\n  web:\n    image: a\n    hostname: \'x${A:?}\'\n    user: "\\t${B:?}"\n    working_dir: >\n      ${C:?}\n',
    );
    try {
      expect(problems(file)).toEqual([
        'c.yml:4:17 services.web.hostname: required variable A is not set (set it in the environment or the env file)',
        'c.yml:5:11 services.web.user: required variable B is not set (set it in the environment or the env file)',
        'c.yml:6:18 services.web.working_dir: required variable C is not set (set it in the environment or the env file)',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
