import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  SUPERVISOR_CONFLICTS,
  SUPERVISOR_FLAGS,
  SUPERVISOR_REQUIRES,
  type FlagSpec,
} from '../../../src/translate/habitat/supervisor-flags';
import type { ValueSyntax } from '../../../src/translate/habitat/supervisor-values';

describe('the Supervisor flag table', () => {
  it('follows clap: list flags repeat, nothing else does; short forms are unique', () => {
    for (const spec of SUPERVISOR_FLAGS)
      expect([spec.long, spec.repeatable]).toEqual([spec.long, spec.arity === 'several']);
    const shorts = SUPERVISOR_FLAGS.flatMap((s) => (s.short ? [s.short] : []));
    expect(new Set(shorts).size).toBe(shorts.length);
    const names = new Set(SUPERVISOR_FLAGS.map((s) => s.long));
    for (const [a, b] of SUPERVISOR_CONFLICTS) expect([names.has(a), names.has(b)]).toEqual([true, true]);
    for (const [a, needs] of SUPERVISOR_REQUIRES)
      for (const n of [a, ...needs]) expect(names.has(n)).toBe(true);
  });

  it('has no -i and no --svc-config-paths, as Habitat 2.1.78', () => {
    expect(SUPERVISOR_FLAGS.some((s) => s.short === 'i' || s.long === 'svc-config-paths')).toBe(false);
  });

  it('is the one docs/habitat.md shows', () => {
    const doc = fs.readFileSync(path.join(__dirname, '../../../docs/habitat.md'), 'utf8');
    const block = /<!-- supervisor-flags:start -->\n([\s\S]*?)<!-- supervisor-flags:end -->/.exec(doc)?.[1];
    const expected = renderTable();
    // On a mismatch the message is the table to paste (then run prettier on docs/habitat.md).
    expect(normalize(block ?? '')).toBe(normalize(expected));
  });
});

function renderTable(): string {
  const rows = SUPERVISOR_FLAGS.filter((s) => !s.refused).map((s) => [
    `\`${s.shortOnly ? `-${s.short}` : `--${s.long}`}\``,
    s.short && !s.shortOnly ? `\`-${s.short}\`` : '',
    values(s),
    s.repeatable ? 'yes' : 'no',
    s.env ? `\`${s.env}\`` : '',
  ]);
  return [
    '| Flag | Short | Values | Repeatable | Environment variable |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function values(spec: FlagSpec): string {
  if (spec.arity === 'switch') return 'none (a switch)';
  const what = syntax(spec.value ?? 'text');
  if (spec.arity === 'one') return what;
  if (spec.arity === 'several') return `one or more: ${what}`;
  return `none or more: ${what}`;
}

function syntax(value: ValueSyntax): string {
  if (typeof value === 'object') return value.oneOf.map((v) => `\`${v}\``).join(', ');
  return {
    'socket-address': 'IP:port literal, no host names',
    'ipv4-host-port': '`host[:port]`, resolving to IPv4',
    'ip-address': 'IP address',
    u32: 'whole number (32-bit)',
    u64: 'whole number',
    url: 'absolute URL',
    'service-bind': '`name:service.group[@org]`',
    'key-value': '`key=value`',
    path: 'path',
    'toml-file': 'path ending in `.toml`',
    text: 'text',
    'non-empty': 'text, not empty',
    name: 'letters, digits, `-`, `_` (stricter than the Supervisor)',
  }[value];
}

function normalize(table: string): string {
  return table
    .trim()
    .split('\n')
    .map((line) =>
      line
        .split('|')
        .map((cell) => cell.trim().replace(/^-+$/, '---'))
        .join('|'),
    )
    .join('\n');
}
