// `ncc build ENTRY -o OUT [--license FILE]`, through ncc's API, which can do one thing its command
// line cannot: resolve packages by their `module` field first. The AWS SDK clients name their ES
// module build there (with `sideEffects: false`), from which webpack keeps only the commands this
// action sends; their CommonJS `main` is one file with every command of the service. That makes the
// SDK chunk a deploy loads about 30% smaller (see BENCHMARKS.md, "Bundle and cold start").
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ncc = require('@vercel/ncc');

async function main() {
  const [entry, flag, out, ...rest] = process.argv.slice(2);
  const license = rest[0] === '--license' ? rest[1] : undefined;
  if (!entry || flag !== '-o' || !out || (rest.length > 0 && !license))
    throw new Error('usage: node scripts/ncc-build.js ENTRY -o OUT [--license FILE]');
  const { code, assets } = await ncc(path.resolve(entry), {
    mainFields: ['module', 'main'],
    quiet: true,
    ...(license && { license }),
  });
  fs.mkdirSync(out, { recursive: true });
  // A shebang (the CLI) makes the file executable, as ncc's command line does.
  fs.writeFileSync(path.join(out, 'index.js'), code, { mode: code.startsWith('#!') ? 0o755 : 0o644 });
  for (const [name, asset] of Object.entries(assets)) {
    const file = path.join(out, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, asset.source, asset.permissions ? { mode: asset.permissions } : {});
  }
  const size = (file) => `${(fs.statSync(path.join(out, file)).size / 1024).toFixed(0)} KiB`;
  console.log(
    `${path.join(out, 'index.js')}: ${size('index.js')} and ${Object.keys(assets).length} more file(s)`,
  );
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
