// The redeploy scenario (BENCHMARKS.md): a realistic package set deployed, then a new release of
// only the application package deployed again from a fresh runner, once with one layer per
// package and once with one layer for all, side by side.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { actionRun, fresh, measure, registryManifest, removeImages } = require('./lib');

/**
 * Dependencies as a Tomcat application like national-parks has them, with their sizes in MB at
 * `--mb 50` (285 MB in all); the application package is the other 5% (15 MB). They scale with --mb.
 */
const DEPENDENCIES = [
  ['core/busybox-static/1.35.0/20240101000000', 1],
  ['core/cacerts/2024.01.01/20240101000000', 0.25],
  ['core/glibc/2.36/20240101000000', 15],
  ['core/gcc-libs/12.2.0/20240101000000', 10],
  ['core/zlib/1.3/20240101000000', 0.25],
  ['core/openssl/3.0.9/20240101000000', 8],
  ['chef/hab/2.1.78/20260821000000', 25],
  ['chef/hab-sup/2.1.78/20260821000000', 30],
  ['chef/hab-launcher/2.1.78/20260821000000', 4],
  ['core/corretto8/8.402/20240101000000', 150],
  ['core/tomcat8/8.5.99/20240101000000', 41.5],
];
const APP_MB = 15;
const APP = 'bench/national-parks';
const RELEASES = ['6.3.0/20260101000000', '6.3.0/20260102000000'];
const OWN = /(^|\/)bench\/national-parks:/;

function workspace() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'habitat-ecs-redeploy-'));
  fs.writeFileSync(
    path.join(dir, 'docker-compose.yml'),
    `version: "2"\nservices:\n  national-parks:\n    image: ${APP}\n    mem_limit: 256m\n`,
  );
  return dir;
}

/** The layers one deploy added to the registry, by what they hold, and their compressed sizes. */
function itemise(before, after, multiLayer) {
  const labels = multiLayer
    ? [...DEPENDENCIES.map(([ident]) => ident), APP, '/bin', '/etc', '/init.sh']
    : ['all packages and files'];
  const held = new Set(before ? before.layers.map((l) => l.digest) : []);
  const layers = after.layers
    .map((l, i) => ({ what: labels[i] ?? `layer ${i + 1}`, bytes: l.size, digest: l.digest }))
    .filter((l) => !held.has(l.digest));
  return { layers, config: after.config.size, manifest: after.bytes };
}

/** First deploy, then the next release of the application only, from a fresh runner; the second is measured. */
function redeploy({ scale, multiLayer }) {
  fresh(OWN);
  const ws = workspace();
  const env = {
    HAB_STANDIN_DEPS: DEPENDENCIES.map(([ident, mb]) => `${ident}=${mb * scale}`).join(','),
    HAB_STANDIN_PAYLOAD_MB: String(APP_MB * scale),
  };
  const deploy = (i) => () =>
    actionRun({
      workspace: ws,
      env,
      inputs: {
        'habitat-packages': `${APP}/${RELEASES[i]}`,
        'habitat-multi-layer': String(multiLayer),
        cluster: 'bench',
        service: 'bench-redeploy',
        'image-tag': `redeploy-${i + 1}`,
        'launch-type': 'EC2',
      },
    });
  const first = measure(deploy(0));
  const before = registryManifest(APP, 'redeploy-1');
  removeImages(OWN);
  const again = measure(deploy(1));
  const items = itemise(before, registryManifest(APP, 'redeploy-2'), multiLayer);
  const app = items.layers.find((l) => l.what === APP);
  fs.rmSync(ws, { recursive: true, force: true });
  return { multiLayer, first, again, items, appLayerBytes: app ? app.bytes : 0 };
}

module.exports = { redeploy, DEPENDENCIES, APP_MB };
