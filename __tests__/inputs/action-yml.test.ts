import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { INPUTS, OUTPUTS } from '../../src/inputs/spec';

const action = YAML.parse(fs.readFileSync(path.join(__dirname, '../../action.yml'), 'utf8'));

test('action.yml declares exactly the inputs the code reads, with the same descriptions and defaults', () => {
  const declared = Object.fromEntries(
    Object.entries(action.inputs as Record<string, { description: string; default?: string }>).map(
      ([k, v]) => [
        k,
        { description: v.description, ...(v.default !== undefined && { default: String(v.default) }) },
      ],
    ),
  );
  const described = Object.fromEntries(
    Object.entries(INPUTS as Record<string, { example?: string }>).map(([k, { example: _example, ...v }]) => [
      k,
      v,
    ]),
  );
  expect(declared).toEqual(described);
});

test('action.yml declares exactly the outputs the code sets', () => {
  const declared = Object.fromEntries(
    Object.entries(action.outputs as Record<string, { description: string }>).map(([k, v]) => [
      k,
      v.description,
    ]),
  );
  expect(declared).toEqual(OUTPUTS);
});

// nektos/act evaluates `${{ }}` wherever it reads action.yml, descriptions included, and fails the
// job on one it cannot parse (`steps.<id>`).
test('no description holds an expression', () => {
  const descriptions = [...Object.values(INPUTS).map((i) => i.description), ...Object.values(OUTPUTS)];
  expect(descriptions.filter((d) => d.includes('${{'))).toEqual([]);
});

test('action.yml runs the bundle on node24 with a post step', () => {
  expect(action.runs).toEqual({
    using: 'node24',
    main: 'dist/index.js',
    post: 'dist/index.js',
    'post-if': 'always()',
  });
});

/** Rows of docs/inputs.md's table between `<!-- name:start -->` and `<!-- name:end -->`, cells trimmed. */
function referenceTable(name: string): string[][] {
  const doc = fs.readFileSync(path.join(__dirname, '../../docs/inputs.md'), 'utf8');
  const block = new RegExp(`<!-- ${name}:start -->([\\s\\S]*?)<!-- ${name}:end -->`).exec(doc)?.[1] ?? '';
  return block
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .slice(2)
    .map((l) =>
      l
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim().replace(/\\\|/g, '|')),
    );
}

test('docs/inputs.md documents every input with its default, as action.yml does, and its example', () => {
  const expected = Object.entries(INPUTS).map(([name, spec]) => [
    `\`${name}\``,
    'default' in spec ? `\`${spec.default}\`` : '',
    spec.description,
    'example' in spec ? `\`${name}: ${spec.example}\`` : '',
  ]);
  expect(referenceTable('inputs')).toEqual(expected);
});

test('docs/inputs.md documents every output', () => {
  expect(referenceTable('outputs')).toEqual(Object.entries(OUTPUTS).map(([name, d]) => [`\`${name}\``, d]));
});
