// Loaded into the action's Node by the benchmarks (NODE_OPTIONS=--require), never by the action
// itself: when the process exits, appends "<script>\t<peak resident set size in KiB>" to
// $HABITAT_ECS_BENCH_RSS_FILE. The figure is the process's own (getrusage), not its children's.
'use strict';
const fs = require('node:fs');

const file = process.env.HABITAT_ECS_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    fs.appendFileSync(file, `${process.argv[1] ?? '?'}\t${process.resourceUsage().maxRSS}\n`);
  });
}
