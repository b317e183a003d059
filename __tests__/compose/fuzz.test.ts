import fc from 'fast-check';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { parseEnvFile } from '../../src/compose/env-file';
import { interpolate, MAX_NESTING, type Lookup } from '../../src/compose/interpolate';
import { loadComposeProject } from '../../src/compose/load';
import { UserError } from '../../src/diagnostics';
import { parseEcsParams } from '../../src/translate/ecs-params';

/**
 * Property-based tests of the compose loader, interpolation and the YAML of ecs-params.yml: generated input, checked
 * against what must hold for every input. Fixed seeds and run counts keep CI reproducible and
 * fast; a failure prints its seed and the shrunk counterexample, which replays it.
 */
const RUNS = { numRuns: 400, seed: 20261124 };

/** Text made of interpolation syntax and a few plain characters, where the interesting cases are. */
const template = fc
  .array(
    fc.oneof(
      fc.constantFrom('$', '$$', '${', '}', ':-', '-', ':?', '?', ':+', '+', '{', 'A', 'B_1', 'x', '1', ' '),
      fc.string({ maxLength: 3 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));
const names = fc.constantFrom('A', 'B_1', 'x', '_', 'TAG');
const environment = fc.dictionary(names, fc.string({ maxLength: 5 }));
/** `$` written as `$$` (a function, since "$$" in a replacement string means one "$"). */
const escape = (text: string): string => text.replaceAll('$', () => '$$');
const lookupOf =
  (env: Record<string, string>): Lookup =>
  (name) =>
    Object.hasOwn(env, name) ? env[name] : undefined;

/** Any character a compose file may hold: graphemes, controls, and what YAML or interpolation treat specially. */
const anyText = fc.string({
  unit: fc.oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    fc.constantFrom(
      '\0', '\t', '\n', '\r', '\u0085', '\u2028', '\uFEFF', '"', "'", '\\', '$', '#', ': ', '- ', '{', '}', '[',
      ']', '&', '*', '!', '|', '>', '%', '@', '`', '${', '$$',
    ), // prettier-ignore
  ),
  maxLength: 20,
});

describe('interpolate', () => {
  it('returns a string, or an error that points at the faulty "$"', () => {
    fc.assert(
      fc.property(template, environment, (text, env) => {
        const result = interpolate(text, lookupOf(env));
        if (result.ok) expect(typeof result.value).toBe('string');
        else {
          expect(result.message).not.toMatch(/^$|undefined|\[object /);
          expect(text[result.offset]).toBe('$');
        }
      }),
      RUNS,
    );
  });

  it('gives back any text whose "$" are written "$$"', () => {
    fc.assert(
      fc.property(anyText, environment, (text, env) => {
        expect(interpolate(escape(text), lookupOf(env))).toEqual({ ok: true, value: text });
      }),
      RUNS,
    );
  });

  it('inserts a value as it is, never interpolating it again', () => {
    fc.assert(
      fc.property(names, anyText, anyText, (name, value, after) => {
        const lookup = lookupOf({ [name]: value });
        const rest = escape(after);
        expect(interpolate(`\${${name}}${rest}`, lookup)).toEqual({ ok: true, value: value + after });
        expect(interpolate(`$${name} ${rest}`, lookup)).toEqual({ ok: true, value: `${value} ${after}` });
      }),
      RUNS,
    );
  });

  it('takes the default of an unset variable, and the alternative of a set one', () => {
    const plain = anyText.map((t) => t.replace(/[$}]/g, ''));
    fc.assert(
      fc.property(names, plain, (name, text) => {
        expect(interpolate(`\${${name}:-${text}}`, () => undefined)).toEqual({ ok: true, value: text });
        expect(interpolate(`\${${name}:+${text}}`, () => 'set')).toEqual({ ok: true, value: text });
        expect(interpolate(`\${${name}:+${text}}`, () => undefined)).toEqual({ ok: true, value: '' });
      }),
      RUNS,
    );
  });

  it('expands defaults nested up to the limit, and points at the first "${" past it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 * MAX_NESTING }), fc.constantFrom('', 'x'), (depth, fill) => {
        const text = `\${A:-${fill}`.repeat(depth) + 'end' + '}'.repeat(depth);
        const result = interpolate(text, () => undefined);
        if (depth <= MAX_NESTING) expect(result).toEqual({ ok: true, value: fill.repeat(depth) + 'end' });
        else expect(result).toMatchObject({ ok: false, offset: MAX_NESTING * (5 + fill.length) });
      }),
      { ...RUNS, numRuns: 100 },
    );
  });
});

describe('parseEnvFile', () => {
  it('reads any text into entries and located diagnostics, never throwing', () => {
    const lines = fc.array(fc.oneof(anyText, template, fc.constantFrom('A=1', 'export B="x', "C='y", '# c')));
    fc.assert(
      fc.property(lines, environment, (parts, env) => {
        const text = parts.join('\n');
        const lineCount = text.split(/\r?\n/).length;
        const parsed = parseEnvFile(text, 'app.env', lookupOf(env));
        for (const loc of [
          ...parsed.entries.map((e) => e.loc),
          ...parsed.diagnostics.map((d) => d.location),
        ]) {
          expect(loc).toEqual({ file: 'app.env', line: expect.any(Number), column: expect.any(Number) });
          expect(loc?.line).toBeGreaterThanOrEqual(1);
          expect(loc?.line).toBeLessThanOrEqual(lineCount);
        }
      }),
      RUNS,
    );
  });
});

describe('parseEcsParams', () => {
  it('reads any text into parameters or a UserError with located diagnostics, never another exception', () => {
    const words = fc.constantFrom(
      'task_definition:', 'services:', 'web:', 'secrets:', 'name: X', 'value_from: arn', 'task_size:',
      'cpu_limit: 256', 'run_params:', 'docker_volumes:', '\n', '\n  ', '\n    ', '- ', ': ', '&a ', '*a', '*b',
      '<<: *a', '[', ']', '{', '}', '"', '#',
    ); // prettier-ignore
    const text = fc.array(fc.oneof(words, anyText), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (text) => {
        try {
          parseEcsParams(text, 'ecs-params.yml');
        } catch (e) {
          if (!(e instanceof UserError)) throw e;
          for (const d of e.diagnostics) expect(d.location?.file).toBe('ecs-params.yml');
        }
      }),
      RUNS,
    );
  });
});

describe('loadComposeProject', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-fuzz-'));
  const file = path.join(dir, 'docker-compose.yml');
  fs.writeFileSync(path.join(dir, 'web.env'), 'A=1\n');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** What a load gives: the project as JSON, or the problems; anything but a UserError escapes. */
  function load(text: string): string {
    fs.writeFileSync(file, text);
    try {
      const project = loadComposeProject({ files: [file], environment: { TAG: '1' } });
      return JSON.stringify({ services: [...project.services], warnings: project.warnings });
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      expect(e.diagnostics.length).toBeGreaterThan(0);
      for (const d of e.diagnostics) {
        expect(d.message).not.toMatch(/^$|undefined|\[object /);
        expect(d.location ?? d.input).toBeDefined();
      }
      return JSON.stringify(e.diagnostics);
    }
  }

  /** Compose-looking text: the words and punctuation of compose files, in any order. */
  const composeish = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          'services:', 'web:', 'image: ', 'nginx', 'environment:', 'env_file: web.env', 'extends: web',
          'ports:', '"8080:80"', 'command: ', 'x-habitat: core/redis', 'version: "3"', 'volumes:',
          '\n', '\n  ', '\n    ', '\n      - ', '- ', ': ', '&a ', '*a', '<<: *a', '!reset ', '!override ',
          '${TAG}', '${TAG:-x}', '${NOPE:?set it}', '$$', '[', ']', '{', '}', ',', '"', "'", '#', '---\n',
          '\t', '\\', '\0',
        ), // prettier-ignore
        anyText,
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(''));

  /** Well-formed YAML with compose keys holding any JSON values: the loads and the schema's refusals. */
  const structured = fc
    .dictionary(
      fc.stringMatching(/^[a-z][a-z0-9_.-]{0,6}$/),
      fc.dictionary(
        fc.constantFrom(
          'image', 'environment', 'env_file', 'ports', 'command', 'extends', 'x-habitat', 'healthcheck',
          'depends_on', 'volumes', 'labels', 'mem_limit', 'build', 'unknown_key',
        ), // prettier-ignore
        fc.oneof(fc.constant('nginx'), fc.jsonValue({ maxDepth: 2 })),
        { maxKeys: 4 },
      ),
      { maxKeys: 3 },
    )
    .map((services) => stringify({ services }));

  it('loads or refuses any text with located diagnostics, the same way every time', () => {
    const text = fc.oneof(composeish, structured, fc.string({ unit: 'binary', maxLength: 200 }));
    fc.assert(
      fc.property(text, (text) => {
        expect(load(text)).toBe(load(text));
      }),
      { ...RUNS, numRuns: 300 },
    );
  });

  it('gives back the strings a file was written with (YAML quoting and "$$" undone)', () => {
    const serviceName = fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/);
    const variable = fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,8}$/);
    const service = fc.record({
      image: anyText.filter((t) => t !== ''),
      environment: fc.dictionary(variable, anyText, { maxKeys: 4 }),
    });
    fc.assert(
      fc.property(fc.dictionary(serviceName, service, { minKeys: 1, maxKeys: 3 }), (services) => {
        const escaped = JSON.parse(escape(JSON.stringify(services))) as unknown;
        fs.writeFileSync(file, stringify({ services: escaped }));
        const project = loadComposeProject({ files: [file], environment: {} });
        expect(Object.fromEntries([...project.services].map(([n, s]) => [n, s.definition]))).toEqual(
          services,
        );
      }),
      { ...RUNS, numRuns: 200 },
    );
  });
});
