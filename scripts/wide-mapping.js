#!/usr/bin/env node
// A compose file of 1,024,050 bytes (just under the 1 MiB limit) whose `x-wide` is one flow
// mapping of 153,000 keys: the worst case for a parser's duplicate-key check. Used by
// __tests__/compose/robustness.test.ts, and for BENCHMARKS.md:
//
//   node scripts/wide-mapping.js > /tmp/wide.yml && node dist/cli/index.js render -f /tmp/wide.yml --family wide
'use strict';

const KEYS = 153_000;
const BYTES = 1_024_050;

function wideMapping() {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const keys = [];
  for (let i = 0; i < KEYS; i++) {
    let n = i;
    let key = '';
    for (let j = 0; j < 4; j++) {
      key = letters[n % 26] + key;
      n = Math.floor(n / 26);
    }
    keys.push(`k${key}`);
  }
  const text = `services:\n  web:\n    image: nginx\nx-wide: {${keys.join(',')}}\n`;
  return `${text}# ${'x'.repeat(BYTES - text.length - 3)}\n`;
}

module.exports = { wideMapping };
if (require.main === module) process.stdout.write(wideMapping());
